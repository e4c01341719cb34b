// The table of built-in modules: Modules/config.c (_PyImport_Inittab). A module joins by
// adding one line here and one declaration of its ModuleDef accessor.
#include "modules/moduledef.h"

#include "imp/import.h"
#include "modules/errno/errnomodule.h"
#include "modules/posix/posixmodule.h"

namespace cppy::modules {

const InittabEntry* inittab() {
  static const InittabEntry table[] = {
      // Core modules made at start-up (their init function is NULL in CPython's table too).
      {"builtins", nullptr},
      {"sys", nullptr},
      {"errno", errno_::module_def()},
#if CPPY_HAVE_BYTES  // built with the interpreter core (src/vm/gate.cmake)
      {"_imp", imp::module_def()},
      {"posix", posix::module_def()},
#endif
      {nullptr, nullptr},
  };
  return table;
}

}  // namespace cppy::modules
