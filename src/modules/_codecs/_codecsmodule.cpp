// The _codecs module: Modules/_codecsmodule.c (Argument Clinic signatures and messages) over
// the registry and the built-in codecs of codecs.cpp.
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/_codecs/codecs.h"
#include "modules/moduledef.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "unicode/codecs.h"

namespace cppy::modules::_codecs {

using namespace objects;

namespace {

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

// Py_buffer arguments: bytes (and, once they exist, other buffers). "a bytes-like object is
// required, not 'T'" as PyObject_GetBuffer says.
bool get_buffer(Object* o, const char** data, ssize* n) {
  if (bytes_check(o)) {
    *data = bytes_as_string(o);
    *n = bytes_size(o);
    return true;
  }
  errors::format(exc_TypeError, "a bytes-like object is required, not '%.100s'", o->type->name);
  return false;
}

// errors: str or None (null for None).
bool errors_arg(const char* fname, int index, Object* o, const char** out) {
  *out = nullptr;
  if (!o || o == none()) return true;
  if (!str_check(o)) {
    std::string d = std::to_string(index);
    bad_argument(fname, d.c_str(), "str or None", o);
    return false;
  }
  *out = str_as_utf8(o);
  if (!*out) return false;
  if (std::strlen(*out) != static_cast<size_t>(str_length(o)) && str_is_ascii(o)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  return true;
}

bool str_arg(const char* fname, int index, Object* o, const char** out) {
  if (!str_check(o)) {
    std::string d = std::to_string(index);
    bad_argument(fname, d.c_str(), "str", o);
    return false;
  }
  ssize n = 0;
  *out = str_as_utf8(o, &n);
  if (!*out) return false;
  if (std::strlen(*out) != static_cast<size_t>(n)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  return true;
}

bool bool_arg(Object* o, bool* out) {
  if (!o) return true;
  int r = object_is_true(o);
  if (r < 0) return false;
  *out = r != 0;
  return true;
}

bool int_arg(Object* o, int* out) {
  if (!o) return true;
  if (!long_check(o) && !index_check(o)) {
    errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                   o->type->name);
    return false;
  }
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  *out = static_cast<int>(v);
  return true;
}

Object* pair(Object* a, ssize n) {
  if (!a) return nullptr;
  Ref<> r = Ref<>::steal(a);
  Ref<> c = Ref<>::steal(long_from_ssize(n));
  if (!c) return nullptr;
  return tuple_pack(2, r.get(), c.get());
}

// --- the registry -------------------------------------------------------------------------

Object* codecs_register(Object*, Object* f) {
  if (register_search_function(f) < 0) return nullptr;
  return return_none();
}
Object* codecs_unregister(Object*, Object* f) {
  if (unregister_search_function(f) < 0) return nullptr;
  return return_none();
}
Object* codecs_lookup(Object*, Object* arg) {
  if (!str_check(arg)) {
    bad_argument("lookup", "", "str", arg);
    return nullptr;
  }
  const char* enc;
  if (!str_arg("lookup", 0, arg, &enc)) return nullptr;
  return lookup(enc);
}

// encode(obj, encoding='utf-8', errors='strict') / decode(...).
Object* encode_decode(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                      bool enc) {
  static const char* const kw[] = {"obj", "encoding", "errors", nullptr};
  ArgParser p{fname, kw, 1, 3, 0};
  Object* a[3] = {};
  if (unpack_keywords(p, args, nargs, kwnames, a) < 0) return nullptr;
  const char* encoding = "utf-8";
  const char* errs = nullptr;
  for (int i = 1; i < 3; ++i) {
    if (!a[i]) continue;
    const char* v;
    if (!str_check(a[i])) {
      std::string d = std::string("'") + kw[i] + "'";
      bad_argument(fname, d.c_str(), "str", a[i]);
      return nullptr;
    }
    ssize n = 0;
    v = str_as_utf8(a[i], &n);
    if (!v) return nullptr;
    if (std::strlen(v) != static_cast<size_t>(n)) {
      errors::set_string(exc_ValueError, "embedded null character");
      return nullptr;
    }
    (i == 1 ? encoding : errs) = v;
  }
  if (!errs) errs = "strict";
  return enc ? encode(a[0], encoding, errs) : decode(a[0], encoding, errs);
}
Object* codecs_encode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return encode_decode("encode", args, nargs, kwnames, true);
}
Object* codecs_decode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return encode_decode("decode", args, nargs, kwnames, false);
}

Object* codecs_register_error(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("register_error", nargs, 2, 2)) return nullptr;
  const char* name;
  if (!str_arg("register_error", 1, args[0], &name)) return nullptr;
  if (register_error(name, args[1]) < 0) return nullptr;
  return return_none();
}
Object* codecs_unregister_error(Object*, Object* arg) {
  const char* name;
  if (!str_check(arg)) {
    bad_argument("_unregister_error", "", "str", arg);
    return nullptr;
  }
  if (!str_arg("_unregister_error", 0, arg, &name)) return nullptr;
  int r = unregister_error(name);
  if (r < 0) return nullptr;
  return new_ref(r ? true_object() : false_object());
}
Object* codecs_lookup_error(Object*, Object* arg) {
  const char* name;
  if (!str_check(arg)) {
    bad_argument("lookup_error", "", "str", arg);
    return nullptr;
  }
  if (!str_arg("lookup_error", 0, arg, &name)) return nullptr;
  return lookup_error(name);
}

