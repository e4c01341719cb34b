// The _sre module: Modules/_sre/sre.c (the Pattern, Match, Scanner and Template objects and
// the module functions) over the engine of sre_engine.h.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_sre {

ModuleDef* module_def();

}  // namespace cppy::modules::_sre
