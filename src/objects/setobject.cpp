// set and frozenset: Objects/setobject.c (CPython 3.14). The table, LINEAR_PROBES, the
// perturbation, the fill/resize thresholds, dummy reuse and the table-copying fast paths of
// set_merge are CPython's, so iteration orders agree.
#include "objects/weakrefobject.h"
#include "objects/setobject.h"

#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"

namespace cppy::objects {

namespace {

constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
enum { kDiscardNotFound = 0, kDiscardFound = 1 };

// The dummy key marking deleted entries (a private object, never exposed).
Object dummy_struct{kImmortalRefcnt, &BaseObject_Type};
Object* const dummy = &dummy_struct;

inline SetObject* so_(Object* o) { return static_cast<SetObject*>(o); }

int set_table_resize(SetObject* so, ssize minused);

SetEntry* set_lookkey(SetObject* so, Object* key, hash_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  bool frozen = frozenset_check_exact(so);
  for (;;) {
    SetEntry* entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) return entry;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) return entry;
        if (startkey->type == &str_type && key->type == &str_type && str_equal(startkey, key))
          return entry;
        SetEntry* table = so->table;
        int cmp;
        if (frozen) {
          cmp = object_rich_compare_bool(startkey, key, kEQ);
          if (cmp < 0) return nullptr;
        } else {
          incref(startkey);
          cmp = object_rich_compare_bool(startkey, key, kEQ);
          decref(startkey);
          if (cmp < 0) return nullptr;
          if (table != so->table || entry->key != startkey) return set_lookkey(so, key, hash);
        }
        if (cmp > 0) return entry;
        mask = static_cast<size_t>(so->mask);
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry_takeref: a dummy met on the way is reused.
int set_add_entry_takeref(SetObject* so, Object* key, hash_t hash) {
  SetEntry* freeslot;
  SetEntry* entry;
  size_t perturb, mask, i;
restart:
  mask = static_cast<size_t>(so->mask);
  i = static_cast<size_t>(hash) & mask;
  freeslot = nullptr;
  perturb = static_cast<size_t>(hash);
  for (;;) {
    entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) goto found_active;
        if (startkey->type == &str_type && key->type == &str_type && str_equal(startkey, key))
          goto found_active;
        SetEntry* table = so->table;
        incref(startkey);
        int cmp = object_rich_compare_bool(startkey, key, kEQ);
        decref(startkey);
        if (cmp > 0) goto found_active;
        if (cmp < 0) goto comparison_error;
        if (table != so->table || entry->key != startkey) goto restart;
        mask = static_cast<size_t>(so->mask);
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot == nullptr) goto found_unused;
  if (freeslot->hash != -1) goto restart;
  so->used++;
  freeslot->key = key;
  freeslot->hash = hash;
  return 0;
found_unused:
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if (static_cast<size_t>(so->fill) * 5 < mask * 3) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
  decref(key);
  return 0;
comparison_error:
  decref(key);
  return -1;
}

int set_add_entry(SetObject* so, Object* key, hash_t hash) {
  return set_add_entry_takeref(so, new_ref(key), hash);
}

void set_insert_clean(SetEntry* table, size_t mask, Object* key, hash_t hash) {
  SetEntry* entry;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    entry = &table[i];
    if (entry->key == nullptr) goto found_null;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (entry->key == nullptr) goto found_null;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_null:
  entry->key = key;
  entry->hash = hash;
}

int set_table_resize(SetObject* so, ssize minused) {
  ssize oldmask = so->mask;
  SetEntry small_copy[kSetMinSize];
  size_t newsize = kSetMinSize;
  while (newsize <= static_cast<size_t>(minused)) newsize <<= 1;
  SetEntry* oldtable = so->table;
  bool is_oldtable_malloced = oldtable != so->smalltable;
  SetEntry* newtable;
  if (newsize == static_cast<size_t>(kSetMinSize)) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    newtable = static_cast<SetEntry*>(gc::mem_malloc(sizeof(SetEntry) * newsize));
    if (!newtable) {
      errors::no_memory();
      return -1;
    }
  }
  std::memset(newtable, 0, sizeof(SetEntry) * newsize);
  so->mask = static_cast<ssize>(newsize - 1);
  so->table = newtable;
  size_t newmask = static_cast<size_t>(so->mask);
  if (so->fill == so->used) {
    for (SetEntry* entry = oldtable; entry <= oldtable + oldmask; ++entry)
      if (entry->key != nullptr) set_insert_clean(newtable, newmask, entry->key, entry->hash);
  } else {
    so->fill = so->used;
    for (SetEntry* entry = oldtable; entry <= oldtable + oldmask; ++entry)
      if (entry->key != nullptr && entry->key != dummy)
        set_insert_clean(newtable, newmask, entry->key, entry->hash);
  }
  if (is_oldtable_malloced) gc::mem_free(oldtable);
  return 0;
}

int set_contains_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* entry = set_lookkey(so, key, hash);
  if (entry) return entry->key != nullptr;
  return -1;
}

int set_discard_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* entry = set_lookkey(so, key, hash);
  if (!entry) return -1;
  if (entry->key == nullptr) return kDiscardNotFound;
  Object* old_key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  decref(old_key);
  return kDiscardFound;
}

hash_t hash_key(Object* key) {
  if (key->type == &str_type) return key->type->hash(key);
  return object_hash(key);
}

