// The cmath module: Modules/cmathmodule.c of CPython 3.14. Each c_* function computes the
// C99 Annex G result and reports through errno as CPython's do: 0, EDOM (ValueError "math
// domain error") or ERANGE (OverflowError "math range error"). Infinite and NaN arguments are
// answered from the 7x7 special-value tables, indexed by the class of the real and imaginary
// parts. The real functions (sqrt, atan2, log, hypot...) are the host's libm.
#include "modules/cmath/cmathmodule.h"

#include <cerrno>
#include <cfloat>
#include <cmath>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/complexobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"

namespace cppy::modules::cmath {

using namespace objects;

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662497757;
constexpr double kTau = 6.283185307179586476925286766559005768394;
constexpr double kLn2 = 0.6931471805599453094;   // natural log of 2
constexpr double kLn10 = 2.302585092994045684;   // natural log of 10

// CM_LARGE_DOUBLE avoids spurious overflow in sqrt, log and the inverse functions; its log
// bounds the arguments of exp, cos, cosh, sin, sinh, tan and tanh.
constexpr double kLargeDouble = DBL_MAX / 4.;
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kLogLargeDouble = std::log(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
// CM_SCALE_UP: an odd power of two that makes a subnormal normal; CM_SCALE_DOWN undoes the
// square root of it.
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

// special_type: the classes indexing the tables.
enum SpecialType { kNInf, kNeg, kNZero, kPZero, kPos, kPInf, kNan };

SpecialType special_type(double d) {
  if (std::isfinite(d)) {
    if (d != 0) return std::copysign(1., d) == 1. ? kPos : kNeg;
    return std::copysign(1., d) == 1. ? kPZero : kNZero;
  }
  if (std::isnan(d)) return kNan;
  return std::copysign(1., d) == 1. ? kPInf : kNInf;
}

// The special-value tables (cmath_exec's INIT_SPECIAL_VALUES), rows by the real part's class,
// columns by the imaginary part's.
constexpr double P = kPi;
constexpr double P14 = 0.25 * kPi;
constexpr double P12 = 0.5 * kPi;
constexpr double P34 = 0.75 * kPi;
constexpr double INF = HUGE_VAL;
constexpr double N = __builtin_nan("");
constexpr double U = -9.5426319407711027e33;  // unlikely value, used as a placeholder

using Table = Complex[7][7];

constexpr Table acos_special_values = {
    {{P34, INF}, {P, INF}, {P, INF}, {P, -INF}, {P, -INF}, {P34, -INF}, {N, INF}},
    {{P12, INF}, {U, U}, {U, U}, {U, U}, {U, U}, {P12, -INF}, {N, N}},
    {{P12, INF}, {U, U}, {P12, 0.}, {P12, -0.}, {U, U}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {U, U}, {P12, 0.}, {P12, -0.}, {U, U}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {U, U}, {U, U}, {U, U}, {U, U}, {P12, -INF}, {N, N}},
    {{P14, INF}, {0., INF}, {0., INF}, {0., -INF}, {0., -INF}, {P14, -INF}, {N, INF}},
    {{N, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {N, -INF}, {N, N}},
};

constexpr Table acosh_special_values = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -P12}, {0., P12}, {U, U}, {INF, P12}, {N, P12}},
    {{INF, -P12}, {U, U}, {0., -P12}, {0., P12}, {U, U}, {INF, P12}, {N, P12}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};

constexpr Table asinh_special_values = {
    {{-INF, -P14}, {-INF, -0.}, {-INF, -0.}, {-INF, 0.}, {-INF, 0.}, {-INF, P14}, {-INF, N}},
    {{-INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {-INF, P12}, {N, N}},
    {{-INF, -P12}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {INF, N}, {N, N}},
};

constexpr Table atanh_special_values = {
    {{-0., -P12}, {-0., -P12}, {-0., -P12}, {-0., P12}, {-0., P12}, {-0., P12}, {-0., N}},
    {{-0., -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {-0., P12}, {N, N}},
    {{-0., -P12}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-0., P12}, {-0., N}},
    {{0., -P12}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., P12}, {0., N}},
    {{0., -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {0., P12}, {N, N}},
    {{0., -P12}, {0., -P12}, {0., -P12}, {0., P12}, {0., P12}, {0., P12}, {0., N}},
    {{0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0., P12}, {N, N}},
};

constexpr Table cosh_special_values = {
    {{INF, N}, {U, U}, {INF, 0.}, {INF, -0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, 0.}, {U, U}, {1., 0.}, {1., -0.}, {U, U}, {N, 0.}, {N, 0.}},
    {{N, 0.}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, 0.}, {N, 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Table exp_special_values = {
    {{0., 0.}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Table log_special_values = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {-INF, -P}, {-INF, P}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {-INF, -0.}, {-INF, 0.}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};

constexpr Table sinh_special_values = {
    {{INF, N}, {U, U}, {-INF, -0.}, {-INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{0., N}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {0., N}, {0., N}},
    {{0., N}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., N}, {0., N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Table sqrt_special_values = {
    {{INF, -INF}, {0., -INF}, {0., -INF}, {0., INF}, {0., INF}, {INF, INF}, {N, INF}},
    {{INF, -INF}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, INF}, {INF, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
};

constexpr Table tanh_special_values = {
    {{-1., 0.}, {U, U}, {-1., -0.}, {-1., 0.}, {U, U}, {-1., 0.}, {-1., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {N, N}, {-0., N}},
    {{N, N}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {N, N}, {0., N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{1., 0.}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {1., 0.}, {1., 0.}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Table rect_special_values = {
    {{INF, N}, {U, U}, {-INF, 0.}, {-INF, -0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{0., 0.}, {U, U}, {-0., 0.}, {-0., -0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{0., 0.}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

// SPECIAL_VALUE: the table's entry for a non-finite z (errno cleared), or false.
bool special_value(Complex z, const Table& table, Complex* r) {
  if (std::isfinite(z.real) && std::isfinite(z.imag)) return false;
  errno = 0;
  *r = table[special_type(z.real)][special_type(z.imag)];
  return true;
}

// _Py_log1p (Modules/_math.h): keeps the sign of a zero argument.
double m_log1p(double x) {
  if (x == 0.0) return x;
  return std::log1p(x);
}

Complex c_neg(Complex a) { return {-a.real, -a.imag}; }

Complex c_sqrt(Complex z);
Complex c_asinh(Complex z);
Complex c_atanh(Complex z);
Complex c_cosh(Complex z);
Complex c_sinh(Complex z);
Complex c_tanh(Complex z);

// cmath_acos_impl.
Complex c_acos(Complex z) {
  Complex r;
  if (special_value(z, acos_special_values, &r)) return r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    // Avoid unnecessary overflow for large arguments.
    r.real = std::atan2(std::fabs(z.imag), z.real);
    // Split into cases to keep the branch cut's continuity with unsigned zeros.
    if (z.real < 0.)
      r.imag = -std::copysign(std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2., z.imag);
    else
      r.imag = std::copysign(std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2., -z.imag);
  } else {
    Complex s1 = c_sqrt({1. - z.real, -z.imag});
    Complex s2 = c_sqrt({1. + z.real, z.imag});
    r.real = 2. * std::atan2(s1.real, s2.real);
    r.imag = std::asinh(s2.real * s1.imag - s2.imag * s1.real);
  }
  errno = 0;
  return r;
}

// cmath_acosh_impl.
Complex c_acosh(Complex z) {
  Complex r;
  if (special_value(z, acosh_special_values, &r)) return r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    r.real = std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2.;
    r.imag = std::atan2(z.imag, z.real);
  } else {
    Complex s1 = c_sqrt({z.real - 1., z.imag});
    Complex s2 = c_sqrt({z.real + 1., z.imag});
    r.real = std::asinh(s1.real * s2.real + s1.imag * s2.imag);
    r.imag = 2. * std::atan2(s1.imag, s2.real);
  }
  errno = 0;
  return r;
}

// cmath_asin_impl: asin(z) = -i asinh(iz).
Complex c_asin(Complex z) {
  Complex s = c_asinh({-z.imag, z.real});
  return {s.imag, -s.real};
}

// cmath_asinh_impl.
Complex c_asinh(Complex z) {
  Complex r;
  if (special_value(z, asinh_special_values, &r)) return r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    if (z.imag >= 0.)
      r.real = std::copysign(std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2., z.real);
    else
      r.real = -std::copysign(std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2., -z.real);
    r.imag = std::atan2(z.imag, std::fabs(z.real));
  } else {
    Complex s1 = c_sqrt({1. + z.imag, -z.real});
    Complex s2 = c_sqrt({1. - z.imag, z.real});
    r.real = std::asinh(s1.real * s2.imag - s2.real * s1.imag);
    r.imag = std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
  }
  errno = 0;
  return r;
}

// cmath_atan_impl: atan(z) = -i atanh(iz).
Complex c_atan(Complex z) {
  Complex s = c_atanh({-z.imag, z.real});
  return {s.imag, -s.real};
}

// c_atan2: atan2 with C99's answers for infinities and NaNs on every platform.
double c_atan2(Complex z) {
  if (std::isnan(z.real) || std::isnan(z.imag)) return N;
  if (std::isinf(z.imag)) {
    if (std::isinf(z.real)) {
      if (std::copysign(1., z.real) == 1.) return std::copysign(0.25 * kPi, z.imag);
      return std::copysign(0.75 * kPi, z.imag);
    }
    return std::copysign(0.5 * kPi, z.imag);
  }
  if (std::isinf(z.real) || z.imag == 0.) {
    if (std::copysign(1., z.real) == 1.) return std::copysign(0., z.imag);
    return std::copysign(kPi, z.imag);
  }
  return std::atan2(z.imag, z.real);
}

// cmath_atanh_impl.
Complex c_atanh(Complex z) {
  Complex r;
  if (special_value(z, atanh_special_values, &r)) return r;
  // Reduce to z.real >= 0 with atanh(z) = -atanh(-z).
  if (z.real < 0.) return c_neg(c_atanh(c_neg(z)));
  double ay = std::fabs(z.imag);
  if (z.real > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    // For a large |z|, atanh(z) ~ 1/z +/- i*pi/2.
    double h = std::hypot(z.real / 2., z.imag / 2.);  // safe from overflow
    r.real = z.real / 4. / h / h;
    r.imag = -std::copysign(kPi / 2., -z.imag);
    errno = 0;
  } else if (z.real == 1. && ay < kSqrtDblMin) {
    // C99: atanh(1+/-0.) is inf +/- 0i.
    if (ay == 0.) {
      r.real = INF;
      r.imag = z.imag;
      errno = EDOM;
    } else {
      r.real = -std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.)));
      r.imag = std::copysign(std::atan2(2., -ay) / 2, z.imag);
      errno = 0;
    }
  } else {
    r.real = m_log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
    r.imag = -std::atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
    errno = 0;
  }
  return r;
}

// cmath_cos_impl: cos(z) = cosh(iz).
Complex c_cos(Complex z) { return c_cosh({-z.imag, z.real}); }

// cmath_cosh_impl.
Complex c_cosh(Complex z) {
  Complex r;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    // cosh(+/-inf + iy) for a finite nonzero y.
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
      if (z.real > 0) {
        r.real = std::copysign(INF, std::cos(z.imag));
        r.imag = std::copysign(INF, std::sin(z.imag));
      } else {
        r.real = std::copysign(INF, std::cos(z.imag));
        r.imag = -std::copysign(INF, std::sin(z.imag));
      }
    } else {
      r = cosh_special_values[special_type(z.real)][special_type(z.imag)];
    }
    // EDOM if y is +/-infinity and x is not a NaN.
    errno = std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0;
    return r;
  }
  if (std::fabs(z.real) > kLogLargeDouble) {
    // cosh(z.real) overflows while cosh(z) may not.
    double x_minus_one = z.real - std::copysign(1., z.real);
    r.real = std::cos(z.imag) * std::cosh(x_minus_one) * kE;
    r.imag = std::sin(z.imag) * std::sinh(x_minus_one) * kE;
  } else {
    r.real = std::cos(z.imag) * std::cosh(z.real);
    r.imag = std::sin(z.imag) * std::sinh(z.real);
  }
  errno = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
  return r;
}

// cmath_exp_impl.
Complex c_exp(Complex z) {
  Complex r;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
      if (z.real > 0) {
        r.real = std::copysign(INF, std::cos(z.imag));
        r.imag = std::copysign(INF, std::sin(z.imag));
      } else {
        r.real = std::copysign(0., std::cos(z.imag));
        r.imag = std::copysign(0., std::sin(z.imag));
      }
    } else {
      r = exp_special_values[special_type(z.real)][special_type(z.imag)];
    }
    // EDOM if y is +/-infinity and x is neither a NaN nor -infinity.
    errno = std::isinf(z.imag) &&
                    (std::isfinite(z.real) || (std::isinf(z.real) && z.real > 0))
                ? EDOM
                : 0;
    return r;
  }
  if (z.real > kLogLargeDouble) {
    double l = std::exp(z.real - 1.);
    r.real = l * std::cos(z.imag) * kE;
    r.imag = l * std::sin(z.imag) * kE;
  } else {
    double l = std::exp(z.real);
    r.real = l * std::cos(z.imag);
    r.imag = l * std::sin(z.imag);
  }
  errno = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
  return r;
}

// c_log: log(hypot) with rescaling for subnormal or huge moduli and log1p near |z| = 1.
Complex c_log(Complex z) {
  Complex r;
  if (special_value(z, log_special_values, &r)) return r;
  double ax = std::fabs(z.real), ay = std::fabs(z.imag);
  if (ax > kLargeDouble || ay > kLargeDouble) {
    r.real = std::log(std::hypot(ax / 2., ay / 2.)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0. || ay > 0.) {
      // hypot(ax, ay) would be subnormal.
      r.real = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) -
               DBL_MANT_DIG * kLn2;
    } else {
      // log(+/-0. +/- 0i).
      r.real = -INF;
      r.imag = std::atan2(z.imag, z.real);
      errno = EDOM;
      return r;
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay;
      double an = ax > ay ? ay : ax;
      r.real = m_log1p((am - 1) * (am + 1) + an * an) / 2.;
    } else {
      r.real = std::log(h);
    }
  }
  r.imag = std::atan2(z.imag, z.real);
  errno = 0;
  return r;
}

// cmath_log10_impl.
Complex c_log10(Complex z) {
  Complex r = c_log(z);
  int errno_save = errno;  // in case the divisions touch errno
  r.real = r.real / kLn10;
  r.imag = r.imag / kLn10;
  errno = errno_save;
  return r;
}

// cmath_sin_impl: sin(z) = -i sinh(iz).
Complex c_sin(Complex z) {
  Complex s = c_sinh({-z.imag, z.real});
  return {s.imag, -s.real};
}

// cmath_sinh_impl.
Complex c_sinh(Complex z) {
  Complex r;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
      if (z.real > 0) {
        r.real = std::copysign(INF, std::cos(z.imag));
        r.imag = std::copysign(INF, std::sin(z.imag));
      } else {
        r.real = -std::copysign(INF, std::cos(z.imag));
        r.imag = std::copysign(INF, std::sin(z.imag));
      }
    } else {
      r = sinh_special_values[special_type(z.real)][special_type(z.imag)];
    }
    errno = std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0;
    return r;
  }
  if (std::fabs(z.real) > kLogLargeDouble) {
    double x_minus_one = z.real - std::copysign(1., z.real);
    r.real = std::cos(z.imag) * std::sinh(x_minus_one) * kE;
    r.imag = std::sin(z.imag) * std::cosh(x_minus_one) * kE;
  } else {
    r.real = std::cos(z.imag) * std::sinh(z.real);
    r.imag = std::sin(z.imag) * std::cosh(z.real);
  }
  errno = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
  return r;
}

// cmath_sqrt_impl: s = sqrt((x + hypot(x, y))/2) computed as 2*sqrt(x/8 + hypot(x/8, y/8)) to
// avoid overflow, with subnormal arguments scaled up first; d = (y/2)/s.
Complex c_sqrt(Complex z) {
  Complex r;
  if (special_value(z, sqrt_special_values, &r)) return r;
  if (z.real == 0. && z.imag == 0.) return {0., z.imag};
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.;
    s = 2. * std::sqrt(ax + std::hypot(ax, ay / 8.));
  }
  double d = ay / (2. * s);
  if (z.real >= 0.) {
    r.real = s;
    r.imag = std::copysign(d, z.imag);
  } else {
    r.real = d;
    r.imag = std::copysign(s, z.imag);
  }
  errno = 0;
  return r;
}

// cmath_tan_impl: tan(z) = -i tanh(iz).
Complex c_tan(Complex z) {
  Complex s = c_tanh({-z.imag, z.real});
  return {s.imag, -s.real};
}

// cmath_tanh_impl: tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) /
// (1+tan(y)^2 tanh(x)^2), with 1-tanh(x)^2 as 1/cosh(x)^2, or 4 exp(-2x) for a large x.
Complex c_tanh(Complex z) {
  Complex r;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
      r.real = z.real > 0 ? 1.0 : -1.0;
      r.imag = std::copysign(0., 2. * std::sin(z.imag) * std::cos(z.imag));
    } else {
      r = tanh_special_values[special_type(z.real)][special_type(z.imag)];
    }
    // EDOM if z.imag is +/-infinity and z.real is finite.
    errno = std::isinf(z.imag) && std::isfinite(z.real) ? EDOM : 0;
    return r;
  }
  if (std::fabs(z.real) > kLogLargeDouble) {
    r.real = std::copysign(1., z.real);
    r.imag = 4. * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2. * std::fabs(z.real));
  } else {
    double tx = std::tanh(z.real);
    double ty = std::tan(z.imag);
    double cx = 1. / std::cosh(z.real);
    double txty = tx * ty;
    double denom = 1. + txty * txty;
    r.real = tx * (1. + ty * ty) / denom;
    r.imag = ((ty / denom) * cx) * cx;
  }
  errno = 0;
  return r;
}

