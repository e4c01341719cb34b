// The _struct module: Modules/_struct.c of CPython 3.14, for an LP64 little-endian host
// (x86-64, AArch64): native sizes and alignments are those of its C types.
#include "modules/_struct/structmodule.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "modules/math/mathmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::struct_ {

using namespace objects;
namespace bi = objects::bigint;

// PyFloat_Pack2.
bool float_pack2(double x, unsigned char* p, bool le) {
  unsigned char sign;
  int e;
  unsigned short bits;
  if (x == 0.0) {
    sign = std::copysign(1.0, x) == -1.0;
    e = 0;
    bits = 0;
  } else if (std::isinf(x)) {
    sign = x < 0.0;
    e = 0x1f;
    bits = 0;
  } else if (std::isnan(x)) {
    sign = std::copysign(1.0, x) == -1.0;
    e = 0x1f;
    std::uint64_t v;
    std::memcpy(&v, &x, 8);
    v &= 0xffc0000000000ULL;  // the quiet bit and the top of the payload
    bits = static_cast<unsigned short>(v >> 42);
  } else {
    sign = x < 0.0;
    if (sign) x = -x;
    double f = std::frexp(x, &e);
    // Normalise f to [1.0, 2.0).
    f *= 2.0;
    e--;
    if (e >= 16) return false;
    if (e < -25) {
      f = 0.0;  // |x| < 2**-25: underflows to zero
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);  // gradual underflow
      e = 0;
    } else {
      e += 15;
      f -= 1.0;  // the implicit leading 1
    }
    f *= 1024.0;
    bits = static_cast<unsigned short>(f);  // truncation, then round half to even
    if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
      ++bits;
      if (bits == 1024) {
        bits = 0;
        ++e;
        if (e == 31) return false;
      }
    }
  }
  bits = static_cast<unsigned short>(bits | (e << 10) | (sign << 15));
  unsigned char hi = static_cast<unsigned char>((bits >> 8) & 0xFF), lo = static_cast<unsigned char>(bits & 0xFF);
  if (le) {
    p[0] = lo;
    p[1] = hi;
  } else {
    p[0] = hi;
    p[1] = lo;
  }
  return true;
}

// PyFloat_Unpack2.
double float_unpack2(const unsigned char* p, bool le) {
  unsigned char hi = le ? p[1] : p[0], lo = le ? p[0] : p[1];
  int sign = (hi >> 7) & 1;
  int e = (hi & 0x7C) >> 2;
  unsigned int f = static_cast<unsigned int>((hi & 0x03) << 8) | lo;
  if (e == 0x1f) {
    if (f == 0) return sign ? -HUGE_VAL : HUGE_VAL;
    std::uint64_t v = sign ? 0xfff0000000000000ULL : 0x7ff0000000000000ULL;
    v += static_cast<std::uint64_t>(f) << 42;  // the NaN's type and payload
    double d;
    std::memcpy(&d, &v, 8);
    return d;
  }
  double x = static_cast<double>(f) / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = std::ldexp(x, e);
  return sign ? -x : x;
}

