// The math module: Modules/mathmodule.c of CPython 3.14 (and Modules/_math.h's _Py_log1p).
// Each function names the C function it mirrors. The libm functions are the host's (glibc on
// Linux), as CPython's are; the float algorithms CPython writes itself are in src/pymath.
#include "modules/math/mathmodule.h"

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "pymath/pymath.h"
#include "pystrconv/pystrtod.h"

namespace cppy::modules::math {

// The value of a non-negative int that fits in 64 bits (callers check the sign and size).
inline std::uint64_t int_to_u64(objects::Object* o) {
  unsigned char b[8] = {};
  objects::bigint::to_bytes(objects::long_view(o), b, 8, true, false);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

using namespace objects;
namespace bi = objects::bigint;

// PyFloat_AsDouble: a float (or subclass), then __float__, then __index__.
double as_double(Object* o) {
  if (float_check(o)) return float_value(o);
  NumberMethods* nb = o->type->as_number;
  if (!nb || !nb->float_) {
    if (nb && nb->index) {
      Ref<> i = Ref<>::steal(number_index(o));
      if (!i) return -1.0;
      return long_as_double(i.get());
    }
    errors::format(exc_TypeError, "must be real number, not %.50s", o->type->name);
    return -1.0;
  }
  Ref<> r = Ref<>::steal(nb->float_(o));
  if (!r) return -1.0;
  if (!float_check(r.get())) {
    errors::format(exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                   o->type->name, r->type->name);
    return -1.0;
  }
  return float_value(r.get());
}

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

// ASSIGN_DOUBLE: the inline fast paths for exact floats and ints.
bool assign_double(Object* o, double* out) {
  if (float_check_exact(o)) {
    *out = float_value(o);
    return true;
  }
  if (long_check_exact(o)) {
    *out = long_as_double(o);
    return !(*out == -1.0 && errors::occurred());
  }
  *out = as_double(o);
  return !(*out == -1.0 && errors::occurred());
}

std::string repr_double(double x) { return pystrconv::double_repr(x); }

// is_error: errno is set after a libm call; raises unless it is an underflow (ERANGE with a
// small result) or, when raise_edom is false, a domain error the caller reports itself.
bool is_error(double x, bool raise_edom) {
  if (errno == EDOM) {
    if (!raise_edom) return false;
    errors::set_string(exc_ValueError, "math domain error");
    return true;
  }
  if (errno == ERANGE) {
    if (std::fabs(x) < 1.5) return false;
    errors::set_string(exc_OverflowError, "math range error");
    return true;
  }
  errors::set_from_errno(exc_ValueError);
  return true;
}

Object* domain_error(const char* err_msg, double x) {
  if (err_msg) return errors::format(exc_ValueError, err_msg, repr_double(x).c_str());
  errors::set_string(exc_ValueError, "math domain error");
  return nullptr;
}

// math_1: a libm function of one double; err_msg (with one %s for the argument's repr) names
// the domain, null for "math domain error".
Object* math_1(Object* arg, double (*func)(double), bool can_overflow, const char* err_msg) {
  double x = as_double(arg);
  if (x == -1.0 && errors::occurred()) return nullptr;
  errno = 0;
  double r = func(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(err_msg, x);
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) {
      errors::set_string(exc_OverflowError, "math range error");
      return nullptr;
    }
    return domain_error(err_msg, x);
  }
  if (std::isfinite(r) && errno && is_error(r, true)) return nullptr;
  return float_from_double(r);
}

// math_1a: functions that set errno themselves (gamma, lgamma, erf, erfc).
Object* math_1a(Object* arg, double (*func)(double), const char* err_msg) {
  double x = as_double(arg);
  if (x == -1.0 && errors::occurred()) return nullptr;
  errno = 0;
  double r = func(x);
  if (errno) {
    if (errno == EDOM) return domain_error(err_msg, x);
    if (is_error(r, true)) return nullptr;
  }
  return float_from_double(r);
}

// math_2: a libm function of two doubles.
Object* math_2(Object* const* args, ssize nargs, double (*func)(double, double),
               const char* funcname) {
  if (!check_positional(funcname, nargs, 2, 2)) return nullptr;
  double x = as_double(args[0]);
  if (x == -1.0 && errors::occurred()) return nullptr;
  double y = as_double(args[1]);
  if (y == -1.0 && errors::occurred()) return nullptr;
  errno = 0;
  double r = func(x, y);
  if (std::isnan(r)) {
    errno = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  } else if (std::isinf(r)) {
    errno = (std::isfinite(x) && std::isfinite(y)) ? ERANGE : 0;
  }
  if (errno && is_error(r, true)) return nullptr;
  return float_from_double(r);
}

// errno-setting wrappers of CPython's own algorithms.
double m_tgamma(double x) {
  pymath::MathError e;
  double r = pymath::tgamma(x, &e);
  if (e == pymath::MathError::kDomain) errno = EDOM;
  if (e == pymath::MathError::kRange) errno = ERANGE;
  return r;
}
double m_lgamma(double x) {
  pymath::MathError e;
  double r = pymath::lgamma(x, &e);
  if (e == pymath::MathError::kDomain) errno = EDOM;
  if (e == pymath::MathError::kRange) errno = ERANGE;
  return r;
}
double m_erf(double x) { return std::erf(x); }
double m_erfc(double x) { return std::erfc(x); }

// _Py_log1p: keeps the sign of a zero argument.
double m_log1p(double x) {
  if (x == 0.0) return x;
  return std::log1p(x);
}

// m_log, m_log2, m_log10: special values first, then libm.
double m_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : std::nan("");
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return std::nan("");
}
double m_log2(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return std::nan("");
  }
  if (x > 0.0) return std::log2(x);
  errno = EDOM;
  return x == 0.0 ? -HUGE_VAL : std::nan("");
}
double m_log10(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log10(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : std::nan("");
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return std::nan("");
}

// m_atan2: the C99 special cases, then libm.
double m_atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return std::nan("");
  if (std::isinf(y)) {
    if (std::isinf(x)) {
      return std::copysign(std::copysign(1., x) == 1. ? 0.25 * M_PI : 0.75 * M_PI, y);
    }
    return std::copysign(0.5 * M_PI, y);
  }
  if (std::isinf(x) || y == 0.) {
    return std::copysign(std::copysign(1., x) == 1. ? 0. : M_PI, y);
  }
  return std::atan2(y, x);
}
double m_copysign(double x, double y) { return std::copysign(x, y); }
double m_remainder(double x, double y) { return pymath::remainder(x, y); }

