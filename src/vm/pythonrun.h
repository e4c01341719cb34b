// Running code: Python/pythonrun.c (running a .pyc file as __main__, printing an uncaught
// exception) and the SystemExit handling of Python/pythonrun.c _Py_HandleSystemExit.
#pragma once

namespace cppy::vm {

// Initialises the runtime (objects, the interpreter's types, builtins) once. 0 or -1.
int initialize_runtime();

// _PyRun_SimpleFileObject for a compiled file: runs the module code object in path (a .pyc)
// in a fresh __main__ module. Returns the process exit status: 0, SystemExit's code, or 1
// after printing an uncaught exception to stderr.
int run_pyc_file(const char* path);

// Whether the file at path starts with the .pyc magic number (maybe_pyc_file).
bool is_pyc_file(const char* path);

}  // namespace cppy::vm
