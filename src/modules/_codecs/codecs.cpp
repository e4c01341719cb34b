// The codec registry and error handlers: Python/codecs.c (_PyCodec_Lookup, PyCodec_Register,
// PyCodec_Encode/Decode, _PyCodec_LookupTextEncoding, PyCodec_RegisterError/LookupError and
// the standard handlers PyCodec_StrictErrors ... PyCodec_SurrogateEscapeErrors), and the
// error-handler loops of Objects/unicodeobject.c around the codec cores (src/unicode/codecs).
#include "modules/_codecs/codecs.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "modules/moduledef.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "unicode/codecs.h"
#include "unicode/unicodedata.h"

namespace cppy::modules::_codecs {

using namespace objects;

namespace {

// interp->codecs.
Object* g_search_path = nullptr;   // list of search functions
Object* g_search_cache = nullptr;  // normalized name -> CodecInfo
Object* g_error_registry = nullptr;
bool g_encodings_imported = false;
bool g_importing_encodings = false;

const char* const kBuiltinHandlers[] = {"strict", "ignore", "replace", "xmlcharrefreplace",
                                        "backslashreplace", "namereplace", "surrogatepass",
                                        "surrogateescape"};

Object* h_strict(Object*, Object* exc) { return strict_errors(exc); }
Object* h_ignore(Object*, Object* exc) { return ignore_errors(exc); }
Object* h_replace(Object*, Object* exc) { return replace_errors(exc); }
Object* h_xml(Object*, Object* exc) { return xmlcharrefreplace_errors(exc); }
Object* h_backslash(Object*, Object* exc) { return backslashreplace_errors(exc); }
Object* h_name(Object*, Object* exc) { return namereplace_errors(exc); }
Object* h_surrogatepass(Object*, Object* exc) { return surrogatepass_errors(exc); }
Object* h_surrogateescape(Object*, Object* exc) { return surrogateescape_errors(exc); }

// The method definitions of _PyCodec_InitRegistry (their names are the functions' __name__).
MethodDef g_handler_defs[] = {
    {"strict_errors", reinterpret_cast<void*>(h_strict), kMethO,
     "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", reinterpret_cast<void*>(h_ignore), kMethO,
     "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", reinterpret_cast<void*>(h_replace), kMethO,
     "Implements the 'replace' error handling, which replaces malformed data with a "
     "replacement marker."},
    {"xmlcharrefreplace_errors", reinterpret_cast<void*>(h_xml), kMethO,
     "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable "
     "character with the appropriate XML character reference."},
    {"backslashreplace_errors", reinterpret_cast<void*>(h_backslash), kMethO,
     "Implements the 'backslashreplace' error handling, which replaces malformed data with a "
     "backslashed escape sequence."},
    {"namereplace_errors", reinterpret_cast<void*>(h_name), kMethO,
     "Implements the 'namereplace' error handling, which replaces an unencodable character "
     "with a \\N{...} escape sequence."},
    {"surrogatepass", reinterpret_cast<void*>(h_surrogatepass), kMethO, nullptr},
    {"surrogateescape", reinterpret_cast<void*>(h_surrogateescape), kMethO, nullptr},
};

// _PyCodec_InitRegistry without the import of encodings (done lazily by import_encodings).
bool init_registry() {
  if (g_error_registry) return true;
  Ref<> path = Ref<>::steal(list_new(0));
  Ref<> cache = Ref<>::steal(dict_new());
  Ref<> reg = Ref<>::steal(dict_new());
  if (!path || !cache || !reg) return false;
  for (size_t i = 0; i < sizeof kBuiltinHandlers / sizeof *kBuiltinHandlers; ++i) {
    Ref<> f = Ref<>::steal(cfunction_new(&g_handler_defs[i], nullptr));
    if (!f || dict_set_item_string(reg.get(), kBuiltinHandlers[i], f.get()) < 0) return false;
  }
  g_search_path = path.release();
  g_search_cache = cache.release();
  g_error_registry = reg.release();
  return true;
}

// The first lookups import `encodings`, which registers its search function. Before the
// import system can do that the failure is not fatal: lookups then only see what was
// registered by hand, and the import is tried again next time.
void import_encodings() {
  if (g_encodings_imported || g_importing_encodings) return;
  Object* b = builtins::builtins_module();
  if (!b) return;
  g_importing_encodings = true;
  Ref<> imp = Ref<>::steal(object_getattr_string(b, "__import__"));
  Ref<> r;
  if (imp) {
    Ref<> name = Ref<>::steal(str_from_cstr("encodings"));
    if (name) r = Ref<>::steal(object_call_one_arg(imp.get(), name.get()));
  }
  g_importing_encodings = false;
  if (r) {
    g_encodings_imported = true;
  } else {
    errors::clear();
  }
}

}  // namespace

std::string normalize_encoding(const char* encoding) {
  std::string out;
  bool punct = false;
  for (const char* e = encoding; *e; ++e) {
    char c = *e;
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum || c == '.') {
      if (punct && !out.empty()) out += '_';
      punct = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      punct = true;
    }
  }
  return out;
}

