// The _json module: Modules/_json.c of CPython 3.14. The scanner decodes one JSON term from a
// str (scan_once_unicode and its helpers), raising json.decoder.JSONDecodeError with the
// positions the pure-Python decoder gives; the encoder writes a whole document into one str
// (encoder_listencode_obj), with the markers dict for circular references, the indent cache
// and the exception notes ("when serializing ...") of 3.14.
#include "modules/_json/jsonmodule.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_json {

using namespace objects;

namespace {

struct ScannerObject : Object {
  char strict;
  Object* object_hook;
  Object* object_pairs_hook;
  Object* parse_float;
  Object* parse_int;
  Object* parse_constant;
};

using FastEncode = Object* (*)(Object*, Object*);

struct EncoderObject : Object {
  Object* markers;
  Object* defaultfn;
  Object* encoder;
  Object* indent;
  Object* key_separator;
  Object* item_separator;
  char sort_keys;
  char skipkeys;
  int allow_nan;
  FastEncode fast_encode;
};

inline bool is_whitespace(UCS4 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// S_CHAR: printable ASCII written as itself by encode_basestring_ascii.
inline bool s_char(UCS4 c) { return c >= ' ' && c <= '~' && c != '\\' && c != '"'; }

const char kHexdigits[] = "0123456789abcdef";

// ascii_escape_unichar: the escape of c (up to 12 characters: a surrogate pair).
void ascii_escape_unichar(UCS4 c, std::string* out) {
  out->push_back('\\');
  switch (c) {
    case '\\': out->push_back('\\'); return;
    case '"': out->push_back('"'); return;
    case '\b': out->push_back('b'); return;
    case '\f': out->push_back('f'); return;
    case '\n': out->push_back('n'); return;
    case '\r': out->push_back('r'); return;
    case '\t': out->push_back('t'); return;
    default: break;
  }
  auto put4 = [out](UCS4 v) {
    out->push_back('u');
    out->push_back(kHexdigits[(v >> 12) & 0xf]);
    out->push_back(kHexdigits[(v >> 8) & 0xf]);
    out->push_back(kHexdigits[(v >> 4) & 0xf]);
    out->push_back(kHexdigits[v & 0xf]);
  };
  if (c >= 0x10000) {
    UCS4 v = c - 0x10000;
    put4(0xd800 | (v >> 10));  // the high surrogate
    out->push_back('\\');
    c = 0xdc00 | (v & 0x3ff);
  }
  put4(c);
}

// ascii_escape_unicode: an ASCII-only JSON string literal of pystr.
Object* ascii_escape_unicode(Object* pystr) {
  ssize n = str_length(pystr);
  unsigned kind = str_kind(pystr);
  const void* data = str_data(pystr);
  std::string out;
  out.reserve(static_cast<size_t>(n) + 2);
  out.push_back('"');
  for (ssize i = 0; i < n; ++i) {
    UCS4 c = str_read(kind, data, i);
    if (s_char(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      ascii_escape_unichar(c, &out);
    }
  }
  out.push_back('"');
  return str_from_ascii(out.data(), static_cast<ssize>(out.size()));
}

// escape_unicode: a JSON string literal of pystr keeping non-ASCII characters.
Object* escape_unicode(Object* pystr) {
  ssize n = str_length(pystr);
  unsigned kind = str_kind(pystr);
  const void* data = str_data(pystr);
  StrWriter w;
  if (w.reserve(n + 2, str_max_char_value(pystr)) < 0) return nullptr;
  if (w.write_char('"') < 0) return nullptr;
  ssize run = 0;  // start of the current run of characters written as themselves
  for (ssize i = 0; i < n; ++i) {
    UCS4 c = str_read(kind, data, i);
    char esc = 0;
    switch (c) {
      case '\\': esc = '\\'; break;
      case '"': esc = '"'; break;
      case '\b': esc = 'b'; break;
      case '\f': esc = 'f'; break;
      case '\n': esc = 'n'; break;
      case '\r': esc = 'r'; break;
      case '\t': esc = 't'; break;
      default:
        if (c > 0x1f) continue;
    }
    if (i > run && w.write_substr(pystr, run, i) < 0) return nullptr;
    run = i + 1;
    if (esc) {
      char buf[2] = {'\\', esc};
      if (w.write_ascii(buf, 2) < 0) return nullptr;
    } else {
      char buf[6] = {'\\', 'u', '0', '0', kHexdigits[(c >> 4) & 0xf], kHexdigits[c & 0xf]};
      if (w.write_ascii(buf, 6) < 0) return nullptr;
    }
  }
  if (n > run && w.write_substr(pystr, run, n) < 0) return nullptr;
  if (w.write_char('"') < 0) return nullptr;
  return w.finish();
}

// raise_errmsg: json.decoder.JSONDecodeError(msg, s, end).
void raise_errmsg(const char* msg, Object* s, ssize end) {
  Ref<> mod = Ref<>::steal(imp::import_module("json.decoder"));
  if (!mod) return;
  Ref<> cls = Ref<>::steal(object_getattr_string(mod.get(), "JSONDecodeError"));
  if (!cls) return;
  Ref<> m = Ref<>::steal(str_from_cstr(msg));
  Ref<> e = Ref<>::steal(long_from_ssize(end));
  if (!m || !e) return;
  Object* args[3] = {m.get(), s, e.get()};
  Ref<> exc = Ref<>::steal(vectorcall(cls.get(), args, 3, nullptr));
  if (exc) errors::set_object(reinterpret_cast<TypeObject*>(cls.get()), exc.get());
}

void raise_stop_iteration(ssize idx) {
  Ref<> value = Ref<>::steal(long_from_ssize(idx));
  if (value) errors::set_object(exc_StopIteration, value.get());
}

// _build_rval_index_tuple: (rval, idx), stealing rval.
Object* build_rval_index_tuple(Object* rval, ssize idx) {
  if (!rval) return nullptr;
  Ref<> r = Ref<>::steal(rval);
  Ref<> i = Ref<>::steal(long_from_ssize(idx));
  if (!i) return nullptr;
  return tuple_pack(2, r.get(), i.get());
}


int hexval(UCS4 d) {
  if (d >= '0' && d <= '9') return static_cast<int>(d - '0');
  if (d >= 'a' && d <= 'f') return static_cast<int>(d - 'a' + 10);
  if (d >= 'A' && d <= 'F') return static_cast<int>(d - 'A' + 10);
  return -1;
}

// scanstring_unicode: the JSON string starting after the quote at end-1.
Object* scanstring_unicode(Object* pystr, ssize end, int strict, ssize* next_end_ptr) {
  *next_end_ptr = -1;
  ssize len = str_length(pystr);
  unsigned kind = str_kind(pystr);
  const void* buf = str_data(pystr);
  ssize begin = end - 1;
  if (end < 0 || len < end) {
    errors::set_string(exc_ValueError, "end is out of bounds");
    return nullptr;
  }
  StrWriter w;
  bool empty = true;
  for (;;) {
    // Find the end of the string or the next escape.
    UCS4 c = 0;
    ssize next;
    for (next = end; next < len; ++next) {
      c = str_read(kind, buf, next);
      if (c == '"' || c == '\\') break;
      if (c <= 0x1f && strict) {
        raise_errmsg("Invalid control character at", pystr, next);
        return nullptr;
      }
    }
    if (next == len) c = 0;
    if (c == '"') {
      if (empty) {
        // The simple case: no escape at all.
        Object* ret = str_substring(pystr, end, next);
        if (!ret) return nullptr;
        *next_end_ptr = next + 1;
        return ret;
      }
    } else if (c != '\\') {
      raise_errmsg("Unterminated string starting at", pystr, begin);
      return nullptr;
    }
    if (next != end) {
      if (w.write_substr(pystr, end, next) < 0) return nullptr;
      empty = false;
    }
    next++;
    if (c == '"') {
      end = next;
      break;
    }
    if (next == len) {
      raise_errmsg("Unterminated string starting at", pystr, begin);
      return nullptr;
    }
    c = str_read(kind, buf, next);
    if (c != 'u') {
      // Non-unicode backslash escapes.
      end = next + 1;
      switch (c) {
        case '"': break;
        case '\\': break;
        case '/': break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: c = 0;
      }
      if (c == 0) {
        raise_errmsg("Invalid \\escape", pystr, end - 2);
        return nullptr;
      }
    } else {
      c = 0;
      next++;
      end = next + 4;
      if (end >= len) {
        raise_errmsg("Invalid \\uXXXX escape", pystr, next - 1);
        return nullptr;
      }
      for (; next < end; ++next) {
        int d = hexval(str_read(kind, buf, next));
        if (d < 0) {
          raise_errmsg("Invalid \\uXXXX escape", pystr, end - 5);
          return nullptr;
        }
        c = (c << 4) | static_cast<UCS4>(d);
      }
      // A high surrogate followed by an escaped low one makes one character.
      if (c >= 0xd800 && c <= 0xdbff && end + 6 < len && str_read(kind, buf, next++) == '\\' &&
          str_read(kind, buf, next++) == 'u') {
        UCS4 c2 = 0;
        end += 6;
        for (; next < end; ++next) {
          int d = hexval(str_read(kind, buf, next));
          if (d < 0) {
            raise_errmsg("Invalid \\uXXXX escape", pystr, end - 5);
            return nullptr;
          }
          c2 = (c2 << 4) | static_cast<UCS4>(d);
        }
        if (c2 >= 0xdc00 && c2 <= 0xdfff) {
          c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
        } else {
          end -= 6;
        }
      }
    }
    if (w.write_char(c) < 0) return nullptr;
    empty = false;
  }
  Object* rval = w.finish();
  if (rval) *next_end_ptr = end;
  return rval;
}

// PyArg_ParseTuple's count messages for "On|p:scanstring".
bool check_tuple_count(const char* fname, ssize n, int min, int max) {
  if (n < min) {
    errors::format(exc_TypeError, "%s() takes at least %d argument%s (%zd given)", fname, min,
                   min == 1 ? "" : "s", n);
    return false;
  }
  if (n > max) {
    errors::format(exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, max,
                   max == 1 ? "" : "s", n);
    return false;
  }
  return true;
}

bool as_ssize(Object* o, ssize* out) {
  *out = number_as_ssize(o, exc_OverflowError);
  return !(*out == -1 && errors::occurred());
}

// py_scanstring: scanstring(string, end, strict=True) -> (string, end).
Object* py_scanstring(Object*, Object* args) {
  ssize n = tuple_size(args);
  if (!check_tuple_count("scanstring", n, 2, 3)) return nullptr;
  Object* pystr = tuple_item(args, 0);
  ssize end;
  if (!as_ssize(tuple_item(args, 1), &end)) return nullptr;
  int strict = 1;
  if (n > 2 && (strict = object_is_true(tuple_item(args, 2))) < 0) return nullptr;
  if (!str_check(pystr)) {
    return errors::format(exc_TypeError, "first argument must be a string, not %.80s",
                          pystr->type->name);
  }
  ssize next_end = -1;
  Object* rval = scanstring_unicode(pystr, end, strict, &next_end);
  return build_rval_index_tuple(rval, next_end);
}

Object* py_encode_basestring_ascii(Object*, Object* pystr) {
  if (!str_check(pystr)) {
    return errors::format(exc_TypeError, "first argument must be a string, not %.80s",
                          pystr->type->name);
  }
  return ascii_escape_unicode(pystr);
}

Object* py_encode_basestring(Object*, Object* pystr) {
  if (!str_check(pystr)) {
    return errors::format(exc_TypeError, "first argument must be a string, not %.80s",
                          pystr->type->name);
  }
  return escape_unicode(pystr);
}

// ---- the scanner ---------------------------------------------------------------------------

Object* scan_once_unicode(ScannerObject* s, Object* memo, Object* pystr, ssize idx,
                          ssize* next_idx_ptr);

// _parse_object_unicode: the object after the '{' at idx-1.
Object* parse_object_unicode(ScannerObject* s, Object* memo, Object* pystr, ssize idx,
                             ssize* next_idx_ptr) {
  unsigned kind = str_kind(pystr);
  const void* str = str_data(pystr);
  ssize end_idx = str_length(pystr) - 1;
  bool has_pairs_hook = s->object_pairs_hook != none();
  Ref<> rval = Ref<>::steal(has_pairs_hook ? list_new(0) : dict_new());
  if (!rval) return nullptr;
  auto at = [&](ssize i) { return str_read(kind, str, i); };
  while (idx <= end_idx && is_whitespace(at(idx))) idx++;
  // Only loop if the object is non-empty.
  if (idx > end_idx || at(idx) != '}') {
    for (;;) {
      if (idx > end_idx || at(idx) != '"') {
        raise_errmsg("Expecting property name enclosed in double quotes", pystr, idx);
        return nullptr;
      }
      ssize next_idx;
      Ref<> key = Ref<>::steal(scanstring_unicode(pystr, idx + 1, s->strict, &next_idx));
      if (!key) return nullptr;
      // Equal keys share one str object (the memo).
      Object* memokey = nullptr;
      if (dict_set_default_ref(memo, key.get(), key.get(), &memokey) < 0) return nullptr;
      key = Ref<>::steal(memokey);
      idx = next_idx;
      while (idx <= end_idx && is_whitespace(at(idx))) idx++;
      if (idx > end_idx || at(idx) != ':') {
        raise_errmsg("Expecting ':' delimiter", pystr, idx);
        return nullptr;
      }
      idx++;
      while (idx <= end_idx && is_whitespace(at(idx))) idx++;
      Ref<> val = Ref<>::steal(scan_once_unicode(s, memo, pystr, idx, &next_idx));
      if (!val) return nullptr;
      if (has_pairs_hook) {
        Ref<> item = Ref<>::steal(tuple_pack_maybe_tracked(2, key.get(), val.get()));
        if (!item || list_append(rval.get(), item.get()) < 0) return nullptr;
      } else if (dict_set_item(rval.get(), key.get(), val.get()) < 0) {
        return nullptr;
      }
      idx = next_idx;
      while (idx <= end_idx && is_whitespace(at(idx))) idx++;
      if (idx <= end_idx && at(idx) == '}') break;
      if (idx > end_idx || at(idx) != ',') {
        raise_errmsg("Expecting ',' delimiter", pystr, idx);
        return nullptr;
      }
      ssize comma_idx = idx;
      idx++;
      while (idx <= end_idx && is_whitespace(at(idx))) idx++;
      if (idx <= end_idx && at(idx) == '}') {
        raise_errmsg("Illegal trailing comma before end of object", pystr, comma_idx);
        return nullptr;
      }
    }
  }
  *next_idx_ptr = idx + 1;
  if (has_pairs_hook) return object_call_one_arg(s->object_pairs_hook, rval.get());
  if (s->object_hook != none()) return object_call_one_arg(s->object_hook, rval.get());
  return rval.release();
}

// _parse_array_unicode: the array after the '[' at idx-1.
Object* parse_array_unicode(ScannerObject* s, Object* memo, Object* pystr, ssize idx,
                            ssize* next_idx_ptr) {
  unsigned kind = str_kind(pystr);
  const void* str = str_data(pystr);
  ssize end_idx = str_length(pystr) - 1;
  auto at = [&](ssize i) { return str_read(kind, str, i); };
  Ref<> rval = Ref<>::steal(list_new(0));
  if (!rval) return nullptr;
  while (idx <= end_idx && is_whitespace(at(idx))) idx++;
  if (idx > end_idx || at(idx) != ']') {
    for (;;) {
      ssize next_idx;
      Ref<> val = Ref<>::steal(scan_once_unicode(s, memo, pystr, idx, &next_idx));
      if (!val || list_append(rval.get(), val.get()) < 0) return nullptr;
      idx = next_idx;
      while (idx <= end_idx && is_whitespace(at(idx))) idx++;
      if (idx <= end_idx && at(idx) == ']') break;
      if (idx > end_idx || at(idx) != ',') {
        raise_errmsg("Expecting ',' delimiter", pystr, idx);
        return nullptr;
      }
      ssize comma_idx = idx;
      idx++;
      while (idx <= end_idx && is_whitespace(at(idx))) idx++;
      if (idx <= end_idx && at(idx) == ']') {
        raise_errmsg("Illegal trailing comma before end of array", pystr, comma_idx);
        return nullptr;
      }
    }
  }
  if (idx > end_idx || at(idx) != ']') {
    raise_errmsg("Expecting value", pystr, end_idx);
    return nullptr;
  }
  *next_idx_ptr = idx + 1;
  return rval.release();
}

// _parse_constant: parse_constant("NaN" / "Infinity" / "-Infinity").
Object* parse_constant(ScannerObject* s, const char* constant, ssize idx, ssize* next_idx_ptr) {
  Object* cstr = str_intern_from_cstr(constant);
  if (!cstr) return nullptr;
  Object* rval = object_call_one_arg(s->parse_constant, cstr);
  *next_idx_ptr = idx + str_length(cstr);
  return rval;
}

// _match_number_unicode: an int or float (or parse_int / parse_float of its text).
Object* match_number_unicode(ScannerObject* s, Object* pystr, ssize start, ssize* next_idx_ptr) {
  unsigned kind = str_kind(pystr);
  const void* str = str_data(pystr);
  ssize end_idx = str_length(pystr) - 1;
  auto at = [&](ssize i) { return str_read(kind, str, i); };
  auto is_digit = [&](ssize i) { return at(i) >= '0' && at(i) <= '9'; };
  ssize idx = start;
  bool is_float = false;
  if (at(idx) == '-') {
    idx++;
    if (idx > end_idx) {
      raise_stop_iteration(start);
      return nullptr;
    }
  }
  if (at(idx) >= '1' && at(idx) <= '9') {
    idx++;
    while (idx <= end_idx && is_digit(idx)) idx++;
  } else if (at(idx) == '0') {
    idx++;  // a leading 0 is the whole integer part
  } else {
    raise_stop_iteration(start);
    return nullptr;
  }
  if (idx < end_idx && at(idx) == '.' && is_digit(idx + 1)) {
    is_float = true;
    idx += 2;
    while (idx <= end_idx && is_digit(idx)) idx++;
  }
  if (idx < end_idx && (at(idx) == 'e' || at(idx) == 'E')) {
    ssize e_start = idx;
    idx++;
    if (idx < end_idx && (at(idx) == '-' || at(idx) == '+')) idx++;
    while (idx <= end_idx && is_digit(idx)) idx++;
    // An exponent needs a digit; otherwise back off to before the 'e'.
    if (is_digit(idx - 1)) {
      is_float = true;
    } else {
      idx = e_start;
    }
  }
  Object* custom_func = nullptr;
  if (is_float && s->parse_float != &float_type) {
    custom_func = s->parse_float;
  } else if (!is_float && s->parse_int != &long_type) {
    custom_func = s->parse_int;
  }
  Object* rval;
  if (custom_func) {
    Ref<> numstr = Ref<>::steal(str_substring(pystr, start, idx));
    if (!numstr) return nullptr;
    rval = object_call_one_arg(custom_func, numstr.get());
  } else {
    // The characters are ASCII digits, signs, '.' and 'e' here.
    std::string buf;
    buf.reserve(static_cast<size_t>(idx - start));
    for (ssize i = start; i < idx; ++i) buf.push_back(static_cast<char>(at(i)));
    if (is_float) {
      Ref<> text = Ref<>::steal(str_from_ascii(buf.data(), ssize(buf.size())));
      if (!text) return nullptr;
      rval = float_from_string(text.get());
    } else {
      rval = long_from_cstring(buf.c_str(), nullptr, 10);
    }
  }
  *next_idx_ptr = idx;
  return rval;
}

// scan_once_unicode: one JSON term at idx.
Object* scan_once_unicode(ScannerObject* s, Object* memo, Object* pystr, ssize idx,
                          ssize* next_idx_ptr) {
  unsigned kind = str_kind(pystr);
  const void* str = str_data(pystr);
  ssize length = str_length(pystr);
  auto at = [&](ssize i) { return str_read(kind, str, i); };
  auto matches = [&](const char* word) {
    ssize n = static_cast<ssize>(std::strlen(word));
    if (idx + n - 1 >= length) return false;
    for (ssize i = 1; i < n; ++i)
      if (at(idx + i) != static_cast<UCS4>(word[i])) return false;
    return true;
  };
  if (idx < 0) {
    errors::set_string(exc_ValueError, "idx cannot be negative");
    return nullptr;
  }
  if (idx >= length) {
    raise_stop_iteration(idx);
    return nullptr;
  }
  switch (at(idx)) {
    case '"':
      return scanstring_unicode(pystr, idx + 1, s->strict, next_idx_ptr);
    case '{': {
      if (enter_recursive_call(" while decoding a JSON object from a unicode string")) {
        return nullptr;
      }
      Object* res = parse_object_unicode(s, memo, pystr, idx + 1, next_idx_ptr);
      leave_recursive_call();
      return res;
    }
    case '[': {
      if (enter_recursive_call(" while decoding a JSON array from a unicode string")) {
        return nullptr;
      }
      Object* res = parse_array_unicode(s, memo, pystr, idx + 1, next_idx_ptr);
      leave_recursive_call();
      return res;
    }
    case 'n':
      if (matches("null")) {
        *next_idx_ptr = idx + 4;
        return return_none();
      }
      break;
    case 't':
      if (matches("true")) {
        *next_idx_ptr = idx + 4;
        return new_ref(py_true());
      }
      break;
    case 'f':
      if (matches("false")) {
        *next_idx_ptr = idx + 5;
        return new_ref(py_false());
      }
      break;
    case 'N':
      if (matches("NaN")) return parse_constant(s, "NaN", idx, next_idx_ptr);
      break;
    case 'I':
      if (matches("Infinity")) return parse_constant(s, "Infinity", idx, next_idx_ptr);
      break;
    case '-':
      if (matches("-Infinity")) return parse_constant(s, "-Infinity", idx, next_idx_ptr);
      break;
    default:
      break;
  }
  // Not a string, object, array or named constant: a number.
  return match_number_unicode(s, pystr, idx, next_idx_ptr);
}

// scanner_call: scan_once(string, idx) -> (value, end).
Object* scanner_call(Object* self, Object* args, Object* kwds) {
  static const char* const kw[] = {"string", "idx", nullptr};
  static const ArgParser parser = {"scan_once", kw, 2, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  Object* pystr = a[0];
  ssize idx;
  if (!as_ssize(a[1], &idx)) return nullptr;
  if (!str_check(pystr)) {
    return errors::format(exc_TypeError, "first argument must be a string, not %.80s",
                          pystr->type->name);
  }
  Ref<> memo = Ref<>::steal(dict_new());
  if (!memo) return nullptr;
  ssize next_idx = -1;
  Object* rval =
      scan_once_unicode(static_cast<ScannerObject*>(self), memo.get(), pystr, idx, &next_idx);
  memo = Ref<>();
  if (!rval) return nullptr;
  return build_rval_index_tuple(rval, next_idx);
}

int scanner_clear(Object* o) {
  auto* s = static_cast<ScannerObject*>(o);
  clear(s->object_hook);
  clear(s->object_pairs_hook);
  clear(s->parse_float);
  clear(s->parse_int);
  clear(s->parse_constant);
  return 0;
}

void scanner_dealloc(Object* o) {
  gc::untrack(o);
  scanner_clear(o);
  o->type->free(o);
}

int scanner_traverse(Object* o, visitproc visit, void* arg) {
  auto* s = static_cast<ScannerObject*>(o);
  for (Object* x : {s->object_hook, s->object_pairs_hook, s->parse_float, s->parse_int,
                    s->parse_constant})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

// scanner_new: make_scanner(context) reads the decoder's attributes once.
Object* scanner_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"context", nullptr};
  static const ArgParser parser = {"make_scanner", kw, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  Object* ctx = a[0];
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* s = static_cast<ScannerObject*>(obj.get());
  Ref<> strict = Ref<>::steal(object_getattr_string(ctx, "strict"));
  if (!strict) return nullptr;
  int st = object_is_true(strict.get());
  if (st < 0) return nullptr;
  s->strict = static_cast<char>(st);
  if (!(s->object_hook = object_getattr_string(ctx, "object_hook"))) return nullptr;
  if (!(s->object_pairs_hook = object_getattr_string(ctx, "object_pairs_hook"))) return nullptr;
  if (!(s->parse_float = object_getattr_string(ctx, "parse_float"))) return nullptr;
  if (!(s->parse_int = object_getattr_string(ctx, "parse_int"))) return nullptr;
  if (!(s->parse_constant = object_getattr_string(ctx, "parse_constant"))) return nullptr;
  return obj.release();
}

MemberDef scanner_members[] = {
    {"strict", kMemberBool, offsetof(ScannerObject, strict), kMemberReadonly, "strict"},
    {"object_hook", kMemberObject, offsetof(ScannerObject, object_hook), kMemberReadonly,
     "object_hook"},
    {"object_pairs_hook", kMemberObject, offsetof(ScannerObject, object_pairs_hook),
     kMemberReadonly, nullptr},
    {"parse_float", kMemberObject, offsetof(ScannerObject, parse_float), kMemberReadonly,
     "parse_float"},
    {"parse_int", kMemberObject, offsetof(ScannerObject, parse_int), kMemberReadonly,
     "parse_int"},
    {"parse_constant", kMemberObject, offsetof(ScannerObject, parse_constant), kMemberReadonly,
     "parse_constant"},
    {nullptr, 0, 0, 0, nullptr}};

TypeObject scanner_type = [] {
  TypeObject t = static_type("_json.Scanner", sizeof(ScannerObject), 0, kTpflagsHaveGc);
  t.doc = "JSON scanner object";
  t.dealloc = scanner_dealloc;
  t.call = scanner_call;
  t.traverse = scanner_traverse;
  t.clear = scanner_clear;
  t.members = scanner_members;
  t.alloc = type_generic_alloc;
  t.new_ = scanner_new;
  t.free = object_generic_free;
  return t;
}();

// ---- the encoder ---------------------------------------------------------------------------

int encoder_listencode_obj(EncoderObject* s, StrWriter& w, Object* obj, ssize indent_level,
                           Object* indent_cache);

// create_indent_cache: ['\n' + indent * indent_level].
Object* create_indent_cache(EncoderObject* s, ssize indent_level) {
  Ref<> newline_indent = Ref<>::steal(str_from_ordinal('\n'));
  if (!newline_indent) return nullptr;
  if (indent_level) {
    Ref<> rep = Ref<>::steal(sequence_repeat(s->indent, indent_level));
    if (!rep) return nullptr;
    newline_indent = Ref<>::steal(str_concat(newline_indent.get(), rep.get()));
    if (!newline_indent) return nullptr;
  }
  Ref<> cache = Ref<>::steal(list_new(0));
  if (!cache || list_append(cache.get(), newline_indent.get()) < 0) return nullptr;
  return cache.release();
}

// update_indent_cache: appends item_separator + newline_indent and newline_indent of the
// next level (the cache holds 2*level+1 strings).
int update_indent_cache(EncoderObject* s, ssize indent_level, Object* indent_cache) {
  Object* prev = list_get_item(indent_cache, (indent_level - 1) * 2);
  Ref<> newline_indent = Ref<>::steal(str_concat(prev, s->indent));
  if (!newline_indent) return -1;
  Ref<> separator_indent = Ref<>::steal(str_concat(s->item_separator, newline_indent.get()));
  if (!separator_indent) return -1;
  if (list_append(indent_cache, separator_indent.get()) < 0 ||
      list_append(indent_cache, newline_indent.get()) < 0) {
    return -1;
  }
  return 0;
}

Object* get_item_separator(EncoderObject* s, ssize indent_level, Object* indent_cache) {
  if (indent_level * 2 > list_size(indent_cache)) {
    if (update_indent_cache(s, indent_level, indent_cache) < 0) return nullptr;
  }
  return list_get_item(indent_cache, indent_level * 2 - 1);
}

int write_newline_indent(StrWriter& w, ssize indent_level, Object* indent_cache) {
  return w.write_str(list_get_item(indent_cache, indent_level * 2));
}

// encoder_encode_float: repr, or the names of the non-finite values when allowed.
Object* encoder_encode_float(EncoderObject* s, Object* obj) {
  double i = float_as_double(obj);
  if (!std::isfinite(i)) {
    if (!s->allow_nan) {
      return errors::format(exc_ValueError,
                            "Out of range float values are not JSON compliant: %R", obj);
    }
    if (i > 0) return str_from_cstr("Infinity");
    if (i < 0) return str_from_cstr("-Infinity");
    return str_from_cstr("NaN");
  }
  return float_repr(obj);
}

// encoder_encode_string.
Object* encoder_encode_string(EncoderObject* s, Object* obj) {
  if (s->fast_encode) return s->fast_encode(nullptr, obj);
  Object* encoded = object_call_one_arg(s->encoder, obj);
  if (encoded && !str_check(encoded)) {
    errors::format(exc_TypeError, "encoder() must return a string, not %.80s",
                   encoded->type->name);
    decref(encoded);
    return nullptr;
  }
  return encoded;
}

int steal_accumulate(StrWriter& w, Object* stolen) {
  int r = w.write_str(stolen);
  decref(stolen);
  return r;
}

// The markers entry of a container being encoded (circular reference detection).
Object* mark(EncoderObject* s, Object* obj) {
  Ref<> ident = Ref<>::steal(long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(obj)));
  if (!ident) return nullptr;
  int has_key = dict_contains(s->markers, ident.get());
  if (has_key) {
    if (has_key != -1) errors::set_string(exc_ValueError, "Circular reference detected");
    return nullptr;
  }
  if (dict_set_item(s->markers, ident.get(), obj) < 0) return nullptr;
  return ident.release();
}

int encoder_encode_key_value(EncoderObject* s, StrWriter& w, bool* first, Object* dct,
                             Object* key, Object* value, ssize indent_level,
                             Object* indent_cache, Object* item_separator) {
  Ref<> keystr;
  if (str_check(key)) {
    keystr = Ref<>::borrow(key);
  } else if (float_check(key)) {
    keystr = Ref<>::steal(encoder_encode_float(s, key));
  } else if (key == py_true() || key == py_false() || key == none()) {
    // Before the int case: True and False are ints.
    keystr = Ref<>::steal(str_from_cstr(key == none() ? "null" : key == py_true() ? "true"
                                                                                 : "false"));
  } else if (long_check(key)) {
    keystr = Ref<>::steal(long_repr(key));
  } else if (s->skipkeys) {
    return 0;
  } else {
    errors::format(exc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                   key->type->name);
    return -1;
  }
  if (!keystr) return -1;
  if (*first) {
    *first = false;
  } else if (w.write_str(item_separator) < 0) {
    return -1;
  }
  Object* encoded = encoder_encode_string(s, keystr.get());
  if (!encoded || steal_accumulate(w, encoded) < 0) return -1;
  if (w.write_str(s->key_separator) < 0) return -1;
  if (encoder_listencode_obj(s, w, value, indent_level, indent_cache) < 0) {
    errors::format_note("when serializing %T item %R", dct, key);
    return -1;
  }
  return 0;
}

// encoder_listencode_dict.
int encoder_listencode_dict(EncoderObject* s, StrWriter& w, Object* dct, ssize indent_level,
                            Object* indent_cache) {
  if (dict_size(dct) == 0) return w.write_ascii("{}", 2);
  Ref<> ident;
  if (s->markers != none()) {
    ident = Ref<>::steal(mark(s, dct));
    if (!ident) return -1;
  }
  if (w.write_char('{') < 0) return -1;
  Object* separator = s->item_separator;
  if (s->indent != none()) {
    indent_level++;
    separator = get_item_separator(s, indent_level, indent_cache);
    if (!separator || write_newline_indent(w, indent_level, indent_cache) < 0) return -1;
  }
  bool first = true;
  if (s->sort_keys || !dict_check_exact(dct)) {
    Ref<> items = Ref<>::steal(mapping_items(dct));
    if (!items || (s->sort_keys && list_sort(items.get()) < 0)) return -1;
    for (ssize i = 0; i < list_size(items.get()); ++i) {
      Object* item = list_get_item(items.get(), i);
      if (!tuple_check(item) || tuple_size(item) != 2) {
        errors::set_string(exc_ValueError, "items must return 2-tuples");
        return -1;
      }
      if (encoder_encode_key_value(s, w, &first, dct, tuple_item(item, 0), tuple_item(item, 1),
                                   indent_level, indent_cache, separator) < 0) {
        return -1;
      }
    }
  } else {
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(dct, &pos, &key, &value)) {
      Ref<> k = Ref<>::borrow(key), v = Ref<>::borrow(value);
      if (encoder_encode_key_value(s, w, &first, dct, key, value, indent_level, indent_cache,
                                   separator) < 0) {
        return -1;
      }
    }
  }
  if (ident && dict_del_item(s->markers, ident.get()) < 0) return -1;
  if (s->indent != none()) {
    indent_level--;
    if (write_newline_indent(w, indent_level, indent_cache) < 0) return -1;
  }
  return w.write_char('}');
}

// encoder_listencode_list.
int encoder_listencode_list(EncoderObject* s, StrWriter& w, Object* seq, ssize indent_level,
                            Object* indent_cache) {
  Ref<> s_fast = Ref<>::steal(sequence_fast(seq, "_iterencode_list needs a sequence"));
  if (!s_fast) return -1;
  auto size = [&] {
    return list_check(s_fast.get()) ? list_size(s_fast.get()) : tuple_size(s_fast.get());
  };
  auto item = [&](ssize i) {
    return list_check(s_fast.get()) ? list_get_item(s_fast.get(), i)
                                    : tuple_item(s_fast.get(), i);
  };
  if (size() == 0) return w.write_ascii("[]", 2);
  Ref<> ident;
  if (s->markers != none()) {
    ident = Ref<>::steal(mark(s, seq));
    if (!ident) return -1;
  }
  if (w.write_char('[') < 0) return -1;
  Object* separator = s->item_separator;
  if (s->indent != none()) {
    indent_level++;
    separator = get_item_separator(s, indent_level, indent_cache);
    if (!separator || write_newline_indent(w, indent_level, indent_cache) < 0) return -1;
  }
  for (ssize i = 0; i < size(); ++i) {
    Ref<> obj = Ref<>::borrow(item(i));
    if (i && w.write_str(separator) < 0) return -1;
    if (encoder_listencode_obj(s, w, obj.get(), indent_level, indent_cache)) {
      errors::format_note("when serializing %T item %zd", seq, i);
      return -1;
    }
  }
  if (ident && dict_del_item(s->markers, ident.get()) < 0) return -1;
  if (s->indent != none()) {
    indent_level--;
    if (write_newline_indent(w, indent_level, indent_cache) < 0) return -1;
  }
  return w.write_char(']');
}

// encoder_listencode_obj: obj as a JSON term.
int encoder_listencode_obj(EncoderObject* s, StrWriter& w, Object* obj, ssize indent_level,
                           Object* indent_cache) {
  if (obj == none()) return w.write_ascii("null", 4);
  if (obj == py_true()) return w.write_ascii("true", 4);
  if (obj == py_false()) return w.write_ascii("false", 5);
  if (str_check(obj)) {
    Object* encoded = encoder_encode_string(s, obj);
    if (!encoded) return -1;
    return steal_accumulate(w, encoded);
  }
  if (long_check(obj)) {
    Object* encoded = long_repr(obj);
    if (!encoded) return -1;
    return steal_accumulate(w, encoded);
  }
  if (float_check(obj)) {
    Object* encoded = encoder_encode_float(s, obj);
    if (!encoded) return -1;
    return steal_accumulate(w, encoded);
  }
  if (list_check(obj) || tuple_check(obj)) {
    if (enter_recursive_call(" while encoding a JSON object")) return -1;
    int rv = encoder_listencode_list(s, w, obj, indent_level, indent_cache);
    leave_recursive_call();
    return rv;
  }
  if (dict_check(obj)) {
    if (enter_recursive_call(" while encoding a JSON object")) return -1;
    int rv = encoder_listencode_dict(s, w, obj, indent_level, indent_cache);
    leave_recursive_call();
    return rv;
  }
  Ref<> ident;
  if (s->markers != none()) {
    ident = Ref<>::steal(mark(s, obj));
    if (!ident) return -1;
  }
  Ref<> newobj = Ref<>::steal(object_call_one_arg(s->defaultfn, obj));
  if (!newobj) return -1;
  if (enter_recursive_call(" while encoding a JSON object")) return -1;
  int rv = encoder_listencode_obj(s, w, newobj.get(), indent_level, indent_cache);
  leave_recursive_call();
  if (rv) {
    errors::format_note("when serializing %T object", obj);
    return -1;
  }
  if (ident && dict_del_item(s->markers, ident.get()) < 0) return -1;
  return rv;
}

// encoder_call: _iterencode(obj, _current_indent_level) -> (str,).
Object* encoder_call(Object* self, Object* args, Object* kwds) {
  static const char* const kw[] = {"obj", "_current_indent_level", nullptr};
  static const ArgParser parser = {"_iterencode", kw, 2, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  ssize indent_level;
  if (!as_ssize(a[1], &indent_level)) return nullptr;
  auto* s = static_cast<EncoderObject*>(self);
  StrWriter w;
  Ref<> indent_cache;
  if (s->indent != none()) {
    indent_cache = Ref<>::steal(create_indent_cache(s, indent_level));
    if (!indent_cache) return nullptr;
  }
  if (encoder_listencode_obj(s, w, a[0], indent_level, indent_cache.get())) return nullptr;
  Ref<> str = Ref<>::steal(w.finish());
  if (!str) return nullptr;
  return tuple_pack(1, str.get());
}

int encoder_clear(Object* o) {
  auto* s = static_cast<EncoderObject*>(o);
  clear(s->markers);
  clear(s->defaultfn);
  clear(s->encoder);
  clear(s->indent);
  clear(s->key_separator);
  clear(s->item_separator);
  return 0;
}

void encoder_dealloc(Object* o) {
  gc::untrack(o);
  encoder_clear(o);
  o->type->free(o);
}

int encoder_traverse(Object* o, visitproc visit, void* arg) {
  auto* s = static_cast<EncoderObject*>(o);
  for (Object* x : {s->markers, s->defaultfn, s->encoder, s->indent, s->key_separator,
                    s->item_separator})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

// encoder_new: make_encoder(markers, default, encoder, indent, key_separator,
// item_separator, sort_keys, skipkeys, allow_nan).
Object* encoder_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"markers",        "default",   "encoder",
                                   "indent",         "key_separator",
                                   "item_separator", "sort_keys", "skipkeys",
                                   "allow_nan",      nullptr};
  static const ArgParser parser = {"make_encoder", kw, 9, 9, 0};
  Object* a[9] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  if (a[0] != none() && !dict_check(a[0])) {
    return errors::format(exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.50s",
                          a[0]->type->name);
  }
  for (int i : {4, 5}) {
    if (!str_check(a[i])) {
      return errors::format(exc_TypeError, "make_encoder() argument %d must be str, not %.50s",
                            i + 1, a[i]->type->name);
    }
  }
  int flags[3];
  for (int i = 0; i < 3; ++i) {
    if ((flags[i] = object_is_true(a[6 + i])) < 0) return nullptr;
  }
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* s = static_cast<EncoderObject*>(obj.get());
  s->markers = new_ref(a[0]);
  s->defaultfn = new_ref(a[1]);
  s->encoder = new_ref(a[2]);
  s->indent = new_ref(a[3]);
  s->key_separator = new_ref(a[4]);
  s->item_separator = new_ref(a[5]);
  s->sort_keys = static_cast<char>(flags[0]);
  s->skipkeys = static_cast<char>(flags[1]);
  s->allow_nan = flags[2];
  s->fast_encode = nullptr;
  if (cfunction_check(s->encoder)) {
    void* f = static_cast<CFunctionObject*>(s->encoder)->m_ml->function;
    if (f == reinterpret_cast<void*>(py_encode_basestring_ascii)) {
      s->fast_encode = py_encode_basestring_ascii;
    } else if (f == reinterpret_cast<void*>(py_encode_basestring)) {
      s->fast_encode = py_encode_basestring;
    }
  }
  return obj.release();
}

MemberDef encoder_members[] = {
    {"markers", kMemberObject, offsetof(EncoderObject, markers), kMemberReadonly, "markers"},
    {"default", kMemberObject, offsetof(EncoderObject, defaultfn), kMemberReadonly, "default"},
    {"encoder", kMemberObject, offsetof(EncoderObject, encoder), kMemberReadonly, "encoder"},
    {"indent", kMemberObject, offsetof(EncoderObject, indent), kMemberReadonly, "indent"},
    {"key_separator", kMemberObject, offsetof(EncoderObject, key_separator), kMemberReadonly,
     "key_separator"},
    {"item_separator", kMemberObject, offsetof(EncoderObject, item_separator), kMemberReadonly,
     "item_separator"},
    {"sort_keys", kMemberBool, offsetof(EncoderObject, sort_keys), kMemberReadonly, "sort_keys"},
    {"skipkeys", kMemberBool, offsetof(EncoderObject, skipkeys), kMemberReadonly, "skipkeys"},
    {nullptr, 0, 0, 0, nullptr}};

TypeObject encoder_type = [] {
  TypeObject t = static_type("_json.Encoder", sizeof(EncoderObject), 0, kTpflagsHaveGc);
  t.doc = "Encoder(markers, default, encoder, indent, key_separator, item_separator, "
          "sort_keys, skipkeys, allow_nan)";
  t.dealloc = encoder_dealloc;
  t.call = encoder_call;
  t.traverse = encoder_traverse;
  t.clear = encoder_clear;
  t.members = encoder_members;
  t.alloc = type_generic_alloc;
  t.new_ = encoder_new;
  t.free = object_generic_free;
  return t;
}();

MethodDef json_methods[] = {
    {"encode_basestring_ascii", reinterpret_cast<void*>(py_encode_basestring_ascii), kMethO,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation "
     "of a Python string"},
    {"encode_basestring", reinterpret_cast<void*>(py_encode_basestring), kMethO,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", reinterpret_cast<void*>(py_scanstring), kMethVarargs,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON "
     "string."},
    {nullptr, nullptr, 0, nullptr}};

int json_exec(Object* module) {
  if (type_ready(&scanner_type) < 0 || type_ready(&encoder_type) < 0) return -1;
  if (module_add_object_ref(module, "make_scanner", &scanner_type) < 0) return -1;
  if (module_add_object_ref(module, "make_encoder", &encoder_type) < 0) return -1;
  return 0;
}

ModuleDef json_def = {"_json", "json speedups\n", json_methods, json_exec};

}  // namespace

ModuleDef* module_def() { return &json_def; }

}  // namespace cppy::modules::_json
