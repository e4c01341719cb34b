// int: Objects/longobject.c (object layer). Digit algorithms beyond the machine-word cases
// use cppy::objects::bigint (longobject_digits.h).
#include "objects/longobject.h"
#include "objects/longobject_digits.h"

#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "objects/freelist.h"
#include "objects/abstract.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

int long_max_str_digits = kMaxStrDigitsDefault;

LongObject* g_small_ints[kSmallNegInts + kSmallPosInts] = {};

// Arithmetic results are allocated and released at a high rate.
thread_local constinit IntFreelist int_freelist{};

namespace {

constexpr size_t kLongHeader = kLongHeaderSize;

void long_dealloc(Object* o) {
  if (o->type == &long_type) {
    IntFreelist& fl = int_freelist;
    if (long_digit_count(o) <= 1 && fl.size < kIntFreelistSize) {
      fl.items[fl.size++] = as_long(o);
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

// The ints part of _PyObject_ClearFreeLists: called when a thread's state goes away and by
// full collections (_PyGC_ClearAllFreeLists), so a thread's cached blocks are not lost.
void long_clear_freelist() {
  IntFreelist& fl = int_freelist;
  while (fl.size > 0) gc::object_free(fl.items[--fl.size]);
}

namespace {

LongObject* alloc_long(ssize ndigits) {
  size_t n = static_cast<size_t>(ndigits < 1 ? 1 : ndigits);
  LongObject* v;
  IntFreelist& fl = int_freelist;
  if (n == 1 && fl.size > 0) {
    v = fl.items[--fl.size];
    gc::object_created(v);  // tracemalloc's traceback of the reused block
  } else {
    v = static_cast<LongObject*>(gc::object_malloc(kLongHeader + n * sizeof(digit)));
  }
  if (!v) return nullptr;
  v->refcnt = 1;
  v->type = &long_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return v;
}

void init_small_ints() {
  for (int i = 0; i < kSmallNegInts + kSmallPosInts; i++) {
    int value = i - kSmallNegInts;
    LongObject* v = alloc_long(1);
    int sign = value < 0 ? -1 : value > 0 ? 1 : 0;
    v->lv_tag = long_make_tag(sign, value == 0 ? 0 : 1) | kLongImmortalBit;
    v->ob_digit[0] = static_cast<digit>(value < 0 ? -value : value);
    make_immortal(v);
    g_small_ints[i] = v;
  }
}

// Builds an int from a magnitude and a sign.
Object* from_magnitude(unsigned long long mag, bool negative) {
  if (mag <= static_cast<unsigned long long>(kSmallPosInts - 1) && !negative)
    return new_ref(g_small_ints[kSmallNegInts + mag]);
  if (negative && mag <= static_cast<unsigned long long>(kSmallNegInts))
    return new_ref(g_small_ints[kSmallNegInts - static_cast<int>(mag)]);
  ssize nd = 0;
  for (unsigned long long t = mag; t; t >>= kLongShift) nd++;
  LongObject* v = alloc_long(nd);
  if (!v) return errors::no_memory();
  v->lv_tag = long_make_tag(negative ? -1 : 1, nd);
  for (ssize i = 0; i < nd; i++) {
    v->ob_digit[i] = static_cast<digit>(mag & kLongMask);
    mag >>= kLongShift;
  }
  return v;
}

}  // namespace


// _PyLong_New.
LongObject* long_new(ssize ndigits) {
  if (ndigits > static_cast<ssize>((PTRDIFF_MAX - kLongHeader) / sizeof(digit))) {
    errors::set_string(exc_OverflowError, "too many digits in integer");
    return nullptr;
  }
  LongObject* v = alloc_long(ndigits);
  if (!v) {
    errors::no_memory();
    return nullptr;
  }
  v->lv_tag = long_make_tag(1, ndigits);
  v->ob_digit[0] = 0;
  return v;
}

// long_normalize + maybe_small_long.
Object* long_normalize(LongObject* v) {
  ssize n = long_digit_count(v);
  ssize i = n;
  while (i > 0 && v->ob_digit[i - 1] == 0) i--;
  int sign = i == 0 ? 0 : long_sign(v);
  v->lv_tag = long_make_tag(sign, i);
  if (i <= 1) {
    ssize value = sign * static_cast<ssize>(i ? v->ob_digit[0] : 0);
    if (value >= -kSmallNegInts && value < kSmallPosInts) {
      decref(v);
      return new_ref(g_small_ints[kSmallNegInts + value]);
    }
  }
  return v;
}

Object* long_from_long_long(long long v) {
  unsigned long long mag = v < 0 ? 0ULL - static_cast<unsigned long long>(v)
                                 : static_cast<unsigned long long>(v);
  return from_magnitude(mag, v < 0);
}
Object* long_from_long(long v) { return long_from_long_long(v); }
Object* long_from_ssize(ssize v) { return long_from_long_long(v); }
Object* long_from_unsigned_long_long(unsigned long long v) { return from_magnitude(v, false); }
Object* long_from_size_t(size_t v) { return from_magnitude(v, false); }

// _PyLong_Sign.
int long_sign_of(Object* o) { return long_sign(o); }

// PyLong_AsLongAndOverflow, for ints (other objects go through __index__ in long_as_long).
long long_as_long_and_overflow(Object* o, int* overflow) {
  *overflow = 0;
  if (!long_check(o)) {
    errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                   o->type->name);
    return -1;
  }
  if (long_is_compact(o)) return static_cast<long>(long_compact_value(o));
  ssize n = long_digit_count(o);
  unsigned long long x = 0;
  for (ssize i = n - 1; i >= 0; i--) {
    unsigned long long prev = x;
    x = (x << kLongShift) | as_long(o)->ob_digit[i];
    if ((x >> kLongShift) != prev) {
      *overflow = long_sign(o);
      return -1;
    }
  }
  if (x <= static_cast<unsigned long long>(LONG_MAX)) {
    long r = static_cast<long>(x);
    return long_sign(o) < 0 ? -r : r;
  }
  if (long_sign(o) < 0 && x == static_cast<unsigned long long>(LONG_MAX) + 1) return LONG_MIN;
  *overflow = long_sign(o);
  return -1;
}

long long_as_long(Object* o) {
  int overflow;
  long r = long_as_long_and_overflow(o, &overflow);
  if (overflow) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C long");
    return -1;
  }
  return r;
}

long long long_as_long_long(Object* o) {
  int overflow;
  long r = long_as_long_and_overflow(o, &overflow);
  if (overflow) {
    errors::set_string(exc_OverflowError, "int too big to convert");
    return -1;
  }
  return r;
}

// PyLong_AsUnsignedLongLong: an int (no __index__) as unsigned long long; OverflowError for
// negative or too large values.
unsigned long long long_as_unsigned_long_long(Object* o) {
  if (!o || !long_check(o)) {
    errors::set_string(exc_TypeError, "an integer is required");
    return static_cast<unsigned long long>(-1);
  }
  unsigned char bytes[sizeof(unsigned long long)];
  switch (bigint::to_bytes(long_view(o), bytes, sizeof bytes, true, false)) {
    case bigint::ToBytesStatus::kOk: break;
    case bigint::ToBytesStatus::kTooBig:
      errors::set_string(exc_OverflowError, "int too big to convert");
      return static_cast<unsigned long long>(-1);
    case bigint::ToBytesStatus::kNegativeUnsigned:
      errors::set_string(exc_OverflowError, "can't convert negative int to unsigned");
      return static_cast<unsigned long long>(-1);
  }
  unsigned long long v = 0;
  for (size_t i = sizeof bytes; i-- > 0;) v = (v << 8) | bytes[i];
  return v;
}

ssize long_as_ssize(Object* o) {
  if (!long_check(o)) {
    errors::set_string(exc_TypeError, "an integer is required");
    return -1;
  }
  int overflow;
  long r = long_as_long_and_overflow(o, &overflow);
  if (overflow) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return r;
}

int long_as_int(Object* o) {
  // PyLong_AsInt: any int out of range, even beyond a C long, is "too large ... C int".
  Ref<> index;
  if (!long_check(o)) {
    index = Ref<>::steal(number_index(o));
    if (!index) return -1;
    o = index.get();
  }
  int overflow = 0;
  long r = long_as_long_and_overflow(o, &overflow);
  if (r == -1 && errors::occurred()) return -1;
  if (overflow || r > INT_MAX || r < INT_MIN) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  return static_cast<int>(r);
}

// long_hash.
hash_t long_hash(Object* o) {
  if (long_is_compact(o)) {
    hash_t x = long_compact_value(o);
    return x == -1 ? -2 : x;
  }
  return hash::hash_long_digits(as_long(o)->ob_digit, long_digit_count(o), long_sign(o),
                                kLongShift);
}

namespace {
// long_compare: -1, 0, 1.
int compare_longs(Object* a, Object* b) {
  if (a == b) return 0;
  int sa = long_sign(a), sb = long_sign(b);
  ssize na = long_digit_count(a), nb = long_digit_count(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (na != nb) return (na < nb) == (sa > 0) ? -1 : 1;
  for (ssize i = na - 1; i >= 0; i--) {
    digit x = as_long(a)->ob_digit[i], y = as_long(b)->ob_digit[i];
    if (x != y) return (x < y) == (sa > 0) ? -1 : 1;
  }
  return 0;
}
}  // namespace

Object* long_richcompare(Object* a, Object* b, int op) {
  if (!long_check(a) || !long_check(b)) return text_not_implemented();
  int c = compare_longs(a, b);
  bool r;
  switch (op) {
    case kLT: r = c < 0; break;
    case kLE: r = c <= 0; break;
    case kEQ: r = c == 0; break;
    case kNE: r = c != 0; break;
    case kGT: r = c > 0; break;
    default: r = c >= 0; break;
  }
  return bool_from_bool(r);
}

// long_to_decimal_string_internal: repeated division by 10**9 (quadratic, as CPython's for
// sizes under its subquadratic threshold), with the int_max_str_digits limit.
Object* long_to_decimal_string(Object* o) {
  ssize n = long_digit_count(o);
  const digit* d = as_long(o)->ob_digit;
  bool negative = long_sign(o) < 0;
  if (n <= 1) {
    char buf[16];
    int len = 0;
    unsigned v = n ? d[0] : 0;
    char tmp[16];
    do {
      tmp[len++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
    int k = 0;
    if (negative) buf[k++] = '-';
    while (len) buf[k++] = tmp[--len];
    return str_from_ascii(buf, k);
  }
  // CPython's quick pre-check, from 10/3 >= log2(10): only a value certainly longer than the
  // limit fails here (size_a - 11 digits of 30 bits already give more than 10/3 of the limit's
  // bits); the exact length is checked after the conversion.
  if (n >= 10 * kMaxStrDigitsThreshold / (3 * kLongShift) + 2 && long_max_str_digits > 0) {
    if (long_max_str_digits / (3 * kLongShift) <= (n - 11) / 10) {
      errors::format(exc_ValueError,
                     "Exceeds the limit (%d digits) for integer string conversion; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     long_max_str_digits);
      return nullptr;
    }
  }
  if (n > 1000) {
    // CPython switches to the subquadratic _pylong.int_to_decimal_string here, with no exact
    // length check after it; the digits library's divide and conquer gives the same text.
    std::string s = bigint::to_string(long_view(o), 10);
    return str_from_ascii(s.data(), static_cast<ssize>(s.size()));
  }
  constexpr digit kDecBase = 1000000000;  // _PyLong_DECIMAL_BASE
  ssize size_a = n;
  ssize cap = 1 + size_a + size_a / 2;  // base 10**9 digits needed, generously
  digit* pout = static_cast<digit*>(std::malloc(static_cast<size_t>(cap) * sizeof(digit)));
  if (!pout) return errors::no_memory();
  ssize size = 0;
  for (ssize i = size_a - 1; i >= 0; i--) {
    digit hi = d[i];
    for (ssize j = 0; j < size; j++) {
      uint64_t z = (static_cast<uint64_t>(pout[j]) << kLongShift) | hi;
      hi = static_cast<digit>(z / kDecBase);
      pout[j] = static_cast<digit>(z - static_cast<uint64_t>(hi) * kDecBase);
    }
    while (hi) {
      pout[size++] = hi % kDecBase;
      hi /= kDecBase;
    }
  }
  if (size == 0) pout[size++] = 0;
  ssize strlen_ = negative + 1 + (size - 1) * 9;
  for (digit rem = pout[size - 1]; rem >= 10; rem /= 10) strlen_++;
  if (long_max_str_digits > 0 && strlen_ - negative > long_max_str_digits) {
    std::free(pout);
    errors::format(exc_ValueError,
                   "Exceeds the limit (%d digits) for integer string conversion; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   long_max_str_digits);
    return nullptr;
  }
  std::string out(static_cast<size_t>(strlen_), '0');
  ssize p = strlen_;
  for (ssize i = 0; i < size - 1; i++) {
    digit rem = pout[i];
    for (int j = 0; j < 9; j++) {
      out[static_cast<size_t>(--p)] = static_cast<char>('0' + rem % 10);
      rem /= 10;
    }
  }
  for (digit rem = pout[size - 1];;) {
    out[static_cast<size_t>(--p)] = static_cast<char>('0' + rem % 10);
    rem /= 10;
    if (!rem) break;
  }
  if (negative) out[0] = '-';
  std::free(pout);
  return str_from_ascii(out.data(), strlen_);
}

Object* long_repr(Object* o) { return long_to_decimal_string(o); }

// _PyLong_NumBits.
int64_t long_num_bits(Object* o) {
  ssize n = long_digit_count(o);
  if (n == 0) return 0;
  digit top = as_long(o)->ob_digit[n - 1];
  int b = 0;
  while (top) {
    b++;
    top >>= 1;
  }
  return static_cast<int64_t>(n - 1) * kLongShift + b;
}

// PyLong_AsDouble: correctly rounded (the top 64 bits with a sticky bit, rounded once by the
// hardware conversion, then scaled).
double long_as_double(Object* o) {
  if (!long_check(o)) {
    errors::set_string(exc_TypeError, "an integer is required");
    return -1.0;
  }
  if (long_is_compact(o)) return static_cast<double>(long_compact_value(o));
  int64_t nbits = long_num_bits(o);
  const digit* d = as_long(o)->ob_digit;
  ssize n = long_digit_count(o);
  auto bit = [&](int64_t k) -> unsigned { return (d[k / kLongShift] >> (k % kLongShift)) & 1u; };
  uint64_t top = 0;
  int64_t low = nbits > 64 ? nbits - 64 : 0;
  for (int64_t k = nbits - 1; k >= low; k--) top = (top << 1) | bit(k);
  bool sticky = false;
  for (int64_t k = 0; k < low && !sticky; k++) sticky = bit(k);
  (void)n;
  if (sticky) top |= 1;
  double x = std::ldexp(static_cast<double>(top), static_cast<int>(low));
  if (std::isinf(x)) {
    errors::set_string(exc_OverflowError, "int too large to convert to float");
    return -1.0;
  }
  return long_sign(o) < 0 ? -x : x;
}

// PyLong_FromDouble: truncates toward zero.
Object* long_from_double(double v) {
  if (std::isinf(v)) {
    errors::set_string(exc_OverflowError, "cannot convert float infinity to integer");
    return nullptr;
  }
  if (std::isnan(v)) {
    errors::set_string(exc_ValueError, "cannot convert float NaN to integer");
    return nullptr;
  }
  double t = std::trunc(v);
  if (std::fabs(t) < 9.2e18) return long_from_long_long(static_cast<long long>(t));
  bool neg = t < 0;
  int expo;
  double frac = std::frexp(std::fabs(t), &expo);  // t = frac * 2**expo, 0.5 <= frac < 1
  ssize ndig = (expo - 1) / kLongShift + 1;
  LongObject* r = long_new(ndig);
  if (!r) return nullptr;
  frac = std::ldexp(frac, (expo - 1) % kLongShift + 1);
  for (ssize i = ndig; --i >= 0;) {
    digit bits = static_cast<digit>(frac);
    r->ob_digit[i] = bits;
    frac = frac - static_cast<double>(bits);
    frac = std::ldexp(frac, kLongShift);
  }
  r->lv_tag = long_make_tag(neg ? -1 : 1, ndig);
  return long_normalize(r);
}

// _PyLong_FromByteArray: two's complement when is_signed.
Object* long_from_byte_array(const unsigned char* bytes, size_t n, bool little_endian,
                             bool is_signed) {
  if (n == 0) return long_from_long(0);
  auto byte_at = [&](size_t k) -> unsigned {  // k-th least significant byte
    return little_endian ? bytes[k] : bytes[n - 1 - k];
  };
  bool negative = is_signed && (byte_at(n - 1) & 0x80);
  // Magnitude bytes: for negative values, the two's complement of the input.
  std::string mag(n, '\0');
  unsigned carry = 1;
  for (size_t k = 0; k < n; k++) {
    unsigned b = byte_at(k);
    if (negative) {
      b = (b ^ 0xFF) + carry;
      carry = b >> 8;
      b &= 0xFF;
    }
    mag[k] = static_cast<char>(b);
  }
  ssize ndig = static_cast<ssize>((n * 8 + kLongShift - 1) / kLongShift);
  LongObject* r = long_new(ndig);
  if (!r) return nullptr;
  uint64_t acc = 0;
  int accbits = 0;
  ssize idx = 0;
  for (size_t k = 0; k < n; k++) {
    acc |= static_cast<uint64_t>(static_cast<unsigned char>(mag[k])) << accbits;
    accbits += 8;
    while (accbits >= kLongShift) {
      r->ob_digit[idx++] = static_cast<digit>(acc & kLongMask);
      acc >>= kLongShift;
      accbits -= kLongShift;
    }
  }
  while (idx < ndig) {
    r->ob_digit[idx++] = static_cast<digit>(acc & kLongMask);
    acc >>= kLongShift;
  }
  r->lv_tag = long_make_tag(negative ? -1 : 1, ndig);
  return long_normalize(r);
}

Object* long_from_mantissa_shift(long long m, int shift) {
  bool neg = m < 0;
  unsigned long long mag = neg ? 0ULL - static_cast<unsigned long long>(m) : static_cast<unsigned long long>(m);
  if (mag == 0) return long_from_long(0);
  if (shift + 64 - __builtin_clzll(mag) < 63) return long_from_long_long(m * (1LL << shift));
  ssize low_digits = shift / kLongShift;
  int rem = shift % kLongShift;
  ssize ndig = low_digits + 4;
  LongObject* r = long_new(ndig);
  if (!r) return nullptr;
  for (ssize i = 0; i < ndig; i++) r->ob_digit[i] = 0;
  // mag << rem spans at most 94 bits: spread it over the digits above low_digits.
  unsigned __int128 x = static_cast<unsigned __int128>(mag) << rem;
  for (ssize i = low_digits; i < ndig && x; i++) {
    r->ob_digit[i] = static_cast<digit>(x & kLongMask);
    x >>= kLongShift;
  }
  r->lv_tag = long_make_tag(neg ? -1 : 1, ndig);
  return long_normalize(r);
}

TypeObject long_type{};

namespace {

NumberMethods g_long_as_number = {};

}  // namespace

void long_fill_number_methods(NumberMethods* nm);
void long_fill_type_methods(TypeObject* t);

namespace {

const char kLongDoc[] =
    "int([x]) -> integer\n"
    "int(x, base=10) -> integer\n\n"
    "Convert a number or string to an integer, or return 0 if no arguments\n"
    "are given.  If x is a number, return x.__int__().  For floating-point\n"
    "numbers, this truncates towards zero.\n\n"
    "If x is not a number or if base is given, then x must be a string,\n"
    "bytes, or bytearray instance representing an integer literal in the\n"
    "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
    "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
    "Base 0 means to interpret the base from the string as an integer literal.\n"
    ">>> int('0b100', base=0)\n"
    "4";

// long_vectorcall: int() and int(an int) without tp_call's argument tuple; the other forms
// (a string, a base, keywords) through tp_call.
Object* long_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (!kwnames) {
    if (nargs == 0) return long_from_long(0);
    if (nargs == 1 && long_check_exact(args[0])) return new_ref(args[0]);
  }
  return make_tp_call(type, args, nargs, kwnames);
}

struct LongTypeInit {
  LongTypeInit() {
    TypeObject& t = long_type;
    t.refcnt = kImmortalRefcnt;
    t.type = &Type_Type;
    t.name = "int";
    t.basicsize = kLongHeader;
    t.itemsize = sizeof(digit);
    t.dealloc = long_dealloc;
    t.repr = long_repr;
    t.as_number = &g_long_as_number;
    t.hash = long_hash;
    t.flags = kTpflagsDefault | kTpflagsBasetype | kTpflagsLongSubclass | kTpflagsMatchSelf |
              kTpflagsImmutabletype | kTpflagsStaticBuiltin;
    t.richcompare = long_richcompare;
    t.base = &BaseObject_Type;
    t.doc = kLongDoc;
    t.vectorcall = long_vectorcall;
    long_fill_number_methods(&g_long_as_number);
    long_fill_type_methods(&t);
    init_small_ints();
  }
} g_long_type_init;

}  // namespace

}  // namespace cppy::objects