namespace {

TypeObject* struct_error = nullptr;  // struct.error

// formatdef: one format character of a table.
enum class Kind { kPad, kChar, kInt, kUInt, kBool, kHalf, kFloat, kDouble, kCFloat, kCDouble,
                  kString, kPascal, kVoidPtr };
struct FormatDef {
  char format;
  ssize size;
  ssize alignment;
  Kind kind;
};

// native_table (LP64), and the standard sizes of lilendian_table / bigendian_table.
const FormatDef kNativeTable[] = {
    {'x', 1, 0, Kind::kPad},     {'b', 1, 0, Kind::kInt},     {'B', 1, 0, Kind::kUInt},
    {'c', 1, 0, Kind::kChar},    {'s', 1, 0, Kind::kString},  {'p', 1, 0, Kind::kPascal},
    {'h', 2, 2, Kind::kInt},     {'H', 2, 2, Kind::kUInt},    {'i', 4, 4, Kind::kInt},
    {'I', 4, 4, Kind::kUInt},    {'l', 8, 8, Kind::kInt},     {'L', 8, 8, Kind::kUInt},
    {'n', 8, 8, Kind::kInt},     {'N', 8, 8, Kind::kUInt},    {'q', 8, 8, Kind::kInt},
    {'Q', 8, 8, Kind::kUInt},    {'?', 1, 0, Kind::kBool},    {'e', 2, 2, Kind::kHalf},
    {'f', 4, 4, Kind::kFloat},   {'d', 8, 8, Kind::kDouble},  {'F', 8, 4, Kind::kCFloat},
    {'D', 16, 8, Kind::kCDouble}, {'P', 8, 8, Kind::kVoidPtr}, {0, 0, 0, Kind::kPad}};
const FormatDef kStandardTable[] = {
    {'x', 1, 0, Kind::kPad},    {'b', 1, 0, Kind::kInt},    {'B', 1, 0, Kind::kUInt},
    {'c', 1, 0, Kind::kChar},   {'s', 1, 0, Kind::kString}, {'p', 1, 0, Kind::kPascal},
    {'h', 2, 0, Kind::kInt},    {'H', 2, 0, Kind::kUInt},   {'i', 4, 0, Kind::kInt},
    {'I', 4, 0, Kind::kUInt},   {'l', 4, 0, Kind::kInt},    {'L', 4, 0, Kind::kUInt},
    {'q', 8, 0, Kind::kInt},    {'Q', 8, 0, Kind::kUInt},   {'?', 1, 0, Kind::kBool},
    {'e', 2, 0, Kind::kHalf},   {'f', 4, 0, Kind::kFloat},  {'d', 8, 0, Kind::kDouble},
    {'F', 8, 0, Kind::kCFloat}, {'D', 16, 0, Kind::kCDouble}, {0, 0, 0, Kind::kPad}};

// formatcode: one item of a compiled format.
struct Code {
  const FormatDef* fmtdef;
  ssize offset;
  ssize size;
  ssize repeat;
};

struct StructObject : Object {
  ssize s_size;
  ssize s_len;
  bool little_endian;
  std::vector<Code>* s_codes;
  Object* s_format;  // str
};
StructObject* as_struct(Object* o) { return static_cast<StructObject*>(o); }

Object* struct_error_format(const char* fmt, ...) {
  va_list va;
  va_start(va, fmt);
  errors::format_v(struct_error, fmt, va);
  va_end(va);
  return nullptr;
}

// prepare_s: sizes, item count and codes of the format.
int prepare_s(StructObject* self, const std::string& fmt) {
  const char* s = fmt.c_str();
  const FormatDef* table = kNativeTable;
  bool native = true;
  switch (*s) {
    case '<':
      table = kStandardTable;
      native = false;
      self->little_endian = true;
      ++s;
      break;
    case '>':
    case '!':
      table = kStandardTable;
      native = false;
      self->little_endian = false;
      ++s;
      break;
    case '=':
      table = kStandardTable;  // host byte order with standard sizes
      native = false;
      self->little_endian = true;
      ++s;
      break;
    case '@':
      ++s;
      [[fallthrough]];
    default:
      self->little_endian = true;
      break;
  }
  (void)native;
  const char* start = s;
  ssize size = 0, len = 0;
  std::vector<Code> codes;
  char c;
  while ((c = *s++) != '\0') {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c') continue;
    ssize num;
    if ('0' <= c && c <= '9') {
      num = c - '0';
      while ('0' <= (c = *s++) && c <= '9') {
        if (num >= PTRDIFF_MAX / 10 &&
            (num > PTRDIFF_MAX / 10 || (c - '0') > PTRDIFF_MAX % 10)) {
          struct_error_format("total struct size too long");
          return -1;
        }
        num = num * 10 + (c - '0');
      }
      if (c == '\0') {
        struct_error_format("repeat count given without format specifier");
        return -1;
      }
    } else {
      num = 1;
    }
    const FormatDef* e = table;
    while (e->format && e->format != c) ++e;
    if (!e->format) {
      struct_error_format("bad char in struct format");
      return -1;
    }
    if (c == 's' || c == 'p') {
      len++;
    } else if (c != 'x') {
      len += num;
    }
    // align
    if (e->alignment && size > 0) {
      ssize extra = (e->alignment - 1) - (size - 1) % e->alignment;
      if (extra > PTRDIFF_MAX - size) {
        struct_error_format("total struct size too long");
        return -1;
      }
      size += extra;
    }
    if (num > (PTRDIFF_MAX - size) / e->size) {
      struct_error_format("total struct size too long");
      return -1;
    }
    if (c == 's' || c == 'p') {
      codes.push_back({e, size, num, 1});
    } else if (c != 'x' && num) {
      codes.push_back({e, size, e->size, num});
    }
    size += num * e->size;
  }
  (void)start;
  self->s_size = size;
  self->s_len = len;
  delete self->s_codes;
  self->s_codes = new std::vector<Code>(std::move(codes));
  return 0;
}

// get_pylong: an int, or __index__'s; StructError for anything else.
Object* get_pylong(Object* v) {
  if (long_check(v)) return new_ref(v);
  if (index_check(v)) return number_index(v);
  struct_error_format("required argument is not an integer");
  return nullptr;
}

// _range_error, with the bounds of the field's size.
int range_error(const FormatDef* f, bool is_unsigned) {
  unsigned long long ulargest = ~0ULL >> ((8 - f->size) * 8);
  if (is_unsigned) {
    struct_error_format("'%c' format requires 0 <= number <= %llu", f->format, ulargest);
  } else {
    long long largest = static_cast<long long>(ulargest >> 1);
    struct_error_format("'%c' format requires %lld <= number <= %lld", f->format, ~largest,
                        largest);
  }
  return -1;
}

// A bytes-like object's contents through the buffer protocol, held by holder while they are
// read. TypeError "a bytes-like object is required, not 'T'".
bool get_buffer(Object* o, BufferHolder& holder, const char** p, ssize* n) {
  if (holder.get(o) < 0) return false;
  *p = holder.data();
  *n = holder.size();
  return true;
}

// PyComplex_AsCComplex.
bool as_complex(Object* v, Complex* out) {
  if (complex_check(v)) {
    *out = complex_value(v);
    return true;
  }
  Ref<> name = Ref<>::steal(str_from_cstr("__complex__"));
  Ref<> method = Ref<>::steal(lookup_special(v, name.get()));
  if (method) {
    Ref<> r = Ref<>::steal(object_call_no_args(method.get()));
    if (!r) return false;
    if (!complex_check(r.get())) {
      errors::format(exc_TypeError, "__complex__ returned non-complex (type %.200s)",
                     r->type->name);
      return false;
    }
    *out = complex_value(r.get());
    return true;
  }
  if (errors::occurred()) return false;
  double x = math::as_double(v);
  if (x == -1.0 && errors::occurred()) return false;
  *out = {x, 0.0};
  return true;
}

void put_double(unsigned char* p, double x, bool le) {
  std::uint64_t u;
  std::memcpy(&u, &x, 8);
  for (int i = 0; i < 8; ++i) p[le ? i : 7 - i] = static_cast<unsigned char>(u >> (8 * i));
}
double get_double(const unsigned char* p, bool le) {
  std::uint64_t u = 0;
  for (int i = 0; i < 8; ++i) u |= static_cast<std::uint64_t>(p[le ? i : 7 - i]) << (8 * i);
  double x;
  std::memcpy(&x, &u, 8);
  return x;
}
// PyFloat_Pack4: false on overflow.
bool put_float(unsigned char* p, double x, bool le) {
  float y = static_cast<float>(x);
  if (std::isinf(y) && !std::isinf(x)) return false;
  if (std::isnan(x)) {
    // Keep a signalling NaN signalling (the conversion quietened it).
    std::uint64_t v;
    std::memcpy(&v, &x, 8);
    if ((v & (1ULL << 51)) == 0) {
      std::uint32_t u32;
      std::memcpy(&u32, &y, 4);
      u32 &= ~(1U << 22);
      std::memcpy(&y, &u32, 4);
    }
  }
  std::uint32_t u;
  std::memcpy(&u, &y, 4);
  for (int i = 0; i < 4; ++i) p[le ? i : 3 - i] = static_cast<unsigned char>(u >> (8 * i));
  return true;
}
void put_float_unchecked(unsigned char* p, double x, bool le) {
  float y = static_cast<float>(x);
  std::uint32_t u;
  std::memcpy(&u, &y, 4);
  for (int i = 0; i < 4; ++i) p[le ? i : 3 - i] = static_cast<unsigned char>(u >> (8 * i));
}
double get_float(const unsigned char* p, bool le) {
  std::uint32_t u = 0;
  for (int i = 0; i < 4; ++i) u |= static_cast<std::uint32_t>(p[le ? i : 3 - i]) << (8 * i);
  float y;
  std::memcpy(&y, &u, 4);
  if (std::isnan(y) && (u & (1U << 22)) == 0) {
    // PyFloat_Unpack4 keeps a signalling NaN signalling.
    double d = y;
    std::uint64_t v;
    std::memcpy(&v, &d, 8);
    v &= ~(1ULL << 51);
    std::memcpy(&d, &v, 8);
    return d;
  }
  return y;
}

// The pack functions of the tables (np_*, lp_*, bp_*): one item into p.
int pack_item(unsigned char* p, Object* v, const FormatDef* f, ssize size, bool le) {
  switch (f->kind) {
    case Kind::kInt:
    case Kind::kUInt:
    case Kind::kVoidPtr: {
      Ref<> n = Ref<>::steal(get_pylong(v));
      if (!n) return -1;
      bool is_unsigned = f->kind == Kind::kUInt;
      bool is_signed = f->kind == Kind::kInt;
      if (f->kind == Kind::kVoidPtr) {
        // PyLong_AsVoidPtr: negative values as a signed long, others as unsigned.
        is_signed = long_sign_of(n.get()) < 0;
      }
      bi::ToBytesStatus st = bi::to_bytes(long_view(n.get()), p, static_cast<size_t>(f->size), le, is_signed);
      if (st != bi::ToBytesStatus::kOk) {
        if (f->kind == Kind::kVoidPtr) {
          // PyLong_AsVoidPtr's OverflowError (turned into struct.error by s_pack_internal).
          errors::set_string(exc_OverflowError, is_signed
                                                    ? "Python int too large to convert to C long"
                                                    : "Python int too large to convert to C unsigned long");
          return -1;
        }
        return range_error(f, is_unsigned);
      }
      return 0;
    }
    case Kind::kBool: {
      int t = object_is_true(v);
      if (t < 0) return -1;
      *p = static_cast<unsigned char>(t);
      return 0;
    }
    case Kind::kChar:
      if (bytes_check(v) && bytes_size(v) == 1) {
        *p = static_cast<unsigned char>(bytes_as_string(v)[0]);
        return 0;
      }
      struct_error_format("char format requires a bytes object of length 1");
      return -1;
    case Kind::kHalf:
    case Kind::kFloat:
    case Kind::kDouble: {
      double x = math::as_double(v);
      if (x == -1.0 && errors::occurred()) {
        errors::clear();
        struct_error_format("required argument is not a float");
        return -1;
      }
      if (f->kind == Kind::kDouble) {
        put_double(p, x, le);
      } else if (f->kind == Kind::kFloat) {
        if (!put_float(p, x, le)) {
          errors::set_string(exc_OverflowError, "float too large to pack with f format");
          return -1;
        }
      } else if (!float_pack2(x, p, le)) {
        errors::set_string(exc_OverflowError, "float too large to pack with e format");
        return -1;
      }
      return 0;
    }
    case Kind::kCFloat:
    case Kind::kCDouble: {
      Complex c;
      if (!as_complex(v, &c)) {
        errors::clear();
        struct_error_format("required argument is not a complex");
        return -1;
      }
      if (f->kind == Kind::kCDouble) {
        put_double(p, c.real, le);
        put_double(p + 8, c.imag, le);
      } else {
        // The parts are converted to float without the overflow check of 'f'.
        put_float_unchecked(p, c.real, le);
        put_float_unchecked(p + 4, c.imag, le);
      }
      return 0;
    }
    case Kind::kString:
    case Kind::kPascal: {
      if (!bytes_check(v)) {
        struct_error_format("argument for '%c' must be a bytes object", f->format);
        return -1;
      }
      ssize n = bytes_size(v);
      const char* src = bytes_as_string(v);
      if (f->kind == Kind::kString) {
        if (n > size) n = size;
        if (n > 0) std::memcpy(p, src, static_cast<size_t>(n));
      } else {
        if (n > size - 1) n = size - 1;
        if (n > 0) std::memcpy(p + 1, src, static_cast<size_t>(n));
        if (n > 255) n = 255;
        *p = static_cast<unsigned char>(n);
      }
      return 0;
    }
    case Kind::kPad:
      return 0;
  }
  return 0;
}

// The unpack functions: one item from p.
Object* unpack_item(const unsigned char* p, const FormatDef* f, ssize size, bool le) {
  switch (f->kind) {
    case Kind::kInt:
    case Kind::kUInt:
      return long_from_byte_array(p, static_cast<size_t>(f->size), le, f->kind == Kind::kInt);
    case Kind::kVoidPtr:
      return long_from_byte_array(p, static_cast<size_t>(f->size), le, false);
    case Kind::kBool:
      return bool_from_bool(*p != 0);
    case Kind::kChar:
      return bytes_from_string_and_size(reinterpret_cast<const char*>(p), 1);
    case Kind::kHalf:
      return float_from_double(float_unpack2(p, le));
    case Kind::kFloat:
      return float_from_double(get_float(p, le));
    case Kind::kDouble:
      return float_from_double(get_double(p, le));
    case Kind::kCFloat:
      return complex_from_doubles(get_float(p, le), get_float(p + 4, le));
    case Kind::kCDouble:
      return complex_from_doubles(get_double(p, le), get_double(p + 8, le));
    case Kind::kString:
      return bytes_from_string_and_size(reinterpret_cast<const char*>(p), size);
    case Kind::kPascal: {
      ssize n = *p;
      if (n >= size) n = size - 1;
      return bytes_from_string_and_size(reinterpret_cast<const char*>(p + 1), n);
    }
    case Kind::kPad:
      break;
  }
  return return_none();
}

// s_unpack_internal.
Object* s_unpack_internal(StructObject* so, const char* start) {
  Ref<> result = Ref<>::steal(tuple_new(so->s_len));
  if (!result) return nullptr;
  ssize i = 0;
  const unsigned char* base = reinterpret_cast<const unsigned char*>(start);
  for (const Code& code : *so->s_codes) {
    for (ssize k = 0; k < code.repeat; ++k) {
      const unsigned char* p = base + code.offset + k * code.size;
      Object* v = unpack_item(p, code.fmtdef, code.size, so->little_endian);
      if (!v) return nullptr;
      tuple_set_item(result.get(), i++, v);
    }
  }
  return result.release();
}

// s_pack_internal: the items into buf (s_size bytes, zeroed first).
int s_pack_internal(StructObject* so, Object* const* args, unsigned char* buf) {
  std::memset(buf, 0, static_cast<size_t>(so->s_size));
  ssize i = 0;
  for (const Code& code : *so->s_codes) {
    for (ssize k = 0; k < code.repeat; ++k) {
      Object* v = args[i++];
      if (pack_item(buf + code.offset + k * code.size, v, code.fmtdef, code.size,
                    so->little_endian) < 0) {
        // An int that overflows a converter is reported as struct.error.
        if (long_check(v) && errors::exception_matches(exc_OverflowError))
          errors::set_string(struct_error, "int too large to convert");
        return -1;
      }
    }
  }
  return 0;
}

// ---- the Struct type ----------------------------------------------------------------------

extern TypeObject struct_type;

// The format argument: str (ASCII) or bytes.
bool format_text(Object* format, std::string* out) {
  if (str_check(format)) {
    // PyUnicode_AsASCIIString.
    Ref<> b = Ref<>::steal(str_encode(format, "ascii", "strict"));
    if (!b) return false;
    out->assign(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
    return true;
  }
  if (bytes_check(format)) {
    out->assign(bytes_as_string(format), static_cast<size_t>(bytes_size(format)));
    return true;
  }
  errors::format(exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %.200s",
                 type_short_name(format->type));
  return false;
}

// s_new: an empty Struct (no format: size and length -1) that __init__ compiles; the
// arguments are for __init__, so a subclass's __init__ may take others.
Object* Struct_new(TypeObject* type, Object*, Object*) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  StructObject* so = as_struct(self);
  so->s_format = new_ref(none());
  so->s_codes = new std::vector<Code>();
  so->s_size = -1;
  so->s_len = -1;
  so->little_endian = true;
  return self;
}

// Struct___init___impl: the format (str as ASCII, or bytes) replaces the current one.
int struct_set_format(StructObject* so, Object* format) {
  std::string text;
  if (!format_text(format, &text)) return -1;
  Object* f = str_from_utf8(text.data(), static_cast<ssize>(text.size()));
  if (!f) return -1;
  xsetref(so->s_format, f);
  return prepare_s(so, text);
}

int Struct_init(Object* self, Object* args, Object* kwds) {
  static const char* const kw[] = {"format", nullptr};
  static const ArgParser parser = {"Struct", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwds, nullptr, parser, a)) return -1;
  return struct_set_format(as_struct(self), a[0]);
}

