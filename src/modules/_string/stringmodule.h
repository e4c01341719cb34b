// The _string module: the module part of Objects/unicodeobject.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_string {

ModuleDef* module_def();

}  // namespace cppy::modules::_string
