// tuple: Include/cpython/tupleobject.h, Objects/tupleobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct TupleObject : VarObject {
  hash_t hash_cache;  // -1 until computed (3.14 caches a tuple's hash)
  Object* items[1];   // size entries
};

extern TypeObject tuple_type;
extern TypeObject tupleiter_type;
// tuple_iterator (_PyTupleIterObject): the specialised FOR_ITER_TUPLE reads it.
struct TupleIterObject : Object {
  ssize index;
  Object* seq;
};

inline bool tuple_check(Object* o) { return type_has_feature(o->type, kTpflagsTupleSubclass); }
inline bool tuple_check_exact(Object* o) { return o->type == &tuple_type; }
inline Object** tuple_items(Object* t) { return static_cast<TupleObject*>(t)->items; }
inline ssize tuple_size(Object* t) { return static_cast<VarObject*>(t)->size; }
inline Object* tuple_item(Object* t, ssize i) { return static_cast<TupleObject*>(t)->items[i]; }
// PyTuple_SET_ITEM: steals v; only for filling a new tuple.
inline void tuple_set_item(Object* t, ssize i, Object* v) {
  static_cast<TupleObject*>(t)->items[i] = v;
}

Object* tuple_new(ssize n);               // PyTuple_New: items null
// Tracked tuples of n borrowed objects (Py_BuildValue("(OO...)"), PyTuple_New then filled).
Object* tuple_pack(ssize n, ...);
// Since 3.14.1 (GH-139951) PyTuple_Pack, _PyTuple_FromArray, _PyTuple_FromArraySteal and
// BUILD_TUPLE leave a new tuple untracked when none of its items' types is a GC type.
Object* tuple_pack_maybe_tracked(ssize n, ...);  // PyTuple_Pack: borrows its arguments
Object* tuple_from_array(Object* const* items, ssize n);  // _PyTuple_FromArray
Object* tuple_from_array_steal(Object* const* items, ssize n);  // _PyTuple_FromArraySteal
Object* tuple_get_slice(Object* t, ssize lo, ssize hi);   // PyTuple_GetSlice
Object* tuple_empty();  // the empty tuple singleton (borrowed, immortal)
int tuple_resize(Object** t, ssize newsize);  // _PyTuple_Resize
hash_t tuple_hash(Object* t);

}  // namespace cppy::objects