Object* struct_new_from_format(TypeObject* type, Object* format) {
  Ref<> self = Ref<>::steal(Struct_new(type, nullptr, nullptr));
  if (!self || struct_set_format(as_struct(self.get()), format) < 0) return nullptr;
  return self.release();
}

void Struct_dealloc(Object* o) {
  StructObject* so = as_struct(o);
  delete so->s_codes;
  so->s_codes = nullptr;
  xdecref(so->s_format);
  o->type->free(o);
}

Object* s_pack_common(StructObject* so, Object* const* args, ssize nargs, const char* name) {
  if (nargs != so->s_len) {
    return struct_error_format("%s expected %zd items for packing (got %zd)", name, so->s_len,
                               nargs);
  }
  Ref<> result = Ref<>::steal(bytes_from_string_and_size(nullptr, so->s_size));
  if (!result) return nullptr;
  if (s_pack_internal(so, args, reinterpret_cast<unsigned char*>(bytes_as_string(result.get()))) < 0) {
    return nullptr;
  }
  return result.release();
}

Object* Struct_pack(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kwnames("Struct.pack", kwnames)) return nullptr;
  return s_pack_common(as_struct(self), args, nargs, "pack");
}

// s_pack_into: the items into a writable buffer at offset (negative: from the end).
Object* s_pack_into_common(StructObject* so, Object* const* args, ssize nargs) {
  if (nargs != so->s_len + 2) {
    if (nargs == 0) return struct_error_format("pack_into expected buffer argument");
    if (nargs == 1) return struct_error_format("pack_into expected offset argument");
    return struct_error_format("pack_into expected %zd items for packing (got %zd)", so->s_len,
                               nargs - 2);
  }
  BufferHolder buffer;
  if (buffer.get(args[0], kBufWritable) < 0) {
    // PyArg_Parse's "w*".
    errors::clear();
    return errors::format(exc_TypeError,
                          "argument must be read-write bytes-like object, not %.100s",
                          type_short_name(args[0]->type));
  }
  ssize offset = number_as_ssize(args[1], exc_IndexError);
  if (offset == -1 && errors::occurred()) return nullptr;
  ssize len = buffer.size();
  if (offset < 0) {
    if (offset + so->s_size > 0)
      return struct_error_format("no space to pack %zd bytes at offset %zd", so->s_size, offset);
    if (offset + len < 0)
      return struct_error_format("offset %zd out of range for %zd-byte buffer", offset, len);
    offset += len;
  }
  if (len - offset < so->s_size)
    return struct_error_format(
        "pack_into requires a buffer of at least %zu bytes for packing %zd bytes at offset %zd "
        "(actual buffer size is %zd)",
        static_cast<size_t>(so->s_size) + static_cast<size_t>(offset), so->s_size, offset, len);
  if (s_pack_internal(so, args + 2,
                      reinterpret_cast<unsigned char*>(buffer.mutable_data() + offset)) < 0)
    return nullptr;
  return return_none();
}

