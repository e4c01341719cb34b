// The import machinery: Python/import.c. The _imp module, which importlib._bootstrap and
// _bootstrap_external use to create built-in modules, run frozen modules and read .pyc files,
// and the C-level import (PyImport_ImportModuleLevelObject and friends) that the IMPORT_NAME
// instruction and builtins.__import__ go through.
#pragma once

#include "modules/moduledef.h"
#include "objects/object.h"

namespace cppy::imp {

using objects::Object;

// The _imp module's definition (Python/import.c imp_module).
modules::ModuleDef* module_def();

// The magic number of 3.14.2's .pyc files (Lib/importlib/_bootstrap_external.py MAGIC_NUMBER).
inline constexpr unsigned kPycMagicNumber = 3627;
// _imp.pyc_magic_number_token: the 4-byte .pyc header word, as a little-endian integer.
inline constexpr unsigned long kPycMagicNumberToken =
    kPycMagicNumber | (static_cast<unsigned long>('\r') << 16) |
    (static_cast<unsigned long>('\n') << 24);

// The import lock (_PyImport_AcquireLock / _PyImport_ReleaseLock): re-entrant, one thread.
void acquire_lock();
int release_lock();  // -1 when not held
bool lock_held();

// --- settings the start-up passes in (PyConfig fields import.c reads) ----------------------
struct ImportSettings {
  bool use_frozen_modules = true;      // -X frozen_modules=on|off
  int verbose = 0;                     // -v: keeps importlib's frames in tracebacks
  const char* check_hash_pycs_mode = "default";  // --check-hash-based-pycs
  bool safe_path = false;              // -P: no "consider renaming" shadowing hints
  int import_time = 0;                 // -X importtime[=2], PYTHONPROFILEIMPORTTIME
};
void set_settings(const ImportSettings& settings);
const ImportSettings& settings();

// --- importing (Python/import.c) ---------------------------------------------------------------
// PyImport_ImportModuleLevelObject: `import name` / `from name import fromlist` at `level`
// relative to globals' package. New reference, null with an error.
Object* import_module_level_object(Object* name, Object* globals, Object* locals,
                                   Object* fromlist, int level);
// PyImport_Import: through builtins.__import__, then sys.modules[name]. New reference.
Object* import_import(Object* name);
// PyImport_ImportModule.
Object* import_module(const char* name);
// PyImport_GetModule: sys.modules[name] (new reference) or null, with an error only when
// the lookup itself failed.
Object* get_module(Object* name);
// PyImport_AddModuleRef: sys.modules[name], created empty when missing. New reference.
Object* add_module_ref(const char* name);
Object* add_module_object(Object* name);
// _PyImport_SetModuleString.
int set_module_string(const char* name, Object* module);
// PyImport_ExecCodeModuleObject: runs code as module `name` (after
// _bootstrap_external._fix_up_module). New reference to sys.modules[name].
Object* exec_code_module_object(Object* name, Object* code, Object* pathname, Object* cpathname);
// _PyImport_ResolveName (resolve_name): the absolute name of a relative import.
Object* resolve_name(Object* name, Object* globals, int level);
// _PyEval_ImportFrom: `from module import name` for one name, with the sys.modules fallback
// for circular imports and CPython's "cannot import name" messages.
Object* import_from(Object* module, Object* name);
// The module spec helpers of the "no attribute" / "cannot import name" messages:
// _PyModuleSpec_IsInitializing, _PyModuleSpec_GetFileOrigin (1 with *origin set, 0 without,
// -1), _PyModule_IsPossiblyShadowing (origin may be null), _PyModuleSpec_IsUninitializedSubmodule.
int spec_is_initializing(Object* spec);
int spec_get_file_origin(Object* spec, Object** origin);
int is_possibly_shadowing(Object* origin);
int spec_is_uninitialized_submodule(Object* spec, Object* name);
// Whether func is the builtins.__import__ of start-up (_PyImport_IsDefaultImportFunc), so that
// IMPORT_NAME may call import_module_level_object directly.
bool is_default_import_func(Object* func);
// builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0).
Object* builtin_import(Object* self, Object* const* args, objects::ssize nargs, Object* kwnames);
// PyImport_GetImporter: the finder for a sys.path entry (path_importer_cache, path_hooks).
Object* get_importer(Object* path);

// --- frozen modules (Python/import.c, frozen.c) -----------------------------------------------
// PyImport_ImportFrozenModuleObject: 1 when run, 0 when there is no such frozen module, -1
// with an error.
int import_frozen_module_object(Object* name);
int import_frozen_module(const char* name);

// --- importlib (IMPORTLIB(interp)) ------------------------------------------------------------
// _frozen_importlib once init_importlib ran (borrowed), else null: until then imports of
// modules not yet in sys.modules can only reach built-in modules.
Object* importlib();
// init_importlib (Python/import.c): runs _frozen_importlib, creates _imp and calls
// _bootstrap._install(sys, _imp). 0 or -1.
int init_importlib(Object* sysmod);
// init_importlib_external: _bootstrap._install_external_importers(). 0 or -1.
int init_importlib_external();
// _PyImport_InitDefaultImportFunc: remembers builtins.__import__ (the fast path's check).
int init_default_import_func(Object* builtins_dict);
// Forgets importlib and the import function (embedding tests that build several runtimes).
void reset_importlib();

}  // namespace cppy::imp
