// int's construction, text parsing and methods: Objects/longobject.c (long_new_impl,
// long_subtype_new, long_vectorcall, PyLong_FromString, PyLong_FromUnicodeObject,
// _PyLong_FromBytes, int_bit_length, int_bit_count, int_to_bytes_impl,
// int_from_bytes_impl, int_as_integer_ratio, int_is_integer, int___round___impl,
// long_getnewargs, int___sizeof___impl, long_get0/long_get1, long_methods, long_getset) and
// Objects/abstract.c's PyNumber_Long.
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/abstract.h"
#include "objects/bytes_methods.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/floatobject.h"
#include "objects/formatter.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {

// The ValueError of an unparsable literal: "invalid literal for int() with base %d: %.200R".
Object* invalid_literal(int base, Object* original) {
  return errors::format(exc_ValueError, "invalid literal for int() with base %d: %.200R", base,
                        original);
}

// Parses [s, s+n) entirely; original is the object named in the error message.
Object* parse_whole(const char* s, ssize n, int base, Object* original) {
  bigint::Int v;
  bigint::ParseResult r = bigint::from_string(s, s + n, base, long_max_str_digits, &v);
  if (r.status == bigint::ParseStatus::kTooManyDigits) {
    return errors::format(exc_ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion: value has "
                          "%zd digits; use sys.set_int_max_str_digits() to increase the limit",
                          long_max_str_digits, static_cast<ssize>(r.digit_count));
  }
  if (r.status != bigint::ParseStatus::kOk || r.end != s + n)
    return invalid_literal(base, original);  // PyLong_FromString names the base given
  return long_from_int(v);
}

}  // namespace

// PyLong_FromUnicodeObject: Unicode digits and spaces are accepted (as ASCII).
Object* long_from_string(Object* str, int base) {
  // Fast path: a short ASCII run of digits of an explicit base, with an optional minus
  // sign (at most 12 digits, so that even base 36 fits a machine word); anything else
  // (spaces, underscores, prefixes, errors) takes the general parser.
  if (base >= 2 && base <= 36 && str_is_ascii(str)) {
    ssize n = str_length(str);
    const auto* p = static_cast<const unsigned char*>(str_data(str));
    bool negative = n > 1 && p[0] == '-';
    ssize start = negative ? 1 : 0;
    // The prefix the base allows (int('0x1f', 16)), when a digit follows it.
    if (n - start > 2 && p[start] == '0') {
      unsigned x = p[start + 1] | 0x20;
      if ((base == 16 && x == 'x') || (base == 8 && x == 'o') || (base == 2 && x == 'b'))
        start += 2;
    }
    if (n > start && n - start <= 12) {
      long long v = 0;
      ssize i = start;
      for (; i < n; ++i) {
        unsigned c = p[i];
        unsigned d = c - '0' < 10 ? c - '0' : (c | 0x20) - 'a' < 26 ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= static_cast<unsigned>(base)) break;
        v = v * base + d;
      }
      if (i == n) return long_from_long_long(negative ? -v : v);
    }
  }
  std::string ascii;
  if (!text_number_to_ascii(str, &ascii)) return invalid_literal(base, str);
  return parse_whole(ascii.data(), static_cast<ssize>(ascii.size()), base, str);
}

// PyLong_FromString: parses a prefix of s; *pend gets where parsing stopped.
Object* long_from_cstring(const char* s, char** pend, int base) {
  if ((base != 0 && base < 2) || base > 36) {
    errors::set_string(exc_ValueError, "int() arg 2 must be >= 2 and <= 36");
    return nullptr;
  }
  const char* end = s + std::strlen(s);
  bigint::Int v;
  bigint::ParseResult r = bigint::from_string(s, end, base, long_max_str_digits, &v);
  if (pend) *pend = const_cast<char*>(r.end ? r.end : s);
  if (r.status == bigint::ParseStatus::kTooManyDigits) {
    return errors::format(exc_ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion: value has "
                          "%zd digits; use sys.set_int_max_str_digits() to increase the limit",
                          long_max_str_digits, static_cast<ssize>(r.digit_count));
  }
  if (r.status != bigint::ParseStatus::kOk) {
    Ref<> shown = Ref<>::steal(str_from_utf8(s, static_cast<ssize>(end - s)));
    if (!shown) return nullptr;
    return invalid_literal(base, shown.get());
  }
  return long_from_int(v);
}