// --- decoders -----------------------------------------------------------------------------

// xxx_decode(data, errors=None, final=DEFAULT, /) -> (str, consumed).
Object* decode_common(const char* fname, Codec c, Object* const* args, ssize nargs,
                      bool has_final, bool final_default) {
  if (!check_positional(fname, nargs, 1, has_final ? 3 : 2)) return nullptr;
  const char* data;
  ssize n;
  if (!get_buffer(args[0], &data, &n)) return nullptr;
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg(fname, 2, args[1], &errs)) return nullptr;
  bool final = final_default;
  if (nargs > 2 && !bool_arg(args[2], &final)) return nullptr;
  ssize consumed = n;
  Object* r = decode_bytes(c, data, n, errs, final, &consumed, nullptr, args[0]);
  return pair(r, consumed);
}

#define DECODER(fn, codec, has_final, final_default)                       \
  Object* codecs_##fn(Object*, Object* const* args, ssize nargs) {         \
    return decode_common(#fn, codec, args, nargs, has_final, final_default); \
  }
DECODER(utf_7_decode, Codec::kUtf7, true, false)
DECODER(utf_8_decode, Codec::kUtf8, true, false)
DECODER(utf_16_decode, Codec::kUtf16, true, false)
DECODER(utf_16_le_decode, Codec::kUtf16Le, true, false)
DECODER(utf_16_be_decode, Codec::kUtf16Be, true, false)
DECODER(utf_32_decode, Codec::kUtf32, true, false)
DECODER(utf_32_le_decode, Codec::kUtf32Le, true, false)
DECODER(utf_32_be_decode, Codec::kUtf32Be, true, false)
DECODER(unicode_escape_decode, Codec::kUnicodeEscape, true, true)
DECODER(raw_unicode_escape_decode, Codec::kRawUnicodeEscape, true, true)
DECODER(latin_1_decode, Codec::kLatin1, false, true)
DECODER(ascii_decode, Codec::kAscii, false, true)
#undef DECODER

// utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /) -> (str, consumed, byteorder)
Object* ex_decode(const char* fname, Codec c, Object* const* args, ssize nargs) {
  if (!check_positional(fname, nargs, 1, 4)) return nullptr;
  const char* data;
  ssize n;
  if (!get_buffer(args[0], &data, &n)) return nullptr;
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg(fname, 2, args[1], &errs)) return nullptr;
  int bo = 0;
  if (nargs > 2 && !int_arg(args[2], &bo)) return nullptr;
  bool final = false;
  if (nargs > 3 && !bool_arg(args[3], &final)) return nullptr;
  Codec use = c;
  if (bo < 0) use = c == Codec::kUtf16 ? Codec::kUtf16Le : Codec::kUtf32Le;
  if (bo > 0) use = c == Codec::kUtf16 ? Codec::kUtf16Be : Codec::kUtf32Be;
  ssize consumed = n;
  Ref<> r = Ref<>::steal(decode_bytes(use, data, n, errs, final, &consumed, &bo, args[0]));
  if (!r) return nullptr;
  Ref<> cn = Ref<>::steal(long_from_ssize(consumed));
  Ref<> b = Ref<>::steal(long_from_long(bo));
  if (!cn || !b) return nullptr;
  return tuple_pack(3, r.get(), cn.get(), b.get());
}
Object* codecs_utf_16_ex_decode(Object*, Object* const* args, ssize nargs) {
  return ex_decode("utf_16_ex_decode", Codec::kUtf16, args, nargs);
}
Object* codecs_utf_32_ex_decode(Object*, Object* const* args, ssize nargs) {
  return ex_decode("utf_32_ex_decode", Codec::kUtf32, args, nargs);
}

// --- encoders -----------------------------------------------------------------------------

Object* encode_common(const char* fname, Codec c, Object* const* args, ssize nargs,
                      bool has_byteorder) {
  if (!check_positional(fname, nargs, 1, has_byteorder ? 3 : 2)) return nullptr;
  if (!str_check(args[0])) {
    bad_argument(fname, "1", "str", args[0]);
    return nullptr;
  }
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg(fname, 2, args[1], &errs)) return nullptr;
  int bo = 0;
  if (nargs > 2 && !int_arg(args[2], &bo)) return nullptr;
  return pair(encode_str(c, args[0], errs, bo), str_length(args[0]));
}

#define ENCODER(fn, codec, has_bo)                                 \
  Object* codecs_##fn(Object*, Object* const* args, ssize nargs) { \
    return encode_common(#fn, codec, args, nargs, has_bo);         \
  }
ENCODER(utf_7_encode, Codec::kUtf7, false)
ENCODER(utf_8_encode, Codec::kUtf8, false)
ENCODER(utf_16_encode, Codec::kUtf16, true)
ENCODER(utf_16_le_encode, Codec::kUtf16Le, false)
ENCODER(utf_16_be_encode, Codec::kUtf16Be, false)
ENCODER(utf_32_encode, Codec::kUtf32, true)
ENCODER(utf_32_le_encode, Codec::kUtf32Le, false)
ENCODER(utf_32_be_encode, Codec::kUtf32Be, false)
ENCODER(unicode_escape_encode, Codec::kUnicodeEscape, false)
ENCODER(raw_unicode_escape_encode, Codec::kRawUnicodeEscape, false)
ENCODER(latin_1_encode, Codec::kLatin1, false)
ENCODER(ascii_encode, Codec::kAscii, false)
#undef ENCODER

// --- charmap ------------------------------------------------------------------------------

