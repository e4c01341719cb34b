// The select module: Modules/selectmodule.c for Linux (select, poll, epoll).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::select {

ModuleDef* module_def();

}  // namespace cppy::modules::select
