// complex: Objects/complexobject.c (_Py_c_sum/diff/prod/quot/pow with 3.14's mixed-mode
// real/complex variants, c_powu/c_powi, complex_repr, complex_hash, complex_richcompare, the
// number slots, complex_new_impl with complex_from_string_inner, try_complex_special_method,
// the methods and members).
#include "objects/complexobject.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/formatter.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrtod.h"

namespace cppy::objects {

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

Complex c_sum(Complex a, Complex b) { return {a.real + b.real, a.imag + b.imag}; }
Complex cr_sum(Complex a, double b) { return {a.real + b, a.imag}; }
Complex rc_sum(double a, Complex b) { return cr_sum(b, a); }
Complex c_diff(Complex a, Complex b) { return {a.real - b.real, a.imag - b.imag}; }
Complex cr_diff(Complex a, double b) { return {a.real - b, a.imag}; }
Complex rc_diff(double a, Complex b) { return {a - b.real, -b.imag}; }

// _Py_c_prod: with the recovery of infinities of C11 Annex G.5.1 (_Cmultd).
Complex c_prod(Complex z, Complex w) {
  double a = z.real, b = z.imag, c = w.real, d = w.imag;
  double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
  Complex r = {ac - bd, ad + bc};
  if (std::isnan(r.real) && std::isnan(r.imag)) {
    bool recalc = false;
    if (std::isinf(a) || std::isinf(b)) {
      a = std::copysign(std::isinf(a) ? 1.0 : 0.0, a);
      b = std::copysign(std::isinf(b) ? 1.0 : 0.0, b);
      if (std::isnan(c)) c = std::copysign(0.0, c);
      if (std::isnan(d)) d = std::copysign(0.0, d);
      recalc = true;
    }
    if (std::isinf(c) || std::isinf(d)) {
      c = std::copysign(std::isinf(c) ? 1.0 : 0.0, c);
      d = std::copysign(std::isinf(d) ? 1.0 : 0.0, d);
      if (std::isnan(a)) a = std::copysign(0.0, a);
      if (std::isnan(b)) b = std::copysign(0.0, b);
      recalc = true;
    }
    if (!recalc && (std::isinf(ac) || std::isinf(bd) || std::isinf(ad) || std::isinf(bc))) {
      if (std::isnan(a)) a = std::copysign(0.0, a);
      if (std::isnan(b)) b = std::copysign(0.0, b);
      if (std::isnan(c)) c = std::copysign(0.0, c);
      if (std::isnan(d)) d = std::copysign(0.0, d);
      recalc = true;
    }
    if (recalc) {
      r.real = INFINITY * (a * c - b * d);
      r.imag = INFINITY * (a * d + b * c);
    }
  }
  return r;
}
Complex cr_prod(Complex a, double b) { return {a.real * b, a.imag * b}; }
Complex rc_prod(double a, Complex b) { return cr_prod(b, a); }

// _Py_c_quot: Smith's method, EDOM for a zero divisor, Annex G recovery of infinities.
Complex c_quot(Complex a, Complex b) {
  Complex r;
  double abs_breal = b.real < 0 ? -b.real : b.real;
  double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      errno = EDOM;
      r.real = r.imag = 0.0;
    } else {
      double ratio = b.imag / b.real;
      double denom = b.real + b.imag * ratio;
      r.real = (a.real + a.imag * ratio) / denom;
      r.imag = (a.imag - a.real * ratio) / denom;
    }
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {
    r.real = r.imag = NAN;
  }
  if (std::isnan(r.real) && std::isnan(r.imag)) {
    if ((std::isinf(a.real) || std::isinf(a.imag)) && std::isfinite(b.real) &&
        std::isfinite(b.imag)) {
      double x = std::copysign(std::isinf(a.real) ? 1.0 : 0.0, a.real);
      double y = std::copysign(std::isinf(a.imag) ? 1.0 : 0.0, a.imag);
      r.real = INFINITY * (x * b.real + y * b.imag);
      r.imag = INFINITY * (y * b.real - x * b.imag);
    } else if ((std::isinf(abs_breal) || std::isinf(abs_bimag)) && std::isfinite(a.real) &&
               std::isfinite(a.imag)) {
      double x = std::copysign(std::isinf(b.real) ? 1.0 : 0.0, b.real);
      double y = std::copysign(std::isinf(b.imag) ? 1.0 : 0.0, b.imag);
      r.real = 0.0 * (a.real * x + a.imag * y);
      r.imag = 0.0 * (a.imag * x - a.real * y);
    }
  }
  return r;
}
Complex cr_quot(Complex a, double b) {
  if (b == 0.0) {
    errno = EDOM;
    return {0.0, 0.0};
  }
  return {a.real / b, a.imag / b};
}
// _Py_rc_quot: a real dividend (Smith's method without the imaginary part).
Complex rc_quot(double a, Complex b) {
  Complex r;
  double abs_breal = b.real < 0 ? -b.real : b.real;
  double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      errno = EDOM;
      r.real = r.imag = 0.0;
    } else {
      double ratio = b.imag / b.real;
      double denom = b.real + b.imag * ratio;
      r.real = a / denom;
      r.imag = (-a * ratio) / denom;
    }
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    r.real = (a * ratio) / denom;
    r.imag = (-a) / denom;
  } else {
    r.real = r.imag = NAN;
  }
  if (std::isnan(r.real) && std::isnan(r.imag) && std::isfinite(a) &&
      (std::isinf(abs_breal) || std::isinf(abs_bimag))) {
    double x = std::copysign(std::isinf(b.real) ? 1.0 : 0.0, b.real);
    double y = std::copysign(std::isinf(b.imag) ? 1.0 : 0.0, b.imag);
    r.real = 0.0 * (a * x);
    r.imag = 0.0 * (-a * y);
  }
  return r;
}

