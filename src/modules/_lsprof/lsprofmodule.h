// The _lsprof module (Modules/_lsprof.c): cProfile's profiler over sys.monitoring.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::lsprof {

ModuleDef* module_def();

}  // namespace cppy::modules::lsprof
