// Objects/floatobject.c (double_round, float___round___impl, float_hex, float_fromhex,
// float_as_integer_ratio_impl) and Modules/mathmodule.c (math_fsum, m_tgamma, m_lgamma,
// m_sinpi, lanczos_sum, m_remainder, vector_norm, math_hypot, math_dist_impl,
// math_isclose_impl).
#include "pymath/pymath.h"

#include <charconv>
#include <cmath>
#include <cfloat>
#include <climits>
#include <limits>

#include "pystrconv/pyctype.h"

namespace cppy::pymath {

namespace bi = objects::bigint;

// ---- round ----

double round_half_even(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return rounded;
}

namespace {

bi::Int power_of_ten(std::int64_t k) {
  bi::Int ten = bi::Int::from_i64(10), r;
  bi::pow(ten, bi::Int::from_i64(k), nullptr, &r);
  return r;
}

// round(n / d) with ties to even; n >= 0, d > 0.
bi::Int divide_round_half_even(const bi::Int& n, const bi::Int& d) {
  bi::Int q, r;
  bi::divmod(n, d, &q, &r);
  int c = bi::compare(bi::lshift(r, 1), d);
  if (c > 0 || (c == 0 && q.size() > 0 && (q.digits()[0] & 1)))
    q = bi::add(q, bi::Int::from_i64(1));
  return q;
}

}  // namespace

// double_round: CPython formats x with _Py_dg_dtoa(mode 3, ndigits), which rounds the exact
// binary value half to even, and reads the digits back with a correctly rounded strtod.
bool double_round(double x, std::int64_t ndigits, double* out) {
  // NDIGITS_MAX / NDIGITS_MIN of float___round___impl.
  constexpr int kNdigitsMax = static_cast<int>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr int kNdigitsMin = -static_cast<int>((DBL_MAX_EXP + 1) * 0.30103);
  if (!std::isfinite(x) || ndigits > kNdigitsMax || x == 0.0) {
    *out = x;
    return true;
  }
  if (ndigits < kNdigitsMin) {
    *out = 0.0 * x;
    return true;
  }
  if (ndigits >= 0) {
    // Fixed-point digits then back: both steps correctly rounded, as dtoa / strtod are.
    char buf[720];  // 309 integer digits, the point and up to 323 decimals
    auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed,
                             static_cast<int>(ndigits));
    double r = 0.0;
    std::from_chars(buf + (buf[0] == '-'), res.ptr, r);
    *out = std::copysign(r, x);
    return true;
  }
  // Negative ndigits: round |x| = m * 2**e to a multiple of 10**k exactly.
  int e;
  double fr = std::frexp(std::fabs(x), &e);
  auto m = static_cast<std::uint64_t>(std::ldexp(fr, 53));
  e -= 53;
  bi::Int n = bi::Int::from_u64(m);
  bi::Int d = power_of_ten(-ndigits);
  if (e >= 0)
    n = bi::lshift(n, static_cast<std::uint64_t>(e));
  else
    d = bi::lshift(d, static_cast<std::uint64_t>(-e));
  bi::Int q = bi::mul(divide_round_half_even(n, d), power_of_ten(-ndigits));
  double r;
  if (!bi::to_double(q, &r)) return false;
  *out = std::copysign(r, x);
  return true;
}

// ---- hex ----

std::string float_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0.0) return std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
  static const char kHex[] = "0123456789abcdef";
  int e;
  double m = std::frexp(std::fabs(x), &e);
  // Normal numbers print as 1.xxx; subnormals keep the exponent DBL_MIN_EXP - 1.
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  std::string s = x < 0 ? "-0x" : "0x";
  int d = static_cast<int>(m);
  s += kHex[d];
  m -= d;
  s += '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    d = static_cast<int>(m);
    s += kHex[d];
    m -= d;
  }
  s += 'p';
  s += e < 0 ? '-' : '+';
  s += std::to_string(e < 0 ? -e : e);
  return s;
}

namespace {
inline int hex_value(unsigned char c) {
  int v = pystrconv::digit_value(c);
  return v < 16 ? v : -1;
}
}  // namespace