#define FUNC1(name, func, can_overflow)                 \
  Object* math_##name(Object*, Object* arg) {           \
    return math_1(arg, func, can_overflow, nullptr);    \
  }
#define FUNC1D(name, func, can_overflow, msg)           \
  Object* math_##name(Object*, Object* arg) {           \
    return math_1(arg, func, can_overflow, msg);        \
  }
#define FUNC1A(name, func, msg) \
  Object* math_##name(Object*, Object* arg) { return math_1a(arg, func, msg); }

double c_acos(double x) { return std::acos(x); }
double c_acosh(double x) { return std::acosh(x); }
double c_asin(double x) { return std::asin(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_atan(double x) { return std::atan(x); }
double c_atanh(double x) { return std::atanh(x); }
double c_cbrt(double x) { return std::cbrt(x); }
double c_cos(double x) { return std::cos(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_exp(double x) { return std::exp(x); }
double c_exp2(double x) { return std::exp2(x); }
double c_expm1(double x) { return std::expm1(x); }
double c_fabs(double x) { return std::fabs(x); }
double c_sin(double x) { return std::sin(x); }
double c_sinh(double x) { return std::sinh(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_tan(double x) { return std::tan(x); }
double c_tanh(double x) { return std::tanh(x); }

FUNC1D(acos, c_acos, false, "expected a number in range from -1 up to 1, got %s")
FUNC1D(acosh, c_acosh, false, "expected argument value not less than 1, got %s")
FUNC1D(asin, c_asin, false, "expected a number in range from -1 up to 1, got %s")
FUNC1(asinh, c_asinh, false)
FUNC1(atan, c_atan, false)
FUNC1D(atanh, c_atanh, false, "expected a number between -1 and 1, got %s")
FUNC1(cbrt, c_cbrt, false)
FUNC1D(cos, c_cos, false, "expected a finite input, got %s")
FUNC1(cosh, c_cosh, true)
FUNC1A(erf, m_erf, nullptr)
FUNC1A(erfc, m_erfc, nullptr)
FUNC1(exp, c_exp, true)
FUNC1(exp2, c_exp2, true)
FUNC1(expm1, c_expm1, true)
FUNC1(fabs, c_fabs, false)
FUNC1A(gamma, m_tgamma, "expected a noninteger or positive integer, got %s")
FUNC1A(lgamma, m_lgamma, "expected a noninteger or positive integer, got %s")
FUNC1D(log1p, m_log1p, false, "expected argument value > -1, got %s")
FUNC1D(sin, c_sin, false, "expected a finite input, got %s")
FUNC1(sinh, c_sinh, true)
FUNC1D(sqrt, c_sqrt, false, "expected a nonnegative input, got %s")
FUNC1D(tan, c_tan, false, "expected a finite input, got %s")
FUNC1(tanh, c_tanh, false)

Object* math_atan2(Object*, Object* const* args, ssize nargs) {
  return math_2(args, nargs, m_atan2, "atan2");
}
Object* math_copysign(Object*, Object* const* args, ssize nargs) {
  return math_2(args, nargs, m_copysign, "copysign");
}
Object* math_remainder(Object*, Object* const* args, ssize nargs) {
  return math_2(args, nargs, m_remainder, "remainder");
}

// Clinic's `x: double` conversion of positional arguments.
bool arg_double(Object* o, double* out) {
  if (float_check_exact(o)) {
    *out = float_value(o);
    return true;
  }
  *out = as_double(o);
  return !(*out == -1.0 && errors::occurred());
}

// ---- rounding ----------------------------------------------------------------------------

Object* call_special(Object* number, const char* name, bool* found) {
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  Ref<> method = Ref<>::steal(lookup_special(number, n.get()));
  *found = static_cast<bool>(method);
  if (!method) return nullptr;
  return object_call_no_args(method.get());
}

// math_ceil / math_floor: __ceil__ / __floor__, else the float value rounded.
Object* ceil_or_floor(Object* number, const char* special, double (*round)(double)) {
  double x;
  if (float_check_exact(number)) {
    x = float_value(number);
  } else {
    if (long_check_exact(number)) return new_ref(number);
    bool found;
    Object* r = call_special(number, special, &found);
    if (found || errors::occurred()) return r;
    x = as_double(number);
    if (x == -1.0 && errors::occurred()) return nullptr;
  }
  return long_from_double(round(x));
}
double c_ceil(double x) { return std::ceil(x); }
double c_floor(double x) { return std::floor(x); }
Object* math_ceil(Object*, Object* number) { return ceil_or_floor(number, "__ceil__", c_ceil); }
Object* math_floor(Object*, Object* number) {
  return ceil_or_floor(number, "__floor__", c_floor);
}

// math_trunc.
Object* math_trunc(Object*, Object* x) {
  if (float_check_exact(x)) return long_from_double(std::trunc(float_value(x)));
  bool found;
  Object* r = call_special(x, "__trunc__", &found);
  if (!found && !errors::occurred()) {
    return errors::format(exc_TypeError, "type %.100s doesn't define __trunc__ method",
                          x->type->name);
  }
  return r;
}

// math_frexp.
Object* math_frexp(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  int i = 0;
  double r = x;
  if (!(std::isnan(x) || std::isinf(x) || x == 0.0)) r = std::frexp(x, &i);
  Ref<> m = Ref<>::steal(float_from_double(r));
  Ref<> e = Ref<>::steal(long_from_long(i));
  if (!m || !e) return nullptr;
  return tuple_pack(2, m.get(), e.get());
}

// math_ldexp.
Object* math_ldexp(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("ldexp", nargs, 2, 2)) return nullptr;
  double x;
  if (!arg_double(args[0], &x)) return nullptr;
  Object* i = args[1];
  if (!long_check(i)) {
    errors::set_string(exc_TypeError, "Expected an int as second argument to ldexp.");
    return nullptr;
  }
  int overflow = 0;
  long exp = long_as_long_and_overflow(i, &overflow);
  if (exp == -1 && errors::occurred()) return nullptr;
  if (overflow) exp = overflow < 0 ? LONG_MIN : LONG_MAX;
  double r;
  if (x == 0. || !std::isfinite(x)) {
    r = x;
    errno = 0;
  } else if (exp > INT_MAX) {
    r = std::copysign(HUGE_VAL, x);
    errno = ERANGE;
  } else if (exp < INT_MIN) {
    r = std::copysign(0., x);
    errno = 0;
  } else {
    errno = 0;
    r = std::ldexp(x, static_cast<int>(exp));
    if (std::isinf(r)) errno = ERANGE;
  }
  if (errno && is_error(r, true)) return nullptr;
  return float_from_double(r);
}

// math_modf.
Object* math_modf(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  double frac, whole;
  if (std::isinf(x)) {
    frac = std::copysign(0., x);
    whole = x;
  } else if (std::isnan(x)) {
    frac = whole = x;
  } else {
    frac = std::modf(x, &whole);
  }
  Ref<> a = Ref<>::steal(float_from_double(frac));
  Ref<> b = Ref<>::steal(float_from_double(whole));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

// math_fmod.
Object* math_fmod(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("fmod", nargs, 2, 2)) return nullptr;
  double x, y;
  if (!arg_double(args[0], &x) || !arg_double(args[1], &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from_double(x);
  errno = 0;
  double r = std::fmod(x, y);
  if (std::isnan(r)) errno = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  if (errno && is_error(r, true)) return nullptr;
  return float_from_double(r);
}

// math_pow: IEEE specials by hand, finite ** finite by libm.
Object* math_pow(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("pow", nargs, 2, 2)) return nullptr;
  double x, y;
  if (!arg_double(args[0], &x) || !arg_double(args[1], &y)) return nullptr;
  double r = 0.;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    errno = 0;
    if (std::isnan(x)) {
      r = y == 0. ? 1. : x;
    } else if (std::isnan(y)) {
      r = x == 1. ? 1. : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) {
        r = odd_y ? x : std::fabs(x);
      } else if (y == 0.) {
        r = 1.;
      } else {
        r = odd_y ? std::copysign(0., x) : 0.;
      }
    } else {
      if (std::fabs(x) == 1.0) {
        r = 1.;
      } else if (y > 0. && std::fabs(x) > 1.0) {
        r = y;
      } else if (y < 0. && std::fabs(x) < 1.0) {
        r = -y;
      } else {
        r = 0.;
      }
    }
  } else {
    errno = 0;
    r = std::pow(x, y);
    if (!std::isfinite(r)) {
      if (std::isnan(r)) {
        errno = EDOM;
      } else if (x == 0.) {
        errno = EDOM;
      } else {
        errno = ERANGE;
      }
    }
  }
  if (errno && is_error(r, true)) return nullptr;
  return float_from_double(r);
}

// math_degrees / math_radians.
Object* math_degrees(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  return float_from_double(x * (180.0 / M_PI));
}
Object* math_radians(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  return float_from_double(x * (M_PI / 180.0));
}

Object* math_isfinite(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  return bool_from_bool(std::isfinite(x));
}
Object* math_isnan(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  return bool_from_bool(std::isnan(x));
}
Object* math_isinf(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  return bool_from_bool(std::isinf(x));
}

// math_isclose_impl.
Object* math_isclose(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"a", "b", "rel_tol", "abs_tol", nullptr};
  static const ArgParser parser = {"isclose", kw, 2, 2, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!arg_double(a[0], &x) || !arg_double(a[1], &y)) return nullptr;
  if (a[2] && !arg_double(a[2], &rel_tol)) return nullptr;
  if (a[3] && !arg_double(a[3], &abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    errors::set_string(exc_ValueError, "tolerances must be non-negative");
    return nullptr;
  }
  return bool_from_bool(pymath::isclose(x, y, rel_tol, abs_tol));
}

// ---- logarithms --------------------------------------------------------------------------

// loghelper: ints of any size (through frexp when too large for a float), else math_1.
Object* loghelper(Object* arg, double (*func)(double)) {
  if (long_check(arg)) {
    if (long_sign_of(arg) <= 0) {
      errors::set_string(exc_ValueError, "expected a positive input");
      return nullptr;
    }
    double x = long_as_double(arg);
    double result;
    if (x == -1.0 && errors::occurred()) {
      if (!errors::exception_matches(exc_OverflowError)) return nullptr;
      errors::clear();
      std::int64_t e;
      x = bi::frexp(long_view(arg), &e);
      result = func(x) + func(2.0) * static_cast<double>(e);
    } else {
      result = func(x);
    }
    return float_from_double(result);
  }
  return math_1(arg, func, false, "expected a positive input, got %s");
}

Object* math_log(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("log", nargs, 1, 2)) return nullptr;
  Ref<> num = Ref<>::steal(loghelper(args[0], m_log));
  if (!num || nargs == 1) return num.release();
  Ref<> den = Ref<>::steal(loghelper(args[1], m_log));
  if (!den) return nullptr;
  return number_true_divide(num.get(), den.get());
}
Object* math_log2(Object*, Object* x) { return loghelper(x, m_log2); }
Object* math_log10(Object*, Object* x) { return loghelper(x, m_log10); }

// ---- sums and products -------------------------------------------------------------------

// math_fsum.
Object* math_fsum(Object*, Object* seq) {
  Ref<> it = Ref<>::steal(object_get_iter(seq));
  if (!it) return nullptr;
  pymath::FSum sum;
  pymath::FSum::Status st = pymath::FSum::Status::kOk;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    double x;
    if (!assign_double(item.get(), &x)) return nullptr;
    st = sum.add(x);
    if (st != pymath::FSum::Status::kOk) break;
  }
  double r = 0.0;
  if (st == pymath::FSum::Status::kOk) st = sum.result(&r);
  if (st == pymath::FSum::Status::kIntermediateOverflow) {
    errors::set_string(exc_OverflowError, "intermediate overflow in fsum");
    return nullptr;
  }
  if (st == pymath::FSum::Status::kInfMinusInf) {
    errors::set_string(exc_ValueError, "-inf + inf in fsum");
    return nullptr;
  }
  return float_from_double(r);
}

// math_hypot.
Object* math_hypot(Object*, Object* const* args, ssize nargs) {
  std::vector<double> coords(static_cast<size_t>(nargs));
  for (ssize i = 0; i < nargs; ++i) {
    if (!assign_double(args[i], &coords[static_cast<size_t>(i)])) return nullptr;
  }
  return float_from_double(pymath::hypot(coords.data(), nargs));
}

// math_dist_impl.
Object* math_dist(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("dist", nargs, 2, 2)) return nullptr;
  Ref<> p = Ref<>::borrow(args[0]);
  Ref<> q = Ref<>::borrow(args[1]);
  if (!tuple_check(p.get())) {
    p = Ref<>::steal(sequence_tuple(p.get()));
    if (!p) return nullptr;
  }
  if (!tuple_check(q.get())) {
    q = Ref<>::steal(sequence_tuple(q.get()));
    if (!q) return nullptr;
  }
  ssize m = tuple_size(p.get()), n = tuple_size(q.get());
  if (m != n) {
    errors::set_string(exc_ValueError, "both points must have the same number of dimensions");
    return nullptr;
  }
  std::vector<double> pv(static_cast<size_t>(n)), qv(static_cast<size_t>(n));
  for (ssize i = 0; i < n; ++i) {
    if (!assign_double(tuple_item(p.get(), i), &pv[static_cast<size_t>(i)])) return nullptr;
    if (!assign_double(tuple_item(q.get(), i), &qv[static_cast<size_t>(i)])) return nullptr;
  }
  return float_from_double(pymath::dist(pv.data(), qv.data(), n));
}

// math_prod_impl. CPython keeps products of exact ints and floats in C while it can; the
// values are those of the generic loop, which is what this does.
Object* math_prod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "start", nullptr};
  static const ArgParser parser = {"prod", kw, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Ref<> it = Ref<>::steal(object_get_iter(a[0]));
  if (!it) return nullptr;
  Ref<> result = Ref<>::borrow(a[1] ? a[1] : long_small(1));
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return nullptr;
      return result.release();
    }
    result = Ref<>::steal(number_multiply(result.get(), item.get()));
    if (!result) return nullptr;
  }
}

