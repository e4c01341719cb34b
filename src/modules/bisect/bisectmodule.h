// The _bisect module: Modules/_bisectmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::bisect {

ModuleDef* module_def();

}  // namespace cppy::modules::bisect
