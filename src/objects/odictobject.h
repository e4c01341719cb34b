// OrderedDict: Include/cpython/odictobject.h, Objects/odictobject.c. A dict subclass that
// keeps a doubly linked list of its keys (the order) beside the dict's own table; a node is
// found through od_fast_nodes, indexed like the dict's entries. collections.OrderedDict is
// this type (the _collections module exports it).
#pragma once

#include "objects/dictobject.h"

namespace cppy::objects {

extern TypeObject odict_type;        // PyODict_Type ("collections.OrderedDict")
extern TypeObject odictiter_type;    // PyODictIter_Type ("odict_iterator")
extern TypeObject odictkeys_type;    // PyODictKeys_Type ("odict_keys")
extern TypeObject odictvalues_type;  // PyODictValues_Type ("odict_values")
extern TypeObject odictitems_type;   // PyODictItems_Type ("odict_items")

inline bool odict_check(Object* o) { return o->type == &odict_type || is_subtype(o->type, &odict_type); }
inline bool odict_check_exact(Object* o) { return o->type == &odict_type; }

Object* odict_new();                                    // PyODict_New
int odict_set_item(Object* od, Object* key, Object* value);  // PyODict_SetItem
int odict_del_item(Object* od, Object* key);                 // PyODict_DelItem
// type_ready of the OrderedDict types (their bases are dict's types).
int odict_types_ready();

}  // namespace cppy::objects
