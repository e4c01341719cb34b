// PyCapsule: Include/pycapsule.h, Objects/capsule.c. A capsule carries a C pointer (and an
// optional name, context and destructor) through Python code, as C modules export their C
// APIs (datetime.datetime_CAPI, _socket.CAPI...). Python sees it as types.CapsuleType.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

using CapsuleDestructor = void (*)(Object*);

extern TypeObject capsule_type;  // PyCapsule_Type

inline bool capsule_check_exact(Object* o) { return o->type == &capsule_type; }

// PyCapsule_New: pointer must not be null (ValueError).
Object* capsule_new(void* pointer, const char* name, CapsuleDestructor destructor);
// PyCapsule_GetPointer: null with ValueError when o is not a valid capsule or the names
// differ ("PyCapsule_GetPointer called with incorrect name").
void* capsule_get_pointer(Object* o, const char* name);
const char* capsule_get_name(Object* o);      // PyCapsule_GetName
void* capsule_get_context(Object* o);         // PyCapsule_GetContext
int capsule_set_context(Object* o, void* context);
int capsule_set_pointer(Object* o, void* pointer);
bool capsule_is_valid(Object* o, const char* name);  // PyCapsule_IsValid

}  // namespace cppy::objects
