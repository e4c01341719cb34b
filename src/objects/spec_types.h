// The static types of native modules that CPython 3.14 makes with PyType_FromSpec (heap
// types). CPython's add_operators (Objects/typeobject.c) leaves out the wrapper of a slot a
// static builtin type inherited, but gives a type made from a spec a wrapper for every slot
// its spec lists, even one holding its base's function (Py_tp_getattro =
// PyObject_GenericGetAttr gives __getattribute__ in the type's dict). A cppy module type
// whose spec lists such slots is marked here before type_ready, so its dict matches.
#pragma once

#include "objects/typeobject.h"

namespace cppy::objects {

// Call before type_ready(type).
void type_mark_spec_slots(TypeObject* type);
bool type_has_spec_slots(const TypeObject* type);

}  // namespace cppy::objects
