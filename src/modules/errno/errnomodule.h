// The errno module: Modules/errnomodule.c.
#pragma once

#include "modules/moduledef.h"

// errno is a macro of the C library, hence the trailing underscore.
namespace cppy::modules::errno_ {

ModuleDef* module_def();

}  // namespace cppy::modules::errno_
