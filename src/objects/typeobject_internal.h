// Shared between typeobject.cpp and slots.cpp (the slotdefs table of Objects/typeobject.c).
#pragma once

#include "objects/typeobject.h"

namespace cppy::objects::typeobject_internal {

// Interns the slot names; 0 or -1 (slotdefs_init / init_slotdefs).
int init_slotdefs();
// add_operators: a wrapper descriptor in type's dict for every slot the type defines itself.
int add_operators(TypeObject* type);
// fixup_slot_dispatchers: a heap type's slots point to the slot_* functions that call the
// dunder methods found along its MRO.
void fixup_slot_dispatchers(TypeObject* type);
// update_slot: after type.name = ..., refresh the affected slots of type and its subclasses.
int update_slot(TypeObject* type, Object* name);
// Whether name (a str) is the name of some slot (a dunder that update_slot cares about).
bool is_slot_name(Object* name);
// The interned dunder names used by the slot functions.
Object* name_of(const char* dunder);

}  // namespace cppy::objects::typeobject_internal

namespace cppy::objects {
// The C3 linearisation of type's bases (type.mro()).
Object* mro_implementation_public(TypeObject* type);
// str(o) for object.__format__.
Object* object_str_any(Object* o);
}  // namespace cppy::objects
