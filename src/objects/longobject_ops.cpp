// int's number protocol (Objects/longobject.c: long_add, long_sub, long_mul, long_div,
// long_mod, long_divmod, long_true_divide, long_pow, long_neg, long_abs, long_bool,
// long_invert, long_lshift, long_rshift, long_and, long_xor, long_or, long_long, long_float):
// machine-word fast paths for compact values, cppy::objects::bigint for the rest.
#include <climits>
#include <cmath>
#include <cstdint>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

bigint::View long_view(Object* o) {
  return bigint::View{long_sign(o), long_digit_count(o), as_long(o)->ob_digit};
}

// An int object from an owned digit value (maybe_small_long for small results).
Object* long_from_int(const bigint::Int& v) {
  ssize n = v.size();
  if (n <= 1) return long_from_long_long(n ? v.sign() * static_cast<long long>(v.digits()[0]) : 0);
  LongObject* r = long_new(n);
  if (!r) return nullptr;
  for (ssize i = 0; i < n; i++) r->ob_digit[i] = v.digits()[i];
  r->lv_tag = long_make_tag(v.sign(), n);
  return r;
}

namespace {

// CHECK_BINOP: both operands must be ints.
#define CHECK_BINOP(v, w) \
  if (!long_check(v) || !long_check(w)) return text_not_implemented()

inline bool both_compact(Object* a, Object* b) { return long_is_compact(a) && long_is_compact(b); }

Object* zero_division() {
  errors::set_string(exc_ZeroDivisionError, "division by zero");
  return nullptr;
}

// Python's floor division and modulo on machine words (fast_floor_div, fast_mod).
inline long long floor_div_ll(long long x, long long y) {
  long long q = x / y;
  if ((x % y) != 0 && ((x < 0) != (y < 0))) q--;
  return q;
}
inline long long floor_mod_ll(long long x, long long y) {
  long long m = x % y;
  if (m != 0 && ((m < 0) != (y < 0))) m += y;
  return m;
}

// A big result's digit count above which allocation would fail anyway: report MemoryError
// before the digit library tries (as _PyLong_New does for absurd sizes).
constexpr uint64_t kMaxShiftBits = uint64_t(1) << 36;

}  // namespace

Object* long_add(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return long_from_long_long(long_compact_value(a) + long_compact_value(b));
  return long_from_int(bigint::add(long_view(a), long_view(b)));
}

Object* long_sub(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return long_from_long_long(long_compact_value(a) - long_compact_value(b));
  return long_from_int(bigint::sub(long_view(a), long_view(b)));
}

Object* long_mul(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return long_from_long_long(long_compact_value(a) * long_compact_value(b));
  return long_from_int(bigint::mul(long_view(a), long_view(b)));
}

// l_divmod for the object layer: floor quotient and/or modulo as objects.
int long_divmod_parts(Object* a, Object* b, Object** pdiv, Object** pmod) {
  if (long_is_zero(b)) {
    zero_division();
    return -1;
  }
  if (both_compact(a, b)) {
    long long x = long_compact_value(a), y = long_compact_value(b);
    if (pdiv) {
      *pdiv = long_from_long_long(floor_div_ll(x, y));
      if (!*pdiv) return -1;
    }
    if (pmod) {
      *pmod = long_from_long_long(floor_mod_ll(x, y));
      if (!*pmod) {
        if (pdiv) clear(*pdiv);
        return -1;
      }
    }
    return 0;
  }
  bigint::Int q, r;
  bigint::divmod(long_view(a), long_view(b), pdiv ? &q : nullptr, pmod ? &r : nullptr);
  if (pdiv) {
    *pdiv = long_from_int(q);
    if (!*pdiv) return -1;
  }
  if (pmod) {
    *pmod = long_from_int(r);
    if (!*pmod) {
      if (pdiv) clear(*pdiv);
      return -1;
    }
  }
  return 0;
}

Object* long_floor_div(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  Object* q;
  if (long_divmod_parts(a, b, &q, nullptr) < 0) return nullptr;
  return q;
}

Object* long_mod(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  Object* r;
  if (long_divmod_parts(a, b, nullptr, &r) < 0) return nullptr;
  return r;
}

