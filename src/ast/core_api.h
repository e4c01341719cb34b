// What src/ast and src/symtable use from the object core: errors, exception types, the
// abstract protocols, str and int.
#pragma once

#include "errors/errors.h"
#include "objects/longobject.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"

#include "objects/exceptions.h"

#include "objects/abstract.h"

namespace cppy::objects {
// Py_None and Py_Ellipsis (object.cpp, sliceobject.cpp).
extern Object NoneStruct;
extern Object EllipsisStruct;
}  // namespace cppy::objects

namespace cppy::ast {
inline objects::Object* py_none() { return &objects::NoneStruct; }
inline objects::Object* py_ellipsis() { return &objects::EllipsisStruct; }
}  // namespace cppy::ast