// charmap_decode(data, errors=None, mapping=None, /): a str table or any mapping from byte
// values to int / str / None (PyUnicode_DecodeCharmap, charmap_decode_mapping).
Object* codecs_charmap_decode(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("charmap_decode", nargs, 1, 3)) return nullptr;
  const char* data;
  ssize n;
  if (!get_buffer(args[0], &data, &n)) return nullptr;
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg("charmap_decode", 2, args[1], &errs)) return nullptr;
  Object* mapping = nargs > 2 ? args[2] : none();
  if (mapping == none()) return pair(decode_bytes(Codec::kLatin1, data, n, errs, true, nullptr), n);
  std::u32string out;
  ssize pos = 0;
  while (pos < n) {
    unsigned char b = static_cast<unsigned char>(data[pos]);
    bool undefined = false;
    if (str_check(mapping)) {
      if (b < str_length(mapping)) {
        UCS4 ch = str_read_char(mapping, b);
        if (ch == 0xFFFE) undefined = true; else out.push_back(ch);
      } else {
        undefined = true;
      }
    } else {
      Ref<> key = Ref<>::steal(long_from_long(b));
      Ref<> item = Ref<>::steal(object_get_item(mapping, key.get()));
      if (!item) {
        if (!errors::exception_matches(exc_LookupError)) return nullptr;
        errors::clear();
        undefined = true;
      } else if (item.get() == none()) {
        undefined = true;
      } else if (long_check(item.get())) {
        long v = long_as_long(item.get());
        if (v == -1 && errors::occurred()) return nullptr;
        if (v < 0 || v > 0x10FFFF) {
          return errors::format(exc_TypeError, "character mapping must be in range(0x110000)");
        }
        if (v == 0xFFFE) undefined = true; else out.push_back(static_cast<UCS4>(v));
      } else if (str_check(item.get())) {
        ssize l = str_length(item.get());
        if (l == 1 && str_read_char(item.get(), 0) == 0xFFFE) {
          undefined = true;
        } else {
          for (ssize i = 0; i < l; ++i) out.push_back(str_read_char(item.get(), i));
        }
      } else {
        return errors::format(exc_TypeError,
                              "character mapping must return integer, None or str");
      }
    }
    if (!undefined) {
      ++pos;
      continue;
    }
    const char* reason = "character maps to <undefined>";
    if (!errs || std::strcmp(errs, "strict") == 0) {
      set_unicode_decode_error("charmap", data, n, pos, pos + 1, reason);
      return nullptr;
    }
    if (std::strcmp(errs, "ignore") == 0) {
      ++pos;
    } else if (std::strcmp(errs, "replace") == 0) {
      out.push_back(0xFFFD);
      ++pos;
    } else {
      set_unicode_decode_error("charmap", data, n, pos, pos + 1, reason);
      Ref<> exc = Ref<>::steal(errors::get_raised_exception());
      Ref<> h = Ref<>::steal(lookup_error(errs));
      if (!h) return nullptr;
      Ref<> res = Ref<>::steal(object_call_one_arg(h.get(), exc.get()));
      if (!res) return nullptr;
      if (!tuple_check(res.get()) || tuple_size(res.get()) != 2 ||
          !str_check(tuple_item(res.get(), 0)) || !long_check(tuple_item(res.get(), 1))) {
        errors::set_string(exc_TypeError, "decoding error handler must return (str, int) tuple");
        return nullptr;
      }
      Object* rep = tuple_item(res.get(), 0);
      for (ssize i = 0; i < str_length(rep); ++i) out.push_back(str_read_char(rep, i));
      ssize np = long_as_ssize(tuple_item(res.get(), 1));
      if (np < 0) np += n;
      if (np < 0 || np > n)
        return errors::format(exc_IndexError, "position %zd from error handler out of bounds", np);
      pos = np;
    }
  }
  return pair(str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size())), n);
}

// The byte (or bytes) a mapping gives a character: 1 found (appended), 0 undefined, -1 error.
int charmap_encode_one(Object* mapping, UCS4 ch, std::string* out) {
  Ref<> key = Ref<>::steal(long_from_long(static_cast<long>(ch)));
  Ref<> item = Ref<>::steal(object_get_item(mapping, key.get()));
  if (!item) {
    if (!errors::exception_matches(exc_LookupError)) return -1;
    errors::clear();
    return 0;
  }
  if (item.get() == none()) return 0;
  if (long_check(item.get())) {
    long v = long_as_long(item.get());
    if (v == -1 && errors::occurred()) return -1;
    if (v < 0 || v > 255) {
      errors::set_string(exc_TypeError, "character mapping must be in range(256)");
      return -1;
    }
    out->push_back(static_cast<char>(v));
    return 1;
  }
  if (bytes_check(item.get())) {
    out->append(bytes_as_string(item.get()), static_cast<size_t>(bytes_size(item.get())));
    return 1;
  }
  errors::set_string(exc_TypeError, "character mapping must return integer, bytes or None, not str");
  return -1;
}

