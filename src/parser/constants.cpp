// See constants.h: the object core's None, Ellipsis, complex and bytes.
#include "parser/constants.h"

#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrtod.h"

namespace cppy::parser {

using objects::Object;

namespace {

std::string str_utf8(Object* s) {
  objects::ssize n = 0;
  const char* c = objects::str_as_utf8(s, &n);
  return c ? std::string(c, static_cast<size_t>(n)) : std::string();
}

// repr() of an object through its own type (complex_repr, bytes_repr).
bool repr_of(Object* r, std::string* out) {
  if (!r) return false;
  *out = str_utf8(r);
  objects::decref(r);
  return true;
}

}  // namespace

Object* const_none() { return objects::none(); }
Object* const_ellipsis() { return objects::ellipsis(); }
Object* const_float(double v) { return objects::float_from_double(v); }
Object* const_complex(double real, double imag) {
  return objects::complex_from_doubles(real, imag);
}
Object* const_bytes(const char* s, size_t n) {
  return objects::bytes_from_string_and_size(s, objects::ssize(n));
}

bool is_none(Object* o) { return o == objects::none(); }
bool is_bytes(Object* o) { return objects::bytes_check_exact(o); }
std::string bytes_contents(Object* o) {
  return std::string(objects::bytes_as_string(o), size_t(objects::bytes_size(o)));
}

bool constant_repr(Object* o, std::string* out) {
  if (o == objects::none()) {
    *out = "None";
  } else if (o == objects::ellipsis()) {
    *out = "Ellipsis";
  } else if (objects::complex_check_exact(o)) {
    return repr_of(objects::complex_repr(o), out);
  } else if (objects::bytes_check_exact(o)) {
    return repr_of(objects::bytes_repr(o), out);
  } else if (objects::bool_check(o)) {
    *out = o == objects::py_true() ? "True" : "False";
  } else if (objects::float_check_exact(o)) {
    *out = pystrconv::double_repr(objects::float_value(o));
  } else if (objects::long_check_exact(o)) {
    return repr_of(objects::long_to_decimal_string(o), out);
  } else if (objects::str_check(o)) {
    return repr_of(objects::str_repr(o), out);
  } else {
    return false;
  }
  return true;
}

}  // namespace cppy::parser
