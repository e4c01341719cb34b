// The gc module: Modules/gcmodule.c (implemented in src/gc/gcmodule.cpp).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::gc {

ModuleDef* module_def();

}  // namespace cppy::modules::gc
