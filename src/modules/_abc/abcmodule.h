// The _abc module: Modules/_abc.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_abc {

ModuleDef* module_def();

}  // namespace cppy::modules::_abc
