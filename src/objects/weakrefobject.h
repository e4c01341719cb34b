// Weak references: Include/cpython/weakrefobject.h, Objects/weakrefobject.c and the
// `_weakref` module (Modules/_weakref.c).
//
// An object whose type has a non-zero weaklistoffset keeps, at that offset, the head of a
// doubly linked list of the WeakReference objects that refer to it. The callback-less
// exact `ref` comes first, then the callback-less exact proxy, then the others (newest
// first), as insert_head/insert_after order them in CPython.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct WeakReference : Object {
  Object* wr_object;    // the referent, or None once the reference is dead
  Object* wr_callback;  // called with the weakref when the referent dies, or null
  hash_t hash;          // cached hash of the referent, -1 until computed
  WeakReference* wr_prev;
  WeakReference* wr_next;
  vectorcallfunc vectorcall;
};

extern TypeObject weakref_ref_type;             // weakref.ReferenceType (_PyWeakref_RefType)
extern TypeObject weakref_proxy_type;           // weakref.ProxyType
extern TypeObject weakref_callable_proxy_type;  // weakref.CallableProxyType

bool weakref_check_ref(Object* o);  // PyWeakref_CheckRef (ref and subclasses)
bool weakref_check_proxy(Object* o);  // PyWeakref_CheckProxy
inline bool weakref_check(Object* o) { return weakref_check_ref(o) || weakref_check_proxy(o); }

// _PyType_SUPPORTS_WEAKREFS.
inline bool type_supports_weakrefs(const TypeObject* t) { return t->weaklistoffset > 0; }

// PyWeakref_NewRef / PyWeakref_NewProxy: callback may be null or None. New reference.
Object* weakref_new_ref(Object* ob, Object* callback);
Object* weakref_new_proxy(Object* ob, Object* callback);
// PyWeakref_GetRef: 1 and a new reference in *pobj when alive, 0 and null when dead, -1 with
// TypeError when ref is not a weak reference.
int weakref_get_ref(Object* ref, Object** pobj);
// _PyWeakref_IS_DEAD.
bool weakref_is_dead(Object* ref);

// PyObject_ClearWeakRefs: the dealloc of a type with weaklistoffset calls this first; it
// clears every weak reference to object and calls the callbacks (newest first).
void object_clear_weakrefs(Object* object);
// _PyWeakref_ClearWeakRefsNoCallbacks.
void object_clear_weakrefs_no_callbacks(Object* object);
// _PyWeakref_ClearRef: unlinks the reference from its referent, keeping the callback (the
// collector calls it afterwards, see gc.cpp's handle_weakrefs).
void weakref_clear_ref(WeakReference* self);
// The head of the object's weak reference list, or null when its type has none.
inline WeakReference** weakref_list_ptr(Object* o) {
  if (!type_supports_weakrefs(o->type)) return nullptr;
  return reinterpret_cast<WeakReference**>(reinterpret_cast<char*>(o) + o->type->weaklistoffset);
}
// _PyWeakref_GetWeakrefCount.
ssize weakref_get_weakref_count(Object* o);
// A list of the weak references to o in list order (_weakref.getweakrefs).
Object* weakref_get_weakrefs(Object* o);

// Readies the three types (called from runtime::initialize_objects). 0 or -1.
int init_weakref_types();

// The `_weakref` module (Modules/_weakref.c): getweakrefcount, getweakrefs, proxy,
// _remove_dead_weakref, ref, ReferenceType, ProxyType, CallableProxyType.
Object* create_weakref_module();
// The same as the parts of a module definition (modules/_weakref registers it): the
// functions, and the exec step adding the types. 0 or -1.
MethodDef* weakref_module_methods();
int weakref_module_exec(Object* m);

}  // namespace cppy::objects