// _Py_ADJUST_ERANGE2.
void adjust_erange2(double x, double y) {
  if (std::isinf(x) || std::isinf(y)) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
}

// _Py_c_pow.
Complex c_pow(Complex a, Complex b) {
  Complex r;
  if (b.real == 0. && b.imag == 0.) {
    r = {1., 0.};
  } else if (a.real == 0. && a.imag == 0.) {
    if (b.imag != 0. || b.real < 0.) errno = EDOM;
    r = {0., 0.};
  } else {
    double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
      len /= std::exp(at * b.imag);
      phase += b.imag * std::log(vabs);
    }
    r.real = len * std::cos(phase);
    r.imag = len * std::sin(phase);
    adjust_erange2(r.real, r.imag);
  }
  return r;
}

Complex c_powu(Complex x, long n) {
  Complex r = {1., 0.}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

Complex c_powi(Complex x, long n) {
  if (n > 0) return c_powu(x, n);
  return c_quot({1., 0.}, c_powu(x, -n));
}

// real_to_double: ints and floats; 1 ok, 0 not a real number (NotImplemented), -1 error.
int real_to_double(Object* o, double* out) {
  if (float_check(o)) {
    *out = float_value(o);
    return 1;
  }
  if (long_check(o)) {
    *out = long_as_double(o);
    if (*out == -1.0 && errors::occurred()) return -1;
    return 1;
  }
  return 0;
}

// to_complex for pow: complex, int or float.
int to_complex(Object* o, Complex* out) {
  if (complex_check(o)) {
    *out = complex_value(o);
    return 1;
  }
  double d;
  int r = real_to_double(o, &d);
  if (r > 0) *out = {d, 0.0};
  return r;
}

Object* complex_subtype_from_doubles(TypeObject* type, double real, double imag) {
  if (type == &complex_type) return complex_from_doubles(real, imag);
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  static_cast<ComplexObject*>(o)->cval = {real, imag};
  return o;
}

Object* finish_arith(Complex a) { return complex_from_doubles(a.real, a.imag); }

template <Complex (*CC)(Complex, Complex), Complex (*CR)(Complex, double),
          Complex (*RC)(double, Complex), bool kDivision>
Object* complex_binop(Object* v, Object* w) {
  Complex a;
  errno = 0;
  if (complex_check(w)) {
    if (complex_check(v)) {
      a = CC(complex_value(v), complex_value(w));
    } else {
      double b;
      int r = real_to_double(v, &b);
      if (r <= 0) return r < 0 ? nullptr : text_not_implemented();
      a = RC(b, complex_value(w));
    }
  } else {
    double b;
    int r = real_to_double(w, &b);
    if (r <= 0) return r < 0 ? nullptr : text_not_implemented();
    a = CR(complex_value(v), b);
  }
  if (kDivision && errno == EDOM) {
    errors::set_string(exc_ZeroDivisionError, "division by zero");
    return nullptr;
  }
  return finish_arith(a);
}

Object* complex_add(Object* v, Object* w) { return complex_binop<c_sum, cr_sum, rc_sum, false>(v, w); }
Object* complex_sub(Object* v, Object* w) { return complex_binop<c_diff, cr_diff, rc_diff, false>(v, w); }
Object* complex_mul(Object* v, Object* w) { return complex_binop<c_prod, cr_prod, rc_prod, false>(v, w); }
Object* complex_div(Object* v, Object* w) { return complex_binop<c_quot, cr_quot, rc_quot, true>(v, w); }

}  // namespace

