// The marshal module: the module part of Python/marshal.c (the format is src/marshal).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::marshal {

ModuleDef* module_def();

}  // namespace cppy::modules::marshal
