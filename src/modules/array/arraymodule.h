// The array module: Modules/arraymodule.c (typed arrays of machine values).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::array {

ModuleDef* module_def();

}  // namespace cppy::modules::array