// complex_pow.
Object* complex_number_power(Object* v, Object* w, Object* z) {
  if (z && z != none()) {
    errors::set_string(exc_ValueError, "complex modulo");
    return nullptr;
  }
  Complex a, b;
  int r = to_complex(v, &a);
  if (r <= 0) return r < 0 ? nullptr : text_not_implemented();
  r = to_complex(w, &b);
  if (r <= 0) return r < 0 ? nullptr : text_not_implemented();
  errno = 0;
  Complex p;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0)
    p = c_powi(a, static_cast<long>(b.real));
  else
    p = c_pow(a, b);
  adjust_erange2(p.real, p.imag);
  if (errno == EDOM) {
    errors::set_string(exc_ZeroDivisionError, "zero to a negative or complex power");
    return nullptr;
  }
  if (errno == ERANGE) {
    errors::set_string(exc_OverflowError, "complex exponentiation");
    return nullptr;
  }
  return complex_from_doubles(p.real, p.imag);
}

namespace {

Object* complex_neg(Object* v) {
  Complex c = complex_value(v);
  return complex_from_doubles(-c.real, -c.imag);
}
Object* complex_pos(Object* v) {
  if (complex_check_exact(v)) return new_ref(v);
  Complex c = complex_value(v);
  return complex_from_doubles(c.real, c.imag);
}
// complex_abs: _Py_c_abs with its overflow check.
Object* complex_abs(Object* v) {
  Complex z = complex_value(v);
  double result;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real)) result = std::fabs(z.real);
    else if (std::isinf(z.imag)) result = std::fabs(z.imag);
    else result = NAN;
  } else {
    result = std::hypot(z.real, z.imag);
    if (!std::isfinite(result)) {
      errors::set_string(exc_OverflowError, "absolute value too large");
      return nullptr;
    }
  }
  return float_from_double(result);
}
int complex_bool(Object* v) {
  Complex c = complex_value(v);
  return c.real != 0.0 || c.imag != 0.0;
}

hash_t complex_hash(Object* v) {
  Complex c = complex_value(v);
  hash_t hr = hash::hash_double(v, c.real);
  if (hr == -1) return -1;
  hash_t hi = hash::hash_double(v, c.imag);
  if (hi == -1) return -1;
  size_t combined = static_cast<size_t>(hr) + static_cast<size_t>(hash::kImag) * static_cast<size_t>(hi);
  if (combined == static_cast<size_t>(-1)) combined = static_cast<size_t>(-2);
  return static_cast<hash_t>(combined);
}