// The triple-length accumulation of math_sumprod_impl (Algorithm 5.10 with SumKVert, K=3).
struct DoubleLength {
  double hi, lo;
};
DoubleLength dl_sum(double a, double b) {
  double x = a + b;
  double z = x - a;
  double y = (a - (x - z)) + (b - z);
  return {x, y};
}
DoubleLength dl_mul(double x, double y) {
  double z = x * y;
  double zz = std::fma(x, y, -z);
  return {z, zz};
}
struct TripleLength {
  double hi, lo, tiny;
};
TripleLength tl_fma(double x, double y, TripleLength total) {
  DoubleLength pr = dl_mul(x, y);
  DoubleLength sm = dl_sum(total.hi, pr.hi);
  DoubleLength r1 = dl_sum(total.lo, pr.lo);
  DoubleLength r2 = dl_sum(r1.hi, sm.lo);
  return {sm.hi, r2.hi, total.tiny + r1.lo + r2.lo};
}
double tl_to_d(TripleLength total) {
  DoubleLength last = dl_sum(total.lo, total.hi);
  return total.tiny + last.lo + last.hi;
}

// _check_long_mult_overflow.
bool long_mult_overflows(long a, long b) {
  long longprod = static_cast<long>(static_cast<unsigned long>(a) * static_cast<unsigned long>(b));
  double doubleprod = static_cast<double>(a) * static_cast<double>(b);
  double doubled_longprod = static_cast<double>(longprod);
  if (doubled_longprod == doubleprod) return false;
  double diff = doubled_longprod - doubleprod;
  double absdiff = diff >= 0.0 ? diff : -diff;
  double absprod = doubleprod >= 0.0 ? doubleprod : -doubleprod;
  return !(32.0 * absdiff <= absprod);
}

