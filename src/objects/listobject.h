// list: Include/cpython/listobject.h, Objects/listobject.c (timsort: Objects/listsort.txt).
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct ListObject : VarObject {
  Object** items;
  ssize allocated;
};

extern TypeObject list_type;
extern TypeObject listiter_type;
extern TypeObject listreviter_type;
// list_iterator (_PyListIterObject): the specialised FOR_ITER_LIST reads it.
struct ListIterObject : Object {
  ssize index;
  Object* seq;
};

inline bool list_check(Object* o) { return type_has_feature(o->type, kTpflagsListSubclass); }
inline bool list_check_exact(Object* o) { return o->type == &list_type; }
inline Object** list_items(Object* l) { return static_cast<ListObject*>(l)->items; }
inline ssize list_size(Object* l) { return static_cast<VarObject*>(l)->size; }
inline Object* list_item(Object* l, ssize i) { return static_cast<ListObject*>(l)->items[i]; }
inline void list_set_item_steal(Object* l, ssize i, Object* v) {
  static_cast<ListObject*>(l)->items[i] = v;
}

Object* list_new(ssize n);                  // PyList_New: n null items
// list_new_prealloc: an empty list with room for n items (allocated == n), not initialised:
// the caller stores items and sets the size as it goes. n >= 0.
Object* list_new_prealloc(ssize n);
int list_append(Object* l, Object* v);      // PyList_Append
// _PyList_AppendTakeRefListResize: the growing half of list_append_take_ref (steals v, which
// is released on failure).
int list_append_take_ref_resize(Object* l, Object* v);
// _PyList_AppendTakeRef: appends v to the exact list l, stealing v (released on failure).
inline int list_append_take_ref(Object* l, Object* v) {
  auto* self = static_cast<ListObject*>(l);
  ssize n = self->size;
  if (n < self->allocated) [[likely]] {
    self->items[n] = v;
    self->size = n + 1;
    return 0;
  }
  return list_append_take_ref_resize(l, v);
}
int list_insert(Object* l, ssize i, Object* v);
Object* list_get_item(Object* l, ssize i);  // PyList_GetItem: borrowed, IndexError
int list_set_item(Object* l, ssize i, Object* v);  // PyList_SetItem: steals v
Object* list_get_slice(Object* l, ssize lo, ssize hi);
int list_set_slice(Object* l, ssize lo, ssize hi, Object* v);
int list_sort(Object* l);                   // PyList_Sort
int list_reverse(Object* l);
Object* list_as_tuple(Object* l);
Object* list_from_array(Object* const* items, ssize n);
int list_extend(Object* l, Object* iterable);  // _PyList_Extend
// list.sort(key=..., reverse=...) as list_sort_impl.
int list_sort_with(Object* l, Object* keyfunc, bool reverse);

}  // namespace cppy::objects
