// The _tracemalloc module (Modules/_tracemalloc.c).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::tracemalloc {

ModuleDef* module_def();

}  // namespace cppy::modules::tracemalloc