// float_fromhex: the coefficient's hex digits are rounded to 53 bits (or fewer for subnormal
// results) half to even, looking at every digit below the rounding point.
FromHexStatus float_fromhex(const char* str, std::size_t len, double* out) {
  using pystrconv::is_space;
  const char* s = str;
  const char* end = str + len;
  auto ch = [&](const char* p) -> unsigned char { return p < end ? static_cast<unsigned char>(*p) : 0; };
  double x = 0.0;
  bool negate = false;
  while (s < end && is_space(ch(s))) ++s;
  // Infinities and nans (with their own optional sign).
  {
    const char* p = s;
    bool neg = false;
    if (ch(p) == '-' || ch(p) == '+') {
      neg = ch(p) == '-';
      ++p;
    }
    auto ci = [&](const char* q, const char* w) {
      for (; *w; ++w, ++q)
        if (pystrconv::to_lower(ch(q)) != static_cast<unsigned char>(*w)) return false;
      return true;
    };
    if (ci(p, "inf")) {
      p += 3;
      if (ci(p, "inity")) p += 5;
      x = neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
      s = p;
      goto finished;
    }
    if (ci(p, "nan")) {
      p += 3;
      x = neg ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
      s = p;
      goto finished;
    }
  }
  {
    if (ch(s) == '-') {
      ++s;
      negate = true;
    } else if (ch(s) == '+') {
      ++s;
    }
    if (ch(s) == '0' && (ch(s + 1) == 'x' || ch(s + 1) == 'X')) s += 2;
    // Coefficient: hex digits, optionally a point and more hex digits.
    std::vector<int> digits;  // most significant first
    long fdigits = 0;
    while (hex_value(ch(s)) >= 0) digits.push_back(hex_value(ch(s++)));
    if (ch(s) == '.') {
      ++s;
      while (hex_value(ch(s)) >= 0) {
        digits.push_back(hex_value(ch(s++)));
        ++fdigits;
      }
    }
    auto ndigits = static_cast<long>(digits.size());
    if (ndigits == 0) return FromHexStatus::kInvalid;
    constexpr long kMaxDigits =
        std::min(static_cast<long>(DBL_MIN_EXP - DBL_MANT_DIG - LONG_MIN / 2),
                 static_cast<long>(LONG_MAX / 2 + 1 - DBL_MAX_EXP)) / 4;
    if (ndigits > kMaxDigits) return FromHexStatus::kTooLong;
    long exp = 0;
    if (ch(s) == 'p' || ch(s) == 'P') {
      ++s;
      bool eneg = false;
      if (ch(s) == '-' || ch(s) == '+') {
        eneg = ch(s) == '-';
        ++s;
      }
      if (!pystrconv::is_digit(ch(s))) return FromHexStatus::kInvalid;
      // strtol saturates at LONG_MAX / LONG_MIN.
      unsigned long long acc = 0;
      while (pystrconv::is_digit(ch(s))) {
        if (acc <= static_cast<unsigned long long>(LONG_MAX)) acc = acc * 10 + (ch(s) - '0');
        ++s;
      }
      if (eneg)
        exp = acc > static_cast<unsigned long long>(LONG_MAX) ? LONG_MIN : -static_cast<long>(acc);
      else
        exp = acc > static_cast<unsigned long long>(LONG_MAX) ? LONG_MAX : static_cast<long>(acc);
    }
    // digit(j): the j-th least significant hex digit.
    auto digit = [&](long j) { return digits[static_cast<std::size_t>(ndigits - 1 - j)]; };
    long nd = ndigits;
    while (nd > 0 && digit(nd - 1) == 0) --nd;
    if (nd == 0 || exp < LONG_MIN / 2) {
      x = 0.0;
      goto finished;
    }
    if (exp > LONG_MAX / 2) return FromHexStatus::kOverflow;
    // Account for the digits of nd that were dropped from the top: digit() indexes from the
    // bottom, so only the count matters.
    exp -= 4 * fdigits;
    long top_exp = exp + 4 * (nd - 1);
    for (int dg = digit(nd - 1); dg != 0; dg /= 2) ++top_exp;
    if (top_exp < DBL_MIN_EXP - DBL_MANT_DIG) {
      x = 0.0;
      goto finished;
    }
    if (top_exp > DBL_MAX_EXP) return FromHexStatus::kOverflow;
    long lsb = std::max(top_exp, static_cast<long>(DBL_MIN_EXP)) - DBL_MANT_DIG;
    x = 0.0;
    if (exp >= lsb) {
      for (long i = nd - 1; i >= 0; --i) x = 16.0 * x + digit(i);
      x = std::ldexp(x, static_cast<int>(exp));
      goto finished;
    }
    int half_eps = 1 << static_cast<int>((lsb - exp - 1) % 4);
    long key_digit = (lsb - exp - 1) / 4;
    for (long i = nd - 1; i > key_digit; --i) x = 16.0 * x + digit(i);
    int kd = digit(key_digit);
    x = 16.0 * x + static_cast<double>(kd & (16 - 2 * half_eps));
    if ((kd & half_eps) != 0) {
      bool round_up = false;
      if ((kd & (3 * half_eps - 1)) != 0 ||
          (half_eps == 8 && key_digit + 1 < nd && (digit(key_digit + 1) & 1) != 0)) {
        round_up = true;
      } else {
        for (long i = key_digit - 1; i >= 0; --i) {
          if (digit(i) != 0) {
            round_up = true;
            break;
          }
        }
      }
      if (round_up) {
        x += 2 * half_eps;
        if (top_exp == DBL_MAX_EXP && x == std::ldexp(static_cast<double>(2 * half_eps), DBL_MANT_DIG))
          return FromHexStatus::kOverflow;
      }
    }
    x = std::ldexp(x, static_cast<int>(exp + 4 * key_digit));
  }
finished:
  while (s < end && is_space(ch(s))) ++s;
  if (s != end) return FromHexStatus::kInvalid;
  *out = negate ? -x : x;
  return FromHexStatus::kOk;
}