// _PyLong_FromBytes: the whole buffer must parse; the message shows the bytes' repr.
Object* long_from_bytes_text(const char* s, ssize n, int base) {
  auto repr_error = [&](int b) -> Object* {
    Ref<> bytes = Ref<>::steal(bytes_from_string_and_size(s, n));
    if (!bytes) return nullptr;
    return invalid_literal(b, bytes.get());
  };
  if (std::memchr(s, 0, static_cast<size_t>(n))) return repr_error(base);
  bigint::Int v;
  bigint::ParseResult r = bigint::from_string(s, s + n, base, long_max_str_digits, &v);
  if (r.status == bigint::ParseStatus::kTooManyDigits) {
    return errors::format(exc_ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion: value has "
                          "%zd digits; use sys.set_int_max_str_digits() to increase the limit",
                          long_max_str_digits, static_cast<ssize>(r.digit_count));
  }
  if (r.status != bigint::ParseStatus::kOk || r.end != s + n)
    return repr_error(base);
  return long_from_int(v);
}

// PyNumber_Long: int(x) without a base (3.14: no __trunc__ delegation).
Object* long_from_object(Object* o) {
  if (long_check_exact(o)) return new_ref(o);
  NumberMethods* m = o->type->as_number;
  if (m && m->int_) {
    Object* result = m->int_(o);
    if (!result || long_check_exact(result)) return result;
    if (!long_check(result)) {
      errors::format(exc_TypeError, "__int__ returned non-int (type %.200s)", result->type->name);
      decref(result);
      return nullptr;
    }
    if (errors::warn_format(exc_DeprecationWarning, 1,
                            "__int__ returned non-int (type %.200s).  The ability to return an "
                            "instance of a strict subclass of int is deprecated, and may be "
                            "removed in a future version of Python.",
                            result->type->name) < 0) {
      decref(result);
      return nullptr;
    }
    Object* copy = long_long(result);
    decref(result);
    if (copy && !long_check_exact(copy)) {
      Object* c2 = long_from_int(bigint::Int::from_view(long_view(copy)));
      decref(copy);
      return c2;
    }
    return copy;
  }
  if (m && m->index) return number_index(o);
  if (str_check(o)) return long_from_string(o, 10);
  if (bytes_check(o)) return long_from_bytes_text(bytes_as_string(o), bytes_size(o), 10);
  if (bytearray_check(o))
    return long_from_bytes_text(bytearray_as_string(o), bytearray_size(o), 10);
  if (object_check_buffer(o)) {
    // Other buffers: a NUL-terminated copy.
    BufferHolder h;
    if (h.get(o) == 0) {
      std::string copy(h.sv());
      return long_from_bytes_text(copy.c_str(), static_cast<ssize>(copy.size()), 10);
    }
    errors::clear();
  }
  return errors::format(exc_TypeError,
                        "int() argument must be a string, a bytes-like object or a real number, "
                        "not '%.200s'",
                        o->type->name);
}