Object* long_divmod(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  Object *q, *r;
  if (long_divmod_parts(a, b, &q, &r) < 0) return nullptr;
  Object* t = tuple_new(2);
  if (!t) {
    decref(q);
    decref(r);
    return nullptr;
  }
  tuple_set_item(t, 0, q);
  tuple_set_item(t, 1, r);
  return t;
}

// long_true_divide: exact operands below 2**53 divide in floating point directly.
Object* long_true_divide(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) {
    long long y = long_compact_value(b);
    if (y == 0) return zero_division();
    return float_from_double(static_cast<double>(long_compact_value(a)) / static_cast<double>(y));
  }
  double out;
  switch (bigint::true_divide(long_view(a), long_view(b), &out)) {
    case bigint::TrueDivStatus::kOk: return float_from_double(out);
    case bigint::TrueDivStatus::kZeroDivision: return zero_division();
    case bigint::TrueDivStatus::kOverflow:
      errors::set_string(exc_OverflowError, "integer division result too large for a float");
      return nullptr;
  }
  return nullptr;
}

// long_pow: a ** b [% c].
Object* long_pow(Object* a, Object* b, Object* c) {
  CHECK_BINOP(a, b);
  bool has_mod = c && c != &NoneStruct;
  if (has_mod && !long_check(c)) return text_not_implemented();
  if (!has_mod && long_sign(b) < 0) {
    // Negative exponent without modulus: float arithmetic (zero gives ZeroDivisionError).
    return float_type.as_number->power(a, b, c);
  }
  if (!has_mod && both_compact(a, b)) {
    // Repeated squaring in a machine word while it does not overflow.
    long long base = long_compact_value(a), e = long_compact_value(b), r = 1;
    bool overflow = false;
    while (e > 0) {
      if (e & 1) overflow |= __builtin_mul_overflow(r, base, &r);
      e >>= 1;
      if (e) overflow |= __builtin_mul_overflow(base, base, &base);
      if (overflow) break;
    }
    if (!overflow) return long_from_long_long(r);
  }
  bigint::View mv;
  if (has_mod) mv = long_view(c);
  bigint::Int out;
  switch (bigint::pow(long_view(a), long_view(b), has_mod ? &mv : nullptr, &out)) {
    case bigint::PowStatus::kOk: return long_from_int(out);
    case bigint::PowStatus::kNegativeExponent: return float_type.as_number->power(a, b, c);
    case bigint::PowStatus::kZeroModulus:
      errors::set_string(exc_ValueError, "pow() 3rd argument cannot be 0");
      return nullptr;
    case bigint::PowStatus::kNotInvertible:
      errors::set_string(exc_ValueError, "base is not invertible for the given modulus");
      return nullptr;
  }
  return nullptr;
}

Object* long_neg(Object* a) {
  if (long_is_compact(a)) return long_from_long_long(-long_compact_value(a));
  if (long_digit_count(a) == 2) {  // below 2**60: a machine word too
    const LongObject* l = as_long(a);
    long long mag = static_cast<long long>(l->ob_digit[0]) |
                    (static_cast<long long>(l->ob_digit[1]) << kLongShift);
    return long_from_long_long(long_sign(a) < 0 ? mag : -mag);
  }
  return long_from_int(bigint::neg(long_view(a)));
}

// long_long: int(x), +x, x.__index__() of an int: itself for exact ints, a copy for
// subclasses (_PyLong_Copy).
Object* long_long(Object* a) {
  if (long_check_exact(a)) return new_ref(a);
  if (long_is_compact(a)) return long_from_long_long(long_compact_value(a));
  return long_from_int(bigint::Int::from_view(long_view(a)));
}

Object* long_abs(Object* a) {
  if (long_sign(a) < 0) return long_neg(a);
  return long_long(a);
}

int long_bool(Object* a) { return !long_is_zero(a); }

Object* long_invert(Object* a) {
  if (long_is_compact(a)) return long_from_long_long(~long_compact_value(a));
  return long_from_int(bigint::invert(long_view(a)));
}

namespace {
// The shift count of a << b / a >> b: -1 with ValueError when negative; *huge set when it
// does not fit 64 bits.
int shift_count(Object* b, uint64_t* count, bool* huge) {
  *huge = false;
  if (long_sign(b) < 0) {
    errors::set_string(exc_ValueError, "negative shift count");
    return -1;
  }
  uint64_t v;
  if (!bigint::Int::from_view(long_view(b)).to_u64(&v)) {
    *huge = true;
    return 0;
  }
  *count = v;
  return 0;
}
}  // namespace

