// CALL_INTRINSIC_1 / CALL_INTRINSIC_2: Python/intrinsics.c.
#pragma once

#include "objects/object.h"

namespace cppy::vm {

// Intrinsic functions by oparg (Include/internal/pycore_intrinsics.h). New reference or null.
objects::Object* call_intrinsic_1(int oparg, objects::Object* value);
objects::Object* call_intrinsic_2(int oparg, objects::Object* value1, objects::Object* value2);

// _PyEval_ImportAllFrom / import_all_from: `from module import *` into locals.
int import_all_from(objects::Object* locals, objects::Object* module);

}  // namespace cppy::vm
