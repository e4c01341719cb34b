// The _ctypes module's definition for the inittab (Modules/_ctypes/_ctypes.c PyInit__ctypes).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_ctypes {

ModuleDef* module_def();

}  // namespace cppy::modules::_ctypes