// math_error: the exception for errno.
Object* math_error() {
  if (errno == EDOM)
    errors::set_string(exc_ValueError, "math domain error");
  else if (errno == ERANGE)
    errors::set_string(exc_OverflowError, "math range error");
  else  // an unexpected math error
    errors::set_from_errno(exc_ValueError);
  return nullptr;
}

// The Py_complex_protected converter and return converter of the one-argument functions.
template <Complex (*F)(Complex)>
Object* complex_function(Object*, Object* arg) {
  errno = 0;
  Complex z = complex_as_ccomplex(arg);
  if (errors::occurred()) return nullptr;
  Complex r = F(z);
  if (errno == EDOM) {
    errors::set_string(exc_ValueError, "math domain error");
    return nullptr;
  }
  if (errno == ERANGE) {
    errors::set_string(exc_OverflowError, "math range error");
    return nullptr;
  }
  return complex_from_doubles(r.real, r.imag);
}

// cmath_log_impl: log(z[, base]).
Object* cmath_log(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("log", nargs, 1, 2)) return nullptr;
  Complex x = complex_as_ccomplex(args[0]);
  if (errors::occurred()) return nullptr;
  errno = 0;
  x = c_log(x);
  if (nargs > 1) {
    Complex y = complex_as_ccomplex(args[1]);
    if (errors::occurred()) return nullptr;
    y = c_log(y);
    x = complex_c_quot(x, y);
  }
  if (errno != 0) return math_error();
  return complex_from_doubles(x.real, x.imag);
}

