// int: Include/cpython/longintrepr.h, Include/longobject.h, Objects/longobject.c.
//
// CPython 3.12+'s layout: the object header, a tag word (sign in bits 0-1, the small-int
// immortality bit 2, the digit count from bit 3) and 30-bit digits, least significant first.
// Zero has no digits in use but, as in CPython, room for one. The digit arithmetic itself is
// cppy::objects::bigint (longobject_digits.h).
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

namespace bigint {
struct View;
class Int;
}  // namespace bigint

using digit = uint32_t;
inline constexpr int kLongShift = 30;                   // PyLong_SHIFT
inline constexpr digit kLongMask = (digit(1) << kLongShift) - 1;

// _PyLong_* tag bits.
inline constexpr uintptr_t kLongSignMask = 3;
inline constexpr uintptr_t kLongSignZero = 1;
inline constexpr uintptr_t kLongSignNegative = 2;
inline constexpr uintptr_t kLongImmortalBit = 4;
inline constexpr int kLongNonSizeBits = 3;

struct LongObject : Object {
  uintptr_t lv_tag;
  digit ob_digit[1];
};

// offsetof(LongObject, ob_digit): the header before the digits (int's tp_basicsize).
inline constexpr size_t kLongHeaderSize = sizeof(Object) + sizeof(uintptr_t);

extern TypeObject long_type;  // PyLong_Type

inline bool long_check(Object* o) { return is_type_subclass_fast(o, kTpflagsLongSubclass); }
inline bool long_check_exact(Object* o) { return o->type == &long_type; }

inline LongObject* as_long(Object* o) { return static_cast<LongObject*>(o); }
inline ssize long_digit_count(Object* o) {
  return static_cast<ssize>(as_long(o)->lv_tag >> kLongNonSizeBits);
}
// -1, 0 or 1.
inline int long_sign(Object* o) {
  return 1 - static_cast<int>(as_long(o)->lv_tag & kLongSignMask);
}
inline bool long_is_zero(Object* o) {
  return (as_long(o)->lv_tag & kLongSignMask) == kLongSignZero;
}
// _PyLong_IsCompact: at most one digit.
inline bool long_is_compact(Object* o) {
  return as_long(o)->lv_tag < (uintptr_t(2) << kLongNonSizeBits);
}
// _PyLong_CompactValue: valid when long_is_compact.
inline ssize long_compact_value(Object* o) {
  return static_cast<ssize>(long_sign(o)) * static_cast<ssize>(as_long(o)->ob_digit[0]);
}
inline uintptr_t long_make_tag(int sign, ssize ndigits) {
  return (static_cast<uintptr_t>(ndigits) << kLongNonSizeBits) |
         static_cast<uintptr_t>(1 - sign);
}

// The small-int cache: -5..256, immortal (_PY_NSMALLNEGINTS, _PY_NSMALLPOSINTS).
inline constexpr int kSmallNegInts = 5;
inline constexpr int kSmallPosInts = 257;

// Creation.
Object* long_from_long(long v);               // PyLong_FromLong
Object* long_from_ssize(ssize v);             // PyLong_FromSsize_t
Object* long_from_long_long(long long v);     // PyLong_FromLongLong
Object* long_from_unsigned_long_long(unsigned long long v);
Object* long_from_size_t(size_t v);
Object* long_from_double(double v);           // PyLong_FromDouble
// PyLong_FromString-like on a str object (int(str, base)): ValueError with CPython's messages.
Object* long_from_string(Object* str, int base);
// PyLong_FromString on a char buffer; *pend receives the end of the parsed text.
Object* long_from_cstring(const char* s, char** pend, int base);
// _PyLong_New: an int with room for ndigits digits, sign set positive (uninitialised digits).
LongObject* long_new(ssize ndigits);

