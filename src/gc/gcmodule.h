// The gc module (Modules/gcmodule.c): its functions over src/gc's collector.
#pragma once

#include "objects/object.h"

namespace cppy::gc {

// A new `gc` module object (the module-init function of the native module table).
objects::Object* create_gc_module();

}  // namespace cppy::gc
