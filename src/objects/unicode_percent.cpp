// printf-style formatting of str (str % args): Objects/unicodeobject.c PyUnicode_Format with
// unicode_format_arg_parse, unicode_format_getnextarg, unicode_format_arg_format,
// mainformatlong, _PyUnicode_FormatLong, formatfloat, formatchar and
// unicode_format_arg_output.
#include <climits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrtod.h"

namespace cppy::objects {

namespace {

enum : int { kLjust = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct Ctx {
  Object* fmt;
  ssize fmtpos = 0;
  ssize fmtcnt = 0;
  Object* args = nullptr;
  Ref<> owned_args;  // the value looked up by %(key)
  ssize arglen = 0;
  ssize argidx = 0;
  Object* dict = nullptr;
  StrWriter w;
  UCS4 read() const { return str_read_char(fmt, fmtpos); }
};

struct Arg {
  UCS4 ch = 0;
  int flags = 0;
  ssize width = -1;
  int prec = -1;
  bool sign = false;
};

// unicode_format_getnextarg: borrowed.
Object* next_arg(Ctx& c) {
  ssize argidx = c.argidx;
  if (argidx < c.arglen) {
    c.argidx++;
    if (c.arglen < 0) return c.args;
    return tuple_item(c.args, argidx);
  }
  errors::set_string(exc_TypeError, "not enough arguments for format string");
  return nullptr;
}

// unicode_format_arg_parse.
int parse_arg(Ctx& c, Arg& a) {
  if (a.ch == '(') {
    if (!c.dict) {
      errors::set_string(exc_TypeError, "format requires a mapping");
      return -1;
    }
    ++c.fmtpos;
    --c.fmtcnt;
    ssize keystart = c.fmtpos;
    int pcount = 1;
    while (pcount > 0 && --c.fmtcnt >= 0) {
      a.ch = c.read();
      if (a.ch == ')')
        --pcount;
      else if (a.ch == '(')
        ++pcount;
      c.fmtpos++;
    }
    ssize keylen = c.fmtpos - keystart - 1;
    if (c.fmtcnt < 0 || pcount > 0) {
      errors::set_string(exc_ValueError, "incomplete format key");
      return -1;
    }
    Ref<> key = Ref<>::steal(str_substring(c.fmt, keystart, keystart + keylen));
    if (!key) return -1;
    c.owned_args = Ref<>::steal(object_get_item(c.dict, key.get()));
    if (!c.owned_args) return -1;
    c.args = c.owned_args.get();
    c.arglen = -1;
    c.argidx = -2;
  }
  while (--c.fmtcnt >= 0) {
    a.ch = c.read();
    c.fmtpos++;
    switch (a.ch) {
      case '-': a.flags |= kLjust; continue;
      case '+': a.flags |= kSign; continue;
      case ' ': a.flags |= kBlank; continue;
      case '#': a.flags |= kAlt; continue;
      case '0': a.flags |= kZero; continue;
    }
    break;
  }
  if (a.ch == '*') {
    Object* v = next_arg(c);
    if (!v) return -1;
    if (!long_check(v)) {
      errors::set_string(exc_TypeError, "* wants int");
      return -1;
    }
    a.width = long_as_ssize(v);
    if (a.width == -1 && errors::occurred()) return -1;
    if (a.width < 0) {
      a.flags |= kLjust;
      a.width = -a.width;
    }
    if (--c.fmtcnt >= 0) {
      a.ch = c.read();
      c.fmtpos++;
    }
  } else if (a.ch >= '0' && a.ch <= '9') {
    a.width = a.ch - '0';
    while (--c.fmtcnt >= 0) {
      a.ch = c.read();
      c.fmtpos++;
      if (a.ch < '0' || a.ch > '9') break;
      if (a.width > (PTRDIFF_MAX - (static_cast<int>(a.ch) - '0')) / 10) {
        errors::set_string(exc_ValueError, "width too big");
        return -1;
      }
      a.width = a.width * 10 + (a.ch - '0');
    }
  }
  if (a.ch == '.') {
    a.prec = 0;
    if (--c.fmtcnt >= 0) {
      a.ch = c.read();
      c.fmtpos++;
    }
    if (a.ch == '*') {
      Object* v = next_arg(c);
      if (!v) return -1;
      if (!long_check(v)) {
        errors::set_string(exc_TypeError, "* wants int");
        return -1;
      }
      int overflow;
      long p = long_as_long_and_overflow(v, &overflow);
      if (overflow || p > INT_MAX || p < INT_MIN) {
        errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
        return -1;
      }
      a.prec = static_cast<int>(p);
      if (a.prec < 0) a.prec = 0;
      if (--c.fmtcnt >= 0) {
        a.ch = c.read();
        c.fmtpos++;
      }
    } else if (a.ch >= '0' && a.ch <= '9') {
      a.prec = static_cast<int>(a.ch - '0');
      while (--c.fmtcnt >= 0) {
        a.ch = c.read();
        c.fmtpos++;
        if (a.ch < '0' || a.ch > '9') break;
        if (a.prec > (INT_MAX - (static_cast<int>(a.ch) - '0')) / 10) {
          errors::set_string(exc_ValueError, "precision too big");
          return -1;
        }
        a.prec = a.prec * 10 + static_cast<int>(a.ch - '0');
      }
    }
  }
  if (c.fmtcnt >= 0 && (a.ch == 'h' || a.ch == 'l' || a.ch == 'L')) {
    if (--c.fmtcnt >= 0) {
      a.ch = c.read();
      c.fmtpos++;
    }
  }
  if (c.fmtcnt < 0) {
    errors::set_string(exc_ValueError, "incomplete format");
    return -1;
  }
  return 0;
}

// _PyUnicode_FormatLong: %d/%i/%u/%o/%x/%X of an int with precision and '#'.
Object* format_long(Object* val, bool alt, int prec, UCS4 type) {
  Ref<> text;
  int numnondigits = 0;
  switch (type) {
    case 'o': numnondigits = 2; text = Ref<>::steal(long_format(val, 8, true)); break;
    case 'x': case 'X': numnondigits = 2; text = Ref<>::steal(long_format(val, 16, true)); break;
    default: text = Ref<>::steal(long_to_decimal_string(val)); break;
  }
  if (!text) return nullptr;
  // The common case, decimal without precision: the text as it is.
  if (prec < 0 && type != 'o' && type != 'x' && type != 'X') return text.release();
  std::string buf = str_as_utf8(text.get());
  bool sign = buf[0] == '-';
  numnondigits += sign;
  int numdigits = static_cast<int>(buf.size()) - numnondigits;
  if (!alt && (type == 'o' || type == 'x' || type == 'X')) {
    buf.erase(sign ? 1 : 0, 2);
    numnondigits -= 2;
  }
  if (prec > numdigits)
    buf.insert(static_cast<size_t>(numnondigits), static_cast<size_t>(prec - numdigits), '0');
  if (type == 'X')
    for (char& ch : buf)
      if (ch >= 'a' && ch <= 'x') ch = static_cast<char>(ch - ('a' - 'A'));
  return str_from_ascii(buf.data(), static_cast<ssize>(buf.size()));
}

// mainformatlong: 0 with *out set, -1 on error.
int main_format_long(Object* v, const Arg& a, Object** out) {
  char type = static_cast<char>(a.ch);
  Ref<> iobj;
  if (!number_check(v)) goto wrongtype;
  if (!long_check(v)) {
    iobj = Ref<>::steal(type == 'o' || type == 'x' || type == 'X' ? number_index(v)
                                                                  : long_from_object(v));
    if (!iobj) {
      if (errors::exception_matches(exc_TypeError)) goto wrongtype;
      return -1;
    }
  } else {
    iobj = Ref<>::borrow(v);
  }
  *out = format_long(iobj.get(), a.flags & kAlt, a.prec, a.ch);
  return *out ? 0 : -1;
wrongtype:
  errors::clear();
  if (type == 'o' || type == 'x' || type == 'X')
    errors::format(exc_TypeError, "%%%c format: an integer is required, not %.200s", type,
                   v->type->name);
  else
    errors::format(exc_TypeError, "%%%c format: a real number is required, not %.200s", type,
                   v->type->name);
  return -1;
}

// formatfloat.
Object* format_float(Object* v, const Arg& a) {
  double x = float_as_double(v);
  if (x == -1.0 && errors::occurred()) return nullptr;
  int prec = a.prec < 0 ? 6 : a.prec;
  int flags = (a.flags & kAlt) ? pystrconv::kDtsfAlt : 0;
  std::string out;
  bool too_big = false;
  if (!pystrconv::double_to_string(x, static_cast<char>(a.ch), prec, flags, &out, nullptr,
                                   &too_big)) {
    if (too_big) return errors::no_memory();
    errors::bad_internal_call();
    return nullptr;
  }
  return str_from_ascii(out.data(), static_cast<ssize>(out.size()));
}

// formatchar: the character, or (UCS4)-1 with an error.
UCS4 format_char(Object* v) {
  if (str_check(v)) {
    if (str_length(v) == 1) return str_read_char(v, 0);
    errors::format(exc_TypeError,
                   "%%c requires an int or a unicode character, not a string of length %zd",
                   str_length(v));
    return static_cast<UCS4>(-1);
  }
  Ref<> iv = Ref<>::steal(number_index(v));
  if (!iv) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "%%c requires an int or a unicode character, not %T", v);
    }
    return static_cast<UCS4>(-1);
  }
  int overflow;
  long x = long_as_long_and_overflow(iv.get(), &overflow);
  if (overflow || x < 0 || x > 0x10ffff) {
    errors::set_string(exc_OverflowError, "%c arg not in range(0x110000)");
    return static_cast<UCS4>(-1);
  }
  return static_cast<UCS4>(x);
}

