// The resource module: Modules/resource.c (getrusage, getrlimit/setrlimit/prlimit,
// getpagesize, the RLIMIT_* and RUSAGE_* constants).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::resource {

ModuleDef* module_def();

}  // namespace cppy::modules::resource