int register_search_function(Object* search_function) {
  if (!init_registry()) return -1;
  if (!callable_check(search_function)) {
    errors::set_string(exc_TypeError, "argument must be callable");
    return -1;
  }
  return list_append(g_search_path, search_function);
}

// PyCodec_Unregister: removes the function and clears the cache.
int unregister_search_function(Object* search_function) {
  if (!init_registry()) return -1;
  for (ssize i = 0; i < list_size(g_search_path); ++i) {
    if (list_item(g_search_path, i) == search_function) {
      dict_clear(g_search_cache);
      return list_set_slice(g_search_path, i, i + 1, nullptr);
    }
  }
  return 0;
}

// _PyCodec_Lookup.
Object* lookup(const char* encoding) {
  if (!init_registry()) return nullptr;
  import_encodings();
  std::string norm = normalize_encoding(encoding);
  Ref<> v = Ref<>::steal(str_from_utf8(norm.data(), static_cast<ssize>(norm.size())));
  if (!v) return nullptr;
  Object* v_raw = v.release();
  str_intern_in_place(&v_raw);
  v = Ref<>::steal(v_raw);
  Object* hit = nullptr;
  if (dict_get_item_ref(g_search_cache, v.get(), &hit) < 0) return nullptr;
  if (hit) return hit;
  Ref<> result;
  // The list may change while a search function runs: index it afresh each time.
  for (ssize i = 0; i < list_size(g_search_path); ++i) {
    Ref<> func = Ref<>::borrow(list_item(g_search_path, i));
    result = Ref<>::steal(object_call_one_arg(func.get(), v.get()));
    if (!result) return nullptr;
    if (result.get() == none()) {
      result.reset();
      continue;
    }
    if (!tuple_check(result.get()) || tuple_size(result.get()) != 4) {
      errors::set_string(exc_TypeError, "codec search functions must return 4-tuples");
      return nullptr;
    }
    break;
  }
  if (!result) return errors::format(exc_LookupError, "unknown encoding: %s", encoding);
  if (dict_set_item(g_search_cache, v.get(), result.get()) < 0) return nullptr;
  return result.release();
}

// _PyCodec_Forget.
int forget(const char* encoding) {
  if (!init_registry()) return -1;
  std::string norm = normalize_encoding(encoding);
  Ref<> v = Ref<>::steal(str_from_utf8(norm.data(), static_cast<ssize>(norm.size())));
  if (!v) return -1;
  Object* popped = nullptr;
  if (dict_pop(g_search_cache, v.get(), &popped) < 0) return -1;
  xdecref(popped);
  return 0;
}

Object* lookup_text_encoding(const char* encoding, const char* alternate_command) {
  Ref<> codec = Ref<>::steal(lookup(encoding));
  if (!codec) return nullptr;
  if (!tuple_check_exact(codec.get())) {
    Ref<> name = Ref<>::steal(str_from_cstr("_is_text_encoding"));
    Object* attr = nullptr;
    if (object_get_optional_attr(codec.get(), name.get(), &attr) < 0) return nullptr;
    if (attr) {
      int is_text = object_is_true(attr);
      decref(attr);
      if (is_text < 0) return nullptr;
      if (!is_text) {
        if (alternate_command)
          return errors::format(exc_LookupError,
                                "'%.400s' is not a text encoding; use %s to handle arbitrary "
                                "codecs",
                                encoding, alternate_command);
        return errors::format(exc_LookupError, "'%.400s' is not a text encoding", encoding);
      }
    }
  }
  return codec.release();
}