// math_sumprod_impl: an int path in C longs, a float path in triple length, then objects.
Object* math_sumprod(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("sumprod", nargs, 2, 2)) return nullptr;
  Ref<> p_it = Ref<>::steal(object_get_iter(args[0]));
  if (!p_it) return nullptr;
  Ref<> q_it = Ref<>::steal(object_get_iter(args[1]));
  if (!q_it) return nullptr;
  Ref<> total = Ref<>::steal(long_from_long(0));
  bool p_stopped = false, q_stopped = false;
  bool int_path = true, int_in_use = false, flt_path = true, flt_in_use = false;
  long int_total = 0;
  TripleLength flt_total{0.0, 0.0, 0.0};
  for (;;) {
    Ref<> p_i = Ref<>::steal(iter_next(p_it.get()));
    if (!p_i) {
      if (errors::occurred()) {
        if (!errors::exception_matches(exc_StopIteration)) return nullptr;
        errors::clear();
      }
      p_stopped = true;
    }
    Ref<> q_i = Ref<>::steal(iter_next(q_it.get()));
    if (!q_i) {
      if (errors::occurred()) {
        if (!errors::exception_matches(exc_StopIteration)) return nullptr;
        errors::clear();
      }
      q_stopped = true;
    }
    if (p_stopped != q_stopped) {
      errors::set_string(exc_ValueError, "Inputs are not the same length");
      return nullptr;
    }
    bool finished = p_stopped && q_stopped;
    if (int_path) {
      if (!finished && long_check_exact(p_i.get()) && long_check_exact(q_i.get())) {
        int overflow = 0;
        long ip = long_as_long_and_overflow(p_i.get(), &overflow);
        long iq = 0;
        if (!overflow) iq = long_as_long_and_overflow(q_i.get(), &overflow);
        if (!overflow && !long_mult_overflows(ip, iq)) {
          long prod = ip * iq;
          long sum;
          if (!__builtin_add_overflow(int_total, prod, &sum)) {
            int_total = sum;
            int_in_use = true;
            continue;
          }
        }
      }
      int_path = false;
      if (int_in_use) {
        Ref<> term = Ref<>::steal(long_from_long(int_total));
        total = Ref<>::steal(number_add(total.get(), term.get()));
        if (!total) return nullptr;
        int_total = 0;
        int_in_use = false;
      }
    }
    if (flt_path) {
      if (!finished) {
        double fp = 0, fq = 0;
        bool ok = true;
        bool pf = float_check_exact(p_i.get()), qf = float_check_exact(q_i.get());
        if (pf && qf) {
          fp = float_value(p_i.get());
          fq = float_value(q_i.get());
        } else if (pf && (long_check_exact(q_i.get()) || bool_check(q_i.get()))) {
          fp = float_value(p_i.get());
          fq = long_as_double(q_i.get());
          if (fq == -1.0 && errors::occurred()) {
            errors::clear();
            ok = false;
          }
        } else if (qf && (long_check_exact(p_i.get()) || bool_check(p_i.get()))) {
          fq = float_value(q_i.get());
          fp = long_as_double(p_i.get());
          if (fp == -1.0 && errors::occurred()) {
            errors::clear();
            ok = false;
          }
        } else {
          ok = false;
        }
        if (ok) {
          TripleLength next = tl_fma(fp, fq, flt_total);
          if (std::isfinite(next.hi)) {
            flt_total = next;
            flt_in_use = true;
            continue;
          }
        }
      }
      flt_path = false;
      if (flt_in_use) {
        Ref<> term = Ref<>::steal(float_from_double(tl_to_d(flt_total)));
        total = Ref<>::steal(number_add(total.get(), term.get()));
        if (!total) return nullptr;
        flt_total = {0.0, 0.0, 0.0};
        flt_in_use = false;
      }
    }
    if (finished) return total.release();
    Ref<> term = Ref<>::steal(number_multiply(p_i.get(), q_i.get()));
    if (!term) return nullptr;
    total = Ref<>::steal(number_add(total.get(), term.get()));
    if (!total) return nullptr;
  }
}