namespace {

// long_new_impl for exact int.
Object* long_new_exact(Object* x, Object* obase) {
  if (!x) {
    if (obase) {
      errors::set_string(exc_TypeError, "int() missing string argument");
      return nullptr;
    }
    return long_from_long(0);
  }
  if (!obase) return long_from_object(x);
  ssize base = number_as_ssize(obase, nullptr);
  if (base == -1 && errors::occurred()) return nullptr;
  if ((base != 0 && base < 2) || base > 36) {
    errors::set_string(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    return nullptr;
  }
  if (str_check(x)) return long_from_string(x, static_cast<int>(base));
  if (bytes_check(x))
    return long_from_bytes_text(bytes_as_string(x), bytes_size(x), static_cast<int>(base));
  if (bytearray_check(x))
    return long_from_bytes_text(bytearray_as_string(x), bytearray_size(x), static_cast<int>(base));
  errors::set_string(exc_TypeError, "int() can't convert non-string with explicit base");
  return nullptr;
}

// long_subtype_new: an instance of the subclass holding a copy of the digits.
Object* long_subtype_new(TypeObject* type, Object* x, Object* obase) {
  Ref<> tmp = Ref<>::steal(long_new_exact(x, obase));
  if (!tmp) return nullptr;
  ssize n = long_digit_count(tmp.get());
  Object* o = type->alloc(type, n ? n : 1);
  if (!o) return nullptr;
  LongObject* r = as_long(o);
  r->lv_tag = as_long(tmp.get())->lv_tag & ~kLongImmortalBit;
  for (ssize i = 0; i < n; i++) r->ob_digit[i] = as_long(tmp.get())->ob_digit[i];
  if (n == 0) r->ob_digit[0] = 0;
  return o;
}

const char* const kIntKeywords[] = {"", "base", nullptr};
const ArgParser kIntParser = {"int", kIntKeywords, 0, 2, 0};

// long_new (tp_new): int(x=0, /, base=10).
Object* long_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  Object* a[2];
  if (unpack_keywords_tuple(kIntParser, args, kwargs, a) < 0) return nullptr;
  if (type != &long_type) return long_subtype_new(type, a[0], a[1]);
  return long_new_exact(a[0], a[1]);
}

// long_vectorcall.
Object* long_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (kwnames && tuple_size(kwnames) != 0) {
    Ref<> tuple = Ref<>::steal(tuple_from_array(args, nargs));
    if (!tuple) return nullptr;
    Ref<> kw = Ref<>::steal(stack_as_dict(args + nargs, kwnames));
    if (!kw) return nullptr;
    return static_cast<TypeObject*>(type)->new_(static_cast<TypeObject*>(type), tuple.get(),
                                                kw.get());
  }
  if (type != &long_type) {
    Ref<> tuple = Ref<>::steal(tuple_from_array(args, nargs));
    if (!tuple) return nullptr;
    return static_cast<TypeObject*>(type)->new_(static_cast<TypeObject*>(type), tuple.get(),
                                                nullptr);
  }
  switch (nargs) {
    case 0: return long_from_long(0);
    case 1: return long_from_object(args[0]);
    case 2: return long_new_exact(args[0], args[1]);
    default:
      return errors::format(exc_TypeError, "int expected at most 2 arguments, got %zd", nargs);
  }
}

// --- methods ---------------------------------------------------------------------------------

Object* int_conjugate(Object* self, Object*) { return long_long(self); }

Object* int_bit_length(Object* self, Object*) {
  if (long_is_compact(self)) {
    long long v = long_compact_value(self);
    unsigned long long m = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : v;
    return long_from_long(m ? 64 - __builtin_clzll(m) : 0);
  }
  return long_from_unsigned_long_long(bigint::bit_length(long_view(self)));
}

Object* int_bit_count(Object* self, Object*) {
  return long_from_unsigned_long_long(bigint::bit_count(long_view(self)));
}

Object* int_as_integer_ratio(Object* self, Object*) {
  Ref<> n = Ref<>::steal(long_long(self));
  if (!n) return nullptr;
  if (!long_check_exact(n.get())) {
    n = Ref<>::steal(long_from_int(bigint::Int::from_view(long_view(n.get()))));
    if (!n) return nullptr;
  }
  return tuple_pack_maybe_tracked(2, n.get(), long_small(1));
}

Object* int_is_integer(Object*, Object*) { return bool_from_bool(true); }

Object* int_getnewargs(Object* self, Object*) {
  Ref<> v = Ref<>::steal(long_long(self));
  if (!v) return nullptr;
  if (!long_check_exact(v.get())) {
    v = Ref<>::steal(long_from_int(bigint::Int::from_view(long_view(v.get()))));
    if (!v) return nullptr;
  }
  return tuple_pack(1, v.get());
}

Object* int_sizeof(Object* self, Object*) {
  ssize n = long_digit_count(self);
  // tp_basicsize as CPython reports it (a subclass's __dict__ is not counted).
  return long_from_ssize(static_cast<ssize>(self->type->shown_basicsize) +
                         (n > 1 ? n : 1) * static_cast<ssize>(sizeof(digit)));
}

