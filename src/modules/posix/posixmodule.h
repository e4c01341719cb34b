// The posix module (os's primitives): Modules/posixmodule.c.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::posix {

ModuleDef* module_def();

// PyOS_FSPath: os.fspath(path): str or bytes as is, else __fspath__(); new reference.
objects::Object* fspath(objects::Object* path);

}  // namespace cppy::modules::posix
