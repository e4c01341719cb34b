// Shared helpers of the text objects: codec error construction (PyUnicodeDecodeError_Create,
// PyUnicodeEncodeError_Create as raised by the codecs), error handler names, type names.
#include "objects/text_support.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"

#include "unicode/unicodectype.h"

namespace cppy::objects {

int text_types_ready() {
  TypeObject* types[] = {&str_type,      &long_type,          &bool_type,
                         &float_type,    &str_iter_type,      &str_ascii_iter_type,
                         &bytes_type,    &bytesiter_type,     &complex_type};
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  return 0;
}

bool is_known_error_handler(const char* name) {
  static const char* const kBuiltin[] = {"strict", "ignore", "replace", "xmlcharrefreplace",
                                         "backslashreplace", "namereplace", "surrogateescape",
                                         "surrogatepass"};
  for (const char* k : kBuiltin)
    if (std::strcmp(k, name) == 0) return true;
  return false;
}

namespace {
// "\xhh", "\uhhhh" or "\Uhhhhhhhh" as UnicodeEncodeError.__str__ shows a character.
void char_escape(uint32_t ch, char* buf, size_t n) {
  if (ch <= 0xff)
    std::snprintf(buf, n, "\\x%02x", ch);
  else if (ch <= 0xffff)
    std::snprintf(buf, n, "\\u%04x", ch);
  else
    std::snprintf(buf, n, "\\U%08x", ch);
}
}  // namespace

// The exception is raised with its message (UnicodeDecodeError.__str__'s text); the
// structured attributes come with the exception constructors of the object core.
void set_unicode_decode_error(const char* encoding, const char* data, ssize n, ssize start,
                              ssize end, const char* reason) {
  Object* msg;
  if (end == start + 1) {
    msg = str_from_format("'%s' codec can't decode byte 0x%02x in position %zd: %s", encoding,
                          static_cast<unsigned>(static_cast<unsigned char>(data[start])), start,
                          reason);
  } else {
    msg = str_from_format("'%s' codec can't decode bytes in position %zd-%zd: %s", encoding,
                          start, end - 1, reason);
  }
  if (!msg) return;
  Object* object = bytes_from_string_and_size(data, n);
  if (!object) {
    decref(msg);
    return;
  }
  set_unicode_error(exc_UnicodeDecodeError, encoding, object, start, end, reason, msg);
  decref(object);
  decref(msg);
}

void set_unicode_encode_error(const char* encoding, Object* s, ssize start, ssize end,
                              const char* reason) {
  Object* msg;
  if (end == start + 1) {
    char buf[16];
    char_escape(str_read_char(s, start), buf, sizeof buf);
    msg = str_from_format("'%s' codec can't encode character '%s' in position %zd: %s", encoding,
                          buf, start, reason);
  } else {
    msg = str_from_format("'%s' codec can't encode characters in position %zd-%zd: %s", encoding,
                          start, end - 1, reason);
  }
  if (!msg) return;
  set_unicode_error(exc_UnicodeEncodeError, encoding, s, start, end, reason, msg);
  decref(msg);
}

Object* type_fully_qualified_name(TypeObject* type, char sep) {
  const char* name = type->name;
  if (!type_has_feature(type, kTpflagsHeaptype)) {
    const char* dot = std::strrchr(name, '.');
    if (!dot) return str_from_cstr(name);
    if (sep == '.') return str_from_cstr(name);
    std::string s(name);
    s[static_cast<size_t>(dot - name)] = sep;
    return str_from_utf8(s.data(), static_cast<ssize>(s.size()));
  }
  // _PyType_GetFullyQualifiedName: "module<sep>qualname" unless the module (the type's
  // __module__) is builtins or __main__.
  auto* ht = static_cast<HeapTypeObject*>(type);
  Object* qualname = ht->ht_qualname;
  if (!qualname) return str_from_cstr(name);
  Object* module = type->dict ? dict_get_item_string(type->dict, "__module__") : nullptr;
  if (module && str_check(module) && !str_equal_cstr(module, "builtins") &&
      !str_equal_cstr(module, "__main__"))
    return str_from_format("%U%c%U", module, sep, qualname);
  return new_ref(qualname);
}

bool text_number_to_ascii(Object* s, std::string* out) {
  ssize n = str_length(s);
  out->clear();
  out->reserve(static_cast<size_t>(n));
  for (ssize i = 0; i < n; i++) {
    UCS4 ch = str_read_char(s, i);
    if (ch < 128) {
      out->push_back(static_cast<char>(ch));
      continue;
    }
    if (unicode::is_space(ch)) {
      out->push_back(' ');
      continue;
    }
    int d = unicode::to_decimal(ch);
    if (d >= 0) {
      out->push_back(static_cast<char>('0' + d));
      continue;
    }
    return false;
  }
  return true;
}

bool unicode_db_is_printable(uint32_t ch) { return unicode::is_printable(ch); }

}  // namespace cppy::objects
