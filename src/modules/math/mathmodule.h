// The math module: Modules/mathmodule.c (with Modules/_math.h). The float algorithms that need
// no objects (fsum, gamma, hypot...) are in src/pymath; this file is the module: argument
// conversion, the libm wrappers with CPython 3.14's error rules and messages, and the integer
// functions (factorial, comb, perm, gcd, lcm, isqrt) on the digit library.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::math {

ModuleDef* module_def();

// PyFloat_AsDouble: floats, __float__, __index__; -1.0 with an error set on failure.
double as_double(objects::Object* o);

}  // namespace cppy::modules::math
