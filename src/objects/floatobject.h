// float: Include/floatobject.h, Objects/floatobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct FloatObject : Object {
  double ob_fval;
};

extern TypeObject float_type;  // PyFloat_Type

// The float free list (_Py_FREELIST floats, Py_floats_MAXFREELIST): exact floats released
// by float_dealloc are reused by float_from_double without going back to the allocator. The
// eval loop's float results take from it and give back to it inline (vm/number_fast.h).
inline constexpr int kFloatFreelistSize = 100;
struct FloatFreelist {
  Object* items[kFloatFreelistSize];
  int size;
};
extern thread_local constinit FloatFreelist float_freelist;

// The float free list: how many floats it keeps now (_PyFloat_DebugMallocStats), and emptying
// it (the floats list of _PyObject_ClearFreeLists).
int float_freelist_size();
void float_clear_freelist();

inline bool float_check(Object* o) { return type_check(o, &float_type); }
inline bool float_check_exact(Object* o) { return o->type == &float_type; }
inline double float_value(Object* o) { return static_cast<FloatObject*>(o)->ob_fval; }

Object* float_from_double(double v);  // PyFloat_FromDouble
// PyFloat_AsDouble: floats, ints, __float__ (a float, or a float subclass with a
// DeprecationWarning) and __index__; -1.0 with an exception set on failure.
double float_as_double(Object* o);
// PyFloat_FromString for a str: ValueError "could not convert string to float: %R".
Object* float_from_string(Object* s);
// PyNumber_Float: float(o) for o not a str (__float__, __index__, float subclasses, bytes).
Object* float_from_object(Object* o);

Object* float_repr(Object* o);
hash_t float_hash(Object* o);
Object* float_richcompare(Object* a, Object* b, int op);
// float.hex() and float.fromhex(s) (the latter for a str, returning a float).
Object* float_hex(Object* self);
Object* float_fromhex_str(Object* s);
// float.as_integer_ratio(): a (numerator, denominator) pair through the callback when
// tuples are not available; here the two ints are returned through out parameters.
int float_as_integer_ratio(Object* self, Object** numerator, Object** denominator);
// round(x, ndigits) (double_round) and round(x) (nearest int, ties to even).
Object* float_round_ndigits(double x, int ndigits);
Object* float_round_to_int(double x);

}  // namespace cppy::objects
