// The _csv module: Modules/_csv.c (reader, writer, Dialect, the dialect registry).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::csv {

ModuleDef* module_def();

}  // namespace cppy::modules::csv