void as_integer_ratio(double x, bi::Int* numerator, bi::Int* denominator) {
  int exponent;
  double float_part = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && float_part != std::floor(float_part); ++i) {
    float_part *= 2.0;
    --exponent;
  }
  *numerator = bi::from_double(float_part);
  *denominator = bi::Int::from_i64(1);
  if (exponent > 0)
    *numerator = bi::lshift(*numerator, static_cast<std::uint64_t>(exponent));
  else
    *denominator = bi::lshift(*denominator, static_cast<std::uint64_t>(-exponent));
}

// ---- fsum ----

FSum::Status FSum::add(double x) {
  double xsave = x;
  std::size_t i = 0;
  for (std::size_t j = 0; j < partials_.size(); ++j) {
    double y = partials_[j];
    if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
    double hi = x + y;
    double yr = hi - x;
    double lo = y - yr;
    if (lo != 0.0) partials_[i++] = lo;
    x = hi;
  }
  partials_.resize(i);
  if (x != 0.0) {
    if (!std::isfinite(x)) {
      // Either a special value among the terms, or overflow of finite terms.
      if (std::isfinite(xsave)) return Status::kIntermediateOverflow;
      if (std::isinf(xsave)) inf_sum_ += xsave;
      special_sum_ += xsave;
      partials_.clear();
    } else {
      partials_.push_back(x);
    }
  }
  return Status::kOk;
}