// unicode_format_arg_output.
int output_arg(Ctx& c, Arg& a, Object* str) {
  UCS4 fill = a.sign && (a.flags & kZero) ? '0' : ' ';
  ssize len = str_length(str);
  if ((a.width == -1 || a.width <= len) && (a.prec == -1 || a.prec >= len) &&
      !(a.flags & (kSign | kBlank)))
    return c.w.write_str(str);
  if ((a.ch == 's' || a.ch == 'r' || a.ch == 'a') && a.prec >= 0 && len > a.prec) len = a.prec;
  ssize pindex = 0;
  UCS4 signchar = 0;
  if (a.sign) {
    UCS4 ch = str_read_char(str, 0);
    if (ch == '-' || ch == '+') {
      signchar = ch;
      len--;
      pindex++;
    } else if (a.flags & kSign) {
      signchar = '+';
    } else if (a.flags & kBlank) {
      signchar = ' ';
    } else {
      a.sign = false;
    }
  }
  if (a.width < len) a.width = len;
  if (signchar) {
    if (fill != ' ' && c.w.write_char(signchar) < 0) return -1;
    if (a.width > len) a.width--;
  }
  bool prefix = (a.flags & kAlt) && (a.ch == 'x' || a.ch == 'X' || a.ch == 'o');
  UCS4 p0 = 0, p1 = 0;
  if (prefix) {
    p0 = str_read_char(str, pindex);
    p1 = str_read_char(str, pindex + 1);
    if (fill != ' ' && (c.w.write_char(p0) < 0 || c.w.write_char(p1) < 0)) return -1;
    a.width -= 2;
    if (a.width < 0) a.width = 0;
    len -= 2;
    pindex += 2;
  }
  if (a.width > len && !(a.flags & kLjust)) {
    if (c.w.fill(fill, a.width - len) < 0) return -1;
    a.width = len;
  }
  if (fill == ' ') {
    if (signchar && c.w.write_char(signchar) < 0) return -1;
    if (prefix && (c.w.write_char(p0) < 0 || c.w.write_char(p1) < 0)) return -1;
  }
  if (len && c.w.write_substr(str, pindex, pindex + len) < 0) return -1;
  if (a.width > len && c.w.fill(' ', a.width - len) < 0) return -1;
  return 0;
}