namespace {

Object* args_tuple(Object* object, const char* errors) {
  if (!errors) return tuple_pack(1, object);
  Ref<> e = Ref<>::steal(str_from_cstr(errors));
  if (!e) return nullptr;
  return tuple_pack(2, object, e.get());
}

// _PyErr_FormatNote: a note on the current exception ("encoding with 'x' codec failed").
void add_note(const char* fmt, const char* what, const char* encoding) {
  Object* exc = errors::get_raised_exception();
  if (!exc) return;
  Ref<> note = Ref<>::steal(str_from_format(fmt, what, encoding));
  if (note) {
    Ref<> r = Ref<>::steal(call_method_obj_args(exc, Ref<>::steal(str_from_cstr("add_note")).get(),
                                                note.get(), nullptr));
    if (!r) errors::clear();
  } else {
    errors::clear();
  }
  errors::set_raised_exception(exc);
}

// _PyCodec_EncodeInternal / _PyCodec_DecodeInternal.
Object* call_codec(Object* object, Object* codec, const char* encoding, const char* errors,
                   bool encoding_direction) {
  Ref<> args = Ref<>::steal(args_tuple(object, errors));
  if (!args) return nullptr;
  Ref<> result = Ref<>::steal(object_call(codec, args.get(), nullptr));
  if (!result) {
    add_note("%s with '%s' codec failed", encoding_direction ? "encoding" : "decoding", encoding);
    return nullptr;
  }
  if (!tuple_check(result.get()) || tuple_size(result.get()) != 2) {
    errors::set_string(exc_TypeError, encoding_direction
                                          ? "encoder must return a tuple (object, integer)"
                                          : "decoder must return a tuple (object,integer)");
    return nullptr;
  }
  return new_ref(tuple_item(result.get(), 0));
}

Object* codec_item(Object* info, int index) { return new_ref(tuple_item(info, index)); }

}  // namespace

Object* encode(Object* object, const char* encoding, const char* errors) {
  Ref<> info = Ref<>::steal(lookup(encoding));
  if (!info) return nullptr;
  Ref<> enc = Ref<>::steal(codec_item(info.get(), 0));
  return call_codec(object, enc.get(), encoding, errors, true);
}
Object* decode(Object* object, const char* encoding, const char* errors) {
  Ref<> info = Ref<>::steal(lookup(encoding));
  if (!info) return nullptr;
  Ref<> dec = Ref<>::steal(codec_item(info.get(), 1));
  return call_codec(object, dec.get(), encoding, errors, false);
}
Object* encode_text(Object* object, const char* encoding, const char* errors) {
  Ref<> info = Ref<>::steal(lookup_text_encoding(encoding, "codecs.encode()"));
  if (!info) return nullptr;
  Ref<> enc = Ref<>::steal(codec_item(info.get(), 0));
  return call_codec(object, enc.get(), encoding, errors, true);
}
Object* decode_text(Object* object, const char* encoding, const char* errors) {
  Ref<> info = Ref<>::steal(lookup_text_encoding(encoding, "codecs.decode()"));
  if (!info) return nullptr;
  Ref<> dec = Ref<>::steal(codec_item(info.get(), 1));
  return call_codec(object, dec.get(), encoding, errors, false);
}

namespace {
Object* make_incremental(Object* info, const char* errors, const char* attr) {
  Ref<> f = Ref<>::steal(object_getattr_string(info, attr));
  if (!f) return nullptr;
  if (!errors) return object_call_no_args(f.get());
  Ref<> e = Ref<>::steal(str_from_cstr(errors));
  if (!e) return nullptr;
  return object_call_one_arg(f.get(), e.get());
}
}  // namespace

Object* incremental_decoder(Object* info, const char* errors) {
  return make_incremental(info, errors, "incrementaldecoder");
}
Object* incremental_encoder(Object* info, const char* errors) {
  return make_incremental(info, errors, "incrementalencoder");
}

int register_error(const char* name, Object* handler) {
  if (!init_registry()) return -1;
  if (!callable_check(handler)) {
    errors::set_string(exc_TypeError, "handler must be callable");
    return -1;
  }
  return dict_set_item_string(g_error_registry, name, handler);
}

Object* lookup_error(const char* name) {
  if (!init_registry()) return nullptr;
  if (!name) name = "strict";
  Object* h = dict_get_item_string(g_error_registry, name);
  if (!h) {
    if (errors::occurred()) return nullptr;
    return errors::format(exc_LookupError, "unknown error handler name '%.400s'", name);
  }
  return new_ref(h);
}

int unregister_error(const char* name) {
  for (const char* b : kBuiltinHandlers) {
    if (std::strcmp(name, b) == 0) {
      errors::format(exc_ValueError, "cannot un-register built-in error handler '%s'", name);
      return -1;
    }
  }
  if (!init_registry()) return -1;
  Ref<> key = Ref<>::steal(str_from_cstr(name));
  if (!key) return -1;
  Object* popped = nullptr;
  int r = dict_pop(g_error_registry, key.get(), &popped);
  xdecref(popped);
  return r;
}

// --- the standard error handlers ------------------------------------------------------------

