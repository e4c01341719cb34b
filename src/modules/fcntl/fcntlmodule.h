// The fcntl module: Modules/fcntlmodule.c for Linux (fcntl, ioctl, flock, lockf, constants).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::fcntl_ {

ModuleDef* module_def();

}  // namespace cppy::modules::fcntl_
