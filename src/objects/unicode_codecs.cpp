// str.encode and str(bytes, encoding, errors) for the codecs built into str
// (Objects/unicodeobject.c: PyUnicode_AsEncodedString, PyUnicode_Decode with their fast paths
// for the standard encodings, unicode_encode_call_errorhandler) and the standard error
// handlers of Python/codecs.c (strict, ignore, replace, backslashreplace, xmlcharrefreplace,
// namereplace, surrogateescape, surrogatepass). The codec cores are src/unicode/codecs.
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/_codecs/codecs.h"
#include "objects/bytearrayobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"
#include "runtime/preconfig.h"
#include "unicode/codecs.h"
#include "unicode/unicodedata.h"

namespace cppy::objects {

namespace {

enum class Codec { kUtf8, kAscii, kLatin1, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be,
                   kUnknown };

// _Py_normalize_encoding plus the aliases PyUnicode_AsEncodedString / PyUnicode_Decode
// recognise without the codec registry (and the common ones of encodings.aliases).
Codec lookup_codec(const char* encoding, const char** canonical) {
  std::string n;
  for (const char* p = encoding; *p; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
    n += c;
  }
  struct Alias {
    const char* name;
    Codec codec;
    const char* canonical;
  };
  static const Alias kAliases[] = {
      {"utf_8", Codec::kUtf8, "utf-8"},        {"utf8", Codec::kUtf8, "utf-8"},
      {"u8", Codec::kUtf8, "utf-8"},           {"utf", Codec::kUtf8, "utf-8"},
      {"cp65001", Codec::kUtf8, "utf-8"},      {"ascii", Codec::kAscii, "ascii"},
      {"us_ascii", Codec::kAscii, "ascii"},    {"646", Codec::kAscii, "ascii"},
      {"latin_1", Codec::kLatin1, "latin-1"},  {"latin1", Codec::kLatin1, "latin-1"},
      {"latin", Codec::kLatin1, "latin-1"},    {"l1", Codec::kLatin1, "latin-1"},
      {"iso_8859_1", Codec::kLatin1, "latin-1"}, {"iso8859_1", Codec::kLatin1, "latin-1"},
      {"8859", Codec::kLatin1, "latin-1"},     {"cp819", Codec::kLatin1, "latin-1"},
      {"utf_16", Codec::kUtf16, "utf-16"},     {"utf16", Codec::kUtf16, "utf-16"},
      {"utf_16_le", Codec::kUtf16Le, "utf-16-le"}, {"utf_16le", Codec::kUtf16Le, "utf-16-le"},
      {"utf_16_be", Codec::kUtf16Be, "utf-16-be"}, {"utf_16be", Codec::kUtf16Be, "utf-16-be"},
      {"utf_32", Codec::kUtf32, "utf-32"},     {"utf32", Codec::kUtf32, "utf-32"},
      {"utf_32_le", Codec::kUtf32Le, "utf-32-le"}, {"utf_32le", Codec::kUtf32Le, "utf-32-le"},
      {"utf_32_be", Codec::kUtf32Be, "utf-32-be"}, {"utf_32be", Codec::kUtf32Be, "utf-32-be"},
  };
  for (const Alias& a : kAliases) {
    if (n == a.name) {
      *canonical = a.canonical;
      return a.codec;
    }
  }
  return Codec::kUnknown;
}

bool is_surrogate(UCS4 ch) { return ch >= 0xD800 && ch <= 0xDFFF; }

void append_hex(std::string* out, UCS4 ch) {
  char buf[16];
  if (ch <= 0xff)
    std::snprintf(buf, sizeof buf, "\\x%02x", ch);
  else if (ch <= 0xffff)
    std::snprintf(buf, sizeof buf, "\\u%04x", ch);
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", ch);
  *out += buf;
}

// The bytes of one code unit of UTF-16/32 in the codec's byte order.
void append_unit(std::string* out, uint32_t v, int width, bool little) {
  for (int i = 0; i < width; i++) {
    int shift = little ? 8 * i : 8 * (width - 1 - i);
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

// PyUnicode_AsEncodedString past its fast paths: the codec registry's text encoder, whose
// result must be bytes (a bytearray is accepted with a RuntimeWarning in CPython; here too,
// copied to bytes).
Object* encode_through_registry(Object* s, const char* encoding, const char* errors) {
  Ref<> v = Ref<>::steal(modules::_codecs::encode_text(s, encoding, errors));
  if (!v) return nullptr;
  if (bytes_check(v.get())) return v.release();
  if (bytearray_check(v.get()))
    return bytes_from_string_and_size(bytearray_as_string(v.get()), bytearray_size(v.get()));
  return errors::format(exc_TypeError,
                        "'%.400s' encoder returned '%.400s' instead of 'bytes'; "
                        "use codecs.encode() to encode to arbitrary types",
                        encoding, v->type->name);
}

// PyUnicode_Decode past its fast paths: the registry's text decoder, which must return str.
// CPython hands the codec a memoryview of the buffer; here other buffers than bytes are
// copied to bytes (the _codecs functions take bytes).
Object* decode_through_registry(Object* obj, const char* data, ssize n, const char* encoding,
                                const char* errors) {
  Ref<> input = bytes_check(obj) ? Ref<>::borrow(obj)
                                 : Ref<>::steal(bytes_from_string_and_size(data, n));
  if (!input) return nullptr;
  Ref<> v = Ref<>::steal(modules::_codecs::decode_text(input.get(), encoding, errors));
  if (!v) return nullptr;
  if (!str_check(v.get())) {
    return errors::format(exc_TypeError,
                          "'%.400s' decoder returned '%.400s' instead of 'str'; "
                          "use codecs.decode() to decode to arbitrary types",
                          encoding, v->type->name);
  }
  return v.release();
}

}  // namespace

namespace {

// A handler registered with codecs.register_error (not one of the built-in names): the codec
// registry's codecs call it with the exception object, as unicode_encode_call_errorhandler.
// An unknown name stays on the native path, which raises LookupError only if an error occurs.
bool registered_error_handler(const char* errors) {
  if (!errors || is_known_error_handler(errors)) return false;
  Object* handler = modules::_codecs::lookup_error(errors);
  if (!handler) {
    errors::clear();
    return false;
  }
  decref(handler);
  return true;
}

// unicode_check_encoding_errors: in development mode (-X dev) a bad encoding or error handler
// name is reported even when nothing needs encoding or an error handler (empty input, the
// fast paths). -1 with LookupError.
int check_encoding_errors(const char* encoding, const char* errors) {
  if (!encoding && !errors) return 0;
  if (!runtime::dev_mode()) return 0;
  if (encoding && std::strcmp(encoding, "utf-8") != 0) {
    Object* codec = modules::_codecs::lookup(encoding);
    if (!codec) return -1;
    decref(codec);
  }
  if (errors && std::strcmp(errors, "strict") != 0 && std::strcmp(errors, "ignore") != 0 &&
      std::strcmp(errors, "replace") != 0 && std::strcmp(errors, "surrogateescape") != 0 &&
      std::strcmp(errors, "surrogatepass") != 0) {
    Object* handler = modules::_codecs::lookup_error(errors);
    if (!handler) return -1;
    decref(handler);
  }
  return 0;
}

}  // namespace

// PyUnicode_AsEncodedString for the built-in codecs.
Object* str_encode(Object* s, const char* encoding, const char* errors) {
  if (check_encoding_errors(encoding, errors) < 0) return nullptr;
  const char* name = nullptr;
  Codec codec = lookup_codec(encoding, &name);
  // Error handlers registered with codecs.register_error run through the codec registry
  // (whose codecs call them with the exception object, as unicode_encode_call_errorhandler).
  if (codec == Codec::kUnknown || registered_error_handler(errors)) {
    return encode_through_registry(s, encoding, errors);
  }
  unicode::Units in = str_units(s);
  std::string out;
  bool little = true;
  int width = 1;
  switch (codec) {
    case Codec::kUtf16:
      out += "\xff\xfe";  // native (little-endian) order with a byte order mark
      [[fallthrough]];
    case Codec::kUtf16Le: width = 2; break;
    case Codec::kUtf16Be: width = 2; little = false; break;
    case Codec::kUtf32:
      out += std::string("\xff\xfe\x00\x00", 4);
      [[fallthrough]];
    case Codec::kUtf32Le: width = 4; break;
    case Codec::kUtf32Be: width = 4; little = false; break;
    default: break;
  }
  ptrdiff_t pos = 0;
  for (;;) {
    unicode::CodecError err;
    unicode::CodecStatus st;
    switch (codec) {
      case Codec::kUtf8: st = unicode::utf8_encode(in, &pos, &out, &err); break;
      case Codec::kAscii: st = unicode::ascii_encode(in, &pos, &out, &err); break;
      case Codec::kLatin1: st = unicode::latin1_encode(in, &pos, &out, &err); break;
      case Codec::kUtf16:
      case Codec::kUtf16Le:
      case Codec::kUtf16Be: st = unicode::utf16_encode(in, &pos, &out, &err, little); break;
      default: st = unicode::utf32_encode(in, &pos, &out, &err, little); break;
    }
    if (st == unicode::CodecStatus::Ok) break;
    ssize start = err.start, end = err.end;
    // The standard error handlers (Python/codecs.c PyCodec_*Errors).
    if (!errors || std::strcmp(errors, "strict") == 0) {
      set_unicode_encode_error(name, s, start, end, err.reason);
      return nullptr;
    }
    // UTF-16 and UTF-32 encode a handler's text replacement as code units and accept a bytes
    // replacement only in whole units (_PyUnicode_EncodeUTF16/32): the registry's codec
    // does that, for every handler.
    if (width > 1) return encode_through_registry(s, encoding, errors);
    if (std::strcmp(errors, "ignore") == 0) {
    } else if (std::strcmp(errors, "replace") == 0) {
      out.append(static_cast<size_t>(end - start), '?');
    } else if (std::strcmp(errors, "backslashreplace") == 0) {
      for (ssize i = start; i < end; i++) append_hex(&out, str_read_char(s, i));
    } else if (std::strcmp(errors, "xmlcharrefreplace") == 0) {
      for (ssize i = start; i < end; i++)
        out += "&#" + std::to_string(str_read_char(s, i)) + ";";
    } else if (std::strcmp(errors, "namereplace") == 0) {
      for (ssize i = start; i < end; i++) {
        UCS4 ch = str_read_char(s, i);
        std::string nm;
        if (unicode::get_name(ch, &nm))
          out += "\\N{" + nm + "}";
        else
          append_hex(&out, ch);
      }
    } else if (std::strcmp(errors, "surrogateescape") == 0) {
      for (ssize i = start; i < end; i++) {
        UCS4 ch = str_read_char(s, i);
        if (ch < 0xDC80 || ch > 0xDCFF) {
          set_unicode_encode_error(name, s, start, end, err.reason);
          return nullptr;
        }
        out.push_back(static_cast<char>(ch - 0xDC00));
      }
    } else if (std::strcmp(errors, "surrogatepass") == 0 && codec != Codec::kAscii &&
               codec != Codec::kLatin1) {
      for (ssize i = start; i < end; i++) {
        UCS4 ch = str_read_char(s, i);
        if (!is_surrogate(ch)) {
          set_unicode_encode_error(name, s, start, end, err.reason);
          return nullptr;
        }
        if (codec == Codec::kUtf8) {
          out.push_back(static_cast<char>(0xe0 | (ch >> 12)));
          out.push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3f)));
          out.push_back(static_cast<char>(0x80 | (ch & 0x3f)));
        } else {
          append_unit(&out, ch, width, little);
        }
      }
    } else if (is_known_error_handler(errors)) {
      // surrogatepass on a codec without surrogates: the handler re-raises the error.
      set_unicode_encode_error(name, s, start, end, err.reason);
      return nullptr;
    } else {
      return errors::format(exc_LookupError, "unknown error handler name '%.400s'", errors);
    }
    pos = end;
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

namespace {

Object* decode_bytes_through_registry(const char* data, ssize n, const char* encoding,
                                      const char* errors) {
  Ref<> input = Ref<>::steal(bytes_from_string_and_size(data, n));
  if (!input) return nullptr;
  return decode_through_registry(input.get(), data, n, encoding, errors);
}

// Decodes with a core that appends code points, applying the decode error handlers.
// registry_encoding: the codec name the registry decodes with when a handler needs it (the
// caller's, so that UTF-16/32 detect their byte order mark again).
template <typename Decode>
Object* decode_with(const char* name, const char* data, ssize n, const char* errors,
                    Decode decode, const char* registry_encoding) {
  std::u32string out;
  ptrdiff_t pos = 0;
  for (;;) {
    unicode::CodecError err;
    unicode::CodecStatus st = decode(&pos, &out, &err);
    if (st == unicode::CodecStatus::Ok) break;
    ssize start = err.start, end = err.end;
    if (!errors || std::strcmp(errors, "strict") == 0) {
      set_unicode_decode_error(name, data, n, start, end, err.reason);
      return nullptr;
    }
    if (std::strcmp(errors, "ignore") == 0) {
    } else if (std::strcmp(errors, "replace") == 0) {
      out.push_back(0xFFFD);
    } else if (std::strcmp(errors, "backslashreplace") == 0) {
      for (ssize i = start; i < end; i++) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(data[i]));
        for (const char* p = buf; *p; p++) out.push_back(static_cast<unsigned char>(*p));
      }
    } else if (std::strcmp(errors, "surrogateescape") == 0) {
      // PyCodec_SurrogateEscapeErrors: the bytes up to the first ASCII one are escaped and
      // decoding resumes there; the error stands only when the first byte is ASCII.
      ssize i = start;
      for (; i < end; i++) {
        unsigned char b = static_cast<unsigned char>(data[i]);
        if (b < 128) break;
        out.push_back(0xDC00 + b);
      }
      if (i == start) {
        set_unicode_decode_error(name, data, n, start, end, err.reason);
        return nullptr;
      }
      end = i;
    } else if (is_known_error_handler(errors)) {
      // surrogatepass, and the handlers that refuse decoding errors: the registry's codec
      // calls the handler with the exception (unicode_decode_call_errorhandler).
      return decode_bytes_through_registry(data, n, registry_encoding, errors);
    } else {
      return errors::format(exc_LookupError, "unknown error handler name '%.400s'", errors);
    }
    pos = end;
  }
  return str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size()));
}

}  // namespace