Object* complex_richcompare(Object* v, Object* w, int op) {
  if (op != kEQ && op != kNE) return text_not_implemented();
  Complex i = complex_value(v);
  bool equal;
  if (long_check(w)) {
    if (i.imag == 0.0) {
      Ref<> j = Ref<>::steal(float_from_double(i.real));
      if (!j) return nullptr;
      return object_rich_compare(j.get(), w, op);
    }
    equal = false;
  } else if (float_check(w)) {
    equal = i.real == float_value(w) && i.imag == 0.0;
  } else if (complex_check(w)) {
    Complex j = complex_value(w);
    equal = i.real == j.real && i.imag == j.imag;
  } else {
    return text_not_implemented();
  }
  return bool_from_bool(equal == (op == kEQ));
}

void complex_dealloc(Object* o) {
  if (o->type == &complex_type || !o->type->free)
    gc::object_free(o);
  else
    o->type->free(o);
}

// --- construction ------------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || (c >= 9 && c <= 13); }

// complex_from_string_inner on ASCII text without underscores.
Object* complex_from_ascii(TypeObject* type, const std::string& text) {
  const char* s = text.c_str();
  const char* end_all = s + text.size();
  const char* start = s;
  double x = 0.0, y = 0.0, z;
  bool got_bracket = false;
  const char* end;
  auto to_double = [&](const char* p, double* out) -> const char* {
    const char* e = p;
    if (pystrconv::string_to_double(p, end_all, out, &e, false) != pystrconv::StrtodStatus::kOk)
      return p;
    return e;
  };
  while (is_space(*s)) s++;
  if (*s == '(') {
    got_bracket = true;
    s++;
    while (is_space(*s)) s++;
  }
  end = to_double(s, &z);
  if (end != s) {
    s = end;
    if (*s == '+' || *s == '-') {
      x = z;
      end = to_double(s, &y);
      if (end != s) {
        s = end;
      } else {
        y = *s == '+' ? 1.0 : -1.0;
        s++;
      }
      if (!(*s == 'j' || *s == 'J')) goto parse_error;
      s++;
    } else if (*s == 'j' || *s == 'J') {
      s++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (*s == '+' || *s == '-') {
      y = *s == '+' ? 1.0 : -1.0;
      s++;
    } else {
      y = 1.0;
    }
    if (!(*s == 'j' || *s == 'J')) goto parse_error;
    s++;
  }
  while (is_space(*s)) s++;
  if (got_bracket) {
    if (*s != ')') goto parse_error;
    s++;
    while (is_space(*s)) s++;
  }
  if (s - start != static_cast<ssize>(text.size())) goto parse_error;
  return complex_subtype_from_doubles(type, x, y);
parse_error:
  errors::set_string(exc_ValueError, "complex() arg is a malformed string");
  return nullptr;
}

// complex_subtype_from_string with _Py_string_to_number_with_underscores.
Object* complex_from_string(TypeObject* type, Object* v) {
  std::string ascii;
  if (!text_number_to_ascii(v, &ascii)) {
    errors::set_string(exc_ValueError, "complex() arg is a malformed string");
    return nullptr;
  }
  if (ascii.find('_') == std::string::npos) return complex_from_ascii(type, ascii);
  // Underscores only between digits.
  std::string dup;
  char prev = 0;
  for (size_t i = 0; i < ascii.size(); i++) {
    char c = ascii[i];
    if (c == '_') {
      bool ok = prev >= '0' && prev <= '9' && i + 1 < ascii.size() && ascii[i + 1] >= '0' &&
                ascii[i + 1] <= '9';
      if (!ok) {
        errors::format(exc_ValueError, "could not convert string to %s: %R", "complex", v);
        return nullptr;
      }
    } else {
      dup += c;
    }
    prev = c;
  }
  return complex_from_ascii(type, dup);
}

// try_complex_special_method: __complex__, or null (with or without an error). A result of a
// strict complex subclass is accepted with 3.14's DeprecationWarning.
Object* try_complex_special(Object* op) {
  static Object* name = str_intern_from_cstr("__complex__");
  Ref<> f = Ref<>::steal(lookup_special(op, name));
  if (!f) return nullptr;
  Object* res = object_call_no_args(f.get());
  if (!res || complex_check_exact(res)) return res;
  if (!complex_check(res)) {
    errors::format(exc_TypeError, "__complex__ returned non-complex (type %.200s)",
                   res->type->name);
    decref(res);
    return nullptr;
  }
  if (errors::warn_format(exc_DeprecationWarning, 1,
                          "__complex__ returned non-complex (type %.200s).  The ability to "
                          "return an instance of a strict subclass of complex is deprecated, and "
                          "may be removed in a future version of Python.",
                          res->type->name) < 0) {
    decref(res);
    return nullptr;
  }
  return res;
}

bool is_real_number(Object* o) {
  NumberMethods* nb = o->type->as_number;
  return nb && (nb->float_ || nb->index);
}

const char* const kComplexKeywords[] = {"real", "imag", nullptr};
const ArgParser kComplexParser = {"complex", kComplexKeywords, 0, 2, 0};

// The one-argument conversion shared by actual_complex_new and complex_from_number: a string,
// __complex__, a complex (subclass), or a real number; bad_fmt names other types.
Object* complex_from_one(TypeObject* type, Object* arg, const char* bad_fmt) {
  if (complex_check_exact(arg) && type == &complex_type) return new_ref(arg);
  if (str_check(arg)) return complex_from_string(type, arg);
  Ref<> tmp = Ref<>::steal(try_complex_special(arg));
  if (tmp) {
    Complex c = complex_value(tmp.get());
    return complex_subtype_from_doubles(type, c.real, c.imag);
  }
  if (errors::occurred()) return nullptr;
  if (complex_check(arg)) {
    // A subclass keeps only its value; the result is of the requested type.
    Complex c = complex_value(arg);
    return complex_subtype_from_doubles(type, c.real, c.imag);
  }
  if (is_real_number(arg)) {
    Ref<> f = Ref<>::steal(float_from_object(arg));
    if (!f) return nullptr;
    return complex_subtype_from_doubles(type, float_value(f.get()), 0.0);
  }
  return errors::format(exc_TypeError, bad_fmt, arg);
}

// complex_new_impl: complex(real=0, imag=0) with a keyword or two arguments. 3.14 still takes a
// complex (or an object with __complex__ that is no real number) for either part, with a
// DeprecationWarning each.
Object* complex_new_impl(TypeObject* type, Object* r, Object* i) {
  Ref<> zero;
  if (!r) {
    zero = Ref<>::steal(long_from_long(0));
    r = zero.get();
  }
  if (str_check(r))
    return errors::format(exc_TypeError, "complex() argument 'real' must be a real number, not %T",
                          r);
  if (i && str_check(i))
    return errors::format(exc_TypeError, "complex() argument 'imag' must be a real number, not %T",
                          i);
  Object* orig_r = r;
  Ref<> tmp = Ref<>::steal(try_complex_special(r));
  if (tmp) {
    r = tmp.get();
  } else if (errors::occurred()) {
    return nullptr;
  }
  if (!complex_check(r) && !is_real_number(r))
    return errors::format(exc_TypeError, "complex() argument 'real' must be a real number, not %T",
                          r);
  if (i && !complex_check(i) && !is_real_number(i))
    return errors::format(exc_TypeError, "complex() argument 'imag' must be a real number, not %T",
                          i);
  Complex cr, ci = {0.0, 0.0};
  bool cr_is_complex = false, ci_is_complex = false;
  if (complex_check(r)) {
    if (complex_check(orig_r) || !is_real_number(orig_r)) {
      if (errors::warn_format(exc_DeprecationWarning, 1,
                              "complex() argument 'real' must be a real number, not %.200s",
                              orig_r->type->name) < 0)
        return nullptr;
    }
    cr = complex_value(r);
    cr_is_complex = true;
  } else {
    Ref<> f = Ref<>::steal(float_from_object(r));
    if (!f) return nullptr;
    cr = {float_value(f.get()), 0.0};
  }
  if (!i) {
    ci.real = cr.imag;
  } else if (complex_check(i)) {
    if (errors::warn_format(exc_DeprecationWarning, 1,
                            "complex() argument 'imag' must be a real number, not %.200s",
                            i->type->name) < 0)
      return nullptr;
    ci = complex_value(i);
    ci_is_complex = true;
  } else {
    Ref<> f = Ref<>::steal(float_from_object(i));
    if (!f) return nullptr;
    ci.real = float_value(f.get());
  }
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && i) ci.real += cr.imag;
  return complex_subtype_from_doubles(type, cr.real, ci.real);
}

