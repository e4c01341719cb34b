// The _contextvars module: Modules/_contextvarsmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_contextvars {

ModuleDef* module_def();

}  // namespace cppy::modules::_contextvars