int set_add_key(SetObject* so, Object* key) {
  hash_t hash = hash_key(key);
  if (hash == -1) {
    raise_unhashable_as(key, "set element");  // set_unhashable_type
    return -1;
  }
  return set_add_entry(so, key, hash);
}

int set_contains_key(SetObject* so, Object* key) {
  hash_t hash = hash_key(key);
  if (hash == -1) {
    raise_unhashable_as(key, "set element");  // set_unhashable_type
    return -1;
  }
  return set_contains_entry(so, key, hash);
}

int set_discard_key(SetObject* so, Object* key) {
  hash_t hash = hash_key(key);
  if (hash == -1) {
    raise_unhashable_as(key, "set element");  // set_unhashable_type
    return -1;
  }
  return set_discard_entry(so, key, hash);
}

void set_empty_to_minsize(SetObject* so) {
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
}

int set_clear_internal(Object* self) {
  SetObject* so = so_(self);
  SetEntry* table = so->table;
  ssize fill = so->fill;
  ssize used = so->used;
  bool table_is_malloced = table != so->smalltable;
  SetEntry small_copy[kSetMinSize];
  if (table_is_malloced) {
    set_empty_to_minsize(so);
  } else if (fill > 0) {
    std::memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
    set_empty_to_minsize(so);
  }
  for (SetEntry* entry = table; used > 0; ++entry) {
    if (entry->key && entry->key != dummy) {
      --used;
      decref(entry->key);
    }
  }
  if (table_is_malloced) gc::mem_free(table);
  return 0;
}

bool set_next(SetObject* so, ssize* pos_ptr, SetEntry** entry_ptr) {
  ssize i = *pos_ptr;
  ssize mask = so->mask;
  SetEntry* entry = &so->table[i];
  while (i <= mask && (entry->key == nullptr || entry->key == dummy)) {
    ++i;
    ++entry;
  }
  *pos_ptr = i + 1;
  if (i > mask) return false;
  *entry_ptr = entry;
  return true;
}

int set_merge(SetObject* so, Object* otherset) {
  SetObject* other = so_(otherset);
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (set_table_resize(so, (so->used + other->used) * 2) != 0) return -1;
  }
  SetEntry* so_entry = so->table;
  SetEntry* other_entry = other->table;
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (ssize i = 0; i <= other->mask; ++i, ++so_entry, ++other_entry) {
      Object* key = other_entry->key;
      if (key != nullptr) {
        so_entry->key = new_ref(key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    SetEntry* newtable = so->table;
    size_t newmask = static_cast<size_t>(so->mask);
    so->fill = other->used;
    so->used = other->used;
    for (ssize i = other->mask + 1; i > 0; --i, ++other_entry) {
      Object* key = other_entry->key;
      if (key != nullptr && key != dummy)
        set_insert_clean(newtable, newmask, new_ref(key), other_entry->hash);
    }
    return 0;
  }
  for (ssize i = 0; i <= other->mask; ++i) {
    other_entry = &other->table[i];
    Object* key = other_entry->key;
    if (key != nullptr && key != dummy)
      if (set_add_entry(so, key, other_entry->hash)) return -1;
  }
  return 0;
}

int set_update_dict(SetObject* so, Object* other) {
  ssize dictsize = dict_size(other);
  if ((so->fill + dictsize) * 5 >= so->mask * 3) {
    if (set_table_resize(so, (so->used + dictsize) * 2) != 0) return -1;
  }
  ssize pos = 0;
  Object *key, *value;
  hash_t hash;
  while (dict_next(other, &pos, &key, &value, &hash))
    if (set_add_entry(so, key, hash)) return -1;
  return 0;
}

int set_update_iterable(SetObject* so, Object* other) {
  Ref<> it = Ref<>::steal(object_get_iter(other));
  if (!it) return -1;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    if (set_add_key(so, key.get())) return -1;
  }
  return errors::occurred() ? -1 : 0;
}

int set_update_internal(SetObject* so, Object* other) {
  if (anyset_check(other)) {
    if (so == other) return 0;
    return set_merge(so, other);
  }
  if (dict_check_exact(other)) return set_update_dict(so, other);
  return set_update_iterable(so, other);
}

Object* make_new_set(TypeObject* type, Object* iterable) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  SetObject* so = so_(o);
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
  so->finger = 0;
  so->weakreflist = nullptr;
  if (iterable && set_update_internal(so, iterable)) {
    decref(o);
    return nullptr;
  }
  return o;
}

Object* make_new_set_basetype(TypeObject* type, Object* iterable) {
  if (type != &set_type && type != &frozenset_type)
    type = is_subtype(type, &set_type) ? &set_type : &frozenset_type;
  return make_new_set(type, iterable);
}

void set_dealloc(Object* self) {
  SetObject* so = so_(self);
  ssize used = so->used;
  gc::untrack(self);
  if (so->weakreflist) object_clear_weakrefs(self);
  for (SetEntry* entry = so->table; used > 0; ++entry) {
    if (entry->key && entry->key != dummy) {
      --used;
      decref(entry->key);
    }
  }
  if (so->table != so->smalltable) gc::mem_free(so->table);
  self->type->free(self);
}