// actual_complex_new: one positional argument converts it (no deprecation warnings); any
// other form goes through complex_new_impl.
Object* complex_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  ssize n = tuple_size(args);
  if (n <= 1 && (!kwargs || dict_size(kwargs) == 0)) {
    if (n == 0) return complex_subtype_from_doubles(type, 0.0, 0.0);
    return complex_from_one(type, tuple_item(args, 0),
                            "complex() argument must be a string or a number, not %T");
  }
  Object* a[2];
  if (unpack_keywords_tuple(kComplexParser, args, kwargs, a) < 0) return nullptr;
  return complex_new_impl(type, a[0], a[1]);
}

Object* complex_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs <= 1 && (!kwnames || tuple_size(kwnames) == 0)) {
    if (nargs == 0) return complex_subtype_from_doubles(static_cast<TypeObject*>(type), 0.0, 0.0);
    return complex_from_one(static_cast<TypeObject*>(type), args[0],
                            "complex() argument must be a string or a number, not %T");
  }
  Object* a[2];
  if (unpack_keywords(kComplexParser, args, nargs, kwnames, a) < 0) return nullptr;
  return complex_new_impl(static_cast<TypeObject*>(type), a[0], a[1]);
}

// --- methods ---------------------------------------------------------------------------------

Object* complex_conjugate(Object* self, Object*) {
  Complex c = complex_value(self);
  return complex_from_doubles(c.real, -c.imag);
}