// int.__round__(ndigits=None, /): rounds to 10**-ndigits, ties to even.
Object* int_round(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("__round__", nargs, 0, 1)) return nullptr;
  if (nargs == 0 || args[0] == none()) return long_long(self);
  Ref<> nd = Ref<>::steal(number_index(args[0]));
  if (!nd) return nullptr;
  if (long_sign(nd.get()) >= 0) return long_long(self);
  Ref<> n = Ref<>::steal(number_negative(nd.get()));
  if (!n) return nullptr;
  Ref<> ten = Ref<>::steal(long_from_long(10));
  Ref<> b = Ref<>::steal(long_pow(ten.get(), n.get(), none()));
  if (!b) return nullptr;
  // _PyLong_DivmodNear with b > 0: floor divmod, then round the quotient half to even.
  Object *q, *r;
  if (long_divmod_parts(self, b.get(), &q, &r) < 0) return nullptr;
  Ref<> quo = Ref<>::steal(q), rem = Ref<>::steal(r);
  bigint::Int twice = bigint::lshift(long_view(rem.get()), 1);
  int cmp = bigint::compare(twice, long_view(b.get()));
  bool odd = long_digit_count(quo.get()) && (as_long(quo.get())->ob_digit[0] & 1);
  if (cmp > 0 || (cmp == 0 && odd)) {
    rem = Ref<>::steal(long_from_int(bigint::sub(long_view(rem.get()), long_view(b.get()))));
    if (!rem) return nullptr;
  }
  return long_sub(self, rem.get());
}

