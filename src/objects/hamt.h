// The hash array mapped trie behind contexts: Include/internal/pycore_hamt.h, Python/hamt.c.
//
// An immutable mapping: every update returns a new trie sharing the untouched nodes. The
// tree shape (bitmap, array and collision nodes, the 32-bit folded hash, the thresholds at
// which bitmap nodes become array nodes and back) is CPython's, so iteration order is the
// same for the same keys.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct HamtNode : VarObject {};

struct HamtObject : Object {  // PyHamtObject
  HamtNode* h_root;
  Object* h_weakreflist;
  ssize h_count;
};

extern TypeObject hamt_type;                  // _PyHamt_Type ("hamt")
extern TypeObject hamt_array_node_type;       // "hamt_array_node"
extern TypeObject hamt_bitmap_node_type;      // "hamt_bitmap_node"
extern TypeObject hamt_collision_node_type;   // "hamt_collision_node"
extern TypeObject hamt_keys_type;             // "keys"
extern TypeObject hamt_values_type;           // "values"
extern TypeObject hamt_items_type;            // "items"

inline bool hamt_check(Object* o) { return o->type == &hamt_type; }

// _PyHamt_New: an empty trie; new reference.
HamtObject* hamt_new();
// _PyHamt_Assoc: o with key set to val; new reference or null.
HamtObject* hamt_assoc(HamtObject* o, Object* key, Object* val);
// _PyHamt_Without: o without key (o itself when key is absent); new reference or null.
HamtObject* hamt_without(HamtObject* o, Object* key);
// _PyHamt_Find: 1 and *val borrowed when found, 0 when not, -1 on error.
int hamt_find(HamtObject* o, Object* key, Object** val);
// _PyHamt_Eq: 1 equal, 0 not, -1 on error.
int hamt_eq(HamtObject* v, HamtObject* w);
inline ssize hamt_len(HamtObject* o) { return o->h_count; }
// _PyHamt_NewIterKeys / Values / Items: iterators in trie order; new references.
Object* hamt_new_iter_keys(HamtObject* o);
Object* hamt_new_iter_values(HamtObject* o);
Object* hamt_new_iter_items(HamtObject* o);

// Readies the types (runtime start-up or first use). 0 or -1.
int init_hamt_types();

}  // namespace cppy::objects