Object* complex_getnewargs(Object* self, Object*) {
  Complex c = complex_value(self);
  Ref<> re = Ref<>::steal(float_from_double(c.real));
  Ref<> im = Ref<>::steal(float_from_double(c.imag));
  if (!re || !im) return nullptr;
  return tuple_pack(2, re.get(), im.get());
}

Object* complex_complex(Object* self, Object*) {
  if (complex_check_exact(self)) return new_ref(self);
  Complex c = complex_value(self);
  return complex_from_doubles(c.real, c.imag);
}

Object* complex_format_method(Object* self, Object* spec) {
  if (!str_check(spec)) {
    bad_argument("__format__", nullptr, "str", spec);
    return nullptr;
  }
  return format_complex_spec(self, spec);
}

// complex.from_number(number, /) (a classmethod, new in 3.14).
Object* complex_from_number(Object* type, Object* number) {
  if (str_check(number))
    return errors::format(exc_TypeError, "must be real number, not %T", number);
  return complex_from_one(static_cast<TypeObject*>(type), number, "must be real number, not %T");
}

Object* complex_get_real(Object* self, void*) { return float_from_double(complex_value(self).real); }
Object* complex_get_imag(Object* self, void*) { return float_from_double(complex_value(self).imag); }

MethodDef g_complex_methods[] = {
    {"from_number", fn(complex_from_number), kMethO | kMethClass,
     "Convert number to a complex floating-point number."},
    {"conjugate", fn(complex_conjugate), kMethNoArgs, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", fn(complex_complex), kMethNoArgs, "Convert this value to exact type complex."},
    {"__getnewargs__", fn(complex_getnewargs), kMethNoArgs, nullptr},
    {"__format__", fn(complex_format_method), kMethO,
     "Convert to a string according to format_spec."},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef g_complex_getset[] = {
    {"real", complex_get_real, nullptr, "the real part of a complex number", nullptr},
    {"imag", complex_get_imag, nullptr, "the imaginary part of a complex number", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

NumberMethods g_complex_as_number = [] {
  NumberMethods n{};
  n.add = complex_add;
  n.subtract = complex_sub;
  n.multiply = complex_mul;
  n.power = complex_number_power;
  n.negative = complex_neg;
  n.positive = complex_pos;
  n.absolute = complex_abs;
  n.bool_ = complex_bool;
  n.true_divide = complex_div;
  return n;
}();

}  // namespace

// PyComplex_AsCComplex.
Complex complex_as_ccomplex(Object* op) {
  if (complex_check(op)) return complex_value(op);
  Ref<> newop = Ref<>::steal(try_complex_special(op));
  if (newop) return complex_value(newop.get());
  if (errors::occurred()) return {-1.0, 0.0};
  // Not a complex: a real number with a zero imaginary part.
  double real = float_as_double(op);
  if (real == -1.0 && errors::occurred()) return {-1.0, 0.0};
  return {real, 0.0};
}

Complex complex_c_quot(Complex a, Complex b) { return c_quot(a, b); }

// _Py_c_abs.
double complex_c_abs(Complex z) {
  // Annex G: abs(z) is inf if either part is infinite, even with a NaN in the other part.
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real)) {
      errno = 0;
      return std::fabs(z.real);
    }
    if (std::isinf(z.imag)) {
      errno = 0;
      return std::fabs(z.imag);
    }
    return NAN;  // either part is a NaN
  }
  double result = std::hypot(z.real, z.imag);
  errno = std::isfinite(result) ? 0 : ERANGE;
  return result;
}

