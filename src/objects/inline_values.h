// Inline values of instances: CPython 3.14's Py_TPFLAGS_INLINE_VALUES and the split keys of
// Objects/dictobject.c (ht_cached_keys, _PyObject_InitInlineValues,
// _PyObject_TryGetInstanceAttribute, _PyObject_StoreInstanceAttribute,
// _PyObject_MaterializeManagedDict, _PyObject_VisitManagedDict, _PyObject_ClearManagedDict).
//
// Instances of classes whose layout is object's plus a __dict__ keep their attributes in the
// object itself until something asks for the dict: the class owns one table of attribute
// names (SharedKeys, only ever appended to), and each instance stores the values at the
// names' indices, with its own insertion order, after its basicsize:
//
//     (char*)obj + type->basicsize:  uint8_t size; uint8_t order[capacity]; (padding to 8)
//                                     Object* values[capacity]
//
// The instance's __dict__ slot (type->dictoffset) stays null while the values are in use;
// the first request for the dict pointer (object_dict_ptr: vars(), __dict__, pickling...)
// moves the values into an ordinary dict in the instance's insertion order, and the object
// uses that dict from then on. So "the values are valid" is "the dict slot is null".
// Differences from CPython: no embedded dict sharing the values (a materialised dict owns
// them), and the capacity comes from the classes' __static_attributes__ rather than a
// fixed 30.
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

inline constexpr int kSharedKeysMax = 30;  // SHARED_KEYS_MAX_SIZE

struct SharedKeys {
  uint32_t version;  // 0 until asked for; reset when a name is added
  uint8_t size;
  uint8_t capacity;  // of every instance's values
  Object* names[kSharedKeysMax];  // exact, interned str (strong references)
};

inline SharedKeys* type_shared_keys(TypeObject* type) {
  return static_cast<HeapTypeObject*>(type)->ht_cached_keys;
}
inline ssize inline_values_header(int capacity) { return (1 + capacity + 7) & ~ssize(7); }
// Extra bytes an instance of type needs after its basicsize (0 without inline values).
inline ssize inline_values_alloc_size(TypeObject* type) {
  if (!type_has_feature(type, kTpflagsInlineValues)) return 0;
  int cap = type_shared_keys(type)->capacity;
  return inline_values_header(cap) + ssize(sizeof(Object*)) * cap;
}
inline uint8_t* inline_values_order(Object* obj) {
  return reinterpret_cast<uint8_t*>(obj) + obj->type->basicsize;
}
inline Object** inline_values_array(Object* obj) {
  int cap = type_shared_keys(obj->type)->capacity;
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + obj->type->basicsize +
                                    inline_values_header(cap));
}
inline Object** managed_dict_slot(Object* obj) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + obj->type->dictoffset);
}
// The object's attributes are in its inline values (its type has them, its dict slot is
// empty).
inline bool inline_values_valid(Object* obj) {
  return type_has_feature(obj->type, kTpflagsInlineValues) && *managed_dict_slot(obj) == nullptr;
}

// Called by type_new once the layout is known: gives instances of a class whose instances
// are object's layout (slots allowed) plus a __dict__ inline values sized from the MRO's
// __static_attributes__. -1 on memory error.
int type_init_inline_values(TypeObject* type);
void shared_keys_free(SharedKeys* keys);

// The index of name (a str) in keys, or -1.
ssize shared_keys_lookup(SharedKeys* keys, Object* name);
// dk_version for the specialised instructions that prove a name absent (never 0 when the
// counter has not wrapped; 0 means "do not specialise").
uint32_t shared_keys_version(SharedKeys* keys);

// The attribute name of an object with valid inline values: borrowed, null when absent.
Object* inline_values_get(Object* obj, Object* name);
// Stores (value) or deletes (null) name in the inline values: 0 done, -1 error (a deletion
// of a missing attribute raises AttributeError), 1 no room (the caller materialises the
// dict and stores there).
int inline_values_set(Object* obj, Object* name, Object* value);
// Records that values[index] just became set (STORE_ATTR_INSTANCE_VALUE).
inline void inline_values_append_order(Object* obj, int index) {
  uint8_t* hdr = inline_values_order(obj);
  hdr[1 + hdr[0]] = uint8_t(index);
  hdr[0] = uint8_t(hdr[0] + 1);
}
// _PyObject_MaterializeManagedDict: moves valid inline values into a new dict stored in the
// dict slot. Borrowed dict, or null on memory error.
Object* inline_values_materialize(Object* obj);
// Traverse / clear / dealloc helpers for valid inline values.
int inline_values_traverse(Object* obj, visitproc visit, void* arg);
void inline_values_clear(Object* obj);

}  // namespace cppy::objects