namespace {

enum class ExcKind { kEncode, kDecode, kTranslate, kOther };

ExcKind exc_kind(Object* exc) {
  if (type_check(exc, exc_UnicodeEncodeError)) return ExcKind::kEncode;
  if (type_check(exc, exc_UnicodeDecodeError)) return ExcKind::kDecode;
  if (type_check(exc, exc_UnicodeTranslateError)) return ExcKind::kTranslate;
  return ExcKind::kOther;
}

std::nullptr_t wrong_exception_type(Object* exc) {
  return errors::format(exc_TypeError, "don't know how to handle %T in error callback", exc);
}

// The object (borrowed), start and end of a UnicodeError as the C API's getters clamp them
// (_PyUnicodeError_GetParams); false with TypeError when the object has the wrong type.
bool exc_range(Object* exc, ExcKind kind, Object** obj, ssize* start, ssize* end) {
  return unicode_error_get_params(exc, obj, nullptr, start, end, nullptr,
                                  kind == ExcKind::kDecode) == 0;
}

Object* result_pair(Object* replacement, ssize pos) {
  if (!replacement) return nullptr;
  Ref<> r = Ref<>::steal(replacement);
  Ref<> p = Ref<>::steal(long_from_ssize(pos));
  if (!p) return nullptr;
  return tuple_pack(2, r.get(), p.get());
}

void append_hex(std::u32string* out, UCS4 ch) {
  char buf[16];
  if (ch <= 0xff)
    std::snprintf(buf, sizeof buf, "\\x%02x", ch);
  else if (ch <= 0xffff)
    std::snprintf(buf, sizeof buf, "\\u%04x", ch);
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", ch);
  for (const char* p = buf; *p; ++p) out->push_back(static_cast<unsigned char>(*p));
}

Object* u32(const std::u32string& s) {
  return str_from_kind_and_data(4, s.data(), static_cast<ssize>(s.size()));
}

// get_standard_encoding_impl: the UTF flavour named by the exception's encoding, for
// surrogatepass: 8, 16 or 32 units, 0 unknown, -1 with TypeError when the encoding is no str.
// *little for utf-16/32 (native order, little-endian here, when not given).
int standard_encoding(Object* exc, bool decode, bool* little, int* bytelength) {
  Ref<> encoding = Ref<>::steal(unicode_error_get_encoding(exc, decode ? 'd' : 'e'));
  if (!encoding) return -1;
  const char* enc = str_as_utf8(encoding.get());
  if (!enc) return -1;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  *little = true;
  if (std::strcmp(enc, "CP_UTF8") == 0) {
    *bytelength = 3;
    return 8;
  }
  if (lower(enc[0]) != 'u' || lower(enc[1]) != 't' || lower(enc[2]) != 'f') return 0;
  const char* p = enc + 3;
  if (*p == '-' || *p == '_') ++p;
  if (p[0] == '8' && p[1] == '\0') {
    *bytelength = 3;
    return 8;
  }
  int bits;
  if (p[0] == '1' && p[1] == '6') {
    bits = 16;
  } else if (p[0] == '3' && p[1] == '2') {
    bits = 32;
  } else {
    return 0;
  }
  p += 2;
  *bytelength = bits / 8;
  if (*p == '\0') return bits;
  if (*p == '-' || *p == '_') ++p;
  if (p[0] && lower(p[1]) == 'e' && p[2] == '\0') {
    if (lower(p[0]) == 'b') {
      *little = false;
      return bits;
    }
    if (lower(p[0]) == 'l') return bits;
  }
  return 0;
}

}  // namespace

// PyCodec_StrictErrors.
Object* strict_errors(Object* exc) {
  if (exception_check(exc)) {
    errors::set_object(exc->type, exc);
  } else {
    errors::set_string(exc_TypeError, "codec must pass exception instance");
  }
  return nullptr;
}

// PyCodec_IgnoreErrors.
Object* ignore_errors(Object* exc) {
  ExcKind k = exc_kind(exc);
  if (k == ExcKind::kOther) return wrong_exception_type(exc);
  ssize end = static_cast<UnicodeErrorObject*>(exc)->end;
  Object* o = nullptr;
  ssize s = 0;
  if (!exc_range(exc, k, &o, &s, &end)) return nullptr;
  return result_pair(new_ref(str_empty()), end);
}

// PyCodec_ReplaceErrors.
Object* replace_errors(Object* exc) {
  ExcKind k = exc_kind(exc);
  if (k == ExcKind::kOther) return wrong_exception_type(exc);
  Object* o;
  ssize start, end;
  if (!exc_range(exc, k, &o, &start, &end)) return nullptr;
  if (k == ExcKind::kDecode) return result_pair(str_from_char(0xFFFD), end);
  std::u32string s(static_cast<size_t>(end > start ? end - start : 0),
                   k == ExcKind::kEncode ? U'?' : U'\uFFFD');
  return result_pair(u32(s), end);
}