// The byteorder argument of to_bytes / from_bytes: 1 little, 0 big, -1 error.
int parse_byteorder(const char* fname, Object* o) {
  if (!o) return 0;
  if (!str_check(o)) {
    bad_argument(fname, "'byteorder'", "str", o);
    return -1;
  }
  if (str_equal_cstr(o, "little")) return 1;
  if (str_equal_cstr(o, "big")) return 0;
  errors::set_string(exc_ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

const char* const kToBytesKeywords[] = {"length", "byteorder", "signed", nullptr};
const ArgParser kToBytesParser = {"to_bytes", kToBytesKeywords, 0, 2, 0};

// int.to_bytes(length=1, byteorder='big', *, signed=False).
Object* int_to_bytes(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[3];
  if (unpack_keywords(kToBytesParser, args, nargs, kwnames, a) < 0) return nullptr;
  ssize length = 1;
  if (a[0]) {
    Ref<> iv = Ref<>::steal(number_index(a[0]));
    if (!iv) return nullptr;
    length = long_as_ssize(iv.get());
    if (length == -1 && errors::occurred()) return nullptr;
    if (length < 0) {
      errors::set_string(exc_ValueError, "length argument must be non-negative");
      return nullptr;
    }
  }
  int little = parse_byteorder("to_bytes", a[1]);
  if (little < 0) return nullptr;
  bool is_signed = false;
  if (a[2]) {
    int t = object_is_true(a[2]);
    if (t < 0) return nullptr;
    is_signed = t;
  }
  Ref<> bytes = Ref<>::steal(bytes_from_string_and_size(nullptr, length));
  if (!bytes) return nullptr;
  auto* out = reinterpret_cast<unsigned char*>(bytes_as_string(bytes.get()));
  switch (bigint::to_bytes(long_view(self), out, static_cast<size_t>(length), little == 1,
                           is_signed)) {
    case bigint::ToBytesStatus::kOk: return bytes.release();
    case bigint::ToBytesStatus::kTooBig:
      errors::set_string(exc_OverflowError, "int too big to convert");
      return nullptr;
    case bigint::ToBytesStatus::kNegativeUnsigned:
      errors::set_string(exc_OverflowError, "can't convert negative int to unsigned");
      return nullptr;
  }
  return nullptr;
}

const char* const kFromBytesKeywords[] = {"bytes", "byteorder", "signed", nullptr};
const ArgParser kFromBytesParser = {"from_bytes", kFromBytesKeywords, 1, 2, 0};

// PyObject_Bytes for from_bytes: bytes, __bytes__, then PyBytes_FromObject (any buffer,
// copied C-contiguously, or an iterable of ints in range(256)).
Object* bytes_of(Object* o) {
  if (bytes_check_exact(o)) return new_ref(o);
  static Object* bytes_name = str_intern_from_cstr("__bytes__");
  Ref<> f = Ref<>::steal(lookup_special(o, bytes_name));
  if (f) {
    Object* r = object_call_no_args(f.get());
    if (r && !bytes_check(r)) {
      errors::format(exc_TypeError, "__bytes__ returned non-bytes (type %.200s)", r->type->name);
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (errors::occurred()) return nullptr;
  if (object_check_buffer(o)) return bytes_from_buffer(o, false);
  std::string buf;
  if (bytes_collect_ints(o, "bytes", &buf) < 0) return nullptr;
  return bytes_from_string_and_size(buf.data(), static_cast<ssize>(buf.size()));
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod).
Object* int_from_bytes(Object* type, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[3];
  if (unpack_keywords(kFromBytesParser, args, nargs, kwnames, a) < 0) return nullptr;
  int little = parse_byteorder("from_bytes", a[1]);
  if (little < 0) return nullptr;
  bool is_signed = false;
  if (a[2]) {
    int t = object_is_true(a[2]);
    if (t < 0) return nullptr;
    is_signed = t;
  }
  Ref<> bytes = Ref<>::steal(bytes_of(a[0]));
  if (!bytes) return nullptr;
  Ref<> v = Ref<>::steal(long_from_int(bigint::from_bytes(
      reinterpret_cast<const unsigned char*>(bytes_as_string(bytes.get())),
      static_cast<size_t>(bytes_size(bytes.get())), little == 1, is_signed)));
  if (!v) return nullptr;
  if (type != reinterpret_cast<Object*>(&long_type)) return object_call_one_arg(type, v.get());
  return v.release();
}

// int.__format__(format_spec, /).
Object* int_format(Object* self, Object* spec) {
  if (!str_check(spec)) {
    bad_argument("__format__", nullptr, "str", spec);
    return nullptr;
  }
  return format_long_spec(self, spec);
}

Object* long_get0(Object*, void*) { return long_from_long(0); }
Object* long_get1(Object*, void*) { return long_from_long(1); }
Object* long_get_self(Object* self, void*) { return long_long(self); }

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

MethodDef g_long_methods[] = {
    {"conjugate", fn(int_conjugate), kMethNoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", fn(int_bit_length), kMethNoArgs,
     "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> "
     "(37).bit_length()\n6"},
    {"bit_count", fn(int_bit_count), kMethNoArgs,
     "Number of ones in the binary representation of the absolute value of self.\n\nAlso known "
     "as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"},
    {"to_bytes", fn(int_to_bytes), kMethFastcall | kMethKeywords,
     "Return an array of bytes representing an integer."},
    {"from_bytes", fn(int_from_bytes), kMethFastcall | kMethKeywords | kMethClass,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", fn(int_as_integer_ratio), kMethNoArgs,
     "Return a pair of integers, whose ratio is equal to the original int.\n\nThe ratio is in "
     "lowest terms and has a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> "
     "(-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"},
    {"__trunc__", fn(int_conjugate), kMethNoArgs, "Truncating an Integral returns itself."},
    {"__floor__", fn(int_conjugate), kMethNoArgs, "Flooring an Integral returns itself."},
    {"__ceil__", fn(int_conjugate), kMethNoArgs, "Ceiling of an Integral returns itself."},
    {"__round__", fn(int_round), kMethFastcall,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an "
     "integer."},
    {"__getnewargs__", fn(int_getnewargs), kMethNoArgs, nullptr},
    {"__sizeof__", fn(int_sizeof), kMethNoArgs, "Returns size in memory, in bytes."},
    {"__format__", fn(int_format), kMethO, "Convert to a string according to format_spec."},
    {"is_integer", fn(int_is_integer), kMethNoArgs,
     "Returns True. Exists for duck type compatibility with float.is_integer."},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef g_long_getset[] = {
    {"real", long_get_self, nullptr, "the real part of a complex number", nullptr},
    {"imag", long_get0, nullptr, "the imaginary part of a complex number", nullptr},
    {"numerator", long_get_self, nullptr, "the numerator of a rational number in lowest terms",
     nullptr},
    {"denominator", long_get1, nullptr, "the denominator of a rational number in lowest terms",
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

// The parts of int's type that need the object core (methods, constructor), filled by
// longobject.cpp's type initialiser.
void long_fill_type_methods(TypeObject* t) {
  t->methods = g_long_methods;
  t->getset = g_long_getset;
  t->new_ = long_tp_new;
  t->vectorcall = long_vectorcall;
  t->getattro = object_generic_getattr;
  t->alloc = type_generic_alloc;
}

}  // namespace cppy::objects