// The free list of one-digit ints (_Py_FREELIST ints, as CPython 3.14 keeps for compact
// values): long_dealloc gives exact one-digit ints back to it and the allocation of one digit
// takes from it. The eval loop takes and gives back inline (vm/number_fast.h).
inline constexpr int kIntFreelistSize = 100;
struct IntFreelist {
  LongObject* items[kIntFreelistSize];
  int size;
};
extern thread_local constinit IntFreelist int_freelist;
// long_normalize: strips leading zero digits and fixes the tag.
Object* long_normalize(LongObject* v);

// Conversion to C integers: -1 with OverflowError/TypeError set on failure.
long long_as_long(Object* o);                    // PyLong_AsLong (uses __index__)
long long_as_long_and_overflow(Object* o, int* overflow);
ssize long_as_ssize(Object* o);                  // PyLong_AsSsize_t (int only)
long long long_as_long_long(Object* o);
unsigned long long long_as_unsigned_long_long(Object* o);
int long_as_int(Object* o);                      // PyLong_AsInt
double long_as_double(Object* o);                // PyLong_AsDouble
// _PyLong_Sign: -1, 0, 1. _PyLong_NumBits: bits of |v|.
int long_sign_of(Object* o);
int64_t long_num_bits(Object* o);
// _PyLong_Format / long_to_decimal_string: str of an int in base 2, 8, 10 or 16 (with the
// 0b/0o/0x prefix when alternate).
Object* long_format(Object* o, int base, bool alternate = false);
Object* long_to_decimal_string(Object* o);
// _PyLong_FromByteArray.
Object* long_from_byte_array(const unsigned char* bytes, size_t n, bool little_endian,
                             bool is_signed);

Object* long_richcompare(Object* a, Object* b, int op);
hash_t long_hash(Object* o);
Object* long_repr(Object* o);

// sys.int_info.default_max_str_digits and the interpreter's current limit.
inline constexpr int kMaxStrDigitsDefault = 4300;
inline constexpr int kMaxStrDigitsThreshold = 640;
extern int long_max_str_digits;  // 0 disables the limit (sys.set_int_max_str_digits)

// m * 2**shift (shift >= 0) as an int: the exact value of a float's mantissa and exponent.
Object* long_from_mantissa_shift(long long m, int shift);

// Small ints (borrowed, immortal): -5 <= v <= 256.
// The cached small int v (borrowed, immortal); -5 <= v <= 256. Inline: the eval loop's
// LOAD_SMALL_INT and int results use it.
extern LongObject* g_small_ints[kSmallNegInts + kSmallPosInts];
inline Object* long_small(int v) { return g_small_ints[kSmallNegInts + v]; }

// The digit library's view of an int's digits, and an int object from a digit value.
bigint::View long_view(Object* o);
Object* long_from_int(const bigint::Int& v);

// int's number slots (long_as_number), for the interpreter's fast paths: NotImplemented
// unless both operands are ints.
Object* long_add(Object* a, Object* b);
Object* long_sub(Object* a, Object* b);
Object* long_mul(Object* a, Object* b);
Object* long_floor_div(Object* a, Object* b);
Object* long_mod(Object* a, Object* b);
Object* long_divmod(Object* a, Object* b);
Object* long_true_divide(Object* a, Object* b);
Object* long_pow(Object* a, Object* b, Object* c);
Object* long_neg(Object* a);
Object* long_abs(Object* a);
Object* long_invert(Object* a);
Object* long_lshift(Object* a, Object* b);
Object* long_rshift(Object* a, Object* b);
Object* long_and(Object* a, Object* b);
Object* long_xor(Object* a, Object* b);
Object* long_or(Object* a, Object* b);
Object* long_float(Object* a);
int long_bool(Object* a);
// long_long: an exact int with the value (itself for exact ints).
Object* long_long(Object* a);
// l_divmod: floor quotient and/or modulo (either pointer may be null); 0 or -1.
int long_divmod_parts(Object* a, Object* b, Object** pdiv, Object** pmod);
// PyNumber_Long: int(o) (__int__, __index__, str, bytes), with CPython's messages.
Object* long_from_object(Object* o);
// _PyLong_FromBytes: int(b, base) for the text of a bytes-like object.
Object* long_from_bytes_text(const char* s, ssize n, int base);

}  // namespace cppy::objects