Object* Struct_pack_into(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kwnames("Struct.pack_into", kwnames)) return nullptr;
  return s_pack_into_common(as_struct(self), args, nargs);
}

Object* s_unpack_common(StructObject* so, Object* buffer) {
  const char* p;
  ssize n;
  BufferHolder holder;
  if (!get_buffer(buffer, holder, &p, &n)) return nullptr;
  if (n != so->s_size) return struct_error_format("unpack requires a buffer of %zd bytes", so->s_size);
  return s_unpack_internal(so, p);
}

Object* Struct_unpack(Object* self, Object* buffer) { return s_unpack_common(as_struct(self), buffer); }

// Clinic's Py_ssize_t conversion of offset.
bool as_offset(Object* o, ssize* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  *out = number_as_ssize(o, exc_OverflowError);
  return !(*out == -1 && errors::occurred());
}

Object* s_unpack_from_common(StructObject* so, Object* buffer, Object* offset_obj) {
  ssize offset = 0;
  if (offset_obj && !as_offset(offset_obj, &offset)) return nullptr;
  const char* p;
  ssize len;
  BufferHolder holder;
  if (!get_buffer(buffer, holder, &p, &len)) return nullptr;
  if (offset < 0) {
    if (offset + len < 0) {
      return struct_error_format("offset %zd out of range for %zd-byte buffer", offset, len);
    }
    if (-offset < so->s_size) {
      return struct_error_format("not enough data to unpack %zd bytes at offset %zd", so->s_size,
                                 offset);
    }
    offset += len;
  }
  if (len - offset < so->s_size) {
    return struct_error_format(
        "unpack_from requires a buffer of at least %zu bytes for unpacking %zd bytes at offset "
        "%zd (actual buffer size is %zd)",
        static_cast<size_t>(so->s_size) + static_cast<size_t>(offset), so->s_size, offset, len);
  }
  return s_unpack_internal(so, p + offset);
}

