// See constants.h. The stand-in types carry CPython's type names and reprs so that ast.dump
// text is already right; replace them by the real objects as those land on main.
#include "parser/constants.h"

#include <cmath>
#include <cstring>
#include <new>

#include "objects/boolobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrtod.h"

namespace cppy::parser {

using objects::Object;
using objects::TypeObject;

namespace {

struct ComplexStandIn : Object {
  double real, imag;
};
struct BytesStandIn : Object {
  size_t size;
  char* data;
};

void free_complex(Object* o) { delete static_cast<ComplexStandIn*>(o); }
void free_bytes(Object* o) {
  auto* b = static_cast<BytesStandIn*>(o);
  delete[] b->data;
  delete b;
}

TypeObject make_type(const char* name, objects::destructor dealloc) {
  TypeObject t{};
  t.refcnt = objects::kImmortalRefcnt;
  t.name = name;
  t.dealloc = dealloc;
  return t;
}

TypeObject g_none_type = make_type("NoneType", nullptr);
TypeObject g_ellipsis_type = make_type("ellipsis", nullptr);
TypeObject g_complex_type = make_type("complex", free_complex);
TypeObject g_bytes_type = make_type("bytes", free_bytes);
Object g_none{objects::kImmortalRefcnt, &g_none_type};
Object g_ellipsis{objects::kImmortalRefcnt, &g_ellipsis_type};

std::string str_utf8(Object* s) {
  objects::ssize n = 0;
  const char* c = objects::str_as_utf8(s, &n);
  return c ? std::string(c, static_cast<size_t>(n)) : std::string();
}

// complex_repr: repr of each part with 'r', the real part omitted when it is +0.0.
std::string complex_repr(double real, double imag) {
  auto part = [](double v) {
    std::string s;
    pystrconv::double_to_string(v, 'r', 0, 0, &s);
    return s;
  };
  if (real == 0.0 && std::copysign(1.0, real) == 1.0) return part(imag) + "j";
  std::string im = part(imag);
  if (im[0] != '-' && im[0] != '+') im = "+" + im;
  return "(" + part(real) + im + "j)";
}

// bytes_repr with the quote choice of CPython (single unless it contains ' and no ").
std::string bytes_repr(const char* s, size_t n) {
  bool has_single = std::memchr(s, '\'', n) != nullptr;
  bool has_double = std::memchr(s, '"', n) != nullptr;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out = "b";
  out.push_back(quote);
  static const char* hex = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(quote);
  return out;
}

}  // namespace

Object* const_none() { return &g_none; }
Object* const_ellipsis() { return &g_ellipsis; }
Object* const_float(double v) { return objects::float_from_double(v); }

Object* const_complex(double real, double imag) {
  auto* c = new (std::nothrow) ComplexStandIn;
  if (!c) return nullptr;
  c->refcnt = 1;
  c->type = &g_complex_type;
  c->real = real;
  c->imag = imag;
  return c;
}

Object* const_bytes(const char* s, size_t n) {
  auto* b = new (std::nothrow) BytesStandIn;
  if (!b) return nullptr;
  b->refcnt = 1;
  b->type = &g_bytes_type;
  b->size = n;
  b->data = new char[n + 1];
  std::memcpy(b->data, s, n);
  b->data[n] = 0;
  return b;
}

bool is_none(Object* o) { return o == &g_none; }
bool is_bytes(Object* o) { return o->type == &g_bytes_type; }
std::string bytes_contents(Object* o) {
  auto* b = static_cast<BytesStandIn*>(o);
  return std::string(b->data, b->size);
}

bool constant_repr(Object* o, std::string* out) {
  if (o == &g_none) {
    *out = "None";
  } else if (o == &g_ellipsis) {
    *out = "Ellipsis";
  } else if (o->type == &g_complex_type) {
    auto* c = static_cast<ComplexStandIn*>(o);
    *out = complex_repr(c->real, c->imag);
  } else if (o->type == &g_bytes_type) {
    auto* b = static_cast<BytesStandIn*>(o);
    *out = bytes_repr(b->data, b->size);
  } else if (objects::bool_check(o)) {
    *out = o == objects::py_true() ? "True" : "False";
  } else if (objects::float_check_exact(o)) {
    *out = pystrconv::double_repr(objects::float_value(o));
  } else if (objects::long_check_exact(o)) {
    Object* r = objects::long_to_decimal_string(o);
    if (!r) return false;
    *out = str_utf8(r);
    objects::decref(r);
  } else if (objects::str_check(o)) {
    Object* r = objects::str_repr(o);
    if (!r) return false;
    *out = str_utf8(r);
    objects::decref(r);
  } else {
    return false;
  }
  return true;
}

}  // namespace cppy::parser
