// bool: Include/boolobject.h, Objects/boolobject.c. True and False are immortal ints.
#pragma once

#include "objects/longobject.h"

namespace cppy::objects {

extern TypeObject bool_type;  // PyBool_Type
extern LongObject FalseStruct;
extern LongObject TrueStruct;

inline Object* py_false() { return &FalseStruct; }
inline Object* py_true() { return &TrueStruct; }
inline bool bool_check(Object* o) { return o->type == &bool_type; }
// PyBool_FromLong: a new reference to True or False.
inline Object* bool_from_long(long v) { return new_ref(v ? py_true() : py_false()); }
inline Object* bool_from_bool(bool v) { return new_ref(v ? py_true() : py_false()); }

}  // namespace cppy::objects
