// The _posixsubprocess module: Modules/_posixsubprocess.c (fork_exec for subprocess.Popen).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_posixsubprocess {

ModuleDef* module_def();

}  // namespace cppy::modules::_posixsubprocess
