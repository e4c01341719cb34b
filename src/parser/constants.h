// The constant objects the parser creates (Constant.value): None, Ellipsis, int, float,
// complex, bytes, str, bool, and their repr (for ast.dump).

#pragma once

#include <string>

#include "objects/object.h"

namespace cppy::parser {

objects::Object* const_none();      // borrowed, immortal
objects::Object* const_ellipsis();  // borrowed, immortal
objects::Object* const_float(double v);                   // new reference
objects::Object* const_complex(double real, double imag);  // new reference
objects::Object* const_bytes(const char* s, size_t n);     // new reference

bool is_none(objects::Object* o);
bool is_bytes(objects::Object* o);
// The bytes' contents (for concatenation).
std::string bytes_contents(objects::Object* o);

// repr() of a constant as CPython writes it; false if the object's repr failed.
bool constant_repr(objects::Object* o, std::string* out);

}  // namespace cppy::parser
