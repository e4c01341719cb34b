// The grp module: Modules/grpmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::grp {

ModuleDef* module_def();

}  // namespace cppy::modules::grp
