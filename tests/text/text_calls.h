// Reference call cases (tests/data/text/calls.txt, written by tools/textdata/gen_text_data.py):
// each line is OBJECT|METHOD|ARGS|RESULT with values encoded as the generator's enc() does:
// s<hex code points, comma separated> str, i<decimal> int, f<float.hex()> float,
// c<re.hex(),im.hex()> complex, y<hex> bytes,
// N None, b0/b1 bool, T<a/b> tuple, L<a/b> list, D<k:v&k:v> dict, S<a/b/c> slice, Y<name> a builtin type; keyword arguments as
// name=value; results "err:Type:message" for exceptions. METHOD "" calls OBJECT itself.
#pragma once

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/sliceobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace text_calls {

using namespace cppy::objects;

inline std::vector<std::string> split_top(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    if (p == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

inline TypeObject* builtin_type(const std::string& name) {
  if (name == "str") return &str_type;
  if (name == "int") return &long_type;
  if (name == "float") return &float_type;
  if (name == "bool") return &bool_type;
  if (name == "bytes") return &bytes_type;
  if (name == "complex") return &complex_type;
  return nullptr;
}

// A new reference to the decoded value (null for an unknown encoding).
inline Object* decode(const std::string& e) {
  if (e.empty()) return nullptr;
  std::string body = e.substr(1);
  switch (e[0]) {
    case 'N': return new_ref(none());
    case 'b': return bool_from_bool(body == "1");
    case 'i': {
      Ref<> s = Ref<>::steal(str_from_cstr(body.c_str()));
      return long_from_string(s.get(), 10);
    }
    case 'f': {
      double d = body == "nan" ? std::nan("") : body == "inf" ? INFINITY
                 : body == "-inf" ? -INFINITY : std::strtod(body.c_str(), nullptr);
      return float_from_double(d);
    }
    case 'c': {
      size_t comma = body.find(',');
      Ref<> re = Ref<>::steal(decode("f" + body.substr(0, comma)));
      Ref<> im = Ref<>::steal(decode("f" + body.substr(comma + 1)));
      return complex_from_doubles(float_value(re.get()), float_value(im.get()));
    }
    case 's': {
      std::vector<UCS4> cps;
      for (const std::string& h : split_top(body, ','))
        cps.push_back(static_cast<UCS4>(std::stoul(h, nullptr, 16)));
      return str_from_kind_and_data(4, cps.data(), static_cast<ssize>(cps.size()));
    }
    case 'y': {
      std::string raw;
      for (size_t i = 0; i + 1 < body.size(); i += 2)
        raw += static_cast<char>(std::stoul(body.substr(i, 2), nullptr, 16));
      return bytes_from_string_and_size(raw.data(), static_cast<ssize>(raw.size()));
    }
    case 'T':
    case 'L': {
      std::vector<std::string> items = split_top(body, '/');
      Object* c = e[0] == 'T' ? tuple_new(static_cast<ssize>(items.size())) : list_new(0);
      for (size_t i = 0; i < items.size(); i++) {
        Object* v = decode(items[i]);
        if (e[0] == 'T') {
          tuple_set_item(c, static_cast<ssize>(i), v);
        } else {
          list_append(c, v);
          decref(v);
        }
      }
      return c;
    }
    case 'Y': return new_ref(static_cast<Object*>(builtin_type(body)));
    case 'S': {
      std::vector<std::string> parts = split_top(body, '/');
      Ref<> a = Ref<>::steal(decode(parts[0])), b = Ref<>::steal(decode(parts[1])),
            c = Ref<>::steal(decode(parts[2]));
      return slice_new(a.get(), b.get(), c.get());
    }
    case 'D': {
      Object* d = dict_new();
      for (const std::string& item : split_top(body, '&')) {
        size_t colon = item.find(':');
        Ref<> k = Ref<>::steal(decode(item.substr(0, colon)));
        Ref<> v = Ref<>::steal(decode(item.substr(colon + 1)));
        dict_set_item(d, k.get(), v.get());
      }
      return d;
    }
  }
  return nullptr;
}

inline std::string float_text(double d) {
  if (std::isnan(d)) return "nan";
  Ref<> f = Ref<>::steal(float_from_double(d));
  Ref<> h = Ref<>::steal(float_hex(f.get()));
  return str_as_utf8(h.get());
}

inline std::string error_text() {
  Object* exc = cppy::errors::get_raised_exception();
  if (!exc) return "err:none set";
  Object* msg = object_str(exc);
  std::string r = std::string("err:") + exc->type->name + ":" + (msg ? str_as_utf8(msg) : "?");
  if (!msg) cppy::errors::clear();
  xdecref(msg);
  decref(exc);
  return r;
}

inline std::string encode(Object* v) {
  static const char* hex = "0123456789abcdef";
  if (v == none()) return "N";
  if (bool_check(v)) return v == py_true() ? "b1" : "b0";
  if (long_check(v)) {
    Ref<> s = Ref<>::steal(long_repr(v));
    if (!s) return error_text();
    return "i" + std::string(str_as_utf8(s.get()));
  }
  if (float_check(v)) return "f" + float_text(float_value(v));
  if (complex_check(v)) {
    Complex c = complex_value(v);
    return "c" + float_text(c.real) + "," + float_text(c.imag);
  }
  if (str_check(v)) {
    std::string r = "s";
    for (ssize i = 0; i < str_length(v); i++) {
      if (i) r += ",";
      char buf[16];
      std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(str_read_char(v, i)));
      r += buf;
    }
    return r;
  }
  if (bytes_check(v)) {
    std::string r = "y";
    for (ssize i = 0; i < bytes_size(v); i++) {
      unsigned char c = static_cast<unsigned char>(bytes_as_string(v)[i]);
      r += hex[c >> 4];
      r += hex[c & 15];
    }
    return r;
  }
  if (tuple_check(v) || list_check(v)) {
    std::string r = tuple_check(v) ? "T" : "L";
    ssize n = tuple_check(v) ? tuple_size(v) : list_size(v);
    for (ssize i = 0; i < n; i++) {
      if (i) r += "/";
      r += encode(tuple_check(v) ? tuple_item(v, i) : list_get_item(v, i));
    }
    return r;
  }
  return std::string("?") + v->type->name;
}

// Runs one line's call; returns the encoded result.
inline std::string run_case(const std::string& obj_text, const std::string& method,
                            const std::string& args_text) {
  Ref<> obj = Ref<>::steal(decode(obj_text));
  if (!obj) return "bad object encoding";
  std::vector<Ref<>> owned;
  std::vector<Object*> args;
  std::vector<std::string> names;
  for (const std::string& a : split_top(args_text, ';')) {
    // Encoded values never contain '=': one marks a keyword argument.
    size_t eq = a.find('=');
    std::string value = a;
    if (eq != std::string::npos) {
      names.push_back(a.substr(0, eq));
      value = a.substr(eq + 1);
    }
    owned.push_back(Ref<>::steal(decode(value)));
    if (!owned.back()) return "bad argument encoding: " + value;
    args.push_back(owned.back().get());
  }
  Ref<> kwnames;
  if (!names.empty()) {
    kwnames = Ref<>::steal(tuple_new(static_cast<ssize>(names.size())));
    for (size_t i = 0; i < names.size(); i++)
      tuple_set_item(kwnames.get(), static_cast<ssize>(i), str_from_cstr(names[i].c_str()));
  }
  Ref<> callable = method.empty() ? obj : Ref<>::steal(object_getattr_string(obj.get(), method.c_str()));
  if (!callable) return error_text();
  size_t npos = args.size() - names.size();
  Object* r = vectorcall(callable.get(), args.data(), npos, kwnames.get());
  if (!r) return error_text();
  std::string out = encode(r);
  decref(r);
  return out;
}

}  // namespace text_calls
