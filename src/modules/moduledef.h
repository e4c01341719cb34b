// The native-module framework: module definitions (Include/moduleobject.h PyModuleDef,
// Objects/moduleobject.c PyModule_FromDefAndSpec2/PyModule_ExecDef), the table of built-in
// modules (Modules/config.c _PyImport_Inittab) and the creation of built-in modules
// (Python/import.c create_builtin, exec_builtin_or_dynamic).
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::modules {

using objects::Object;

// PyModuleDef with one Py_mod_exec slot: the functions are added when the module is
// created, exec then adds the constants and types.
struct ModuleDef {
  const char* name;
  const char* doc;
  objects::MethodDef* methods;
  int (*exec)(Object* module);  // may be null; 0 or -1 with an error set
};

// An _inittab entry. A null def marks a core module made at start-up (builtins, sys), which
// create_builtin returns as registered with register_core_module.
struct InittabEntry {
  const char* name;
  ModuleDef* def;
};
// The table, ended by a null name (config.cpp).
const InittabEntry* inittab();
const InittabEntry* find_inittab(const char* name);

// sys.modules (interp->modules): created on first use, borrowed.
Object* modules_dict();

// The module object of a core module (builtins, sys) for create_builtin; steals nothing.
void register_core_module(const char* name, Object* module);

// PyModule_FromDefAndSpec2 with the name given directly (spec.name): a module whose md_def is
// def, with __doc__ and the functions of def; new reference.
Object* module_from_def(ModuleDef* def, Object* name);
// PyModule_ExecDef: runs def->exec once per module object.
int module_exec_def(Object* module, ModuleDef* def);

// _imp.create_builtin(spec): the module named spec.name, or ImportError / SystemError.
Object* create_builtin(Object* spec);
// _imp.exec_builtin(mod): 0 or -1.
int exec_builtin(Object* module);
// _imp.is_builtin(name): 1 for a built-in module, -1 for one that cannot be re-initialised
// (a core module), 0 otherwise.
int is_builtin(Object* name);
// sys.builtin_module_names: the sorted names of the table.
Object* builtin_module_names();

// The module called name, created, executed and stored in sys.modules if it was not there
// (as the start-up imports of built-in modules do); new reference.
Object* import_builtin(const char* name);

}  // namespace cppy::modules