// charmap_encode(str, errors=None, mapping=None, /).
Object* codecs_charmap_encode(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("charmap_encode", nargs, 1, 3)) return nullptr;
  if (!str_check(args[0])) {
    bad_argument("charmap_encode", "1", "str", args[0]);
    return nullptr;
  }
  Object* s = args[0];
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg("charmap_encode", 2, args[1], &errs)) return nullptr;
  Object* mapping = nargs > 2 ? args[2] : none();
  if (mapping == none()) return pair(encode_str(Codec::kLatin1, s, errs), str_length(s));
  std::string out;
  ssize len = str_length(s);
  ssize pos = 0;
  while (pos < len) {
    int r = charmap_encode_one(mapping, str_read_char(s, pos), &out);
    if (r < 0) return nullptr;
    if (r == 1) {
      ++pos;
      continue;
    }
    // The run of unmappable characters.
    ssize end = pos + 1;
    while (end < len) {
      std::string tmp;
      int r2 = charmap_encode_one(mapping, str_read_char(s, end), &tmp);
      if (r2 < 0) return nullptr;
      if (r2 == 1) break;
      ++end;
    }
    const char* reason = "character maps to <undefined>";
    if (!errs || std::strcmp(errs, "strict") == 0) {
      set_unicode_encode_error("charmap", s, pos, end, reason);
      return nullptr;
    }
    if (std::strcmp(errs, "ignore") == 0) {
      pos = end;
      continue;
    }
    set_unicode_encode_error("charmap", s, pos, end, reason);
    Ref<> exc = Ref<>::steal(errors::get_raised_exception());
    Ref<> rep;
    ssize np = end;
    if (std::strcmp(errs, "replace") == 0) {
      rep = Ref<>::steal(str_from_cstr(std::string(static_cast<size_t>(end - pos), '?').c_str()));
    } else {
      Ref<> h = Ref<>::steal(lookup_error(errs));
      if (!h) return nullptr;
      Ref<> res = Ref<>::steal(object_call_one_arg(h.get(), exc.get()));
      if (!res) return nullptr;
      if (!tuple_check(res.get()) || tuple_size(res.get()) != 2 ||
          !(str_check(tuple_item(res.get(), 0)) || bytes_check(tuple_item(res.get(), 0))) ||
          !long_check(tuple_item(res.get(), 1))) {
        errors::set_string(exc_TypeError,
                           "encoding error handler must return (str/bytes, int) tuple");
        return nullptr;
      }
      rep = Ref<>::borrow(tuple_item(res.get(), 0));
      np = long_as_ssize(tuple_item(res.get(), 1));
      if (np < 0) np += len;
      if (np < 0 || np > len)
        return errors::format(exc_IndexError, "position %zd from error handler out of bounds", np);
    }
    if (bytes_check(rep.get())) {
      out.append(bytes_as_string(rep.get()), static_cast<size_t>(bytes_size(rep.get())));
    } else {
      for (ssize i = 0; i < str_length(rep.get()); ++i) {
        int r2 = charmap_encode_one(mapping, str_read_char(rep.get(), i), &out);
        if (r2 < 0) return nullptr;
        if (r2 == 0) {
          errors::set_raised_exception(exc.release());
          return nullptr;
        }
      }
    }
    pos = np;
  }
  return pair(bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size())), len);
}

