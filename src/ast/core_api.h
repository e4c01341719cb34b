// What src/ast and src/symtable use from the object core: errors, exception types, the
// abstract protocols, str and int. The object core's exceptions.h and abstract.h are written
// in parallel; until they are on main, declarations of their agreed names stand in for them
// (the same names, so nothing changes when the headers arrive).
#pragma once

#include "errors/errors.h"
#include "objects/longobject.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"

#if __has_include("objects/exceptions.h")
#include "objects/exceptions.h"
#else
namespace cppy::objects {
extern TypeObject* exc_KeyError;
extern TypeObject* exc_MemoryError;
extern TypeObject* exc_RuntimeError;
extern TypeObject* exc_SyntaxError;
extern TypeObject* exc_SystemError;
extern TypeObject* exc_TypeError;
extern TypeObject* exc_ValueError;
}  // namespace cppy::objects
#endif

#if __has_include("objects/abstract.h")
#include "objects/abstract.h"
#else
namespace cppy::objects {
Object* object_repr(Object* o);
Object* object_str(Object* o);
Object* object_getattr_string(Object* o, const char* name);
int object_setattr_string(Object* o, const char* name, Object* value);
Object* object_get_iter(Object* o);
Object* iter_next(Object* it);
int enter_recursive_call(const char* where);
void leave_recursive_call();
}  // namespace cppy::objects
#endif

namespace cppy::objects {
// Py_None and Py_Ellipsis (object.cpp, sliceobject.cpp).
extern Object NoneStruct;
extern Object EllipsisStruct;
}  // namespace cppy::objects

namespace cppy::ast {
inline objects::Object* py_none() { return &objects::NoneStruct; }
inline objects::Object* py_ellipsis() { return &objects::EllipsisStruct; }
}  // namespace cppy::ast
