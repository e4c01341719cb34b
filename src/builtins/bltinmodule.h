// The builtins module: Python/bltinmodule.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::builtins {

// _PyBuiltin_Init: creates the builtins module (once); borrowed reference, null on error.
objects::Object* init_builtins();
objects::Object* builtins_module();  // borrowed, null before init_builtins

}  // namespace cppy::builtins

namespace cppy::objects {
// map, filter and zip (bltinmodule.c's iterator types).
extern TypeObject map_type;
extern TypeObject filter_type;
extern TypeObject zip_type;
}  // namespace cppy::objects