// cmath_phase_impl.
Object* cmath_phase(Object*, Object* arg) {
  Complex z = complex_as_ccomplex(arg);
  if (errors::occurred()) return nullptr;
  errno = 0;
  double phi = c_atan2(z);  // raises no exception
  if (errno != 0) return math_error();
  return float_from_double(phi);
}

// cmath_polar_impl.
Object* cmath_polar(Object*, Object* arg) {
  Complex z = complex_as_ccomplex(arg);
  if (errors::occurred()) return nullptr;
  errno = 0;
  double phi = c_atan2(z);
  double r = complex_c_abs(z);  // ERANGE on overflow
  if (errno != 0) return math_error();
  Ref<> a = Ref<>::steal(float_from_double(r));
  if (!a) return nullptr;
  Ref<> b = Ref<>::steal(float_from_double(phi));
  if (!b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

// The clinic's double converter: PyFloat_AsDouble with the exact-float fast path.
bool as_double(Object* o, double* out) {
  if (float_check_exact(o)) {
    *out = float_value(o);
    return true;
  }
  *out = float_as_double(o);
  return !(*out == -1.0 && errors::occurred());
}

// cmath_rect_impl: rect(r, phi) behaves as exp(log(r) + i phi) for a positive-signed r,
// -exp(log(-r) + i phi) for a negative-signed one, and as exp(nan + i phi) for a NaN r.
Object* cmath_rect(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("rect", nargs, 2, 2)) return nullptr;
  double r, phi;
  if (!as_double(args[0], &r) || !as_double(args[1], &phi)) return nullptr;
  Complex z;
  errno = 0;
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    // For an infinite r and a finite nonzero phi, the signs come from cos(phi), sin(phi).
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.) {
      if (r > 0) {
        z.real = std::copysign(INF, std::cos(phi));
        z.imag = std::copysign(INF, std::sin(phi));
      } else {
        z.real = -std::copysign(INF, std::cos(phi));
        z.imag = -std::copysign(INF, std::sin(phi));
      }
    } else {
      z = rect_special_values[special_type(r)][special_type(phi)];
    }
    // EDOM if r is a nonzero number and phi is infinite.
    errno = r != 0. && !std::isnan(r) && std::isinf(phi) ? EDOM : 0;
  } else if (phi == 0.0) {
    // bpo-18513: OS X 10.8's cos/sin gave wrong signs for phi = -0.0.
    z.real = r;
    z.imag = r * phi;
    errno = 0;
  } else {
    z.real = r * std::cos(phi);
    z.imag = r * std::sin(phi);
    errno = 0;
  }
  if (errno != 0) return math_error();
  return complex_from_doubles(z.real, z.imag);
}

