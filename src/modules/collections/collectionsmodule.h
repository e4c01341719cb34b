// The _collections module: Modules/_collectionsmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::collections {

ModuleDef* module_def();

}  // namespace cppy::modules::collections