Object* Struct_unpack_from(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"buffer", "offset", nullptr};
  static const ArgParser parser = {"unpack_from", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  return s_unpack_from_common(as_struct(self), a[0], a[1]);
}

// The unpack_iterator type of iter_unpack.
// unpackiterobject: the buffer stays exported (buf.obj non-null) until the iterator ends.
struct UnpackIterObject : Object {
  Object* so;
  Buffer buf;
  ssize index;
};

void unpackiter_dealloc(Object* o) {
  UnpackIterObject* it = static_cast<UnpackIterObject*>(o);
  xdecref(it->so);
  if (it->buf.obj) buffer_release(&it->buf);
  o->type->free(o);
}

Object* unpackiter_next(Object* o) {
  UnpackIterObject* it = static_cast<UnpackIterObject*>(o);
  if (!it->so) return nullptr;
  StructObject* so = as_struct(it->so);
  if (it->index >= it->buf.len) {
    buffer_release(&it->buf);
    it->buf.obj = nullptr;
    Object* so_ref = it->so;
    it->so = nullptr;
    decref(so_ref);
    return nullptr;
  }
  Object* r = s_unpack_internal(so, static_cast<const char*>(it->buf.buf) + it->index);
  it->index += so->s_size;
  return r;
}

Object* unpackiter_length_hint(Object* o, Object*) {
  UnpackIterObject* it = static_cast<UnpackIterObject*>(o);
  ssize len = 0;
  if (it->so) len = (it->buf.len - it->index) / as_struct(it->so)->s_size;
  return long_from_ssize(len);
}