FSum::Status FSum::result(double* out) const {
  if (special_sum_ != 0.0) {
    if (std::isnan(inf_sum_)) return Status::kInfMinusInf;
    *out = special_sum_;
    return Status::kOk;
  }
  double hi = 0.0;
  std::size_t n = partials_.size();
  if (n > 0) {
    hi = partials_[--n];
    double lo = 0.0;
    // Add from the top while the sum stays exact.
    while (n > 0) {
      double x = hi;
      double y = partials_[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across partials: the next partial may push lo past the halfway point.
    if (n > 0 && ((lo < 0.0 && partials_[n - 1] < 0.0) || (lo > 0.0 && partials_[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  *out = hi;
  return Status::kOk;
}

// ---- gamma ----

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// The Lanczos approximation with N = 13, g = 6.024680040776729583740234375 (Boost's
// parameters), as a rational function: numerator coefficients and the denominator
// x (x+1) ... (x+11) expanded.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                           1925.0,    66.0,       1.0};

// Gamma at the small positive integers: (n-1)! for n = 1 .. 23 (exact in a double).
constexpr int kGammaIntegral = 23;

double factorial_table(int n) {
  double r = 1.0;
  for (int i = 2; i < n; ++i) r *= i;
  return r;
}

// lanczos_sum: Horner in x below 5, in 1/x above (no overflow, better accuracy).
double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; ++i) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

}  // namespace

double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0:
      r = std::sin(kPi * y);
      break;
    case 1:
      r = std::cos(kPi * (y - 0.5));
      break;
    case 2:
      // sin(pi * (1 - y)), not -sin(pi * (y - 1)), which would give -0.0 at y == 1.
      r = std::sin(kPi * (1.0 - y));
      break;
    case 3:
      r = -std::cos(kPi * (y - 1.5));
      break;
    default:
      r = std::sin(kPi * (y - 2.0));
      break;
  }
  return std::copysign(1.0, x) * r;
}

double tgamma(double x, MathError* err) {
  *err = MathError::kNone;
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = MathError::kDomain;
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (x == 0.0) {
    *err = MathError::kDomain;
    return std::copysign(std::numeric_limits<double>::infinity(), x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = MathError::kDomain;
      return std::numeric_limits<double>::quiet_NaN();
    }
    if (x <= kGammaIntegral) return factorial_table(static_cast<int>(x));
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = MathError::kRange;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    *err = MathError::kRange;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // z: the rounding error of y, used for a first-order correction of pow(y, ...) / exp(y).
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = MathError::kRange;
  return r;
}

double lgamma(double x, MathError* err) {
  *err = MathError::kNone;
  if (!std::isfinite(x)) {
    if (std::isnan(x)) return x;
    return HUGE_VAL;
  }
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = MathError::kDomain;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) *err = MathError::kRange;
  return r;
}

double remainder(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return std::numeric_limits<double>::quiet_NaN();
    double absx = std::fabs(x), absy = std::fabs(y);
    double m = std::fmod(absx, absy);
    // Compare m with absy - m rather than with absy / 2, which may be inexact.
    double c = absy - m;
    double r;
    if (m < c) {
      r = m;
    } else if (m > c) {
      r = -c;
    } else {
      // A tie: keep m when the quotient is even, -m when odd.
      r = m - 2.0 * std::fmod(0.5 * (absx - m), absy);
    }
    return std::copysign(1.0, x) * r;
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) return std::numeric_limits<double>::quiet_NaN();
  return x;
}

// ---- hypot / dist ----

namespace {

struct DoubleLength {
  double hi, lo;
};

// dl_fast_sum: |a| >= |b|, a + b == hi + lo exactly.
inline DoubleLength dl_fast_sum(double a, double b) {
  double x = a + b;
  double y = (a - x) + b;
  return {x, y};
}

// dl_mul: x * y == hi + lo exactly (fma).
inline DoubleLength dl_mul(double x, double y) {
  double z = x * y;
  double zz = std::fma(x, y, -z);
  return {z, zz};
}

}  // namespace

// vector_norm: scale by a power of two so the largest term is in [0.5, 1), square exactly,
// accumulate with compensated summation, then correct the square root differentially.
double vector_norm(std::ptrdiff_t n, double* vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return std::numeric_limits<double>::quiet_NaN();
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
    for (std::ptrdiff_t i = 0; i < n; ++i) vec[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double x = vec[i] * scale;
    DoubleLength pr = dl_mul(x, x);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength pr = dl_mul(-h, h);
  DoubleLength sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

double hypot(const double* coordinates, std::ptrdiff_t n) {
  std::vector<double> v(static_cast<std::size_t>(n));
  double max = 0.0;
  bool found_nan = false;
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double x = std::fabs(coordinates[i]);
    v[static_cast<std::size_t>(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return vector_norm(n, v.data(), max, found_nan);
}

double dist(const double* p, const double* q, std::ptrdiff_t n) {
  std::vector<double> v(static_cast<std::size_t>(n));
  double max = 0.0;
  bool found_nan = false;
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    double x = std::fabs(p[i] - q[i]);
    v[static_cast<std::size_t>(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return vector_norm(n, v.data(), max, found_nan);
}

bool isclose(double a, double b, double rel_tol, double abs_tol) {
  if (a == b) return true;
  // Two infinities of the same sign were caught above; any other infinity is far.
  if (std::isinf(a) || std::isinf(b)) return false;
  double diff = std::fabs(b - a);
  return diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol;
}

}  // namespace cppy::pymath
