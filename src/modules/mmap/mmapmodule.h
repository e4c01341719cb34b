// The mmap module: Modules/mmapmodule.c (memory-mapped files and anonymous maps, Unix).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::mmap_ {

ModuleDef* module_def();

}  // namespace cppy::modules::mmap_