// unicode_format_arg (parse, format, output).
int format_arg(Ctx& c) {
  Arg a;
  a.ch = c.read();
  if (a.ch == '%') {
    // "%%" is a literal '%' (a '%' after flags or a width is an unsupported character).
    c.fmtpos++;
    c.fmtcnt--;
    return c.w.write_char('%');
  }
  if (parse_arg(c, a) < 0) return -1;
  if (c.fmtcnt == 0) c.w.set_overallocate(false);  // the last piece (unicode_format_arg_format)
  Object* v = next_arg(c);
  if (!v) return -1;
  Ref<> str;
  switch (a.ch) {
    case 's': case 'r': case 'a':
      if (a.ch == 's' && str_check_exact(v)) {
        str = Ref<>::borrow(v);
      } else if (a.ch == 's') {
        str = Ref<>::steal(object_str(v));
      } else {
        str = Ref<>::steal(object_repr(v));
        if (str && a.ch == 'a') str = Ref<>::steal(str_ascii_escape(str.get()));
      }
      break;
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
      // _PyLong_FormatWriter: a plain %d of a one-digit int goes straight to the writer.
      if (a.ch != 'o' && a.ch != 'x' && a.ch != 'X' && a.flags == 0 && a.width == -1 &&
          a.prec == -1 && long_check_exact(v) && long_is_compact(v)) {
        long long n = long_compact_value(v);
        unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n)
                                       : static_cast<unsigned long long>(n);
        char buf[24];
        char* end = buf + sizeof buf;
        char* p = end;
        do {
          *--p = static_cast<char>('0' + mag % 10);
          mag /= 10;
        } while (mag);
        if (n < 0) *--p = '-';
        if (c.w.write_ascii(p, static_cast<ssize>(end - p)) < 0) return -1;
        if (c.dict && c.argidx < c.arglen) {
          errors::set_string(exc_TypeError,
                             "not all arguments converted during string formatting");
          return -1;
        }
        return 0;
      }
      Object* out = nullptr;
      if (main_format_long(v, a, &out) < 0) return -1;
      str = Ref<>::steal(out);
      a.sign = true;
      break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      a.sign = true;
      str = Ref<>::steal(format_float(v, a));
      break;
    case 'c': {
      UCS4 ch = format_char(v);
      if (ch == static_cast<UCS4>(-1)) return -1;
      str = Ref<>::steal(str_from_char(ch));
      break;
    }
    default:
      errors::format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     a.ch >= 31 && a.ch <= 126 ? static_cast<int>(a.ch) : '?',
                     static_cast<unsigned>(a.ch), c.fmtpos - 1);
      return -1;
  }
  if (!str) return -1;
  if (output_arg(c, a, str.get()) < 0) return -1;
  if (c.dict && c.argidx < c.arglen) {
    errors::set_string(exc_TypeError, "not all arguments converted during string formatting");
    return -1;
  }
  return 0;
}

