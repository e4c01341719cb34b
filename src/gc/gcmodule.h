// The gc module (Modules/gcmodule.c): its functions over src/gc's collector.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::gc {

// A new `gc` module object (the module-init function of the native module table).
objects::Object* create_gc_module();
// The parts of the module definition (modules/config.cpp registers gc): the functions and the
// exec step adding the constants, garbage and callbacks. 0 or -1.
objects::MethodDef* gc_module_methods();
int gc_module_exec(objects::Object* m);

}  // namespace cppy::gc
