// The _suggestions module: Modules/_suggestions.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_suggestions {

ModuleDef* module_def();

}  // namespace cppy::modules::_suggestions