int set_traverse(Object* self, visitproc visit, void* arg) {
  ssize pos = 0;
  SetEntry* entry;
  while (set_next(so_(self), &pos, &entry))
    if (int r = visit(entry->key, arg)) return r;
  return 0;
}

Object* set_repr(Object* self) {
  SetObject* so = so_(self);
  int status = object_print_repr_enter(self);
  if (status != 0) {
    if (status < 0) return nullptr;
    return str_from_format("%s(...)", self->type->name);
  }
  if (!so->used) {
    object_print_repr_leave(self);
    return str_from_format("%s()", self->type->name);
  }
  Ref<> keys = Ref<>::steal(list_new(so->used));
  Object* result = nullptr;
  if (keys) {
    ssize pos = 0, idx = 0;
    SetEntry* entry;
    while (set_next(so, &pos, &entry)) list_items(keys.get())[idx++] = new_ref(entry->key);
    Ref<> listrepr = Ref<>::steal(object_repr(keys.get()));
    if (listrepr) {
      ssize n = 0;
      const char* s = str_as_utf8(listrepr.get(), &n);
      std::string inner(s + 1, static_cast<size_t>(n - 2));
      if (!set_check_exact(self))
        result = str_from_format("%s({%s})", self->type->name, inner.c_str());
      else
        result = str_from_format("{%s}", inner.c_str());
    }
  }
  object_print_repr_leave(self);
  return result;
}

ssize set_len(Object* self) { return so_(self)->used; }

// _shuffle_bits and frozenset_hash_impl.
uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

hash_t frozenset_hash_impl(Object* self) {
  SetObject* so = so_(self);
  uint64_t hash = 0;
  for (SetEntry* entry = so->table; entry <= &so->table[so->mask]; ++entry)
    hash ^= shuffle_bits(static_cast<uint64_t>(entry->hash));
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits(static_cast<uint64_t>(-1));
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713UL;
  return static_cast<hash_t>(hash);
}

hash_t frozenset_hash(Object* self) {
  SetObject* so = so_(self);
  if (so->hash != -1) return so->hash;
  so->hash = frozenset_hash_impl(self);
  return so->hash;
}

// --- iterator ---
struct SetIterObject : Object {
  SetObject* si_set;
  ssize si_used;
  ssize si_pos;
  ssize len;
};

