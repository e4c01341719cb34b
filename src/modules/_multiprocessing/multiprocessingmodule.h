// The _multiprocessing module (Modules/_multiprocessing/multiprocessing.c, semaphore.c) and
// _posixshmem (Modules/_multiprocessing/posixshmem.c).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_multiprocessing {

ModuleDef* module_def();
ModuleDef* posixshmem_module_def();

}  // namespace cppy::modules::_multiprocessing
