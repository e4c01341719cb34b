// float: Objects/floatobject.c.
#include "objects/floatobject.h"
#include "objects/complexobject.h"

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <cstdio>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "objects/abstract.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"
#include "pymath/pymath.h"
#include "pystrconv/pystrtod.h"

namespace cppy::objects {

TypeObject float_type{};

thread_local constinit FloatFreelist float_freelist{};

namespace {

void float_dealloc(Object* o) {
  if (o->type == &float_type) {
    FloatFreelist& fl = float_freelist;
    if (fl.size < kFloatFreelistSize) {
      fl.items[fl.size++] = o;
      return;
    }
    gc::object_free(o);
  } else if (!o->type->free) {
    gc::object_free(o);
  } else {
    o->type->free(o);
  }
}

}  // namespace

int float_freelist_size() { return float_freelist.size; }
void float_clear_freelist() {
  FloatFreelist& fl = float_freelist;
  while (fl.size > 0) gc::object_free(fl.items[--fl.size]);
}

namespace {

// CONVERT_TO_DOUBLE: floats and ints; 1 ok, 0 not a number we handle (NotImplemented),
// -1 error (an int too large for a float).
int convert_to_double(Object* o, double* out) {
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

#define CPPY_CONVERT_BOTH(v, w, a, b)                 \
  double a, b;                                        \
  {                                                   \
    int ra = convert_to_double(v, &a);                \
    if (ra <= 0) return ra < 0 ? nullptr : text_not_implemented(); \
    int rb = convert_to_double(w, &b);                \
    if (rb <= 0) return rb < 0 ? nullptr : text_not_implemented(); \
  }

Object* float_add(Object* v, Object* w) {
  CPPY_CONVERT_BOTH(v, w, a, b)
  return float_from_double(a + b);
}
Object* float_sub(Object* v, Object* w) {
  CPPY_CONVERT_BOTH(v, w, a, b)
  return float_from_double(a - b);
}
Object* float_mul(Object* v, Object* w) {
  CPPY_CONVERT_BOTH(v, w, a, b)
  return float_from_double(a * b);
}
Object* float_div(Object* v, Object* w) {
  CPPY_CONVERT_BOTH(v, w, a, b)
  if (b == 0.0) {
    errors::set_string(exc_ZeroDivisionError, "division by zero");
    return nullptr;
  }
  return float_from_double(a / b);
}

// _float_div_mod: floor division and modulo with the sign rules of Python.
void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Object* float_rem(Object* v, Object* w) {
  CPPY_CONVERT_BOTH(v, w, a, b)
  if (b == 0.0) {
    errors::set_string(exc_ZeroDivisionError, "division by zero");
    return nullptr;
  }
  double m = std::fmod(a, b);
  if (m) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = std::copysign(0.0, b);
  }
  return float_from_double(m);
}

Object* float_floor_div(Object* v, Object* w) {
  CPPY_CONVERT_BOTH(v, w, a, b)
  if (b == 0.0) {
    errors::set_string(exc_ZeroDivisionError, "division by zero");
    return nullptr;
  }
  double q, r;
  float_div_mod(a, b, &q, &r);
  return float_from_double(q);
}

// float_pow.
Object* float_pow(Object* v, Object* w, Object* z) {
  if (z != &NoneStruct && z != nullptr) {
    errors::set_string(exc_TypeError,
                       "pow() 3rd argument not allowed unless all arguments are integers");
    return nullptr;
  }
  CPPY_CONVERT_BOTH(v, w, iv, iw)
  if (iw == 0) return float_from_double(1.0);
  if (std::isnan(iv)) return float_from_double(iv);
  if (std::isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return float_from_double(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return float_from_double(std::fabs(iw));
    return float_from_double(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = std::fmod(std::fabs(iw), 2.0) == 1.0;
    if (iw > 0.0) return float_from_double(odd ? iv : std::fabs(iv));
    return float_from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = std::fmod(std::fabs(iw), 2.0) == 1.0;
    if (iw < 0.0) {
      errors::set_string(exc_ZeroDivisionError, "zero to a negative power");
      return nullptr;
    }
    return float_from_double(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      // A negative base to a fractional power gives a complex result (complex_pow).
      return complex_number_power(v, w, z);
    }
    iv = -iv;
    negate = std::fmod(std::fabs(iw), 2.0) == 1.0;
  }
  if (iv == 1.0) return float_from_double(negate ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) errno = ERANGE;
  if (negate) ix = -ix;
  if (errno != 0) {
    // Overflow raises; underflow to zero is fine (as CPython).
    if (errno == ERANGE && std::fabs(ix) < 1.0) return float_from_double(ix);
    errors::set_from_errno(errno == ERANGE ? exc_OverflowError : exc_ValueError);
    return nullptr;
  }
  return float_from_double(ix);
}


Object* float_neg(Object* v) { return float_from_double(-float_value(v)); }
Object* float_pos(Object* v) { return float_from_double(float_value(v)); }
Object* float_abs(Object* v) { return float_from_double(std::fabs(float_value(v))); }
int float_bool(Object* v) { return float_value(v) != 0.0; }
Object* float_float(Object* v) {
  if (float_check_exact(v)) return new_ref(v);
  return float_from_double(float_value(v));
}
// float___trunc___impl / float_int.
Object* float_trunc(Object* v) { return long_from_double(float_value(v)); }

NumberMethods g_float_as_number = {};

}  // namespace

void float_fill_type_methods(TypeObject* t, NumberMethods* nm);

namespace {

// float_vectorcall: float() and float(a float or an int) without tp_call's argument tuple;
// the other forms (a string, an object with __float__ or __index__, keywords) through tp_call.
Object* float_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (!kwnames) {
    if (nargs == 0) return float_from_double(0.0);
    if (nargs == 1 && args[0]->type == &float_type) return new_ref(args[0]);
    if (nargs == 1 && args[0]->type == &long_type) return number_float(args[0]);
  }
  return make_tp_call(type, args, nargs, kwnames);
}

struct FloatTypeInit {
  FloatTypeInit() {
    NumberMethods& n = g_float_as_number;
    n.add = float_add;
    n.subtract = float_sub;
    n.multiply = float_mul;
    n.remainder = float_rem;
    n.power = float_pow;
    n.negative = float_neg;
    n.positive = float_pos;
    n.absolute = float_abs;
    n.bool_ = float_bool;
    n.int_ = float_trunc;
    n.float_ = float_float;
    n.floor_divide = float_floor_div;
    n.true_divide = float_div;
    TypeObject& t = float_type;
    t.refcnt = kImmortalRefcnt;
    t.type = &Type_Type;
    t.name = "float";
    t.basicsize = sizeof(FloatObject);
    t.dealloc = float_dealloc;
    t.repr = float_repr;
    t.as_number = &g_float_as_number;
    t.hash = float_hash;
    t.flags = kTpflagsDefault | kTpflagsBasetype | kTpflagsMatchSelf | kTpflagsImmutabletype |
              kTpflagsStaticBuiltin;
    t.doc = "Convert a string or number to a floating-point number, if possible.";
    t.richcompare = float_richcompare;
    t.base = &BaseObject_Type;
    t.vectorcall = float_vectorcall;
    float_fill_type_methods(&t, &n);
  }
} g_float_type_init;

}  // namespace

Object* float_from_double(double v) {
  FloatFreelist& fl = float_freelist;
  FloatObject* f;
  if (fl.size > 0) {
    f = static_cast<FloatObject*>(fl.items[--fl.size]);
    gc::object_created(f);  // tracemalloc's traceback of the reused block
  } else {
    f = static_cast<FloatObject*>(gc::object_malloc(sizeof(FloatObject)));
    if (!f) return errors::no_memory();
  }
  f->refcnt = 1;
  f->type = &float_type;
  f->ob_fval = v;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return f;
}

double float_as_double(Object* o) {
  if (float_check(o)) return float_value(o);
  if (long_check(o)) return long_as_double(o);
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
  // __float__ must return a float (a subclass only with a DeprecationWarning).
  Ref<> r = Ref<>::steal(float_from_object(o));
  if (!r) return -1.0;
  return float_value(r.get());
}

Object* float_repr(Object* o) {
  std::string s = pystrconv::double_repr(float_value(o));
  return str_from_ascii(s.data(), static_cast<ssize>(s.size()));
}

hash_t float_hash(Object* o) { return hash::hash_double(o, float_value(o)); }

// float_richcompare: exact comparison of a float with an int of any size.
Object* float_richcompare(Object* v, Object* w, int op) {
  if (!float_check(v)) return text_not_implemented();
  double i = float_value(v);
  double j;
  if (float_check(w)) {
    j = float_value(w);
  } else if (!std::isfinite(i)) {
    if (!long_check(w)) return text_not_implemented();
    // inf and nan compare with any int as with 0.0.
    j = 0.0;
  } else if (long_check(w)) {
    int vsign = i == 0.0 ? 0 : i < 0.0 ? -1 : 1;
    int wsign = long_sign_of(w);
    if (vsign != wsign) {
      i = vsign;
      j = wsign;
    } else {
      int64_t nbits = long_num_bits(w);
      if (nbits <= 48) {
        j = long_as_double(w);
      } else {
        // Same sign, |w| >= 2**48: compare magnitudes by bit length first, then exactly.
        int exponent;
        std::frexp(i, &exponent);
        int c;
        if (exponent < 0 || exponent < nbits) {
          c = -vsign;
        } else if (exponent > nbits) {
          c = vsign;
        } else {
          double intpart;
          double fract = std::modf(i, &intpart);
          Object* vi = long_from_double(intpart);
          if (!vi) return nullptr;
          Object* lt = long_richcompare(vi, w, kLT);
          Object* gt = long_richcompare(vi, w, kGT);
          decref(vi);
          c = lt == py_true() ? -1 : gt == py_true() ? 1 : 0;
          xdecref(lt);
          xdecref(gt);
          if (c == 0) c = fract > 0.0 ? 1 : fract < 0.0 ? -1 : 0;
        }
        i = c;
        j = 0.0;
      }
    }
  } else {
    return text_not_implemented();
  }
  bool r;
  switch (op) {
    case kLT: r = i < j; break;
    case kLE: r = i <= j; break;
    case kEQ: r = i == j; break;
    case kNE: r = i != j; break;
    case kGT: r = i > j; break;
    default: r = i >= j; break;
  }
  return bool_from_bool(r);
}

Object* float_from_string(Object* s) {
  std::string ascii;
  if (!text_number_to_ascii(s, &ascii)) {
    errors::format(exc_ValueError, "could not convert string to float: %R", s);
    return nullptr;
  }
  double x;
  auto st = pystrconv::float_from_ascii(ascii.data(), ascii.size(), &x);
  if (st != pystrconv::StrtodStatus::kOk) {
    errors::format(exc_ValueError, "could not convert string to float: %R", s);
    return nullptr;
  }
  return float_from_double(x);
}

// float_hex: "[-]0x1.<13 hex digits>p<exp>", CPython's exact form.
Object* float_hex(Object* self) {
  double x = float_value(self);
  if (std::isnan(x) || std::isinf(x)) return float_repr(self);
  if (x == 0.0) {
    return str_from_cstr(std::copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
  }
  constexpr int kTohexNbits = DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4;  // 56
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  char s[64];
  int si = 0;
  const char* hexd = "0123456789abcdef";
  int d = static_cast<int>(m);
  s[si++] = hexd[d];
  m -= d;
  s[si++] = '.';
  for (int i = 0; i < (kTohexNbits - 1) / 4; i++) {
    m *= 16.0;
    d = static_cast<int>(m);
    s[si++] = hexd[d];
    m -= d;
  }
  s[si] = 0;
  char out[96];
  std::snprintf(out, sizeof out, "%s0x%sp%+d", x < 0 ? "-" : "", s, e);
  return str_from_cstr(out);
}

int float_as_integer_ratio(Object* self, Object** numerator, Object** denominator) {
  double x = float_value(self);
  if (std::isinf(x)) {
    errors::set_string(exc_OverflowError, "cannot convert Infinity to integer ratio");
    return -1;
  }
  if (std::isnan(x)) {
    errors::set_string(exc_ValueError, "cannot convert NaN to integer ratio");
    return -1;
  }
  int exponent;
  double fp = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && fp != std::floor(fp); i++) {
    fp *= 2.0;
    exponent--;
  }
  // fp is now an integer with at most 53 bits.
  long long mant = static_cast<long long>(fp);
  if (exponent > 0) {
    *numerator = long_from_mantissa_shift(mant, exponent);
    *denominator = long_from_long(1);
  } else {
    *numerator = long_from_long_long(mant);
    *denominator = long_from_mantissa_shift(1, -exponent);
  }
  if (!*numerator || !*denominator) {
    clear(*numerator);
    clear(*denominator);
    return -1;
  }
  return 0;
}

Object* float_round_to_int(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return long_from_double(rounded);
}

// double_round: correctly rounded through the shortest decimal text of the 'f' format.
Object* float_round_ndigits(double x, int ndigits) {
  // double_round of Objects/floatobject.c: correctly rounded, through src/pymath.
  double r;
  if (!pymath::double_round(x, ndigits, &r)) {
    errors::set_string(exc_OverflowError, "rounded value too large to represent");
    return nullptr;
  }
  return float_from_double(r);
}

}  // namespace cppy::objects