MethodDef unpackiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(unpackiter_length_hint), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

TypeObject unpackiter_type = [] {
  TypeObject t = static_type("_struct.unpack_iterator", sizeof(UnpackIterObject), 0, 0);
  t.dealloc = unpackiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = unpackiter_next;
  t.methods = unpackiter_methods;
  t.free = object_generic_free;
  return t;
}();

Object* s_iter_unpack_common(StructObject* so, Object* buffer) {
  if (so->s_size == 0) {
    return struct_error_format("cannot iteratively unpack with a struct of length 0");
  }
  if (type_ready(&unpackiter_type) < 0) return nullptr;
  UnpackIterObject* it = static_cast<UnpackIterObject*>(type_generic_alloc(&unpackiter_type, 0));
  if (!it) return nullptr;
  Ref<> owner = Ref<>::steal(it);
  it->so = nullptr;
  it->buf = Buffer{};
  it->index = 0;
  if (object_get_buffer(buffer, &it->buf, kBufSimple) < 0) {
    it->buf.obj = nullptr;
    return nullptr;
  }
  if (it->buf.len % so->s_size != 0) {
    return struct_error_format("iterative unpacking requires a buffer of a multiple of %zd bytes",
                               so->s_size);
  }
  it->so = new_ref(so);
  return owner.release();
}

