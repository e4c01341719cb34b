// The _pickle module: Modules/_pickle.c (the C Pickler and Unpickler pickle.py imports).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::pickle {

ModuleDef* module_def();

}  // namespace cppy::modules::pickle