// ---- integer functions -------------------------------------------------------------------

// The product lo * (lo+1) * ... * hi of non-negative integers, by binary splitting so that
// the big multiplications are balanced (Karatsuba).
bi::Int range_product(const bi::Int& lo, std::uint64_t count) {
  if (count == 0) return bi::Int::from_i64(1);
  if (count == 1) return lo;
  if (count <= 8) {
    bi::Int r = lo;
    bi::Int one = bi::Int::from_i64(1);
    bi::Int cur = lo;
    for (std::uint64_t i = 1; i < count; ++i) {
      cur = bi::add(cur, one);
      r = bi::mul(r, cur);
    }
    return r;
  }
  std::uint64_t half = count / 2;
  bi::Int mid = bi::add(lo, bi::Int::from_u64(half));
  return bi::mul(range_product(lo, half), range_product(mid, count - half));
}

// math_factorial. CPython splits n! into its odd part and a power of two; the value is the
// same, computed here by binary splitting.
Object* math_factorial(Object*, Object* arg) {
  // PyLong_AsLongAndOverflow goes through __index__.
  Ref<> n = Ref<>::steal(number_index(arg));
  if (!n) return nullptr;
  int overflow = 0;
  long x = long_as_long_and_overflow(n.get(), &overflow);
  if (x == -1 && errors::occurred()) return nullptr;
  if (overflow == 1) {
    return errors::format(exc_OverflowError, "factorial() argument should not exceed %ld",
                          LONG_MAX);
  }
  if (overflow == -1 || x < 0) {
    errors::set_string(exc_ValueError, "factorial() not defined for negative values");
    return nullptr;
  }
  if (x <= 1) return long_from_long(1);
  return long_from_int(range_product(bi::Int::from_i64(1), static_cast<std::uint64_t>(x)));
}

