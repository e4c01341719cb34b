// The end of Py_FinalizeEx (Python/pylifecycle.c): what happens to the modules, and so to the
// objects the program left in them, after atexit. The rest of the start-up and shut-down
// sequence lives in pythonrun.cpp (initialize_main, finalize_main).
#pragma once

namespace cppy::vm {

// pycore_init_builtins' interp->builtins_copy: a copy of the builtins dict taken right after
// the builtins module is made, restored by finalize_modules so that user data stored in
// builtins (site's exit/help, gettext's _...) is released with the modules.
int save_builtins_copy();

// _PyImport_FiniExternal then finalize_modules: sys.meta_path, path_importer_cache and
// path_hooks set to None; builtins._ and a few sys attributes cleared, the original standard
// streams put back; every module in sys.modules replaced by None (remembered by a weak
// reference) and sys.modules emptied; builtins restored; a collection; the dicts of the
// modules still alive wiped, the modules imported last first (_PyModule_ClearDict); a last
// collection. Objects of the program are finalized (__del__, weakref callbacks, files
// flushed and closed) as in CPython. Never fails: errors go to sys.unraisablehook.
void finalize_modules();

}  // namespace cppy::vm