Object* Struct_iter_unpack(Object* self, Object* buffer) {
  return s_iter_unpack_common(as_struct(self), buffer);
}

Object* Struct_sizeof(Object* self, Object*) {
  StructObject* so = as_struct(self);
  size_t n = sizeof(StructObject) + (so->s_codes ? (so->s_codes->size() + 1) * sizeof(Code) : 0);
  return long_from_size_t(n);
}

// Struct_format_get; a Struct never given a format (only __new__ ran) shows an empty one.
Object* Struct_get_format(Object* self, void*) {
  Object* f = as_struct(self)->s_format;
  return f == none() ? str_from_cstr("") : new_ref(f);
}
Object* Struct_repr(Object* self) {  // s_repr
  Ref<> format = Ref<>::steal(Struct_get_format(self, nullptr));
  if (!format) return nullptr;
  return str_from_format("%s(%R)", type_short_name(self->type), format.get());
}

Object* Struct_get_size(Object* self, void*) { return long_from_ssize(as_struct(self)->s_size); }

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
MethodDef struct_methods[] = {
    {"iter_unpack", reinterpret_cast<void*>(Struct_iter_unpack), kMethO,
     "Return an iterator yielding tuples."},
    {"pack", FASTCALL_KW(Struct_pack),
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... "
     "packed according\nto the format string S.format.  See help(struct) for more on format\n"
     "strings."},
    {"pack_into", FASTCALL_KW(Struct_pack_into),
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the "
     "format string S.format\nand write the packed bytes into the writable buffer buf starting "
     "at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on "
     "format strings."},
    {"unpack", reinterpret_cast<void*>(Struct_unpack), kMethO,
     "Return a tuple containing unpacked values."},
    {"unpack_from", FASTCALL_KW(Struct_unpack_from),
     "Return a tuple containing unpacked values."},
    {"__sizeof__", reinterpret_cast<void*>(Struct_sizeof), kMethNoArgs,
     "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef struct_getset[] = {
    {"format", Struct_get_format, nullptr, "struct format string", nullptr},
    {"size", Struct_get_size, nullptr, "struct size in bytes", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject struct_type = [] {
  TypeObject t = static_type("_struct.Struct", sizeof(StructObject), 0, kTpflagsBasetype);
  t.dealloc = Struct_dealloc;
  t.repr = Struct_repr;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.doc = "Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct "
          "object which writes and reads binary data according to\nthe format string.\n\n"
          "See help(struct) for more on format strings.";
  t.methods = struct_methods;
  t.getset = struct_getset;
  t.alloc = type_generic_alloc;
  t.new_ = Struct_new;
  t.init = Struct_init;
  t.free = object_generic_free;
  return t;
}();

// ---- module functions ---------------------------------------------------------------------

Object* cache = nullptr;  // format -> Struct (cache_struct_converter)
constexpr ssize kMaxCache = 100;

// cache_struct_converter: the Struct of a format, from the cache when there.
Object* cached_struct(Object* format) {
  if (!cache) {
    cache = dict_new();
    if (!cache) return nullptr;
  }
  Object* s = dict_get_item_with_error(cache, format);
  if (s) return new_ref(s);
  if (errors::occurred()) return nullptr;
  Ref<> so = Ref<>::steal(struct_new_from_format(&struct_type, format));
  if (!so) return nullptr;
  if (dict_size(cache) >= kMaxCache) dict_clear(cache);
  if (dict_set_item(cache, format, so.get()) < 0) return nullptr;
  return so.release();
}

Object* module_clearcache(Object*, Object*) {
  if (cache) dict_clear(cache);
  return return_none();
}

Object* module_calcsize(Object*, Object* format) {
  Ref<> so = Ref<>::steal(cached_struct(format));
  if (!so) return nullptr;
  return long_from_ssize(as_struct(so.get())->s_size);
}

Object* module_pack(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kwnames("pack", kwnames)) return nullptr;
  if (nargs == 0) {
    errors::set_string(exc_TypeError, "missing format argument");
    return nullptr;
  }
  Ref<> so = Ref<>::steal(cached_struct(args[0]));
  if (!so) return nullptr;
  return s_pack_common(as_struct(so.get()), args + 1, nargs - 1, "pack");
}

Object* module_pack_into(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!no_kwnames("pack_into", kwnames)) return nullptr;
  if (nargs == 0) {
    errors::set_string(exc_TypeError, "missing format argument");
    return nullptr;
  }
  Ref<> so = Ref<>::steal(cached_struct(args[0]));
  if (!so) return nullptr;
  return s_pack_into_common(as_struct(so.get()), args + 1, nargs - 1);
}

Object* module_unpack(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("unpack", nargs, 2, 2)) return nullptr;
  Ref<> so = Ref<>::steal(cached_struct(args[0]));
  if (!so) return nullptr;
  return s_unpack_common(as_struct(so.get()), args[1]);
}