// charmap_build(map, /): the inverse of a decoding table (CPython makes an EncodingMap; a
// dict {ord(char): byte} encodes the same).
Object* codecs_charmap_build(Object*, Object* map) {
  if (!str_check(map)) {
    bad_argument("charmap_build", "", "str", map);
    return nullptr;
  }
  Ref<> d = Ref<>::steal(dict_new());
  if (!d) return nullptr;
  for (ssize i = 0; i < str_length(map); ++i) {
    Ref<> k = Ref<>::steal(long_from_long(static_cast<long>(str_read_char(map, i))));
    Ref<> v = Ref<>::steal(long_from_ssize(i));
    if (!k || !v || dict_set_item(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  return d.release();
}

// --- escape codecs ------------------------------------------------------------------------

// escape_decode(data, errors=None, /): bytes escapes (_PyBytes_DecodeEscape).
Object* codecs_escape_decode(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("escape_decode", nargs, 1, 2)) return nullptr;
  const char* data;
  ssize n;
  std::string tmp;
  if (str_check(args[0])) {
    ssize len = 0;
    data = str_as_utf8(args[0], &len);
    if (!data) return nullptr;
    n = len;
  } else if (!get_buffer(args[0], &data, &n)) {
    return nullptr;
  }
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg("escape_decode", 2, args[1], &errs)) return nullptr;
  std::string out;
  for (ssize i = 0; i < n;) {
    char c = data[i++];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i >= n) {
      errors::set_string(exc_ValueError, "Trailing \\ in string");
      return nullptr;
    }
    c = data[i++];
    switch (c) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = c - '0';
        for (int k = 0; k < 2 && i < n && data[i] >= '0' && data[i] <= '7'; ++k)
          v = v * 8 + (data[i++] - '0');
        out.push_back(static_cast<char>(v & 0xFF));
        break;
      }
      case 'x': {
        auto hexv = [](char h) {
          if (h >= '0' && h <= '9') return h - '0';
          if (h >= 'a' && h <= 'f') return h - 'a' + 10;
          if (h >= 'A' && h <= 'F') return h - 'A' + 10;
          return -1;
        };
        if (i + 1 < n && hexv(data[i]) >= 0 && hexv(data[i + 1]) >= 0) {
          out.push_back(static_cast<char>(hexv(data[i]) * 16 + hexv(data[i + 1])));
          i += 2;
          break;
        }
        if (!errs || std::strcmp(errs, "strict") == 0) {
          return errors::format(exc_ValueError, "invalid \\x escape at position %zd", i - 2);
        }
        if (std::strcmp(errs, "replace") == 0) {
          out.push_back('?');
        } else if (std::strcmp(errs, "ignore") != 0) {
          return errors::format(exc_ValueError,
                                "decoding error; unknown error handling code: %.400s", errs);
        }
        while (i < n && hexv(data[i]) >= 0 && (i < n)) {
          ++i;
          break;
        }
        break;
      }
      default:
        out.push_back('\\');
        out.push_back(c);
        break;
    }
  }
  return pair(bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size())), n);
}

// escape_encode(data: bytes, errors=None, /).
Object* codecs_escape_encode(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("escape_encode", nargs, 1, 2)) return nullptr;
  if (!bytes_check(args[0])) {
    bad_argument("escape_encode", "1", "bytes", args[0]);
    return nullptr;
  }
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg("escape_encode", 2, args[1], &errs)) return nullptr;
  Ref<> r = Ref<>::steal(bytes_repr(args[0], false));
  if (!r) return nullptr;
  // repr is b'...': the escapes without the prefix and quotes.
  ssize len = 0;
  const char* p = str_as_utf8(r.get(), &len);
  if (!p) return nullptr;
  return pair(bytes_from_string_and_size(p + 2, len - 3), bytes_size(args[0]));
}

// readbuffer_encode(data, errors=None, /).
Object* codecs_readbuffer_encode(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("readbuffer_encode", nargs, 1, 2)) return nullptr;
  const char* data;
  ssize n;
  if (str_check(args[0])) {
    data = str_as_utf8(args[0], &n);
    if (!data) return nullptr;
  } else if (!get_buffer(args[0], &data, &n)) {
    return nullptr;
  }
  const char* errs = nullptr;
  if (nargs > 1 && !errors_arg("readbuffer_encode", 2, args[1], &errs)) return nullptr;
  return pair(bytes_from_string_and_size(data, n), n);
}