// PyCodec_XMLCharRefReplaceErrors.
Object* xmlcharrefreplace_errors(Object* exc) {
  if (exc_kind(exc) != ExcKind::kEncode) return wrong_exception_type(exc);
  Object* o;
  ssize start, end;
  if (!exc_range(exc, ExcKind::kEncode, &o, &start, &end)) return nullptr;
  std::u32string s;
  for (ssize i = start; i < end; ++i) {
    std::string r = "&#" + std::to_string(str_read_char(o, i)) + ";";
    for (char c : r) s.push_back(static_cast<unsigned char>(c));
  }
  return result_pair(u32(s), end);
}

// PyCodec_BackslashReplaceErrors.
Object* backslashreplace_errors(Object* exc) {
  ExcKind k = exc_kind(exc);
  if (k == ExcKind::kOther) return wrong_exception_type(exc);
  Object* o;
  ssize start, end;
  if (!exc_range(exc, k, &o, &start, &end)) return nullptr;
  std::u32string s;
  for (ssize i = start; i < end; ++i) {
    if (k == ExcKind::kDecode)
      append_hex(&s, static_cast<unsigned char>(bytes_as_string(o)[i]));
    else
      append_hex(&s, str_read_char(o, i));
  }
  return result_pair(u32(s), end);
}

// PyCodec_NameReplaceErrors.
Object* namereplace_errors(Object* exc) {
  if (exc_kind(exc) != ExcKind::kEncode) return wrong_exception_type(exc);
  Object* o;
  ssize start, end;
  if (!exc_range(exc, ExcKind::kEncode, &o, &start, &end)) return nullptr;
  std::u32string s;
  for (ssize i = start; i < end; ++i) {
    UCS4 ch = str_read_char(o, i);
    std::string name;
    if (unicode::get_name(ch, &name)) {
      std::string r = "\\N{" + name + "}";
      for (char c : r) s.push_back(static_cast<unsigned char>(c));
    } else {
      append_hex(&s, ch);
    }
  }
  return result_pair(u32(s), end);
}

// PyCodec_SurrogatePassErrors.
Object* surrogatepass_errors(Object* exc) {
  ExcKind k = exc_kind(exc);
  if (k != ExcKind::kEncode && k != ExcKind::kDecode) return wrong_exception_type(exc);
  // The encoding is looked at before the object: an unknown one re-raises the exception.
  bool little = true;
  int bytelength = 0;
  int code = standard_encoding(exc, k == ExcKind::kDecode, &little, &bytelength);
  if (code < 0) return nullptr;
  if (code == 0) {
    errors::set_object(exc->type, exc);
    return nullptr;
  }
  Object* o;
  ssize start, end;
  if (!exc_range(exc, k, &o, &start, &end)) return nullptr;
  if (k == ExcKind::kEncode) {
    std::string out;
    for (ssize i = start; i < end; ++i) {
      UCS4 ch = str_read_char(o, i);
      if (ch < 0xD800 || ch > 0xDFFF) {
        errors::set_object(exc->type, exc);
        return nullptr;
      }
      if (code == 8) {
        out.push_back(static_cast<char>(0xE0 | (ch >> 12)));
        out.push_back(static_cast<char>(0x80 | ((ch >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (ch & 0x3F)));
      } else {
        for (int b = 0; b < bytelength; ++b) {
          int shift = little ? 8 * b : 8 * (bytelength - 1 - b);
          out.push_back(static_cast<char>((ch >> shift) & 0xFF));
        }
      }
    }
    return result_pair(bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size())),
                       end);
  }
  // Decoding: one surrogate encoded at start.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes_as_string(o));
  ssize len = bytes_size(o);
  UCS4 ch = 0;
  if (len - start >= bytelength) {
    if (code == 8) {
      if ((p[start] & 0xF0) == 0xE0 && (p[start + 1] & 0xC0) == 0x80 &&
          (p[start + 2] & 0xC0) == 0x80) {
        ch = ((p[start] & 0x0F) << 12) + ((p[start + 1] & 0x3F) << 6) + (p[start + 2] & 0x3F);
      }
    } else if (code == 16) {
      ch = little ? (p[start + 1] << 8) | p[start] : (p[start] << 8) | p[start + 1];
    } else {
      ch = little ? (UCS4(p[start + 3]) << 24) | (p[start + 2] << 16) | (p[start + 1] << 8) |
                        p[start]
                  : (UCS4(p[start]) << 24) | (p[start + 1] << 16) | (p[start + 2] << 8) |
                        p[start + 3];
    }
  }
  if (ch < 0xD800 || ch > 0xDFFF) {
    errors::set_object(exc->type, exc);
    return nullptr;
  }
  return result_pair(str_from_char(ch), start + bytelength);
}

