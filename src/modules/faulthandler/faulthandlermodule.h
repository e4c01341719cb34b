// The faulthandler module: Modules/faulthandler.c (and the signal-safe traceback dump of
// Python/traceback.c: _Py_DumpTraceback, _Py_DumpASCII).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::faulthandler {

ModuleDef* module_def();

// _PyFaulthandler_Init: -X faulthandler or PYTHONFAULTHANDLER enables the handler at start-up
// (writing to fd 2). 0, or -1 with an error set.
int enable_at_startup();

// The Python traceback of the calling thread, as a fatal error prints it (signal-safe).
void dump_fatal_traceback(int fd);

}  // namespace cppy::modules::faulthandler
