// Shared between typeobject.cpp and slots.cpp (the slotdefs table of Objects/typeobject.c).
#pragma once

#include "objects/typeobject.h"

namespace cppy::objects::typeobject_internal {

// _PyType_DocWithoutSignature: the internal doc of name without its "name(...)\n--\n\n"
// header, or the whole doc when it has none for that name.
const char* doc_without_signature(const char* name, const char* doc);
// Interns the slot names; 0 or -1 (slotdefs_init / init_slotdefs).
int init_slotdefs();
// add_operators: a wrapper descriptor in type's dict for every slot the type defines itself.
int add_operators(TypeObject* type);
// fixup_slot_dispatchers: a heap type's slots point to the slot_* functions that call the
// dunder methods found along its MRO.
void fixup_slot_dispatchers(TypeObject* type);
// The same for type (if a heap type) and every subclass (update_all_slots after __bases__
// assignment).
void fixup_slot_dispatchers_hierarchy(TypeObject* type);
// update_slot: after type.name = ..., refresh the affected slots of type and its subclasses.
int update_slot(TypeObject* type, Object* name);
// Whether name (a str) is the name of some slot (a dunder that update_slot cares about).
bool is_slot_name(Object* name);
// The interned dunder names used by the slot functions (dunder: a string literal; the
// cache is keyed by its address first).
Object* name_of(const char* dunder);
// Whether type's tp_init is slot_tp_init (a Python-level __init__ along the MRO).
bool init_is_slot(TypeObject* type);
// slot_tp_init with vectorcall arguments: 0, or -1 with the error set.
int call_init_vector(Object* self, Object* const* args, size_t nargsf, Object* kwnames);

}  // namespace cppy::objects::typeobject_internal

namespace cppy::objects {
// For a static type that CPython makes from a spec (a heap type there): stores the module
// part of its name in its dict as a fresh, non-interned str, as PyType_FromMetaclass does, so
// __module__ is one object per type and not the interned module name (pickle's memo is keyed
// by identity, so array's pickles depend on it). 0 or -1.
int type_set_heap_module(TypeObject* type);
// The C3 linearisation of type's bases (type.mro()).
Object* mro_implementation_public(TypeObject* type);
// type_set_bases after its checks: installs new_bases and new_base, recomputes the MRO of the
// hierarchy (restoring the old state on failure), the subclass lists and the slots. 0 or -1.
int type_replace_bases(TypeObject* type, Object* new_bases, TypeObject* new_base);
// _PyType_GetTextSignatureFromInternalDoc (flags: the METH_* flags of a builtin function or
// method, 0 for types and slot wrappers); a new reference.
Object* text_signature_from_internal_doc(const char* name, const char* doc, int flags);
// _PyObject_GetState: obj.__getstate__() (the default state when it is object's own).
Object* object_get_state(Object* obj);
// solid_base: the most derived class of type's base chain that adds to the instance layout.
TypeObject* type_solid_base(TypeObject* type);
// str(o) for object.__format__.
Object* object_str_any(Object* o);
}  // namespace cppy::objects