// math_isqrt.
Object* math_isqrt(Object*, Object* arg) {
  Ref<> n = Ref<>::steal(number_index(arg));
  if (!n) return nullptr;
  if (long_sign_of(n.get()) < 0) {
    errors::set_string(exc_ValueError, "isqrt() argument must be nonnegative");
    return nullptr;
  }
  if (long_is_zero(n.get())) return long_from_long(0);
  return long_from_int(bi::isqrt(long_view(n.get())));
}

// math_gcd.
Object* math_gcd(Object*, Object* const* args, ssize nargs) {
  if (nargs == 0) return long_from_long(0);
  Ref<> res = Ref<>::steal(number_index(args[0]));
  if (!res) return nullptr;
  if (nargs == 1) return number_absolute(res.get());
  for (ssize i = 1; i < nargs; ++i) {
    Ref<> x = Ref<>::steal(number_index(args[i]));
    if (!x) return nullptr;
    bi::Int g = bi::gcd(long_view(res.get()), long_view(x.get()));
    res = Ref<>::steal(long_from_int(g));
    if (!res) return nullptr;
  }
  return res.release();
}

// math_lcm and long_lcm.
Object* math_lcm(Object*, Object* const* args, ssize nargs) {
  if (nargs == 0) return long_from_long(1);
  Ref<> res = Ref<>::steal(number_index(args[0]));
  if (!res) return nullptr;
  if (nargs == 1) return number_absolute(res.get());
  for (ssize i = 1; i < nargs; ++i) {
    Ref<> x = Ref<>::steal(number_index(args[i]));
    if (!x) return nullptr;
    if (long_is_zero(res.get())) continue;
    if (long_is_zero(x.get())) {
      res = Ref<>::steal(long_from_long(0));
      continue;
    }
    bi::View a = long_view(res.get()), b = long_view(x.get());
    bi::Int g = bi::gcd(a, b);
    bi::Int f;
    bi::divmod(a, g, &f, nullptr);
    res = Ref<>::steal(long_from_int(bi::abs(bi::mul(f, b))));
    if (!res) return nullptr;
  }
  return res.release();
}

// P(n, k) and C(n, k) for 0 <= k <= n (perm_comb): the product of k terms n, n-1, ...
// divided by k! for combinations.
Object* perm_comb(Object* n, std::uint64_t k, bool iscomb) {
  if (k == 0) return long_from_long(1);
  if (k == 1) return new_ref(n);
  bi::Int lo = bi::sub(long_view(n), bi::Int::from_u64(k - 1));
  bi::Int p = range_product(lo, k);
  if (iscomb) {
    bi::Int kf = range_product(bi::Int::from_i64(1), k);
    bi::Int q;
    bi::divmod(p, kf, &q, nullptr);
    return long_from_int(q);
  }
  return long_from_int(p);
}