// cmath_isfinite_impl, cmath_isnan_impl, cmath_isinf_impl.
Object* cmath_isfinite(Object*, Object* arg) {
  Complex z = complex_as_ccomplex(arg);
  if (errors::occurred()) return nullptr;
  return bool_from_long(std::isfinite(z.real) && std::isfinite(z.imag));
}
Object* cmath_isnan(Object*, Object* arg) {
  Complex z = complex_as_ccomplex(arg);
  if (errors::occurred()) return nullptr;
  return bool_from_long(std::isnan(z.real) || std::isnan(z.imag));
}
Object* cmath_isinf(Object*, Object* arg) {
  Complex z = complex_as_ccomplex(arg);
  if (errors::occurred()) return nullptr;
  return bool_from_long(std::isinf(z.real) || std::isinf(z.imag));
}

// cmath_isclose_impl: the "weak" test of Boost on |a - b|.
Object* cmath_isclose(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"a", "b", "rel_tol", "abs_tol", nullptr};
  static const ArgParser parser = {"isclose", kw, 2, 2, 0};
  Object* a_[4] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a_) < 0) return nullptr;
  Complex a = complex_as_ccomplex(a_[0]);
  if (errors::occurred()) return nullptr;
  Complex b = complex_as_ccomplex(a_[1]);
  if (errors::occurred()) return nullptr;
  double rel_tol = 1e-09, abs_tol = 0.0;
  if (a_[2] && !as_double(a_[2], &rel_tol)) return nullptr;
  if (a_[3] && !as_double(a_[3], &abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    errors::set_string(exc_ValueError, "tolerances must be non-negative");
    return nullptr;
  }
  // Exact equality catches two infinities of the same sign.
  if (a.real == b.real && a.imag == b.imag) return bool_from_long(1);
  // Infinities of opposite signs, or an infinity and a finite number.
  if (std::isinf(a.real) || std::isinf(a.imag) || std::isinf(b.real) || std::isinf(b.imag))
    return bool_from_long(0);
  double diff = complex_c_abs({a.real - b.real, a.imag - b.imag});
  return bool_from_long(diff <= rel_tol * complex_c_abs(b) || diff <= rel_tol * complex_c_abs(a) ||
                        diff <= abs_tol);
}