// PyUnicode_FromEncodedObject: bytes or any other buffer (bytearray, memoryview...).
Object* str_decode_object(Object* obj, const char* encoding, const char* errors) {
  if (str_check(obj)) {
    errors::set_string(exc_TypeError, "decoding str is not supported");
    return nullptr;
  }
  BufferHolder held;
  if (!bytes_check(obj)) {
    if (!object_check_buffer(obj)) {
      return errors::format(exc_TypeError,
                            "decoding to str: need a bytes-like object, %.80s found",
                            obj->type->name);
    }
    if (held.get(obj) < 0) return nullptr;
  }
  const char* data = held.held() ? held.data() : bytes_as_string(obj);
  ssize n = held.held() ? held.size() : bytes_size(obj);
  if (check_encoding_errors(encoding, errors) < 0) return nullptr;
  const char* name = nullptr;
  Codec codec = lookup_codec(encoding, &name);
  if (registered_error_handler(errors)) codec = Codec::kUnknown;
  switch (codec) {
    case Codec::kUnknown: return decode_through_registry(obj, data, n, encoding, errors);
    case Codec::kUtf8: return str_decode_utf8(data, n, errors);
    case Codec::kLatin1: {
      std::u32string out;
      unicode::latin1_decode(data, n, &out);
      return str_from_kind_and_data(4, out.data(), static_cast<ssize>(out.size()));
    }
    case Codec::kAscii:
      return decode_with(name, data, n, errors, [&](ptrdiff_t* pos, std::u32string* out,
                                                    unicode::CodecError* err) {
        return unicode::ascii_decode(data, n, pos, out, err);
      }, encoding);
    case Codec::kUtf16:
    case Codec::kUtf16Le:
    case Codec::kUtf16Be: {
      bool little = codec != Codec::kUtf16Be;
      ptrdiff_t skip = 0;
      if (codec == Codec::kUtf16) {
        int bo = unicode::utf16_detect_bom(data, n, &skip);
        little = bo >= 0 ? bo != 1 : true;
        if (bo == 0) skip = 0;
        // PyUnicode_DecodeUTF16Stateful names the byte order it decodes in its errors.
        name = little ? "utf-16-le" : "utf-16-be";
      }
      return decode_with(name, data, n, errors, [&, skip](ptrdiff_t* pos, std::u32string* out,
                                                          unicode::CodecError* err) {
        if (*pos < skip) *pos = skip;
        return unicode::utf16_decode(data, n, pos, out, err, little);
      }, encoding);
    }
    default: {
      bool little = codec != Codec::kUtf32Be;
      ptrdiff_t skip = 0;
      if (codec == Codec::kUtf32) {
        int bo = unicode::utf32_detect_bom(data, n, &skip);
        little = bo >= 0 ? bo != 1 : true;
        if (bo == 0) skip = 0;
        name = little ? "utf-32-le" : "utf-32-be";
      }
      return decode_with(name, data, n, errors, [&, skip](ptrdiff_t* pos, std::u32string* out,
                                                          unicode::CodecError* err) {
        if (*pos < skip) *pos = skip;
        return unicode::utf32_decode(data, n, pos, out, err, little);
      }, encoding);
    }
  }
}

}  // namespace cppy::objects