bool nonnegative_args(Object* n, Object* k) {
  if (long_sign_of(n) < 0) {
    errors::set_string(exc_ValueError, "n must be a non-negative integer");
    return false;
  }
  if (long_sign_of(k) < 0) {
    errors::set_string(exc_ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

// math_perm_impl.
Object* math_perm(Object* module, Object* const* args, ssize nargs) {
  if (!check_positional("perm", nargs, 1, 2)) return nullptr;
  if (nargs == 1 || args[1] == none()) return math_factorial(module, args[0]);
  Ref<> n = Ref<>::steal(number_index(args[0]));
  if (!n) return nullptr;
  Ref<> k = Ref<>::steal(number_index(args[1]));
  if (!k) return nullptr;
  if (!nonnegative_args(n.get(), k.get())) return nullptr;
  int cmp = object_rich_compare_bool(n.get(), k.get(), kLT);
  if (cmp < 0) return nullptr;
  if (cmp > 0) return long_from_long(0);
  int overflow = 0;
  long long ki = long_as_long_and_overflow(k.get(), &overflow);
  if (overflow > 0) {
    return errors::format(exc_OverflowError, "k must not exceed %lld", LLONG_MAX);
  }
  return perm_comb(n.get(), static_cast<std::uint64_t>(ki), false);
}

// math_comb_impl.
Object* math_comb(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("comb", nargs, 2, 2)) return nullptr;
  Ref<> n = Ref<>::steal(number_index(args[0]));
  if (!n) return nullptr;
  Ref<> k = Ref<>::steal(number_index(args[1]));
  if (!k) return nullptr;
  if (!nonnegative_args(n.get(), k.get())) return nullptr;
  Ref<> rest = Ref<>::steal(number_subtract(n.get(), k.get()));
  if (!rest) return nullptr;
  if (long_sign_of(rest.get()) < 0) return long_from_long(0);
  int cmp = object_rich_compare_bool(rest.get(), k.get(), kLT);
  if (cmp < 0) return nullptr;
  if (cmp > 0) k = rest;
  int overflow = 0;
  long long ki = long_as_long_and_overflow(k.get(), &overflow);
  if (overflow) {
    return errors::format(exc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
  }
  return perm_comb(n.get(), static_cast<std::uint64_t>(ki), true);
}

// ---- float steps -------------------------------------------------------------------------

// math_nextafter_impl: steps through the ordered bit patterns of doubles.
Object* math_nextafter(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "", "steps", nullptr};
  static const ArgParser parser = {"nextafter", kw, 2, 2, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  double x, y;
  if (!arg_double(a[0], &x) || !arg_double(a[1], &y)) return nullptr;
  if (!a[2] || a[2] == none()) return float_from_double(std::nextafter(x, y));
  Ref<> steps = Ref<>::steal(number_index(a[2]));
  if (!steps) return nullptr;
  if (long_sign_of(steps.get()) < 0) {
    errors::set_string(exc_ValueError, "steps must be a non-negative integer");
    return nullptr;
  }
  std::uint64_t usteps;
  if (long_num_bits(steps.get()) > 64) {
    usteps = UINT64_MAX;
  } else {
    usteps = int_to_u64(steps.get());
  }
  if (usteps == 0 || std::isnan(x)) return float_from_double(x);
  if (std::isnan(y)) return float_from_double(y);
  std::uint64_t ux, uy;
  std::memcpy(&ux, &x, 8);
  std::memcpy(&uy, &y, 8);
  if (ux == uy) return float_from_double(x);
  const std::uint64_t sign_bit = 1ULL << 63;
  std::uint64_t ax = ux & ~sign_bit, ay = uy & ~sign_bit;
  std::uint64_t r;
  if ((ux ^ uy) & sign_bit) {
    if (ax + ay <= usteps) {
      r = uy;
    } else if (ax < usteps) {
      r = (uy & sign_bit) | (usteps - ax);
    } else {
      r = ux - usteps;
    }
  } else if (ax > ay) {
    r = ax - ay >= usteps ? ux - usteps : uy;
  } else {
    r = ay - ax >= usteps ? ux + usteps : uy;
  }
  double d;
  std::memcpy(&d, &r, 8);
  return float_from_double(d);
}

// math_ulp_impl.
Object* math_ulp(Object*, Object* arg) {
  double x;
  if (!arg_double(arg, &x)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from_double(x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -HUGE_VAL);
    return float_from_double(x - x2);
  }
  return float_from_double(x2 - x);
}

// math_fma_impl: one rounding of x*y + z.
Object* math_fma(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("fma", nargs, 3, 3)) return nullptr;
  double x, y, z;
  if (!arg_double(args[0], &x) || !arg_double(args[1], &y) || !arg_double(args[2], &z)) {
    return nullptr;
  }
  double r = std::fma(x, y, z);
  if (!std::isfinite(r)) {
    if (std::isnan(r)) {
      if (!std::isnan(x) && !std::isnan(y) && !std::isnan(z)) {
        errors::set_string(exc_ValueError, "invalid operation in fma");
        return nullptr;
      }
    } else if (std::isfinite(x) && std::isfinite(y) && std::isfinite(z)) {
      errors::set_string(exc_OverflowError, "overflow in fma");
      return nullptr;
    }
  }
  return float_from_double(r);
}

MethodDef math_methods[] = {
    {"acos", METH_O(math_acos), "Return the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."},
    {"acosh", METH_O(math_acosh), "Return the inverse hyperbolic cosine of x."},
    {"asin", METH_O(math_asin), "Return the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"asinh", METH_O(math_asinh), "Return the inverse hyperbolic sine of x."},
    {"atan", METH_O(math_atan), "Return the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"atan2", FASTCALL(math_atan2), "Return the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."},
    {"atanh", METH_O(math_atanh), "Return the inverse hyperbolic tangent of x."},
    {"cbrt", METH_O(math_cbrt), "Return the cube root of x."},
    {"ceil", METH_O(math_ceil), "Return the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."},
    {"copysign", FASTCALL(math_copysign), "Return a float with the magnitude (absolute value) of x but the sign of y.\n\nOn platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n"},
    {"cos", METH_O(math_cos), "Return the cosine of x (measured in radians)."},
    {"cosh", METH_O(math_cosh), "Return the hyperbolic cosine of x."},
    {"degrees", METH_O(math_degrees), "Convert angle x from radians to degrees."},
    {"dist", FASTCALL(math_dist), "Return the Euclidean distance between two points p and q."},
    {"erf", METH_O(math_erf), "Error function at x."},
    {"erfc", METH_O(math_erfc), "Complementary error function at x."},
    {"exp", METH_O(math_exp), "Return e raised to the power of x."},
    {"exp2", METH_O(math_exp2), "Return 2 raised to the power of x."},
    {"expm1", METH_O(math_expm1), "Return exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x."},
    {"fabs", METH_O(math_fabs), "Return the absolute value of the float x."},
    {"factorial", METH_O(math_factorial), "Find n!."},
    {"floor", METH_O(math_floor), "Return the floor of x as an Integral.\n\nThis is the largest integer <= x."},
    {"fma", FASTCALL(math_fma), "Fused multiply-add operation.\n\nCompute (x * y) + z with a single round."},
    {"fmod", FASTCALL(math_fmod), "Return fmod(x, y), according to platform C.\n\nx % y may differ."},
    {"frexp", METH_O(math_frexp), "Return the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0."},
    {"fsum", METH_O(math_fsum), "Return an accurate floating-point sum of values in the iterable seq.\n\nAssumes IEEE-754 floating-point arithmetic."},
    {"gamma", METH_O(math_gamma), "Gamma function at x."},
    {"gcd", FASTCALL(math_gcd), "Greatest Common Divisor."},
    {"hypot", FASTCALL(math_hypot), "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", FASTCALL_KW(math_isclose), "Determine whether two floating-point numbers are close in value."},
    {"isfinite", METH_O(math_isfinite), "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", METH_O(math_isinf), "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", METH_O(math_isnan), "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", METH_O(math_isqrt), "Return the integer part of the square root of the input."},
    {"lcm", FASTCALL(math_lcm), "Least Common Multiple."},
    {"ldexp", FASTCALL(math_ldexp), "Return x * (2**i).\n\nThis is essentially the inverse of frexp()."},
    {"lgamma", METH_O(math_lgamma), "Natural logarithm of absolute value of Gamma function at x."},
    {"log", FASTCALL(math_log), "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of x."},
    {"log1p", METH_O(math_log1p), "Return the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero."},
    {"log10", METH_O(math_log10), "Return the base 10 logarithm of x."},
    {"log2", METH_O(math_log2), "Return the base 2 logarithm of x."},
    {"modf", METH_O(math_modf), "Return the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats."},
    {"pow", FASTCALL(math_pow), "Return x**y (x to the power of y)."},
    {"radians", METH_O(math_radians), "Convert angle x from degrees to radians."},
    {"remainder", FASTCALL(math_remainder), "Difference between x and the closest integer multiple of y.\n\nReturn x - n*y where n*y is the closest integer multiple of y.\nIn the case where x is exactly halfway between two multiples of\ny, the nearest even value of n is used. The result is always exact."},
    {"sin", METH_O(math_sin), "Return the sine of x (measured in radians)."},
    {"sinh", METH_O(math_sinh), "Return the hyperbolic sine of x."},
    {"sqrt", METH_O(math_sqrt), "Return the square root of x."},
    {"tan", METH_O(math_tan), "Return the tangent of x (measured in radians)."},
    {"tanh", METH_O(math_tanh), "Return the hyperbolic tangent of x."},
    {"sumprod", FASTCALL(math_sumprod), "Return the sum of products of values from two iterables p and q."},
    {"trunc", METH_O(math_trunc), "Truncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method."},
    {"prod", FASTCALL_KW(math_prod), "Calculate the product of all the elements in the input iterable."},
    {"perm", FASTCALL(math_perm), "Number of ways to choose k items from n items without repetition and with order."},
    {"comb", FASTCALL(math_comb), "Number of ways to choose k items from n items without repetition and without order."},
    {"nextafter", FASTCALL_KW(math_nextafter), "Return the floating-point value the given number of steps after x towards y."},
    {"ulp", METH_O(math_ulp), "Return the value of the least significant bit of the float x."},
    {nullptr, nullptr, 0, nullptr}};

// math_exec: the constants.
int math_exec(Object* module) {
  struct Constant {
    const char* name;
    double value;
  };
  const Constant constants[] = {{"pi", M_PI},
                                {"e", M_E},
                                {"tau", 2.0 * M_PI},
                                {"inf", HUGE_VAL},
                                {"nan", std::fabs(std::nan(""))}};
  for (const Constant& c : constants) {
    Ref<> v = Ref<>::steal(float_from_double(c.value));
    if (!v || module_add_object_ref(module, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef math_def = {
    "math",
    "This module provides access to the mathematical functions\n"
    "defined by the C standard.",
    math_methods, math_exec};

}  // namespace

ModuleDef* module_def() { return &math_def; }

}  // namespace cppy::modules::math
