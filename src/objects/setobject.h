// set and frozenset: Include/setobject.h, Objects/setobject.c. The open-addressing table,
// linear probes and perturbation of CPython 3.14, so iteration order matches.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

inline constexpr ssize kSetMinSize = 8;

struct SetEntry {
  Object* key;
  hash_t hash;
};

struct SetObject : Object {
  ssize fill;  // active + dummy entries
  ssize used;  // active entries
  ssize mask;  // table size - 1
  SetEntry* table;
  hash_t hash;  // frozenset only, -1 until computed
  ssize finger;  // pop() search start
  SetEntry smalltable[kSetMinSize];
  Object* weakreflist;
};

extern TypeObject set_type;
extern TypeObject frozenset_type;
extern TypeObject setiter_type;

inline bool frozenset_check_exact(Object* o) { return o->type == &frozenset_type; }
inline bool set_check_exact(Object* o) { return o->type == &set_type; }
inline bool anyset_check_exact(Object* o) {
  return o->type == &set_type || o->type == &frozenset_type;
}
bool anyset_check(Object* o);     // PyAnySet_Check
bool frozenset_check(Object* o);  // PyFrozenSet_Check
bool set_check(Object* o);        // PySet_Check

Object* set_new(Object* iterable);        // PySet_New (null: empty)
Object* frozenset_new(Object* iterable);  // PyFrozenSet_New
ssize set_size(Object* s);
int set_add(Object* s, Object* key);      // PySet_Add
int set_discard(Object* s, Object* key);  // PySet_Discard: 1 found, 0 not, -1 error
int set_contains(Object* s, Object* key);  // PySet_Contains
// _PySet_Contains: as `key in s`, an unhashable set key is looked up as a frozenset.
int set_contains_frozen_fallback(Object* s, Object* key);
int set_clear(Object* s);
Object* set_pop(Object* s);
// _PySet_NextEntry: *pos starts at 0; borrowed key.
bool set_next_entry(Object* s, ssize* pos, Object** key, hash_t* hash);
int set_update(Object* s, Object* iterable);  // _PySet_Update

}  // namespace cppy::objects