Object* module_unpack_from(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "buffer", "offset", nullptr};
  static const ArgParser parser = {"unpack_from", kw, 2, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Ref<> so = Ref<>::steal(cached_struct(a[0]));
  if (!so) return nullptr;
  return s_unpack_from_common(as_struct(so.get()), a[1], a[2]);
}

Object* module_iter_unpack(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("iter_unpack", nargs, 2, 2)) return nullptr;
  Ref<> so = Ref<>::steal(cached_struct(args[0]));
  if (!so) return nullptr;
  return s_iter_unpack_common(as_struct(so.get()), args[1]);
}

MethodDef module_functions[] = {
    {"_clearcache", reinterpret_cast<void*>(module_clearcache), kMethNoArgs,
     "Clear the internal cache."},
    {"calcsize", reinterpret_cast<void*>(module_calcsize), kMethO,
     "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", reinterpret_cast<void*>(module_iter_unpack), kMethFastcall,
     "Return an iterator yielding tuples unpacked from the given bytes."},
    {"pack", FASTCALL_KW(module_pack),
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, "
     "v2, ... packed according\nto the format string.  See help(struct) for more on format "
     "strings."},
    {"pack_into", FASTCALL_KW(module_pack_into),
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according "
     "to the format string and write\nthe packed bytes into the writable buffer buf starting "
     "at offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non "
     "format strings."},
    {"unpack", reinterpret_cast<void*>(module_unpack), kMethFastcall,
     "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", FASTCALL_KW(module_unpack_from),
     "Return a tuple containing values unpacked according to the format string."},
    {nullptr, nullptr, 0, nullptr}};

int struct_exec(Object* module) {
  if (type_ready(&struct_type) < 0 || type_ready(&unpackiter_type) < 0) return -1;
  if (!struct_error) {
    struct_error = new_exception("struct.error", nullptr, nullptr);
    if (!struct_error) return -1;
  }
  if (module_add_object_ref(module, "Struct", &struct_type) < 0) return -1;
  if (module_add_object_ref(module, "error", struct_error) < 0) return -1;
  return 0;
}

ModuleDef struct_def = {
    "_struct",
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n\n"
    "The optional first format char indicates byte order, size and alignment:\n"
    "  @: native order, size & alignment (default)\n"
    "  =: native order, std. size & alignment\n"
    "  <: little-endian, std. size & alignment\n"
    "  >: big-endian, std. size & alignment\n"
    "  !: same as >\n\n"
    "The remaining chars indicate types of args and must match exactly;\n"
    "these can be preceded by a decimal repeat count:\n"
    "  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n"
    "  ?: _Bool (requires C99; if not available, char is used instead)\n"
    "  h:short; H:unsigned short; i:int; I:unsigned int;\n"
    "  l:long; L:unsigned long; f:float; d:double; e:half-float.\n"
    "  F:float complex; D:double complex.\n"
    "Special cases (preceding decimal count indicates length):\n"
    "  s:string (array of char); p: pascal string (with count byte).\n"
    "Special cases (only available in native format):\n"
    "  n:ssize_t; N:size_t;\n"
    "  P:an integer type that is wide enough to hold a pointer.\n"
    "Special case (not in native mode unless 'long long' in platform C):\n"
    "  q:long long; Q:unsigned long long\n"
    "Whitespace between formats is ignored.\n\n"
    "The variable struct.error is an exception raised on errors.\n",
    module_functions, struct_exec};

}  // namespace

ModuleDef* module_def() { return &struct_def; }

objects::ssize struct_item_count(Object* s) { return as_struct(s)->s_len; }

}  // namespace cppy::modules::struct_
