// The cmath module: Modules/cmathmodule.c (complex functions with C99 Annex G special values).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::cmath {

ModuleDef* module_def();

}  // namespace cppy::modules::cmath
