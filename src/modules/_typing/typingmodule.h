// The _typing module: Modules/_typingmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::typing_ {

ModuleDef* module_def();

}  // namespace cppy::modules::typing_