void setiter_dealloc(Object* self) {
  gc::untrack(self);
  xdecref(static_cast<SetIterObject*>(self)->si_set);
  gc::gc_free(self);
}
int setiter_traverse(Object* self, visitproc visit, void* arg) {
  Object* s = static_cast<SetIterObject*>(self)->si_set;
  return s ? visit(s, arg) : 0;
}
Object* setiter_len(Object* self, Object*) {
  auto* si = static_cast<SetIterObject*>(self);
  ssize len = 0;
  if (si->si_set && si->si_used == si->si_set->used) len = si->len;
  return long_from_ssize(len);
}
Object* setiter_reduce(Object* self, Object*);
MethodDef setiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(setiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(setiter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};
Object* setiter_iternext(Object* self) {
  auto* si = static_cast<SetIterObject*>(self);
  SetObject* so = si->si_set;
  if (!so) return nullptr;
  if (si->si_used != so->used) {
    errors::set_string(exc_RuntimeError, "Set changed size during iteration");
    si->si_used = -1;
    return nullptr;
  }
  ssize i = si->si_pos;
  SetEntry* entry = so->table;
  ssize mask = so->mask;
  while (i <= mask && (entry[i].key == nullptr || entry[i].key == dummy)) ++i;
  Object* key = i <= mask ? new_ref(entry[i].key) : nullptr;
  si->si_pos = i + 1;
  if (!key) {
    si->si_set = nullptr;
    decref(so);
    return nullptr;
  }
  si->len--;
  return key;
}

Object* set_iter(Object* self) {
  auto* si = static_cast<SetIterObject*>(gc::gc_malloc(sizeof(SetIterObject)));
  if (!si) return nullptr;
  si->refcnt = 1;
  si->type = &setiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  si->si_set = static_cast<SetObject*>(new_ref(self));
  si->si_used = so_(self)->used;
  si->si_pos = 0;
  si->len = so_(self)->used;
  gc::track(si);
  return si;
}

// setiter_reduce: (iter, (list of the remaining keys,)), taken from a copy so that this
// iterator keeps its place.
Object* setiter_reduce(Object* self, Object*) {
  auto* si = static_cast<SetIterObject*>(self);
  if (!si->si_set) return iter_reduce_as_list(list_new(0));
  Object* copy = set_iter(si->si_set);
  if (copy) {
    auto* c = static_cast<SetIterObject*>(copy);
    c->si_used = si->si_used;
    c->si_pos = si->si_pos;
    c->len = si->len;
  }
  return iter_reduce_as_list(copy);
}

// --- operations ---

void set_swap_bodies(SetObject* a, SetObject* b) {
  SetEntry tab[kSetMinSize];
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  SetEntry* u = a->table;
  if (a->table == a->smalltable) u = b->smalltable;
  a->table = b->table;
  if (b->table == b->smalltable) a->table = a->smalltable;
  b->table = u;
  if (a->table == a->smalltable || b->table == b->smalltable) {
    std::memcpy(tab, a->smalltable, sizeof(tab));
    std::memcpy(a->smalltable, b->smalltable, sizeof(tab));
    std::memcpy(b->smalltable, tab, sizeof(tab));
  }
  if (is_subtype(a->type, &frozenset_type) && is_subtype(b->type, &frozenset_type)) {
    std::swap(a->hash, b->hash);
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

Object* set_copy_impl(Object* self) {
  Ref<> copy = Ref<>::steal(make_new_set_basetype(self->type, nullptr));
  if (!copy || set_merge(so_(copy.get()), self) < 0) return nullptr;
  return copy.release();
}

Object* set_intersection(SetObject* so, Object* other) {
  if (so == other) return set_copy_impl(so);
  Ref<> result = Ref<>::steal(make_new_set_basetype(so->type, nullptr));
  if (!result) return nullptr;
  SetObject* res = so_(result.get());
  if (anyset_check(other)) {
    ssize pos = 0;
    SetEntry* entry;
    if (so_(other)->used > so->used) {
      Object* tmp = so;
      so = so_(other);
      other = tmp;
    }
    while (set_next(so_(other), &pos, &entry)) {
      Ref<> key = Ref<>::borrow(entry->key);
      hash_t hash = entry->hash;
      int rv = set_contains_entry(so, key.get(), hash);
      if (rv < 0) return nullptr;
      if (rv && set_add_entry(res, key.get(), hash)) return nullptr;
    }
    return result.release();
  }
  Ref<> it = Ref<>::steal(object_get_iter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    hash_t hash = object_hash(key.get());
    if (hash == -1) return nullptr;
    int rv = set_contains_entry(so, key.get(), hash);
    if (rv < 0) return nullptr;
    if (rv) {
      if (set_add_entry(res, key.get(), hash)) return nullptr;
      if (res->used >= so->used) break;
    }
  }
  if (errors::occurred()) return nullptr;
  return result.release();
}

int set_difference_update_internal(SetObject* so, Object* other) {
  if (so == other) return set_clear_internal(so);
  if (anyset_check(other)) {
    Ref<> oth;
    if ((so_(other)->used >> 3) > so->used) {
      oth = Ref<>::steal(set_intersection(so, other));
      if (!oth) return -1;
    } else {
      oth = Ref<>::borrow(other);
    }
    ssize pos = 0;
    SetEntry* entry;
    while (set_next(so_(oth.get()), &pos, &entry)) {
      Ref<> key = Ref<>::borrow(entry->key);
      if (set_discard_entry(so, key.get(), entry->hash) < 0) return -1;
    }
  } else {
    Ref<> it = Ref<>::steal(object_get_iter(other));
    if (!it) return -1;
    for (;;) {
      Ref<> key = Ref<>::steal(iter_next(it.get()));
      if (!key) break;
      if (set_discard_key(so, key.get()) < 0) return -1;
    }
    if (errors::occurred()) return -1;
  }
  if (static_cast<size_t>(so->fill - so->used) <= static_cast<size_t>(so->mask) / 4) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Object* set_copy_and_difference(SetObject* so, Object* other) {
  Ref<> result = Ref<>::steal(set_copy_impl(so));
  if (!result) return nullptr;
  if (set_difference_update_internal(so_(result.get()), other) == 0) return result.release();
  return nullptr;
}

Object* set_difference(SetObject* so, Object* other) {
  ssize other_size;
  if (anyset_check(other)) other_size = so_(other)->used;
  else if (dict_check_exact(other)) other_size = dict_size(other);
  else return set_copy_and_difference(so, other);
  if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
  Ref<> result = Ref<>::steal(make_new_set_basetype(so->type, nullptr));
  if (!result) return nullptr;
  ssize pos = 0;
  SetEntry* entry;
  while (set_next(so, &pos, &entry)) {
    Ref<> key = Ref<>::borrow(entry->key);
    hash_t hash = entry->hash;
    int rv;
    if (dict_check_exact(other)) {
      Object* v = dict_get_item_known_hash(other, key.get(), hash);
      rv = v ? 1 : errors::occurred() ? -1 : 0;
    } else {
      rv = set_contains_entry(so_(other), key.get(), hash);
    }
    if (rv < 0) return nullptr;
    if (!rv && set_add_entry(so_(result.get()), key.get(), hash)) return nullptr;
  }
  return result.release();
}

int set_symmetric_difference_update_set(SetObject* so, SetObject* other) {
  ssize pos = 0;
  SetEntry* entry;
  while (set_next(other, &pos, &entry)) {
    Ref<> key = Ref<>::borrow(entry->key);
    hash_t hash = entry->hash;
    int rv = set_discard_entry(so, key.get(), hash);
    if (rv < 0) return -1;
    if (rv == kDiscardNotFound && set_add_entry(so, key.get(), hash)) return -1;
  }
  return 0;
}

int set_symmetric_difference_update_dict(SetObject* so, Object* other) {
  ssize pos = 0;
  Object *key, *value;
  hash_t hash;
  while (dict_next(other, &pos, &key, &value, &hash)) {
    Ref<> k = Ref<>::borrow(key);
    int rv = set_discard_entry(so, key, hash);
    if (rv < 0) return -1;
    if (rv == kDiscardNotFound && set_add_entry(so, key, hash)) return -1;
  }
  return 0;
}

Object* set_symmetric_difference_update(Object* self, Object* other) {
  SetObject* so = so_(self);
  if (self == other) {
    set_clear_internal(self);
    return return_none();
  }
  int rv;
  if (dict_check_exact(other)) {
    rv = set_symmetric_difference_update_dict(so, other);
  } else if (anyset_check(other)) {
    rv = set_symmetric_difference_update_set(so, so_(other));
  } else {
    Ref<> otherset = Ref<>::steal(make_new_set_basetype(self->type, other));
    if (!otherset) return nullptr;
    rv = set_symmetric_difference_update_set(so, so_(otherset.get()));
  }
  if (rv < 0) return nullptr;
  return return_none();
}

Object* set_symmetric_difference(Object* self, Object* other) {
  Ref<> result = Ref<>::steal(make_new_set_basetype(self->type, nullptr));
  if (!result) return nullptr;
  if (set_update_internal(so_(result.get()), other) < 0) return nullptr;
  if (set_symmetric_difference_update_set(so_(result.get()), so_(self)) < 0) return nullptr;
  return result.release();
}

Object* set_issubset(Object* self, Object* other) {
  SetObject* so = so_(self);
  if (!anyset_check(other)) {
    Ref<> tmp = Ref<>::steal(set_intersection(so, other));
    if (!tmp) return nullptr;
    return bool_from_long(so_(tmp.get())->used == so->used);
  }
  if (so->used > so_(other)->used) return bool_from_long(0);
  ssize pos = 0;
  SetEntry* entry;
  while (set_next(so, &pos, &entry)) {
    Ref<> key = Ref<>::borrow(entry->key);
    int rv = set_contains_entry(so_(other), key.get(), entry->hash);
    if (rv < 0) return nullptr;
    if (!rv) return bool_from_long(0);
  }
  return bool_from_long(1);
}

Object* set_issuperset(Object* self, Object* other) {
  if (anyset_check(other)) return set_issubset(other, self);
  Ref<> it = Ref<>::steal(object_get_iter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    int rv = set_contains_key(so_(self), key.get());
    if (rv < 0) return nullptr;
    if (!rv) return bool_from_long(0);
  }
  if (errors::occurred()) return nullptr;
  return bool_from_long(1);
}

Object* set_isdisjoint(Object* self, Object* other) {
  SetObject* so = so_(self);
  if (self == other) return bool_from_long(so->used == 0);
  if (anyset_check_exact(other)) {
    ssize pos = 0;
    SetEntry* entry;
    if (so_(other)->used > so->used) {
      Object* tmp = so;
      so = so_(other);
      other = tmp;
    }
    while (set_next(so_(other), &pos, &entry)) {
      Ref<> key = Ref<>::borrow(entry->key);
      int rv = set_contains_entry(so, key.get(), entry->hash);
      if (rv < 0) return nullptr;
      if (rv) return bool_from_long(0);
    }
    return bool_from_long(1);
  }
  Ref<> it = Ref<>::steal(object_get_iter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    int rv = set_contains_key(so, key.get());
    if (rv < 0) return nullptr;
    if (rv) return bool_from_long(0);
  }
  if (errors::occurred()) return nullptr;
  return bool_from_long(1);
}

Object* set_richcompare(Object* self, Object* w, int op) {
  SetObject* v = so_(self);
  if (!anyset_check(w)) return return_not_implemented();
  switch (op) {
    case kEQ: {
      if (v->used != so_(w)->used) return bool_from_long(0);
      hash_t vh = v->hash, wh = so_(w)->hash;
      if (vh != -1 && wh != -1 && vh != wh) return bool_from_long(0);
      return set_issubset(self, w);
    }
    case kNE: {
      Ref<> r1 = Ref<>::steal(set_richcompare(self, w, kEQ));
      if (!r1) return nullptr;
      int r2 = object_is_true(r1.get());
      if (r2 < 0) return nullptr;
      return bool_from_long(!r2);
    }
    case kLE: return set_issubset(self, w);
    case kGE: return set_issuperset(self, w);
    case kLT:
      if (v->used >= so_(w)->used) return bool_from_long(0);
      return set_issubset(self, w);
    case kGT:
      if (v->used <= so_(w)->used) return bool_from_long(0);
      return set_issuperset(self, w);
  }
  return return_not_implemented();
}

// set_contains_lock_held: an unhashable set key is looked up as a frozenset.
int set_contains_impl(Object* self, Object* key) {
  int rv = set_contains_key(so_(self), key);
  if (rv < 0) {
    if (!set_check(key) || !errors::exception_matches(exc_TypeError)) return -1;
    errors::clear();
    rv = set_contains_entry(so_(self), key, frozenset_hash_impl(key));
  }
  return rv;
}

int discard_with_frozen_fallback(Object* self, Object* key) {
  int rv = set_discard_key(so_(self), key);
  if (rv < 0) {
    if (!set_check(key) || !errors::exception_matches(exc_TypeError)) return -1;
    errors::clear();
    rv = set_discard_entry(so_(self), key, frozenset_hash_impl(key));
  }
  return rv;
}

// Methods.
Object* m_add(Object* self, Object* key) {
  if (set_add_key(so_(self), key)) return nullptr;
  return return_none();
}
Object* m_contains(Object* self, Object* key) {
  int r = set_contains_impl(self, key);
  if (r < 0) return nullptr;
  return bool_from_long(r);
}
Object* m_remove(Object* self, Object* key) {
  int rv = discard_with_frozen_fallback(self, key);
  if (rv < 0) return nullptr;
  if (rv == kDiscardNotFound) {
    set_key_error(key);
    return nullptr;
  }
  return return_none();
}
Object* m_discard(Object* self, Object* key) {
  if (discard_with_frozen_fallback(self, key) < 0) return nullptr;
  return return_none();
}
Object* m_pop(Object* self, Object*) { return set_pop(self); }
Object* m_clear(Object* self, Object*) {
  set_clear_internal(self);
  return return_none();
}
Object* m_copy(Object* self, Object*) { return set_copy_impl(self); }
Object* m_frozen_copy(Object* self, Object*) {
  if (frozenset_check_exact(self)) return new_ref(self);
  return set_copy_impl(self);
}
Object* m_update(Object* self, Object* const* args, ssize nargs) {
  for (ssize i = 0; i < nargs; ++i)
    if (set_update_internal(so_(self), args[i])) return nullptr;
  return return_none();
}
Object* m_union(Object* self, Object* const* args, ssize nargs) {
  Ref<> result = Ref<>::steal(make_new_set_basetype(self->type, self));
  if (!result) return nullptr;
  for (ssize i = 0; i < nargs; ++i) {
    if (self == args[i]) continue;
    if (set_update_internal(so_(result.get()), args[i])) return nullptr;
  }
  return result.release();
}
Object* m_intersection(Object* self, Object* const* args, ssize nargs) {
  if (nargs == 0) return set_copy_impl(self);
  Ref<> result = Ref<>::borrow(self);
  for (ssize i = 0; i < nargs; ++i) {
    Object* n = set_intersection(so_(result.get()), args[i]);
    if (!n) return nullptr;
    result = Ref<>::steal(n);
  }
  return result.release();
}
Object* m_intersection_update(Object* self, Object* const* args, ssize nargs) {
  Ref<> tmp = Ref<>::steal(m_intersection(self, args, nargs));
  if (!tmp) return nullptr;
  set_swap_bodies(so_(self), so_(tmp.get()));
  return return_none();
}
Object* m_difference(Object* self, Object* const* args, ssize nargs) {
  if (nargs == 0) return set_copy_impl(self);
  Ref<> result = Ref<>::steal(set_difference(so_(self), args[0]));
  if (!result) return nullptr;
  for (ssize i = 1; i < nargs; ++i)
    if (set_difference_update_internal(so_(result.get()), args[i])) return nullptr;
  return result.release();
}
Object* m_difference_update(Object* self, Object* const* args, ssize nargs) {
  for (ssize i = 0; i < nargs; ++i)
    if (set_difference_update_internal(so_(self), args[i])) return nullptr;
  return return_none();
}
Object* m_symmetric_difference(Object* self, Object* other) {
  return set_symmetric_difference(self, other);
}
Object* m_symmetric_difference_update(Object* self, Object* other) {
  return set_symmetric_difference_update(self, other);
}
Object* m_issubset(Object* self, Object* other) { return set_issubset(self, other); }
Object* m_issuperset(Object* self, Object* other) { return set_issuperset(self, other); }
Object* m_isdisjoint(Object* self, Object* other) { return set_isdisjoint(self, other); }
Object* m_sizeof(Object* self, Object*) {
  ssize res = static_cast<ssize>(sizeof(SetObject));
  if (so_(self)->table != so_(self)->smalltable)
    res += (so_(self)->mask + 1) * static_cast<ssize>(sizeof(SetEntry));
  return long_from_ssize(res);
}

// Operators.
Object* set_or(Object* self, Object* other) {
  if (!anyset_check(self) || !anyset_check(other)) return return_not_implemented();
  Ref<> result = Ref<>::steal(set_copy_impl(self));
  if (!result) return nullptr;
  if (self == other) return result.release();
  if (set_update_internal(so_(result.get()), other)) return nullptr;
  return result.release();
}
Object* set_ior(Object* self, Object* other) {
  if (!anyset_check(other)) return return_not_implemented();
  if (set_update_internal(so_(self), other)) return nullptr;
  return new_ref(self);
}
Object* set_and(Object* self, Object* other) {
  if (!anyset_check(self) || !anyset_check(other)) return return_not_implemented();
  return set_intersection(so_(self), other);
}
Object* set_iand(Object* self, Object* other) {
  if (!anyset_check(other)) return return_not_implemented();
  Ref<> tmp = Ref<>::steal(set_intersection(so_(self), other));
  if (!tmp) return nullptr;
  set_swap_bodies(so_(self), so_(tmp.get()));
  return new_ref(self);
}
Object* set_sub(Object* self, Object* other) {
  if (!anyset_check(self) || !anyset_check(other)) return return_not_implemented();
  return set_difference(so_(self), other);
}
Object* set_isub(Object* self, Object* other) {
  if (!anyset_check(other)) return return_not_implemented();
  if (set_difference_update_internal(so_(self), other) < 0) return nullptr;
  return new_ref(self);
}
Object* set_xor(Object* self, Object* other) {
  if (!anyset_check(self) || !anyset_check(other)) return return_not_implemented();
  return set_symmetric_difference(self, other);
}
Object* set_ixor(Object* self, Object* other) {
  if (!anyset_check(other)) return return_not_implemented();
  Ref<> r = Ref<>::steal(set_symmetric_difference_update(self, other));
  if (!r) return nullptr;
  return new_ref(self);
}

int set_init(Object* self, Object* args, Object* kwds) {
  // set_init: keywords are refused, for subclasses too (set_new ignores them).
  if (kwds && dict_size(kwds)) {
    errors::set_string(exc_TypeError, "set() takes no keyword arguments");
    return -1;
  }
  ssize n = tuple_size(args);
  if (n > 1) {
    errors::format(exc_TypeError, "set expected at most 1 argument, got %zd", n);
    return -1;
  }
  if (so_(self)->fill) set_clear_internal(self);
  so_(self)->hash = -1;
  if (n == 0) return 0;
  return set_update_internal(so_(self), tuple_item(args, 0));
}

Object* set_tp_new(TypeObject* type, Object*, Object*) { return make_new_set(type, nullptr); }

Object* frozenset_tp_new(TypeObject* type, Object* args, Object* kwds) {
  // frozenset_new: keywords are refused unless a subclass defines its own __init__.
  if ((type == &frozenset_type || type->init == frozenset_type.init) && kwds && dict_size(kwds)) {
    return errors::format(exc_TypeError, "frozenset() takes no keyword arguments");
  }
  ssize n = tuple_size(args);
  if (n > 1) {
    return errors::format(exc_TypeError, "%s expected at most 1 argument, got %zd", type->name, n);
  }
  Object* iterable = n ? tuple_item(args, 0) : nullptr;
  if (type != &frozenset_type) return make_new_set(type, iterable);
  if (iterable && frozenset_check_exact(iterable)) return new_ref(iterable);
  return make_new_set(type, iterable);
}

int set_tp_clear(Object* self) { return set_clear_internal(self); }

// set_reduce: (type, (list(self),), state) with the state of _PyObject_GetState.
Object* m_reduce(Object* self, Object*) {
  Ref<> keys = Ref<>::steal(sequence_list(self));
  if (!keys) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, keys.get()));
  if (!args) return nullptr;
  Ref<> state = Ref<>::steal(object_get_state(self));
  if (!state) return nullptr;
  return tuple_pack(3, static_cast<Object*>(self->type), args.get(), state.get());
}

#define M(name, fn, flags, doc) {name, reinterpret_cast<void*>(fn), flags, doc}
MethodDef set_methods[] = {
    M("add", m_add, kMethO,
      "Add an element to a set.\n\nThis has no effect if the element is already present."),
    M("clear", m_clear, kMethNoArgs, "Remove all elements from this set."),
    M("__contains__", m_contains, kMethO | kMethCoexist, "x.__contains__(y) <==> y in x."),
    M("copy", m_copy, kMethNoArgs, "Return a shallow copy of a set."),
    M("discard", m_discard, kMethO,
      "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() "
      "method does not raise\nan exception when an element is missing from the set."),
    M("difference", m_difference, kMethFastcall,
      "Return a new set with elements in the set that are not in the others."),
    M("difference_update", m_difference_update, kMethFastcall,
      "Update the set, removing elements found in others."),
    M("intersection", m_intersection, kMethFastcall,
      "Return a new set with elements common to the set and all others."),
    M("intersection_update", m_intersection_update, kMethFastcall,
      "Update the set, keeping only elements found in it and all others."),
    M("isdisjoint", m_isdisjoint, kMethO, "Return True if two sets have a null intersection."),
    M("issubset", m_issubset, kMethO, "Report whether another set contains this set."),
    M("issuperset", m_issuperset, kMethO, "Report whether this set contains another set."),
    M("pop", m_pop, kMethNoArgs,
      "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."),
    M("remove", m_remove, kMethO,
      "Remove an element from a set; it must be a member.\n\nIf the element is not a member, "
      "raise a KeyError."),
    M("__reduce__", m_reduce, kMethNoArgs, "Return state information for pickling."),
    M("__sizeof__", m_sizeof, kMethNoArgs, "S.__sizeof__() -> size of S in memory, in bytes."),
    M("symmetric_difference", m_symmetric_difference, kMethO,
      "Return a new set with elements in either the set or other but not both."),
    M("symmetric_difference_update", m_symmetric_difference_update, kMethO,
      "Update the set, keeping only elements found in either set, but not in both."),
    M("union", m_union, kMethFastcall,
      "Return a new set with elements from the set and all others."),
    M("update", m_update, kMethFastcall, "Update the set, adding elements from all others."),
    {nullptr, nullptr, 0, nullptr}};
MethodDef frozenset_methods[] = {
    M("__contains__", m_contains, kMethO | kMethCoexist, "x.__contains__(y) <==> y in x."),
    M("copy", m_frozen_copy, kMethNoArgs, "Return a shallow copy of a set."),
    M("difference", m_difference, kMethFastcall,
      "Return a new set with elements in the set that are not in the others."),
    M("intersection", m_intersection, kMethFastcall,
      "Return a new set with elements common to the set and all others."),
    M("isdisjoint", m_isdisjoint, kMethO, "Return True if two sets have a null intersection."),
    M("issubset", m_issubset, kMethO, "Report whether another set contains this set."),
    M("issuperset", m_issuperset, kMethO, "Report whether this set contains another set."),
    M("__reduce__", m_reduce, kMethNoArgs, "Return state information for pickling."),
    M("__sizeof__", m_sizeof, kMethNoArgs, "S.__sizeof__() -> size of S in memory, in bytes."),
    M("symmetric_difference", m_symmetric_difference, kMethO,
      "Return a new set with elements in either the set or other but not both."),
    M("union", m_union, kMethFastcall,
      "Return a new set with elements from the set and all others."),
    {nullptr, nullptr, 0, nullptr}};
#undef M

NumberMethods set_as_number = [] {
  NumberMethods n{};
  n.subtract = set_sub;
  n.and_ = set_and;
  n.xor_ = set_xor;
  n.or_ = set_or;
  n.inplace_subtract = set_isub;
  n.inplace_and = set_iand;
  n.inplace_xor = set_ixor;
  n.inplace_or = set_ior;
  return n;
}();
NumberMethods frozenset_as_number = [] {
  NumberMethods n{};
  n.subtract = set_sub;
  n.and_ = set_and;
  n.xor_ = set_xor;
  n.or_ = set_or;
  return n;
}();
SequenceMethods set_as_sequence = {set_len, nullptr, nullptr, nullptr, nullptr,
                                   nullptr, nullptr, set_contains_impl, nullptr, nullptr};

// set_vectorcall / frozenset_vectorcall: set(), set(iterable) and the same for frozenset
// without tp_call's argument tuple (frozenset(a frozenset) is that frozenset); keywords and
// extra arguments are refused by tp_call.
Object* set_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (!kwnames && nargs <= 1) return set_new(nargs ? args[0] : nullptr);
  return make_tp_call(type, args, nargs, kwnames);
}
Object* frozenset_vectorcall(Object* type, Object* const* args, size_t nargsf,
                             Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (!kwnames && nargs == 1 && args[0]->type == &frozenset_type) return new_ref(args[0]);
  if (!kwnames && nargs == 1) return frozenset_new(args[0]);
  return make_tp_call(type, args, nargs, kwnames);
}

TypeObject make_set_type(const char* name, bool frozen) {
  TypeObject t = static_type(name, sizeof(SetObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsMatchSelf);
  t.dealloc = set_dealloc;
  t.repr = set_repr;
  t.as_number = frozen ? &frozenset_as_number : &set_as_number;
  t.as_sequence = &set_as_sequence;
  t.hash = frozen ? frozenset_hash : object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.traverse = set_traverse;
  t.clear = set_tp_clear;
  t.richcompare = set_richcompare;
  t.weaklistoffset = static_cast<ssize>(offsetof(SetObject, weakreflist));
  t.iter = set_iter;
  t.methods = frozen ? frozenset_methods : set_methods;
  t.init = frozen ? nullptr : set_init;
  t.alloc = type_generic_alloc;
  t.new_ = frozen ? frozenset_tp_new : set_tp_new;
  t.vectorcall = frozen ? frozenset_vectorcall : set_vectorcall;
  t.doc = frozen ? "frozenset(iterable=(), /)\n--\n\nBuild an immutable unordered collection "
                   "of unique elements."
                 : "set(iterable=(), /)\n--\n\nBuild an unordered collection of unique "
                   "elements.";
  return t;
}

}  // namespace

TypeObject set_type = make_set_type("set", false);
TypeObject frozenset_type = make_set_type("frozenset", true);
TypeObject setiter_type = [] {
  TypeObject t = static_type("set_iterator", sizeof(SetIterObject), 0, kTpflagsHaveGc);
  t.dealloc = setiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = setiter_traverse;
  t.iter = object_self_iter;
  t.iternext = setiter_iternext;
  t.methods = setiter_methods;
  return t;
}();

bool anyset_check(Object* o) {
  return anyset_check_exact(o) || is_subtype(o->type, &set_type) ||
         is_subtype(o->type, &frozenset_type);
}
bool frozenset_check(Object* o) {
  return o->type == &frozenset_type || is_subtype(o->type, &frozenset_type);
}
bool set_check(Object* o) { return o->type == &set_type || is_subtype(o->type, &set_type); }

Object* set_new(Object* iterable) { return make_new_set(&set_type, iterable); }
Object* frozenset_new(Object* iterable) { return make_new_set(&frozenset_type, iterable); }
ssize set_size(Object* s) { return so_(s)->used; }
int set_add(Object* s, Object* key) { return set_add_key(so_(s), key); }
int set_discard(Object* s, Object* key) { return set_discard_key(so_(s), key); }
int set_contains(Object* s, Object* key) { return set_contains_key(so_(s), key); }
int set_contains_frozen_fallback(Object* s, Object* key) { return set_contains_impl(s, key); }
int set_clear(Object* s) { return set_clear_internal(s); }
int set_update(Object* s, Object* iterable) { return set_update_internal(so_(s), iterable); }

Object* set_pop(Object* self) {
  SetObject* so = so_(self);
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  if (so->used == 0) {
    errors::set_string(exc_KeyError, "pop from an empty set");
    return nullptr;
  }
  while (entry->key == nullptr || entry->key == dummy) {
    ++entry;
    if (entry > limit) entry = so->table;
  }
  Object* key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  so->finger = entry - so->table + 1;
  return key;
}

bool set_next_entry(Object* s, ssize* pos, Object** key, hash_t* hash) {
  SetEntry* entry;
  if (!set_next(so_(s), pos, &entry)) return false;
  *key = entry->key;
  if (hash) *hash = entry->hash;
  return true;
}

}  // namespace cppy::objects
