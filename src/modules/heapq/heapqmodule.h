// The _heapq module: Modules/_heapqmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::heapq {

ModuleDef* module_def();

}  // namespace cppy::modules::heapq
