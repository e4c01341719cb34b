// The time module: Modules/timemodule.c (clocks, struct_time, gmtime/localtime/mktime,
// strftime/asctime/ctime, strptime through Lib/_strptime.py, the timezone attributes).
#pragma once

#include <cstdint>

#include "modules/moduledef.h"

namespace cppy::modules::time {

ModuleDef* module_def();

// _PyTime_AsSecondsDouble: nanoseconds as float seconds, as time.time() rounds them.
double ns_to_seconds(std::int64_t ns);

}  // namespace cppy::modules::time
