// The _thread module: Modules/_threadmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_thread {

ModuleDef* module_def();

// wait_for_thread_shutdown (Python/pylifecycle.c): calls threading._shutdown() when threading
// was imported, so that non-daemon threads finish before the interpreter does. Errors are
// reported as unraisable; 0 or -1.
int wait_for_thread_shutdown();

}  // namespace cppy::modules::_thread
