// The atexit module: Modules/atexitmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::atexit {

ModuleDef* module_def();

// _PyAtExit_Call: runs the registered callbacks, last registered first, reporting their
// exceptions as unraisable, then forgets them. The interpreter's shutdown calls it (after
// _thread::wait_for_thread_shutdown). Needs no atexit module object.
void run_exitfuncs();
// The number of registered callbacks (atexit._ncallbacks).
objects::ssize ncallbacks();

}  // namespace cppy::modules::atexit
