// The _stat module: Modules/_stat.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_stat {

ModuleDef* module_def();

}  // namespace cppy::modules::_stat
