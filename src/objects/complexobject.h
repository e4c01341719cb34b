// complex: Include/complexobject.h, Include/cpython/complexobject.h, Objects/complexobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct Complex {  // Py_complex
  double real;
  double imag;
};

struct ComplexObject : Object {
  Complex cval;
};

extern TypeObject complex_type;  // PyComplex_Type

inline bool complex_check(Object* o) { return type_check(o, &complex_type); }
inline bool complex_check_exact(Object* o) { return o->type == &complex_type; }
inline Complex complex_value(Object* o) { return static_cast<ComplexObject*>(o)->cval; }

Object* complex_from_doubles(double real, double imag);  // PyComplex_FromDoubles
Object* complex_repr(Object* o);
// The complex arithmetic of Objects/complexobject.c (_Py_c_pow...), for float ** float with
// a negative base and a fractional exponent (float_pow delegates to complex).
Object* complex_number_power(Object* a, Object* b, Object* c);
// PyComplex_AsCComplex: a complex, __complex__, or a real number (__float__, __index__) as
// its imaginary-free value; {-1, 0} with an error set on failure.
Complex complex_as_ccomplex(Object* op);
// _Py_c_quot (errno EDOM for a zero divisor) and _Py_c_abs (errno ERANGE on overflow), for
// the cmath module.
Complex complex_c_quot(Complex a, Complex b);
double complex_c_abs(Complex z);

}  // namespace cppy::objects