// PyCodec_SurrogateEscapeErrors.
Object* surrogateescape_errors(Object* exc) {
  ExcKind k = exc_kind(exc);
  if (k != ExcKind::kEncode && k != ExcKind::kDecode) return wrong_exception_type(exc);
  Object* o;
  ssize start, end;
  if (!exc_range(exc, k, &o, &start, &end)) return nullptr;
  if (k == ExcKind::kEncode) {
    std::string out;
    for (ssize i = start; i < end; ++i) {
      UCS4 ch = str_read_char(o, i);
      if (ch < 0xDC80 || ch > 0xDCFF) {
        errors::set_object(exc->type, exc);
        return nullptr;
      }
      out.push_back(static_cast<char>(ch - 0xDC00));
    }
    return result_pair(bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size())),
                       end);
  }
  std::u32string s;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes_as_string(o));
  ssize i = start;
  for (; i < end && i < start + 4; ++i) {
    if (p[i] < 128) break;
    s.push_back(0xDC00 + p[i]);
  }
  if (s.empty()) {
    errors::set_object(exc->type, exc);
    return nullptr;
  }
  return result_pair(u32(s), i);
}

// --- the built-in codecs --------------------------------------------------------------------

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::kUtf8: return "utf-8";
    case Codec::kUtf7: return "utf-7";
    case Codec::kLatin1: return "latin-1";
    case Codec::kAscii: return "ascii";
    case Codec::kUtf16: return "utf-16";
    case Codec::kUtf16Le: return "utf-16-le";
    case Codec::kUtf16Be: return "utf-16-be";
    case Codec::kUtf32: return "utf-32";
    case Codec::kUtf32Le: return "utf-32-le";
    case Codec::kUtf32Be: return "utf-32-be";
    case Codec::kUnicodeEscape: return "unicodeescape";
    case Codec::kRawUnicodeEscape: return "rawunicodeescape";
  }
  return "?";
}

bool builtin_codec(const char* encoding, Codec* out) {
  std::string n = normalize_encoding(encoding);
  struct Alias {
    const char* name;
    Codec codec;
  };
  static const Alias kAliases[] = {
      {"utf_8", Codec::kUtf8},          {"utf8", Codec::kUtf8},
      {"latin_1", Codec::kLatin1},      {"latin1", Codec::kLatin1},
      {"iso_8859_1", Codec::kLatin1},   {"iso8859_1", Codec::kLatin1},
      {"ascii", Codec::kAscii},         {"us_ascii", Codec::kAscii},
      {"utf_16", Codec::kUtf16},        {"utf16", Codec::kUtf16},
      {"utf_16_le", Codec::kUtf16Le},   {"utf_16le", Codec::kUtf16Le},
      {"utf_16_be", Codec::kUtf16Be},   {"utf_16be", Codec::kUtf16Be},
      {"utf_32", Codec::kUtf32},        {"utf32", Codec::kUtf32},
      {"utf_32_le", Codec::kUtf32Le},   {"utf_32le", Codec::kUtf32Le},
      {"utf_32_be", Codec::kUtf32Be},   {"utf_32be", Codec::kUtf32Be},
  };
  for (const Alias& a : kAliases) {
    if (n == a.name) {
      *out = a.codec;
      return true;
    }
  }
  return false;
}