#define CMATH_FUNC(name, doc)                                                         \
  {#name, reinterpret_cast<void*>(complex_function<c_##name>), kMethO,               \
   #name "($module, z, /)\n--\n\n" doc}

MethodDef cmath_methods[] = {
    CMATH_FUNC(acos, "Return the arc cosine of z."),
    CMATH_FUNC(acosh, "Return the inverse hyperbolic cosine of z."),
    CMATH_FUNC(asin, "Return the arc sine of z."),
    CMATH_FUNC(asinh, "Return the inverse hyperbolic sine of z."),
    CMATH_FUNC(atan, "Return the arc tangent of z."),
    CMATH_FUNC(atanh, "Return the inverse hyperbolic tangent of z."),
    CMATH_FUNC(cos, "Return the cosine of z."),
    CMATH_FUNC(cosh, "Return the hyperbolic cosine of z."),
    CMATH_FUNC(exp, "Return the exponential value e**z."),
    {"isclose", reinterpret_cast<void*>(cmath_isclose), kMethFastcall | kMethKeywords,
     "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
     "Determine whether two complex numbers are close in value.\n\n"
     "  rel_tol\n"
     "    maximum difference for being considered \"close\", relative to the\n"
     "    magnitude of the input values\n"
     "  abs_tol\n"
     "    maximum difference for being considered \"close\", regardless of the\n"
     "    magnitude of the input values\n\n"
     "Return True if a is close in value to b, and False otherwise.\n\n"
     "For the values to be considered close, the difference between them must be\n"
     "smaller than at least one of the tolerances.\n\n"
     "-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\n"
     "not close to anything, even itself. inf and -inf are only close to themselves."},
    {"isfinite", reinterpret_cast<void*>(cmath_isfinite), kMethO,
     "isfinite($module, z, /)\n--\n\n"
     "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", reinterpret_cast<void*>(cmath_isinf), kMethO,
     "isinf($module, z, /)\n--\n\nChecks if the real or imaginary part of z is infinite."},
    {"isnan", reinterpret_cast<void*>(cmath_isnan), kMethO,
     "isnan($module, z, /)\n--\n\nChecks if the real or imaginary part of z not a number (NaN)."},
    {"log", reinterpret_cast<void*>(cmath_log), kMethFastcall,
     "log($module, z, base=<unrepresentable>, /)\n--\n\n"
     "log(z[, base]) -> the logarithm of z to the given base.\n\n"
     "If the base is not specified, returns the natural logarithm (base e) of z."},
    CMATH_FUNC(log10, "Return the base-10 logarithm of z."),
    {"phase", reinterpret_cast<void*>(cmath_phase), kMethO,
     "phase($module, z, /)\n--\n\nReturn argument, also known as the phase angle, of a complex."},
    {"polar", reinterpret_cast<void*>(cmath_polar), kMethO,
     "polar($module, z, /)\n--\n\n"
     "Convert a complex from rectangular coordinates to polar coordinates.\n\n"
     "r is the distance from 0 and phi the phase angle."},
    {"rect", reinterpret_cast<void*>(cmath_rect), kMethFastcall,
     "rect($module, r, phi, /)\n--\n\n"
     "Convert from polar coordinates to rectangular coordinates."},
    CMATH_FUNC(sin, "Return the sine of z."),
    CMATH_FUNC(sinh, "Return the hyperbolic sine of z."),
    CMATH_FUNC(sqrt, "Return the square root of z."),
    CMATH_FUNC(tan, "Return the tangent of z."),
    CMATH_FUNC(tanh, "Return the hyperbolic tangent of z."),
    {nullptr, nullptr, 0, nullptr}};

#undef CMATH_FUNC

int add_value(Object* m, const char* name, Object* v) {
  if (!v) return -1;
  int r = module_add_object_ref(m, name, v);
  decref(v);
  return r;
}

// cmath_exec.
int cmath_exec(Object* m) {
  if (add_value(m, "pi", float_from_double(kPi)) < 0 ||
      add_value(m, "e", float_from_double(kE)) < 0 ||
      add_value(m, "tau", float_from_double(kTau)) < 0 ||
      add_value(m, "inf", float_from_double(INF)) < 0 ||
      add_value(m, "infj", complex_from_doubles(0.0, INF)) < 0 ||
      add_value(m, "nan", float_from_double(std::fabs(N))) < 0 ||
      add_value(m, "nanj", complex_from_doubles(0.0, N)) < 0)
    return -1;
  return 0;
}

ModuleDef cmath_def = {"cmath",
                       "This module provides access to mathematical functions for complex\n"
                       "numbers.",
                       cmath_methods, cmath_exec};

}  // namespace

ModuleDef* module_def() { return &cmath_def; }

}  // namespace cppy::modules::cmath
