// The pwd module: Modules/pwdmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::pwd {

ModuleDef* module_def();

}  // namespace cppy::modules::pwd
