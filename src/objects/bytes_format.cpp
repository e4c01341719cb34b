// bytes % args and bytearray % args (PEP 461): _PyBytes_FormatEx of Objects/bytesobject.c,
// with its helpers getnextarg, byte_converter, format_obj, formatlong and formatfloat. The
// digits of numbers come from str's % formatting of the single converted value
// (_PyUnicode_FormatLong and PyOS_double_to_string are what both use in CPython).
#include <climits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytes_methods.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

Object* str_percent_format(Object* format, Object* args);  // unicode_percent.cpp

namespace {

enum : int { kLjust = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct Args {
  Object* args;
  ssize arglen;
  ssize argidx;
};

// getnextarg.
Object* next_arg(Args& a) {
  if (a.argidx < a.arglen) {
    a.argidx++;
    if (a.arglen < 0) return a.args;
    return tuple_item(a.args, a.argidx - 1);
  }
  errors::set_string(exc_TypeError, "not enough arguments for format string");
  return nullptr;
}

// byte_converter.
bool byte_converter(Object* arg, char* p) {
  if (bytes_check(arg) || bytearray_check(arg)) {
    std::string_view s = byteslike_view(arg);
    if (s.size() != 1) {
      errors::format(exc_TypeError,
                     "%%c requires an integer in range(256) or a single byte, not a %s object "
                     "of length %zd",
                     bytes_check(arg) ? "bytes" : "bytearray", static_cast<ssize>(s.size()));
      return false;
    }
    *p = s[0];
    return true;
  }
  if (index_check(arg)) {
    ssize v = number_as_ssize(arg, nullptr);
    if (v == -1 && errors::occurred()) return false;
    if (v < 0 || v > 255) {
      errors::set_string(exc_OverflowError, "%c arg not in range(256)");
      return false;
    }
    *p = static_cast<char>(v);
    return true;
  }
  errors::format(exc_TypeError,
                 "%%c requires an integer in range(256) or a single byte, not %.200s",
                 arg->type->name);
  return false;
}

// format_obj: the bytes of a %b / %s argument.
bool format_obj(Object* v, std::string* out) {
  if (bytes_check(v) || bytearray_check(v)) {
    *out = std::string(byteslike_view(v));
    return true;
  }
  static Object* bytes_name = str_intern_from_cstr("__bytes__");
  Ref<> func = Ref<>::steal(lookup_special(v, bytes_name));
  if (func) {
    Ref<> result = Ref<>::steal(object_call_no_args(func.get()));
    if (!result) return false;
    if (!bytes_check(result.get())) {
      errors::format(exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                     result->type->name);
      return false;
    }
    *out = std::string(byteslike_view(result.get()));
    return true;
  }
  if (errors::occurred()) return false;
  if (object_check_buffer(v)) {
    Ref<> copy = Ref<>::steal(bytes_from_buffer(v, false));
    if (!copy) return false;
    *out = std::string(byteslike_view(copy.get()));
    return true;
  }
  errors::format(exc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, "
                 "not '%.100s'",
                 v->type->name);
  return false;
}

// The ASCII text of a str (PyUnicode_AsASCIIString after PyObject_ASCII escaped it).
bool ascii_of(Object* s, std::string* out) {
  static const char hex[] = "0123456789abcdef";
  for (ssize i = 0; i < str_length(s); i++) {
    UCS4 c = str_read_char(s, i);
    if (c < 128) {
      out->push_back(static_cast<char>(c));
      continue;
    }
    int digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
    out->push_back('\\');
    out->push_back(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
    for (int k = digits - 1; k >= 0; k--) out->push_back(hex[(c >> (4 * k)) & 15]);
  }
  return true;
}

// One number through str's % with the given spec ("%#.3x" ...): the ASCII digits.
bool str_format_one(const std::string& spec, Object* value, std::string* out) {
  Ref<> fmt = Ref<>::steal(str_from_cstr(spec.c_str()));
  if (!fmt) return false;
  Ref<> args = Ref<>::steal(tuple_pack(1, value));
  if (!args) return false;
  Ref<> s = Ref<>::steal(str_percent_format(fmt.get(), args.get()));
  if (!s) return false;
  return ascii_of(s.get(), out);
}

// formatlong.
bool format_long(Object* v, int flags, int prec, char type, std::string* out) {
  Ref<> iobj;
  if (long_check(v)) {
    iobj = Ref<>::borrow(v);
  } else if (number_check(v)) {
    iobj = Ref<>::steal(type == 'o' || type == 'x' || type == 'X' ? number_index(v)
                                                                 : number_long(v));
    if (!iobj && !errors::exception_matches(exc_TypeError)) return false;
    if (!iobj) errors::clear();
  }
  if (!iobj) {
    errors::format(exc_TypeError, "%%%c format: %s is required, not %.200s", type,
                   (type == 'o' || type == 'x' || type == 'X') ? "an integer" : "a real number",
                   v->type->name);
    return false;
  }
  std::string spec = "%";
  if (flags & kAlt) spec += '#';
  if (prec >= 0) spec += "." + std::to_string(prec);
  spec += type;
  return str_format_one(spec, iobj.get(), out);
}

// formatfloat.
bool format_float(Object* v, int flags, int prec, char type, std::string* out) {
  double x = float_as_double(v);
  if (x == -1.0 && errors::occurred()) {
    errors::clear();
    errors::format(exc_TypeError, "float argument required, not %.200s", v->type->name);
    return false;
  }
  if (prec < 0) prec = 6;
  Ref<> f = Ref<>::steal(float_from_double(x));
  if (!f) return false;
  std::string spec = "%";
  if (flags & kAlt) spec += '#';
  spec += "." + std::to_string(prec);
  spec += type;
  return str_format_one(spec, f.get(), out);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// _PyBytes_FormatEx.
Object* bytes_format(std::string_view format, Object* args, bool bytearray) {
  Args a{args, -1, -2};
  if (tuple_check(args)) {
    a.arglen = tuple_size(args);
    a.argidx = 0;
  }
  Object* dict = nullptr;
  if (args->type->as_mapping && args->type->as_mapping->subscript && !tuple_check(args) &&
      !bytes_check(args) && !str_check(args) && !bytearray_check(args))
    dict = args;  // a bytearray is an argument, not a mapping (_PyBytes_FormatEx)
  Ref<> keyed_args;  // the value a %(key) selected
  std::string res;
  const char* fmt = format.data();
  const char* const fmt_start = fmt;
  ssize fmtcnt = static_cast<ssize>(format.size());
  while (--fmtcnt >= 0) {
    if (*fmt != '%') {
      const char* pos = static_cast<const char*>(std::memchr(fmt + 1, '%', static_cast<size_t>(fmtcnt)));
      if (!pos) pos = fmt + 1 + fmtcnt;
      res.append(fmt, static_cast<size_t>(pos - fmt));
      fmtcnt -= pos - fmt - 1;
      fmt = pos;
      continue;
    }
    fmt++;
    if (*fmt == '%') {
      res.push_back('%');
      fmt++;
      fmtcnt--;
      continue;
    }
    int flags = 0;
    ssize width = -1;
    int prec = -1;
    char c = '\0';
    if (*fmt == '(') {
      if (!dict) {
        errors::set_string(exc_TypeError, "format requires a mapping");
        return nullptr;
      }
      ++fmt;
      --fmtcnt;
      const char* keystart = fmt;
      int pcount = 1;
      while (pcount > 0 && --fmtcnt >= 0) {
        if (*fmt == ')') --pcount;
        else if (*fmt == '(') ++pcount;
        fmt++;
      }
      ssize keylen = fmt - keystart - 1;
      if (fmtcnt < 0 || pcount > 0) {
        errors::set_string(exc_ValueError, "incomplete format key");
        return nullptr;
      }
      Ref<> key = Ref<>::steal(bytes_from_string_and_size(keystart, keylen));
      if (!key) return nullptr;
      keyed_args = Ref<>::steal(object_get_item(dict, key.get()));
      if (!keyed_args) return nullptr;
      a.args = keyed_args.get();
      a.arglen = -1;
      a.argidx = -2;
    }
    while (--fmtcnt >= 0) {
      c = *fmt++;
      if (c == '-') flags |= kLjust;
      else if (c == '+') flags |= kSign;
      else if (c == ' ') flags |= kBlank;
      else if (c == '#') flags |= kAlt;
      else if (c == '0') flags |= kZero;
      else break;
    }
    if (c == '*') {
      Object* v = next_arg(a);
      if (!v) return nullptr;
      if (!long_check(v)) {
        errors::set_string(exc_TypeError, "* wants int");
        return nullptr;
      }
      width = long_as_ssize(v);
      if (width == -1 && errors::occurred()) return nullptr;
      if (width < 0) {
        flags |= kLjust;
        width = -width;
      }
      if (--fmtcnt >= 0) c = *fmt++;
    } else if (is_digit(c)) {
      width = c - '0';
      while (--fmtcnt >= 0) {
        c = *fmt++;
        if (!is_digit(c)) break;
        if (width > (PTRDIFF_MAX - (c - '0')) / 10) {
          errors::set_string(exc_ValueError, "width too big");
          return nullptr;
        }
        width = width * 10 + (c - '0');
      }
    }
    if (c == '.') {
      prec = 0;
      if (--fmtcnt >= 0) c = *fmt++;
      if (c == '*') {
        Object* v = next_arg(a);
        if (!v) return nullptr;
        if (!long_check(v)) {
          errors::set_string(exc_TypeError, "* wants int");
          return nullptr;
        }
        prec = long_as_int(v);
        if (prec == -1 && errors::occurred()) return nullptr;
        if (prec < 0) prec = 0;
        if (--fmtcnt >= 0) c = *fmt++;
      } else if (is_digit(c)) {
        prec = c - '0';
        while (--fmtcnt >= 0) {
          c = *fmt++;
          if (!is_digit(c)) break;
          if (prec > (INT_MAX - (c - '0')) / 10) {
            errors::set_string(exc_ValueError, "prec too big");
            return nullptr;
          }
          prec = prec * 10 + (c - '0');
        }
      }
    }
    if (fmtcnt >= 0 && (c == 'h' || c == 'l' || c == 'L')) {
      if (--fmtcnt >= 0) c = *fmt++;
    }
    if (fmtcnt < 0) {
      errors::set_string(exc_ValueError, "incomplete format");
      return nullptr;
    }
    Object* v = next_arg(a);
    if (!v) return nullptr;
    char sign = 0;
    char fill = ' ';
    bool has_sign = false;
    std::string temp;
    switch (c) {
      case 'r':
      case 'a': {
        Ref<> repr = Ref<>::steal(object_repr(v));
        if (!repr || !ascii_of(repr.get(), &temp)) return nullptr;
        if (prec >= 0 && static_cast<ssize>(temp.size()) > prec) temp.resize(static_cast<size_t>(prec));
        break;
      }
      case 's':
      case 'b':
        if (!format_obj(v, &temp)) return nullptr;
        if (prec >= 0 && static_cast<ssize>(temp.size()) > prec) temp.resize(static_cast<size_t>(prec));
        break;
      case 'i':
      case 'd':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        if (!format_long(v, flags, prec, c == 'i' ? 'd' : c, &temp)) return nullptr;
        has_sign = true;
        if (flags & kZero) fill = '0';
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        if (!format_float(v, flags, prec, c, &temp)) return nullptr;
        has_sign = true;
        if (flags & kZero) fill = '0';
        break;
      case 'c': {
        char one;
        if (!byte_converter(v, &one)) return nullptr;
        temp.assign(1, one);
        break;
      }
      default: {
        // The format character is a C char: bytes past 0x7f are negative, and
        // PyUnicode_FromFormat's %c refuses them.
        if (static_cast<signed char>(c) < 0) {
          errors::set_string(exc_OverflowError, "character argument not in range(0x110000)");
          return nullptr;
        }
        unsigned char uc = static_cast<unsigned char>(c);
        errors::format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                       static_cast<int>(uc), static_cast<unsigned>(uc),
                       static_cast<ssize>(fmt - 1 - fmt_start));
        return nullptr;
      }
    }
    const char* pbuf = temp.data();
    ssize len = static_cast<ssize>(temp.size());
    if (has_sign) {
      if (*pbuf == '-' || *pbuf == '+') {
        sign = *pbuf++;
        len--;
      } else if (flags & kSign) {
        sign = '+';
      } else if (flags & kBlank) {
        sign = ' ';
      }
    }
    if (width < len) width = len;
    if (sign) {
      if (fill != ' ') res.push_back(sign);
      if (width > len) width--;
    }
    bool prefix = (flags & kAlt) && (c == 'o' || c == 'x' || c == 'X');
    if (prefix) {
      if (fill != ' ') {
        res.append(pbuf, 2);
        pbuf += 2;
      }
      width -= 2;
      if (width < 0) width = 0;
      len -= 2;
    }
    if (width > len && !(flags & kLjust)) {
      res.append(static_cast<size_t>(width - len), fill);
      width = len;
    }
    if (fill == ' ') {
      if (sign) res.push_back(sign);
      if (prefix) {
        res.append(pbuf, 2);
        pbuf += 2;
      }
    }
    res.append(pbuf, static_cast<size_t>(len));
    if (width > len) res.append(static_cast<size_t>(width - len), ' ');
    if (dict && a.argidx < a.arglen) {
      errors::set_string(exc_TypeError, "not all arguments converted during bytes formatting");
      return nullptr;
    }
  }
  if (a.argidx < a.arglen && !dict) {
    errors::set_string(exc_TypeError, "not all arguments converted during bytes formatting");
    return nullptr;
  }
  if (bytearray) return bytearray_from_string_and_size(res.data(), static_cast<ssize>(res.size()));
  return bytes_from_string_and_size(res.data(), static_cast<ssize>(res.size()));
}

}  // namespace cppy::objects
