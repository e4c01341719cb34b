// The _functools module: Modules/_functoolsmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::functools {

ModuleDef* module_def();

// functools.partial, for the modules that build partial objects (operator's methodcaller
// reduce).
extern objects::TypeObject partial_type;

}  // namespace cppy::modules::functools
