// Inline values of instances (see inline_values.h): the split-keys parts of
// Objects/dictobject.c that 3.14 uses for Py_TPFLAGS_INLINE_VALUES.
#include "objects/inline_values.h"

#include <cstring>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {

uint32_t next_shared_keys_version = 1;

Object* static_attributes_name() {
  static Object* s = str_intern_from_cstr("__static_attributes__");
  return s;
}

// insert_split_key: appends name (an exact str) to keys; its index, or -1 when full.
ssize shared_keys_append(SharedKeys* keys, Object* name) {
  if (keys->size >= keys->capacity) return -1;
  Object* n = new_ref(name);
  str_intern_in_place(&n);
  keys->names[keys->size] = n;
  keys->version = 0;  // a name that was absent may be present now
  return keys->size++;
}

}  // namespace

// _PyDict_NewKeysForClass with the sizing of _PyObject_InitInlineValues: the names the
// classes of the MRO assign through self in their methods (__static_attributes__), base
// classes first, plus room for a few more.
int type_init_inline_values(TypeObject* type) {
  if (!type_has_feature(type, kTpflagsHeaptype) || type->dictoffset <= 0 || type->itemsize != 0 ||
      type->alloc != type_generic_alloc)
    return 0;
  TypeObject* solid = type;
  while (solid && type_has_feature(solid, kTpflagsHeaptype)) solid = solid->base;
  if (solid != &BaseObject_Type) return 0;
  Object* names[kSharedKeysMax];
  int count = 0;
  Object* mro = type->mro;
  ssize n = mro ? tuple_size(mro) : 0;
  for (ssize i = n; i-- > 0 && count < kSharedKeysMax;) {
    auto* cls = static_cast<TypeObject*>(tuple_item(mro, i));
    if (!type_has_feature(cls, kTpflagsHeaptype) || !cls->dict) continue;
    Object* attrs = dict_get_item(cls->dict, static_attributes_name());
    if (!attrs || !tuple_check(attrs)) continue;
    for (ssize j = 0; j < tuple_size(attrs) && count < kSharedKeysMax; ++j) {
      Object* a = tuple_item(attrs, j);
      if (!str_check_exact(a)) continue;
      bool seen = false;
      for (int k = 0; k < count && !seen; ++k) seen = str_equal(names[k], a);
      if (!seen) names[count++] = a;
    }
  }
  auto* keys = new (std::nothrow) SharedKeys{};
  if (!keys) {
    errors::no_memory();
    return -1;
  }
  int cap = count + 4;
  if (cap < 6) cap = 6;
  if (cap > kSharedKeysMax) cap = kSharedKeysMax;
  keys->capacity = uint8_t(cap);
  for (int i = 0; i < count; ++i) shared_keys_append(keys, names[i]);
  static_cast<HeapTypeObject*>(type)->ht_cached_keys = keys;
  type->flags |= kTpflagsInlineValues;
  return 0;
}

void shared_keys_free(SharedKeys* keys) {
  if (!keys) return;
  for (int i = 0; i < keys->size; ++i) decref(keys->names[i]);
  delete keys;
}

ssize shared_keys_lookup(SharedKeys* keys, Object* name) {
  int n = keys->size;
  for (int i = 0; i < n; ++i)
    if (keys->names[i] == name) return i;
  // Every name in the table is interned: an interned name that is not one of them is absent.
  if (str_check_exact(name) && static_cast<AsciiObject*>(name)->state.interned) return -1;
  hash_t h = str_hash(name);
  for (int i = 0; i < n; ++i)
    if (str_hash(keys->names[i]) == h && str_equal(keys->names[i], name)) return i;
  return -1;
}

uint32_t shared_keys_version(SharedKeys* keys) {
  if (keys->version == 0 && next_shared_keys_version != 0)
    keys->version = next_shared_keys_version++;
  return keys->version;
}

Object* inline_values_get(Object* obj, Object* name) {
  ssize i = shared_keys_lookup(type_shared_keys(obj->type), name);
  return i < 0 ? nullptr : inline_values_array(obj)[i];
}

int inline_values_set(Object* obj, Object* name, Object* value) {
  SharedKeys* keys = type_shared_keys(obj->type);
  ssize i = shared_keys_lookup(keys, name);
  Object** values = inline_values_array(obj);
  uint8_t* hdr = inline_values_order(obj);
  if (value == nullptr) {
    if (i < 0 || values[i] == nullptr) {
      set_attribute_error(obj, name);
      return -1;
    }
    // delete_index_from_values: the rest of the order moves up one place.
    int size = hdr[0];
    int pos = 0;
    while (pos < size && hdr[1 + pos] != i) ++pos;
    std::memmove(hdr + 1 + pos, hdr + 2 + pos, size_t(size - pos - 1));
    hdr[0] = uint8_t(size - 1);
    Object* old = values[i];
    values[i] = nullptr;
    decref(old);
    return 0;
  }
  if (i < 0) {
    if (!str_check_exact(name)) return 1;
    i = shared_keys_append(keys, name);
    if (i < 0) return 1;
  }
  Object* old = values[i];
  values[i] = new_ref(value);
  if (old) decref(old);
  else inline_values_append_order(obj, int(i));
  return 0;
}

Object* inline_values_materialize(Object* obj) {
  SharedKeys* keys = type_shared_keys(obj->type);
  uint8_t* hdr = inline_values_order(obj);
  Object** values = inline_values_array(obj);
  // A str table (CPython's materialised dict is a split one, of str keys).
  Object* dict = dict_new_presized(hdr[0], true);
  if (!dict) return nullptr;
  for (int k = 0; k < hdr[0]; ++k) {
    int i = hdr[1 + k];
    if (dict_set_item(dict, keys->names[i], values[i]) < 0) {
      decref(dict);
      return nullptr;
    }
  }
  // The dict owns the values now; the slot being set makes the inline values invalid.
  int size = hdr[0];
  hdr[0] = 0;
  for (int k = 0; k < size; ++k) {
    int i = hdr[1 + k];
    Object* v = values[i];
    values[i] = nullptr;
    decref(v);
  }
  *managed_dict_slot(obj) = dict;
  return dict;
}

int inline_values_traverse(Object* obj, visitproc visit, void* arg) {
  uint8_t* hdr = inline_values_order(obj);
  Object** values = inline_values_array(obj);
  for (int k = 0; k < hdr[0]; ++k)
    if (Object* v = values[hdr[1 + k]])
      if (int r = visit(v, arg)) return r;
  return 0;
}

void inline_values_clear(Object* obj) {
  uint8_t* hdr = inline_values_order(obj);
  Object** values = inline_values_array(obj);
  // Values are detached before any decref: a finalizer may look at the object.
  while (hdr[0] > 0) {
    int k = hdr[0] - 1;
    int i = hdr[1 + k];
    hdr[0] = uint8_t(k);
    Object* v = values[i];
    values[i] = nullptr;
    if (v) decref(v);
  }
}

}  // namespace cppy::objects
