// The _opcode module: Modules/_opcode.c (the instruction metadata dis and opcode.py read).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_opcode {

ModuleDef* module_def();

}  // namespace cppy::modules::_opcode
