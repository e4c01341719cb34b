// The _types module: Modules/_typesmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::types_ {

ModuleDef* module_def();

}  // namespace cppy::modules::types_