namespace {

bool is_utf16(Codec c) { return c == Codec::kUtf16 || c == Codec::kUtf16Le || c == Codec::kUtf16Be; }
bool is_utf32(Codec c) { return c == Codec::kUtf32 || c == Codec::kUtf32Le || c == Codec::kUtf32Be; }

void append_unit(std::string* out, uint32_t v, int width, bool little) {
  for (int i = 0; i < width; i++) {
    int shift = little ? 8 * i : 8 * (width - 1 - i);
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

bool is_name(const char* errors, const char* name) {
  return errors && std::strcmp(errors, name) == 0;
}

// Calls the handler registered as errors with the exception (unicode_*_call_errorhandler):
// the replacement (new reference) and the new position, or null.
Object* call_handler(const char* errors, Object* exc, ssize length, ssize* newpos, bool encoding) {
  Ref<> handler = Ref<>::steal(lookup_error(errors));
  if (!handler) return nullptr;
  Ref<> res = Ref<>::steal(object_call_one_arg(handler.get(), exc));
  if (!res) return nullptr;
  bool ok = tuple_check(res.get()) && tuple_size(res.get()) == 2;
  Object* rep = ok ? tuple_item(res.get(), 0) : nullptr;
  if (ok) {
    ok = str_check(rep) || (encoding && bytes_check(rep));
    ok = ok && long_check(tuple_item(res.get(), 1));
  }
  if (!ok) {
    errors::set_string(exc_TypeError, encoding
                                          ? "encoding error handler must return (str/bytes, int) tuple"
                                          : "decoding error handler must return (str, int) tuple");
    return nullptr;
  }
  ssize pos = long_as_ssize(tuple_item(res.get(), 1));
  if (pos == -1 && errors::occurred()) return nullptr;
  if (pos < 0) pos += length;
  if (pos < 0 || pos > length) {
    return errors::format(exc_IndexError, "position %zd from error handler out of bounds", pos);
  }
  *newpos = pos;
  return new_ref(rep);
}

unicode::CodecStatus encode_core(Codec c, unicode::Units in, ptrdiff_t* pos, std::string* out,
                                 unicode::CodecError* err, bool little) {
  switch (c) {
    case Codec::kUtf8: return unicode::utf8_encode(in, pos, out, err);
    case Codec::kLatin1: return unicode::latin1_encode(in, pos, out, err);
    case Codec::kAscii: return unicode::ascii_encode(in, pos, out, err);
    case Codec::kUtf16:
    case Codec::kUtf16Le:
    case Codec::kUtf16Be: return unicode::utf16_encode(in, pos, out, err, little);
    case Codec::kUtf32:
    case Codec::kUtf32Le:
    case Codec::kUtf32Be: return unicode::utf32_encode(in, pos, out, err, little);
    case Codec::kUtf7: *out += unicode::utf7_encode(in); break;
    case Codec::kUnicodeEscape: *out += unicode::unicode_escape_encode(in); break;
    case Codec::kRawUnicodeEscape: *out += unicode::raw_unicode_escape_encode(in); break;
  }
  *pos = static_cast<ptrdiff_t>(in.size());
  return unicode::CodecStatus::Ok;
}

}  // namespace

Object* encode_str(Codec c, Object* s, const char* errors, int byteorder) {
  unicode::Units in = str_units(s);
  ssize len = str_length(s);
  const char* name = codec_name(c);
  std::string out;
  bool little = true;
  int width = is_utf16(c) ? 2 : 4;
  if (c == Codec::kUtf16Be || c == Codec::kUtf32Be) little = false;
  if (c == Codec::kUtf16 || c == Codec::kUtf32) {
    if (byteorder == 0) {
      append_unit(&out, 0xFEFF, width, true);
    } else {
      little = byteorder < 0;
    }
  }
  ptrdiff_t pos = 0;
  UCS4 limit = c == Codec::kLatin1 ? 256 : 128;
  for (;;) {
    unicode::CodecError err;
    unicode::CodecStatus st = encode_core(c, in, &pos, &out, &err, little);
    if (st == unicode::CodecStatus::Ok) break;
    ssize start = err.start, end = err.end;
    if (!errors || is_name(errors, "strict")) {
      set_unicode_encode_error(name, s, start, end, err.reason);
      return nullptr;
    }
    if (is_name(errors, "ignore")) {
    } else if (is_name(errors, "replace")) {
      for (ssize i = start; i < end; i++) {
        if (is_utf16(c) || is_utf32(c))
          append_unit(&out, '?', width, little);
        else
          out.push_back('?');
      }
    } else if (is_name(errors, "backslashreplace") || is_name(errors, "xmlcharrefreplace")) {
      bool xml = errors[0] == 'x';
      for (ssize i = start; i < end; i++) {
        UCS4 ch = str_read_char(s, i);
        char buf[24];
        if (xml)
          std::snprintf(buf, sizeof buf, "&#%u;", ch);
        else if (ch <= 0xff)
          std::snprintf(buf, sizeof buf, "\\x%02x", ch);
        else if (ch <= 0xffff)
          std::snprintf(buf, sizeof buf, "\\u%04x", ch);
        else
          std::snprintf(buf, sizeof buf, "\\U%08x", ch);
        for (const char* p = buf; *p; ++p) {
          if (width == 1 || (!is_utf16(c) && !is_utf32(c)))
            out.push_back(*p);
          else
            append_unit(&out, static_cast<unsigned char>(*p), width, little);
        }
      }
    } else {
      // Any other handler, through the registry.
      set_unicode_encode_error(name, s, start, end, err.reason);
      Ref<> exc = Ref<>::steal(errors::get_raised_exception());
      ssize newpos = 0;
      Ref<> rep = Ref<>::steal(call_handler(errors, exc.get(), len, &newpos, true));
      if (!rep) return nullptr;
      if (bytes_check(rep.get())) {
        // Whole code units only (_PyUnicode_EncodeUTF16/32's repsize check).
        if ((is_utf16(c) || is_utf32(c)) && bytes_size(rep.get()) % width != 0) {
          set_unicode_encode_error(name, s, newpos - 1, newpos, "surrogates not allowed");
          return nullptr;
        }
        out.append(bytes_as_string(rep.get()), static_cast<size_t>(bytes_size(rep.get())));
      } else {
        for (ssize i = 0; i < str_length(rep.get()); ++i) {
          UCS4 ch = str_read_char(rep.get(), i);
          if (ch >= limit) {
            if (is_utf16(c) || is_utf32(c)) {
              set_unicode_encode_error(name, s, newpos - 1, newpos, "surrogates not allowed");
              return nullptr;
            }
            errors::set_raised_exception(exc.release());
            return nullptr;
          }
          if (is_utf16(c) || is_utf32(c))
            append_unit(&out, ch, width, little);
          else
            out.push_back(static_cast<char>(ch));
        }
      }
      end = newpos;
    }
    pos = end;
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

Object* decode_bytes(Codec c, const char* data, ssize n, const char* errors, bool final,
                     ssize* consumed, int* byteorder, Object* input) {
  const char* name = codec_name(c);
  // The fast path of str for UTF-8 with the handlers it knows.
  if (c == Codec::kUtf8 && (!errors || is_name(errors, "strict") || is_name(errors, "replace") ||
                            is_name(errors, "ignore") || is_name(errors, "surrogateescape") ||
                            is_name(errors, "backslashreplace"))) {
    ssize used = n;
    Object* r = str_decode_utf8(data, n, errors, final ? nullptr : &used);
    if (r && consumed) *consumed = used;
    return r;
  }
  bool little = true;
  ptrdiff_t pos = 0;
  int bo = byteorder ? *byteorder : 0;
  if (c == Codec::kUtf16Be || c == Codec::kUtf32Be) little = false;
  if (c == Codec::kUtf16 || c == Codec::kUtf32) {
    if (bo == 0) {
      ptrdiff_t bom = 0;
      int d = c == Codec::kUtf16 ? unicode::utf16_detect_bom(data, n, &bom)
                                 : unicode::utf32_detect_bom(data, n, &bom);
      if (d != 0) {
        bo = d;
        pos = bom;
      }
    }
    if (bo != 0) little = bo < 0;
  }
  std::u32string out;
  Ref<> input_ref = Ref<>::borrow(input);
  for (;;) {
    unicode::CodecError err;
    unicode::CodecStatus st;
    switch (c) {
      case Codec::kUtf8: st = unicode::utf8_decode(data, n, &pos, &out, &err, final); break;
      case Codec::kUtf7: st = unicode::utf7_decode(data, n, &pos, &out, &err, final); break;
      case Codec::kLatin1:
        unicode::latin1_decode(data + pos, n - pos, &out);
        pos = n;
        st = unicode::CodecStatus::Ok;
        break;
      case Codec::kAscii: st = unicode::ascii_decode(data, n, &pos, &out, &err); break;
      case Codec::kUtf16:
      case Codec::kUtf16Le:
      case Codec::kUtf16Be:
        st = unicode::utf16_decode(data, n, &pos, &out, &err, little, final);
        break;
      case Codec::kUtf32:
      case Codec::kUtf32Le:
      case Codec::kUtf32Be:
        st = unicode::utf32_decode(data, n, &pos, &out, &err, little, final);
        break;
      case Codec::kUnicodeEscape:
        st = unicode::unicode_escape_decode(data, n, &pos, &out, &err, final);
        break;
      default: st = unicode::raw_unicode_escape_decode(data, n, &pos, &out, &err, final); break;
    }
    if (st != unicode::CodecStatus::Error) break;
    ssize start = err.start, end = err.end;
    if (!errors || is_name(errors, "strict")) {
      set_unicode_decode_error(name, data, n, start, end, err.reason);
      return nullptr;
    }
    if (is_name(errors, "ignore")) {
    } else if (is_name(errors, "replace")) {
      out.push_back(0xFFFD);
    } else if (is_name(errors, "backslashreplace")) {
      for (ssize i = start; i < end; i++) append_hex(&out, static_cast<unsigned char>(data[i]));
    } else {
      set_unicode_decode_error(name, data, n, start, end, err.reason);
      Ref<> exc = Ref<>::steal(errors::get_raised_exception());
      ssize newpos = 0;
      Ref<> rep = Ref<>::steal(call_handler(errors, exc.get(), n, &newpos, false));
      if (!rep) return nullptr;
      for (ssize i = 0; i < str_length(rep.get()); ++i) out.push_back(str_read_char(rep.get(), i));
      end = newpos;
    }
    pos = end;
  }
  if (byteorder) *byteorder = bo;
  if (consumed) *consumed = pos;
  return u32(out);
}

}  // namespace cppy::modules::_codecs
