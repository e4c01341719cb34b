// The table of built-in modules: Modules/config.c (_PyImport_Inittab). A module joins by
// adding one line here and one declaration of its ModuleDef accessor.
#include "modules/moduledef.h"

#include "imp/import.h"
#include "modules/errno/errnomodule.h"
#include "modules/math/mathmodule.h"
#include "modules/_random/randommodule.h"
#include "modules/_struct/structmodule.h"
#include "modules/binascii/binasciimodule.h"
#include "modules/time/timemodule.h"
#include "modules/posix/posixmodule.h"

namespace cppy::modules {

const InittabEntry* inittab() {
  static const InittabEntry table[] = {
      // Core modules made at start-up (their init function is NULL in CPython's table too).
      {"builtins", nullptr},
      {"sys", nullptr},
      {"errno", errno_::module_def()},
      {"math", math::module_def()},
      {"_random", random::module_def()},
      {"_struct", struct_::module_def()},
      {"binascii", binascii::module_def()},
      {"time", time::module_def()},
      {"_imp", imp::module_def()},
      {"posix", posix::module_def()},
      {nullptr, nullptr},
  };
  return table;
}

}  // namespace cppy::modules