Object* long_lshift(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  uint64_t n = 0;
  bool huge;
  if (shift_count(b, &n, &huge) < 0) return nullptr;
  if (long_is_zero(a)) return long_from_long(0);
  if (huge || n / kLongShift >= static_cast<uint64_t>(PTRDIFF_MAX / sizeof(digit))) {
    errors::set_string(exc_OverflowError, "too many digits in integer");
    return nullptr;
  }
  if (n > kMaxShiftBits) return errors::no_memory();
  if (long_is_compact(a) && n < 32) return long_from_long_long(long_compact_value(a) * (1LL << n));
  return long_from_int(bigint::lshift(long_view(a), n));
}

Object* long_rshift(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  uint64_t n = 0;
  bool huge;
  if (shift_count(b, &n, &huge) < 0) return nullptr;
  if (huge) return long_from_long(long_sign(a) < 0 ? -1 : 0);
  if (long_is_compact(a)) {
    long long x = long_compact_value(a);
    if (n >= 63) return long_from_long(x < 0 ? -1 : 0);
    return long_from_long_long(x >> n);  // arithmetic shift floors
  }
  return long_from_int(bigint::rshift(long_view(a), n));
}

Object* long_and(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return long_from_long_long(long_compact_value(a) & long_compact_value(b));
  return long_from_int(bigint::bit_and(long_view(a), long_view(b)));
}

Object* long_xor(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return long_from_long_long(long_compact_value(a) ^ long_compact_value(b));
  return long_from_int(bigint::bit_xor(long_view(a), long_view(b)));
}

Object* long_or(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_compact(a, b)) return long_from_long_long(long_compact_value(a) | long_compact_value(b));
  return long_from_int(bigint::bit_or(long_view(a), long_view(b)));
}

// long_float.
Object* long_float(Object* a) {
  double d = long_as_double(a);
  if (d == -1.0 && errors::occurred()) return nullptr;
  return float_from_double(d);
}

// _PyLong_Format: base 2, 8, 10 or 16, with the 0b/0o/0x prefix when alternate (after the
// sign), honouring int_max_str_digits for base 10.
Object* long_format(Object* o, int base, bool alternate) {
  if (base == 10) return long_to_decimal_string(o);
  if (long_is_compact(o)) {
    // One digit: the text straight from the machine word, low digit first into the tail.
    long long v = long_compact_value(o);
    unsigned long long mag = v < 0 ? 0ULL - static_cast<unsigned long long>(v)
                                   : static_cast<unsigned long long>(v);
    int shift = base == 2 ? 1 : base == 8 ? 3 : 4;
    char buf[72];
    char* end = buf + sizeof buf;
    char* p = end;
    do {
      *--p = "0123456789abcdef"[mag & static_cast<unsigned>(base - 1)];
      mag >>= shift;
    } while (mag);
    if (alternate) {
      *--p = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
      *--p = '0';
    }
    if (v < 0) *--p = '-';
    return str_from_ascii(p, static_cast<ssize>(end - p));
  }
  std::string s = bigint::to_string(long_view(o), base);
  if (alternate) {
    const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    s.insert(s[0] == '-' ? 1 : 0, prefix);
  }
  return str_from_ascii(s.data(), static_cast<ssize>(s.size()));
}

void long_fill_number_methods(NumberMethods* nm) {
  nm->add = long_add;
  nm->subtract = long_sub;
  nm->multiply = long_mul;
  nm->remainder = long_mod;
  nm->divmod = long_divmod;
  nm->power = long_pow;
  nm->negative = long_neg;
  nm->positive = long_long;
  nm->absolute = long_abs;
  nm->bool_ = long_bool;
  nm->invert = long_invert;
  nm->lshift = long_lshift;
  nm->rshift = long_rshift;
  nm->and_ = long_and;
  nm->xor_ = long_xor;
  nm->or_ = long_or;
  nm->int_ = long_long;
  nm->float_ = long_float;
  nm->floor_divide = long_floor_div;
  nm->true_divide = long_true_divide;
  nm->index = long_long;
}

}  // namespace cppy::objects
