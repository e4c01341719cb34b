// The _symtable module: Modules/symtablemodule.c, with the symbol-table entry objects of
// Python/symtable.c (PySTEntry_Type) that the symtable module reads.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_symtable {

ModuleDef* module_def();

}  // namespace cppy::modules::_symtable