MethodDef codecs_methods[] = {
    {"register", METH_O(codecs_register),
     "register($module, search_function, /)\n--\n\nRegister a codec search function.\n\n"
     "Search functions are expected to take one argument, the encoding name in\nall lower case "
     "letters, and either return None, or a tuple of functions\n(encoder, decoder, stream_reader, "
     "stream_writer) (or a CodecInfo object)."},
    {"unregister", METH_O(codecs_unregister),
     "unregister($module, search_function, /)\n--\n\nUnregister a codec search function and "
     "clear the registry's cache.\n\nIf the search function is not registered, do nothing."},
    {"lookup", METH_O(codecs_lookup),
     "lookup($module, encoding, /)\n--\n\nLooks up a codec tuple in the Python codec registry "
     "and returns a CodecInfo object."},
    {"encode", FASTCALL_KW(codecs_encode), nullptr},
    {"decode", FASTCALL_KW(codecs_decode), nullptr},
    {"escape_encode", FASTCALL(codecs_escape_encode), nullptr},
    {"escape_decode", FASTCALL(codecs_escape_decode), nullptr},
    {"utf_8_encode", FASTCALL(codecs_utf_8_encode), nullptr},
    {"utf_7_encode", FASTCALL(codecs_utf_7_encode), nullptr},
    {"utf_16_encode", FASTCALL(codecs_utf_16_encode), nullptr},
    {"utf_16_le_encode", FASTCALL(codecs_utf_16_le_encode), nullptr},
    {"utf_16_be_encode", FASTCALL(codecs_utf_16_be_encode), nullptr},
    {"utf_32_encode", FASTCALL(codecs_utf_32_encode), nullptr},
    {"utf_32_le_encode", FASTCALL(codecs_utf_32_le_encode), nullptr},
    {"utf_32_be_encode", FASTCALL(codecs_utf_32_be_encode), nullptr},
    {"unicode_escape_encode", FASTCALL(codecs_unicode_escape_encode), nullptr},
    {"raw_unicode_escape_encode", FASTCALL(codecs_raw_unicode_escape_encode), nullptr},
    {"latin_1_encode", FASTCALL(codecs_latin_1_encode), nullptr},
    {"ascii_encode", FASTCALL(codecs_ascii_encode), nullptr},
    {"charmap_encode", FASTCALL(codecs_charmap_encode), nullptr},
    {"charmap_build", METH_O(codecs_charmap_build), nullptr},
    {"readbuffer_encode", FASTCALL(codecs_readbuffer_encode), nullptr},
    {"utf_7_decode", FASTCALL(codecs_utf_7_decode), nullptr},
    {"utf_8_decode", FASTCALL(codecs_utf_8_decode), nullptr},
    {"utf_16_decode", FASTCALL(codecs_utf_16_decode), nullptr},
    {"utf_16_le_decode", FASTCALL(codecs_utf_16_le_decode), nullptr},
    {"utf_16_be_decode", FASTCALL(codecs_utf_16_be_decode), nullptr},
    {"utf_16_ex_decode", FASTCALL(codecs_utf_16_ex_decode), nullptr},
    {"utf_32_decode", FASTCALL(codecs_utf_32_decode), nullptr},
    {"utf_32_le_decode", FASTCALL(codecs_utf_32_le_decode), nullptr},
    {"utf_32_be_decode", FASTCALL(codecs_utf_32_be_decode), nullptr},
    {"utf_32_ex_decode", FASTCALL(codecs_utf_32_ex_decode), nullptr},
    {"unicode_escape_decode", FASTCALL(codecs_unicode_escape_decode), nullptr},
    {"raw_unicode_escape_decode", FASTCALL(codecs_raw_unicode_escape_decode), nullptr},
    {"latin_1_decode", FASTCALL(codecs_latin_1_decode), nullptr},
    {"ascii_decode", FASTCALL(codecs_ascii_decode), nullptr},
    {"charmap_decode", FASTCALL(codecs_charmap_decode), nullptr},
    {"register_error", FASTCALL(codecs_register_error),
     "register_error($module, errors, handler, /)\n--\n\nRegister the specified error handler "
     "under the name errors."},
    {"_unregister_error", METH_O(codecs_unregister_error), nullptr},
    {"lookup_error", METH_O(codecs_lookup_error),
     "lookup_error($module, name, /)\n--\n\nlookup_error(errors) -> handler\n\nReturn the error "
     "handler for the specified error handling name or raise a\nLookupError, if no handler "
     "exists under this name."},
    {nullptr, nullptr, 0, nullptr},
};

ModuleDef codecs_def = {"_codecs", nullptr, codecs_methods, nullptr};

}  // namespace

ModuleDef* module_def() { return &codecs_def; }

}  // namespace cppy::modules::_codecs
