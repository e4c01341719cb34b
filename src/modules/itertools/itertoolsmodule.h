// The itertools module: Modules/itertoolsmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::itertools {

ModuleDef* module_def();

}  // namespace cppy::modules::itertools
