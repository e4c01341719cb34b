// The pyexpat module: Modules/pyexpat.c over the system libexpat (xmlparser objects,
// ParserCreate, ErrorString, ExpatError, the errors and model submodules).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::pyexpat {

ModuleDef* module_def();

}  // namespace cppy::modules::pyexpat