// The decimal digits of a compact int, written backwards ending at end; returns the start.
inline char* compact_decimal(Object* v, char* end) {
  long long n = long_compact_value(v);
  unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n)
                                 : static_cast<unsigned long long>(n);
  char* p = end;
  do {
    *--p = static_cast<char>('0' + mag % 10);
    mag /= 10;
  } while (mag);
  if (n < 0) *--p = '-';
  return p;
}

// A shortcut of PyUnicode_Format for its most common use: an ASCII format whose fields are
// plain %s, %d, %i, %u (no key, flag, width or precision) and %%, applied to exact ASCII str
// and exact compact int arguments. The characters are assembled on the stack and the result
// allocated once at its length, where _PyUnicodeWriter over-allocates and then shrinks.
// Returns false when the general path must do the work: nothing observable has happened
// then (only exact str and int arguments were read, no code ran). Otherwise *out is the
// result (nullptr with MemoryError set).
// The result is the general path's, object identity included: a whole exact str argument
// that ends up being the entire result is returned itself (the writer's readonly case).
bool percent_format_simple(Object* format, Object* args, Object** out) {
  if (!str_is_ascii(format)) return false;
  Object* const* items;
  ssize nargs;
  Object* single = args;
  if (args->type == &tuple_type) {
    items = tuple_items(args);
    nargs = tuple_size(args);
  } else if (args->type == &str_type || args->type == &long_type) {
    items = &single;  // a lone argument, neither tuple nor mapping
    nargs = 1;
  } else {
    return false;
  }
  const char* f = static_cast<const char*>(str_data(format));
  ssize n = str_length(format);
  constexpr ssize kCap = 256;
  char buf[kCap];
  ssize pos = 0;
  ssize argidx = 0;
  Object* whole = nullptr;  // the str argument written into an empty result as the last piece
  ssize i = 0;
  for (;;) {
    const void* pct = std::memchr(f + i, '%', static_cast<size_t>(n - i));
    ssize lit_end = pct ? static_cast<const char*>(pct) - f : n;
    if (lit_end > i) {
      if (!pct && i == 0) return false;  // no field at all: the format itself
      if (lit_end - i > kCap - pos) return false;
      std::memcpy(buf + pos, f + i, static_cast<size_t>(lit_end - i));
      pos += lit_end - i;
    }
    if (!pct) break;
    i = lit_end + 1;
    if (i >= n) return false;  // "incomplete format"
    char ch = f[i++];
    if (ch == '%') {
      if (pos == kCap) return false;
      buf[pos++] = '%';
      continue;
    }
    if (ch != 's' && ch != 'd' && ch != 'i' && ch != 'u') return false;
    if (argidx >= nargs) return false;  // "not enough arguments"
    Object* v = items[argidx++];
    if (v->type == &long_type && long_is_compact(v)) {
      char digits[24];
      char* end = digits + sizeof digits;
      char* p = compact_decimal(v, end);
      if (end - p > kCap - pos) return false;
      std::memcpy(buf + pos, p, static_cast<size_t>(end - p));
      pos += end - p;
    } else if (ch == 's' && v->type == &str_type && str_is_ascii(v)) {
      ssize len = str_length(v);
      if (len == 0) continue;
      if (pos == 0 && i == n) whole = v;
      if (len > kCap - pos) return false;
      std::memcpy(buf + pos, str_data(v), static_cast<size_t>(len));
      pos += len;
    } else {
      return false;
    }
  }
  if (argidx < nargs) return false;  // "not all arguments converted"
  *out = whole ? new_ref(whole) : str_from_ascii(buf, pos);
  return true;
}

}  // namespace

