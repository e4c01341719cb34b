// The posix module (os's primitives): Modules/posixmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::posix {

ModuleDef* module_def();

// PyOS_FSPath: os.fspath(path): str or bytes as is, else __fspath__(); new reference.
objects::Object* fspath(objects::Object* path);

// Adds the process and descriptor functions of posix_proc.cpp (pipe, dup2, waitpid, kill,
// the W* macros, get/set_inheritable, get/set_blocking...). 0 or -1.
int add_process_functions(objects::Object* module);

}  // namespace cppy::modules::posix
