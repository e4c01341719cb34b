// The readline module (Modules/readline.c) over GNU readline.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::readline {

ModuleDef* module_def();

}  // namespace cppy::modules::readline