// PyUnicode_Format.
Object* str_percent_format(Object* format, Object* args) {
  if (Object* r; percent_format_simple(format, args, &r)) return r;
  Ctx c;
  c.fmt = format;
  c.fmtcnt = str_length(format);
  if (tuple_check(args)) {
    c.arglen = tuple_size(args);
    c.argidx = 0;
  } else {
    c.arglen = -1;
    c.argidx = -2;
  }
  if (mapping_check(args) && !tuple_check(args) && !str_check(args)) c.dict = args;
  c.args = args;
  while (--c.fmtcnt >= 0) {
    if (c.read() != '%') {
      ssize nonfmtpos = c.fmtpos++;
      while (c.fmtcnt >= 0 && c.read() != '%') {
        c.fmtpos++;
        c.fmtcnt--;
      }
      if (c.fmtcnt < 0) {
        c.fmtpos--;
        c.w.set_overallocate(false);  // the last piece
      }
      if (c.w.write_substr(format, nonfmtpos, c.fmtpos) < 0) return nullptr;
    } else {
      c.fmtpos++;
      if (format_arg(c) < 0) return nullptr;
    }
  }
  if (c.argidx < c.arglen && !c.dict) {
    errors::set_string(exc_TypeError, "not all arguments converted during string formatting");
    return nullptr;
  }
  return c.w.finish();
}

}  // namespace cppy::objects
