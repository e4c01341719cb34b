// The _weakref module definition: Modules/_weakref.c's weakref_module. Its functions and exec
// step are objects/weakrefobject.cpp's.
#include "modules/_weakref/weakrefmodule.h"

#include "objects/weakrefobject.h"

namespace cppy::modules::_weakref {

ModuleDef* module_def() {
  static ModuleDef def = {"_weakref", "Weak-reference support module.",
                          objects::weakref_module_methods(), objects::weakref_module_exec};
  return &def;
}

}  // namespace cppy::modules::_weakref
