// The time module: Modules/timemodule.c (clocks, struct_time, gmtime/localtime/mktime,
// strftime/asctime/ctime, strptime through Lib/_strptime.py, the timezone attributes).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::time {

ModuleDef* module_def();

}  // namespace cppy::modules::time