// complex_repr: "(re+imj)", or "imj" when the real part is +0.
Object* complex_repr(Object* v) {
  Complex c = complex_value(v);
  std::string re, im;
  if (c.real == 0. && std::copysign(1.0, c.real) == 1.0) {
    pystrconv::double_to_string(c.imag, 'r', 0, 0, &im, nullptr);
    im += 'j';
    return str_from_ascii(im.data(), static_cast<ssize>(im.size()));
  }
  pystrconv::double_to_string(c.real, 'r', 0, 0, &re, nullptr);
  pystrconv::double_to_string(c.imag, 'r', 0, pystrconv::kDtsfSign, &im, nullptr);
  std::string out = "(" + re + im + "j)";
  return str_from_ascii(out.data(), static_cast<ssize>(out.size()));
}

Object* complex_from_doubles(double real, double imag) {
  auto* c = static_cast<ComplexObject*>(gc::object_malloc(sizeof(ComplexObject)));
  if (!c) return errors::no_memory();
  c->refcnt = 1;
  c->type = &complex_type;
  c->cval = {real, imag};
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return c;
}

TypeObject complex_type = [] {
  TypeObject t = static_type("complex", sizeof(ComplexObject), 0,
                             kTpflagsBasetype | kTpflagsMatchSelf);
  t.dealloc = complex_dealloc;
  t.repr = complex_repr;
  t.as_number = &g_complex_as_number;
  t.hash = complex_hash;
  t.getattro = object_generic_getattr;
  t.richcompare = complex_richcompare;
  t.methods = g_complex_methods;
  t.getset = g_complex_getset;
  t.alloc = type_generic_alloc;
  t.new_ = complex_tp_new;
  t.vectorcall = complex_vectorcall;
  t.doc =
      "Create a complex number from a string or numbers.\n\n"
      "If a string is given, parse it as a complex number.\n"
      "If a single number is given, convert it to a complex number.\n"
      "If the 'real' or 'imag' arguments are given, create a complex number\n"
      "with the specified real and imaginary components.";
  return t;
}();

}  // namespace cppy::objects
