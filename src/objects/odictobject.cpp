// OrderedDict: Objects/odictobject.c.
//
// The dict part stores the items; the order lives in a doubly linked list of nodes (key,
// hash). od_fast_nodes mirrors the dict's entry array (index = the key's entry index), so a
// key's node is one dict lookup away; it is rebuilt whenever the dict's keys object changed
// (a resize, clear), which od_resize_sentinel detects. Every change of the list bumps
// od_state, which the iterators check.
#include "objects/odictobject.h"

#include <cstddef>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "vm/ceval.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::objects {

namespace {

struct ODictNode {
  Object* key;
  hash_t hash;
  ODictNode* next;
  ODictNode* prev;
};

struct ODictObject : DictObject {  // PyODictObject
  ODictNode* od_first;
  ODictNode* od_last;
  ODictNode** od_fast_nodes;  // mirrors the dict's entries
  ssize od_fast_nodes_size;
  void* od_resize_sentinel;   // the dict keys od_fast_nodes was built for
  size_t od_state;            // bumped on every change of the linked list
  Object* od_inst_dict;       // OrderedDict().__dict__
  Object* od_weakreflist;
};

inline ODictObject* od_(Object* o) { return static_cast<ODictObject*>(o); }
inline bool od_empty(Object* o) { return od_(o)->od_first == nullptr; }

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

Object* name_items() {
  static Object* n = str_intern_from_cstr("items");
  return n;
}
Object* name_keys() {
  static Object* n = str_intern_from_cstr("keys");
  return n;
}

// _odict_get_index_raw: the entry index key has (or would get) in the dict; -1 on error.
ssize get_index_raw(ODictObject* od, Object* key, hash_t hash) {
  ssize ix = dict_lookup_entry_index(od, key, hash);
  if (ix == -2) return -1;
  if (ix == -1) return od->keys->nentries;  // where a new entry goes
  return ix;
}

// _odict_resize: a fast-nodes table matching the dict's current keys.
int odict_resize(ODictObject* od) {
  ssize size = ssize(1) << od->keys->log2_size;
  auto** fast_nodes = static_cast<ODictNode**>(gc::mem_malloc(sizeof(ODictNode*) * size_t(size)));
  if (!fast_nodes) {
    errors::no_memory();
    return -1;
  }
  for (ssize i = 0; i < size; ++i) fast_nodes[i] = nullptr;
  for (ODictNode* node = od->od_first; node; node = node->next) {
    ssize i = get_index_raw(od, node->key, node->hash);
    if (i < 0) {
      gc::mem_free(fast_nodes);
      return -1;
    }
    fast_nodes[i] = node;
  }
  gc::mem_free(od->od_fast_nodes);
  od->od_fast_nodes = fast_nodes;
  od->od_fast_nodes_size = size;
  od->od_resize_sentinel = od->keys;
  return 0;
}

// _odict_get_index. The lookup can run a key's __eq__, which may resize or clear the dict
// (and free od_fast_nodes): then the table is rebuilt and the lookup done again, where
// CPython would index a stale table.
ssize get_index(ODictObject* od, Object* key, hash_t hash) {
  for (;;) {
    if (od->od_resize_sentinel != od->keys || !od->od_fast_nodes ||
        od->od_fast_nodes_size != (ssize(1) << od->keys->log2_size)) {
      if (odict_resize(od) < 0) return -1;
    }
    ssize ix = get_index_raw(od, key, hash);
    if (ix < 0) return -1;
    if (od->od_resize_sentinel == od->keys && od->od_fast_nodes && ix < od->od_fast_nodes_size)
      return ix;
  }
}

// _odict_find_node_hash: null when missing or on error.
ODictNode* find_node_hash(ODictObject* od, Object* key, hash_t hash) {
  if (!od->od_first) return nullptr;
  ssize index = get_index(od, key, hash);
  if (index < 0) return nullptr;
  return od->od_fast_nodes[index];
}

ODictNode* find_node(ODictObject* od, Object* key) {
  if (!od->od_first) return nullptr;
  hash_t hash = object_hash(key);
  if (hash == -1) return nullptr;
  return find_node_hash(od, key, hash);
}

void add_head(ODictObject* od, ODictNode* node) {
  node->prev = nullptr;
  node->next = od->od_first;
  if (!od->od_first) od->od_last = node;
  else od->od_first->prev = node;
  od->od_first = node;
  od->od_state++;
}

void add_tail(ODictObject* od, ODictNode* node) {
  node->prev = od->od_last;
  node->next = nullptr;
  if (!od->od_last) od->od_first = node;
  else od->od_last->next = node;
  od->od_last = node;
  od->od_state++;
}

// _odict_add_new_node: appends a node for key unless it has one.
int add_new_node(ODictObject* od, Object* key, hash_t hash) {
  incref(key);
  ssize i = get_index(od, key, hash);
  if (i < 0) {
    if (!errors::occurred()) errors::set_object(exc_KeyError, key);
    decref(key);
    return -1;
  }
  if (od->od_fast_nodes[i]) {
    decref(key);
    return 0;
  }
  auto* node = static_cast<ODictNode*>(gc::mem_malloc(sizeof(ODictNode)));
  if (!node) {
    decref(key);
    errors::no_memory();
    return -1;
  }
  node->key = key;
  node->hash = hash;
  add_tail(od, node);
  od->od_fast_nodes[i] = node;
  return 0;
}

void node_dealloc(ODictNode* node) {
  Object* key = node->key;
  gc::mem_free(node);
  decref(key);
}

// _odict_remove_node: unlinks node (repeated calls are harmless).
void remove_node(ODictObject* od, ODictNode* node) {
  if (od->od_first == node) od->od_first = node->next;
  else if (node->prev) node->prev->next = node->next;
  if (od->od_last == node) od->od_last = node->prev;
  else if (node->next) node->next->prev = node->prev;
  node->prev = nullptr;
  node->next = nullptr;
  od->od_state++;
}

// _odict_clear_node: the node leaves od_fast_nodes before the dict entry goes, so that
// colliding keys keep their places.
int clear_node(ODictObject* od, ODictNode* node, Object* key, hash_t hash) {
  if (!od->od_first) return 0;
  ssize i = get_index(od, key, hash);
  if (i < 0) return errors::occurred() ? -1 : 0;
  // The table's node, not the caller's: the lookup may have run code that freed it.
  (void)node;
  node = od->od_fast_nodes[i];
  if (!node) return 0;
  od->od_fast_nodes[i] = nullptr;
  remove_node(od, node);
  node_dealloc(node);
  return 0;
}

// _odict_clear_nodes.
void clear_nodes(ODictObject* od) {
  gc::mem_free(od->od_fast_nodes);
  od->od_fast_nodes = nullptr;
  od->od_fast_nodes_size = 0;
  od->od_resize_sentinel = nullptr;
  ODictNode* node = od->od_first;
  od->od_first = nullptr;
  od->od_last = nullptr;
  while (node) {
    ODictNode* next = node->next;
    node_dealloc(node);
    node = next;
  }
  od->od_state++;
}

// _odict_keys_equal: the same keys in the same order.
// A key's __eq__ that changes either list ends the walk with CPython's iteration error
// (the C version would follow freed nodes).
int keys_equal(ODictObject* a, ODictObject* b) {
  ODictNode* na = a->od_first;
  ODictNode* nb = b->od_first;
  size_t state_a = a->od_state, state_b = b->od_state;
  for (;;) {
    if (!na && !nb) return 1;
    if (!na || !nb) return 0;
    Ref<> ka = Ref<>::borrow(na->key), kb = Ref<>::borrow(nb->key);
    int res = object_rich_compare_bool(ka.get(), kb.get(), kEQ);
    if (res <= 0) return res;
    if (a->od_state != state_a || b->od_state != state_b) {
      errors::set_string(exc_RuntimeError, "OrderedDict mutated during iteration");
      return -1;
    }
    na = na->next;
    nb = nb->next;
  }
}

// _PyODict_SetItem_KnownHash: the dict first, then the node (the dict entry is taken back if
// the node cannot be made).
int set_item_known_hash(Object* od, Object* key, Object* value, hash_t hash) {
  int res = dict_set_item_known_hash(od, key, value, hash);
  if (res == 0) {
    res = add_new_node(od_(od), key, hash);
    if (res < 0) {
      Object* exc = errors::get_raised_exception();
      (void)dict_del_item_known_hash(od, key, hash);
      errors::chain_exceptions1(exc);
    }
  }
  return res;
}

// PyODict_DelItem.
int del_item(Object* od, Object* key) {
  hash_t hash = object_hash(key);
  if (hash == -1) return -1;
  if (clear_node(od_(od), nullptr, key, hash) < 0) return -1;
  return dict_del_item_known_hash(od, key, hash);
}

// odict_mp_ass_sub.
int odict_ass_sub(Object* od, Object* key, Object* value) {
  if (!value) return del_item(od, key);
  hash_t hash = object_hash(key);
  if (hash == -1) return -1;
  return set_item_known_hash(od, key, value, hash);
}

// --- MutableMapping.update in C (mutablemapping_*) -----------------------------------------

int add_pairs(Object* self, Object* pairs) {
  Ref<> iterator = Ref<>::steal(object_get_iter(pairs));
  if (!iterator) return -1;
  int res = 0;
  while (Object* p = iter_next(iterator.get())) {
    Ref<> pair = Ref<>::steal(p);
    Ref<> pair_iterator = Ref<>::steal(object_get_iter(pair.get()));
    if (!pair_iterator) return -1;
    Ref<> key = Ref<>::steal(iter_next(pair_iterator.get()));
    if (!key) {
      if (!errors::occurred())
        errors::set_string(exc_ValueError, "need more than 0 values to unpack");
      return -1;
    }
    Ref<> value = Ref<>::steal(iter_next(pair_iterator.get()));
    if (!value) {
      if (!errors::occurred())
        errors::set_string(exc_ValueError, "need more than 1 value to unpack");
      return -1;
    }
    Ref<> unexpected = Ref<>::steal(iter_next(pair_iterator.get()));
    if (unexpected) {
      errors::set_string(exc_ValueError, "too many values to unpack (expected 2)");
      return -1;
    }
    if (errors::occurred()) return -1;
    res = object_set_item(self, key.get(), value.get());
    if (res < 0) return -1;
  }
  return errors::occurred() ? -1 : 0;
}

// mutablemapping_update_arg: a dict's items, a mapping's keys(), an object's items(), or
// pairs.
int update_arg(Object* self, Object* arg) {
  if (dict_check_exact(arg)) {
    Ref<> items = Ref<>::steal(dict_items(arg));
    if (!items) return -1;
    return add_pairs(self, items.get());
  }
  Object* func = nullptr;
  if (object_get_optional_attr(arg, name_keys(), &func) < 0) return -1;
  if (func) {
    Ref<> keys = Ref<>::steal(object_call_no_args(func));
    decref(func);
    if (!keys) return -1;
    Ref<> iterator = Ref<>::steal(object_get_iter(keys.get()));
    if (!iterator) return -1;
    while (Object* k = iter_next(iterator.get())) {
      Ref<> key = Ref<>::steal(k);
      Ref<> value = Ref<>::steal(object_get_item(arg, key.get()));
      if (!value || object_set_item(self, key.get(), value.get()) < 0) return -1;
    }
    return errors::occurred() ? -1 : 0;
  }
  if (object_get_optional_attr(arg, name_items(), &func) < 0) return -1;
  if (func) {
    Ref<> items = Ref<>::steal(object_call_no_args(func));
    decref(func);
    if (!items) return -1;
    return add_pairs(self, items.get());
  }
  return add_pairs(self, arg);
}

// mutablemapping_update.
int update_common(Object* self, Object* args, Object* kwargs) {
  ssize len = args ? tuple_size(args) : 0;
  if (len > 1) {
    errors::format(exc_TypeError, "update() takes at most 1 positional argument (%zd given)", len);
    return -1;
  }
  if (len) {
    Ref<> other = Ref<>::borrow(tuple_item(args, 0));
    if (update_arg(self, other.get()) < 0) return -1;
  }
  if (kwargs && dict_size(kwargs)) {
    Ref<> items = Ref<>::steal(dict_items(kwargs));
    if (!items || add_pairs(self, items.get()) < 0) return -1;
  }
  return 0;
}

Object* odict_update(Object* self, Object* args, Object* kwargs) {
  if (update_common(self, args, kwargs) < 0) return nullptr;
  return return_none();
}

// --- number methods ------------------------------------------------------------------------

Object* odict_or(Object* left, Object* right) {
  TypeObject* type;
  Object* other;
  if (odict_check(left)) {
    type = left->type;
    other = right;
  } else {
    type = right->type;
    other = left;
  }
  if (!dict_check(other)) return return_not_implemented();
  Ref<> n = Ref<>::steal(object_call_one_arg(type, left));
  if (!n || update_arg(n.get(), right) < 0) return nullptr;
  return n.release();
}

Object* odict_inplace_or(Object* self, Object* other) {
  if (update_arg(self, other) < 0) return nullptr;
  return new_ref(self);
}

// --- methods -------------------------------------------------------------------------------

Object* odictiter_new(ODictObject* od, int kind);
constexpr int kIterReversed = 1, kIterKeys = 2, kIterValues = 4;

// OrderedDict.fromkeys(iterable, value=None): _PyDict_FromKeys.
Object* odict_fromkeys(Object* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"iterable", "value", nullptr};
  static const ArgParser parser{"fromkeys", keywords, 1, 2, 0};
  Object* a[2] = {nullptr, nullptr};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* value = a[1] ? a[1] : none();
  Ref<> d = Ref<>::steal(object_call_no_args(type));
  if (!d) return nullptr;
  Ref<> it = Ref<>::steal(object_get_iter(a[0]));
  if (!it) return nullptr;
  while (Object* k = iter_next(it.get())) {
    Ref<> key = Ref<>::steal(k);
    if (object_set_item(d.get(), key.get(), value) < 0) return nullptr;
  }
  if (errors::occurred()) return nullptr;
  return d.release();
}

Object* odict_sizeof(Object* self, Object*) {
  ODictObject* od = od_(self);
  ssize res = dict_sizeof(self) + ssize(sizeof(ODictObject) - sizeof(DictObject));
  res += ssize(sizeof(ODictNode*)) * od->od_fast_nodes_size;
  if (od->od_first) res += ssize(sizeof(ODictNode)) * dict_size(self);
  return long_from_ssize(res);
}

// odict_reduce: (type, (), state, None, iter(items())).
Object* odict_reduce(Object* self, Object*) {
  Ref<> state = Ref<>::steal(object_get_state(self));
  if (!state) return nullptr;
  Ref<> items = Ref<>::steal(call_method_no_args(self, name_items()));
  if (!items) return nullptr;
  Ref<> items_iter = Ref<>::steal(object_get_iter(items.get()));
  if (!items_iter) return nullptr;
  return tuple_pack(5, self->type, tuple_empty(), state.get(), none(), items_iter.get());
}

// OrderedDict.setdefault(key, default=None): skips __missing__.
Object* odict_setdefault(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"key", "default", nullptr};
  static const ArgParser parser{"setdefault", keywords, 1, 2, 0};
  Object* a[2] = {nullptr, nullptr};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* key = a[0];
  Object* dflt = a[1] ? a[1] : none();
  if (odict_check_exact(self)) {
    Object* result = dict_get_item_with_error(self, key);
    if (result) return new_ref(result);
    if (errors::occurred()) return nullptr;
    if (odict_ass_sub(self, key, dflt) < 0) return nullptr;
    return new_ref(dflt);
  }
  int exists = sequence_contains(self, key);
  if (exists < 0) return nullptr;
  if (exists) return object_get_item(self, key);
  if (object_set_item(self, key, dflt) < 0) return nullptr;
  return new_ref(dflt);
}

// _odict_popkey_hash: the node goes first (a later dict resize from reentrant code cannot
// desynchronise them), then the dict entry.
Object* popkey_hash(Object* od, Object* key, Object* failobj, hash_t hash) {
  ODictNode* node = find_node_hash(od_(od), key, hash);
  if (!node) {
    if (errors::occurred()) return nullptr;
  } else if (clear_node(od_(od), node, key, hash) < 0) {
    return nullptr;
  }
  // The dict entry goes straight from the dict, for subclasses too (no __getitem__ or
  // __delitem__ calls).
  Object* value = nullptr;
  if (node && dict_pop_known_hash(od, key, hash, &value) < 0) return nullptr;
  if (!value && !errors::occurred()) {
    if (failobj) value = new_ref(failobj);
    else errors::set_object(exc_KeyError, key);
  }
  return value;
}

// OrderedDict.pop(key, default=<unrepresentable>).
Object* odict_pop(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"key", "default", nullptr};
  static const ArgParser parser{"pop", keywords, 1, 2, 0};
  Object* a[2] = {nullptr, nullptr};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  hash_t hash = object_hash(a[0]);
  if (hash == -1) return nullptr;
  return popkey_hash(self, a[0], a[1], hash);
}

// OrderedDict.popitem(last=True).
Object* odict_popitem(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"last", nullptr};
  static const ArgParser parser{"popitem", keywords, 0, 1, 0};
  Object* a[1] = {nullptr};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int last = 1;
  if (a[0]) {
    last = object_is_true(a[0]);
    if (last < 0) return nullptr;
  }
  ODictObject* od = od_(self);
  if (!od->od_first) {
    errors::set_string(exc_KeyError, "dictionary is empty");
    return nullptr;
  }
  ODictNode* node = last ? od->od_last : od->od_first;
  Ref<> key = Ref<>::borrow(node->key);
  Ref<> value = Ref<>::steal(popkey_hash(self, key.get(), nullptr, node->hash));
  if (!value) return nullptr;
  return tuple_pack_maybe_tracked(2, key.get(), value.get());
}

Object* odictkeys_new(Object* od, Object*) { return dict_view_new(od, &odictkeys_type); }
Object* odictvalues_new(Object* od, Object*) { return dict_view_new(od, &odictvalues_type); }
Object* odictitems_new(Object* od, Object*) { return dict_view_new(od, &odictitems_type); }

Object* odict_clear_method(Object* self, Object*) {
  dict_clear(self);
  clear_nodes(od_(self));
  return return_none();
}

// OrderedDict.copy: the same type, the same order.
Object* odict_copy(Object* self, Object*) {
  Ref<> copy = Ref<>::steal(odict_check_exact(self) ? odict_new()
                                                    : object_call_no_args(self->type));
  if (!copy) return nullptr;
  // Keys' __eq__ and subclasses' methods run meanwhile: a change of the list stops the copy
  // with the iteration error instead of following freed nodes.
  size_t state = od_(self)->od_state;
  for (ODictNode* node = od_(self)->od_first; node;) {
    Ref<> key = Ref<>::borrow(node->key);
    hash_t hash = node->hash;
    if (odict_check_exact(self)) {
      Ref<> value = Ref<>::borrow(dict_get_item_with_error(self, key.get()));
      if (!value) {
        if (!errors::occurred()) errors::set_object(exc_KeyError, key.get());
        return nullptr;
      }
      if (set_item_known_hash(copy.get(), key.get(), value.get(), hash) != 0) return nullptr;
    } else {
      Ref<> value = Ref<>::steal(object_get_item(self, key.get()));
      if (!value || object_set_item(copy.get(), key.get(), value.get()) != 0) return nullptr;
    }
    if (od_(self)->od_state != state) {
      errors::set_string(exc_RuntimeError, "OrderedDict mutated during iteration");
      return nullptr;
    }
    node = node->next;
  }
  return copy.release();
}

Object* odict_reversed(Object* self, Object*) {
  return odictiter_new(od_(self), kIterKeys | kIterReversed);
}

// OrderedDict.move_to_end(key, last=True).
Object* odict_move_to_end(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const keywords[] = {"key", "last", nullptr};
  static const ArgParser parser{"move_to_end", keywords, 1, 2, 0};
  Object* a[2] = {nullptr, nullptr};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* key = a[0];
  int last = 1;
  if (a[1]) {
    last = object_is_true(a[1]);
    if (last < 0) return nullptr;
  }
  ODictObject* od = od_(self);
  if (!od->od_first) {
    errors::set_object(exc_KeyError, key);
    return nullptr;
  }
  ODictNode* node = last ? od->od_last : od->od_first;
  if (key != node->key) {
    node = find_node(od, key);
    if (!node) {
      if (!errors::occurred()) errors::set_object(exc_KeyError, key);
      return nullptr;
    }
    if (last) {
      if (node != od->od_last) {
        remove_node(od, node);
        add_tail(od, node);
      }
    } else if (node != od->od_first) {
      remove_node(od, node);
      add_head(od, node);
    }
  }
  return return_none();
}

MethodDef odict_methods[] = {
    {"fromkeys", fn(odict_fromkeys), kMethFastcall | kMethKeywords | kMethClass,
     "fromkeys($type, /, iterable, value=None)\n--\n\nCreate a new ordered dictionary with keys "
     "from iterable and values set to value."},
    {"__sizeof__", fn(odict_sizeof), kMethNoArgs, nullptr},
    {"__reduce__", fn(odict_reduce), kMethNoArgs, "Return state information for pickling"},
    {"setdefault", fn(odict_setdefault), kMethFastcall | kMethKeywords,
     "setdefault($self, /, key, default=None)\n--\n\nInsert key with a value of default if key "
     "is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else "
     "default."},
    {"pop", fn(odict_pop), kMethFastcall | kMethKeywords,
     "pop($self, /, key, default=<unrepresentable>)\n--\n\nod.pop(key[,default]) -> v, remove "
     "specified key and return the corresponding value.\n\nIf the key is not found, return the "
     "default if given; otherwise,\nraise a KeyError."},
    {"popitem", fn(odict_popitem), kMethFastcall | kMethKeywords,
     "popitem($self, /, last=True)\n--\n\nRemove and return a (key, value) pair from the "
     "dictionary.\n\nPairs are returned in LIFO order if last is true or FIFO order if false."},
    {"keys", fn(odictkeys_new), kMethNoArgs, nullptr},
    {"values", fn(odictvalues_new), kMethNoArgs, nullptr},
    {"items", fn(odictitems_new), kMethNoArgs, nullptr},
    {"update", fn(odict_update), kMethVarargs | kMethKeywords, nullptr},
    {"clear", fn(odict_clear_method), kMethNoArgs,
     "clear($self, /)\n--\n\nRemove all items from ordered dict."},
    {"copy", fn(odict_copy), kMethNoArgs,
     "copy($self, /)\n--\n\nA shallow copy of ordered dict."},
    {"__reversed__", fn(odict_reversed), kMethNoArgs, "od.__reversed__() <==> reversed(od)"},
    {"move_to_end", fn(odict_move_to_end), kMethFastcall | kMethKeywords,
     "move_to_end($self, /, key, last=True)\n--\n\nMove an existing element to the end (or "
     "beginning if last is false).\n\nRaise KeyError if the element does not exist."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef odict_getset[] = {
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- type slots ----------------------------------------------------------------------------

void odict_dealloc(Object* self) {
  gc::untrack(self);
  ODictObject* od = od_(self);
  clear(od->od_inst_dict);
  if (od->od_weakreflist) object_clear_weakrefs(self);
  clear_nodes(od);
  dict_type.dealloc(self);
}

// odict_repr (3.12+): "OrderedDict({...})" through a dict copy in the list's order.
Object* odict_repr(Object* self) {
  if (dict_size(self) == 0) return str_from_format("%s()", type_short_name(self->type));
  int i = object_print_repr_enter(self);
  if (i != 0) return i > 0 ? str_from_cstr("...") : nullptr;
  Object* result = nullptr;
  Ref<> dcopy = Ref<>::steal(dict_copy(self));
  if (dcopy) result = str_from_format("%s(%R)", type_short_name(self->type), dcopy.get());
  object_print_repr_leave(self);
  return result;
}

int odict_traverse(Object* self, visitproc visit, void* arg) {
  ODictObject* od = od_(self);
  if (od->od_inst_dict) {
    if (int r = visit(od->od_inst_dict, arg)) return r;
  }
  // The nodes own references to the keys too.
  for (ODictNode* node = od->od_first; node; node = node->next)
    if (int r = visit(node->key, arg)) return r;
  return dict_type.traverse(self, visit, arg);
}

int odict_tp_clear(Object* self) {
  ODictObject* od = od_(self);
  clear(od->od_inst_dict);
  dict_clear(self);
  clear_nodes(od);
  return 0;
}

// odict_richcompare: against another OrderedDict, equality includes the order.
Object* odict_richcompare(Object* v, Object* w, int op) {
  if (!odict_check(v) || !dict_check(w)) return return_not_implemented();
  if (op != kEQ && op != kNE) return return_not_implemented();
  Ref<> cmp = Ref<>::steal(dict_base_richcompare(v, w, op));
  if (!cmp) return nullptr;
  if (!odict_check(w)) return cmp.release();
  if (op == kEQ && cmp.get() == py_false()) return cmp.release();
  if (op == kNE && cmp.get() == py_true()) return cmp.release();
  int eq = keys_equal(od_(v), od_(w));
  if (eq < 0) return nullptr;
  return bool_from_long(eq == (op == kEQ));
}

Object* odict_iter(Object* self) { return odictiter_new(od_(self), kIterKeys); }

// odict_init: update() with at most one positional argument.
int odict_init(Object* self, Object* args, Object* kwds) {
  ssize len = tuple_size(args);
  if (len > 1) {
    errors::format(exc_TypeError, "expected at most 1 argument, got %zd", len);
    return -1;
  }
  return update_common(self, args, kwds);
}

MappingMethods odict_as_mapping = {nullptr, nullptr, odict_ass_sub};
NumberMethods odict_as_number = [] {
  NumberMethods n{};
  n.or_ = odict_or;
  n.inplace_or = odict_inplace_or;
  return n;
}();

// --- the iterator (odictiterobject) ----------------------------------------------------------

struct ODictIterObject : Object {
  int kind;
  ODictObject* di_odict;
  ssize di_size;
  size_t di_state;
  Object* di_current;  // the next key, or null at the end
  Object* di_result;   // the reusable item tuple
};

void odictiter_dealloc(Object* o) {
  auto* di = static_cast<ODictIterObject*>(o);
  gc::untrack(o);
  xdecref(di->di_odict);
  xdecref(di->di_current);
  xdecref(di->di_result);
  gc::gc_free(o);
}

int odictiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* di = static_cast<ODictIterObject*>(o);
  Object* fields[] = {di->di_odict, di->di_current, di->di_result};
  for (Object* x : fields)
    if (x) {
      if (int r = visit(x, arg)) return r;
    }
  return 0;
}

// odictiter_nextkey: new reference, or null (end, or an error).
Object* odictiter_nextkey(ODictIterObject* di) {
  if (!di->di_odict) return nullptr;
  if (!di->di_current) {
    clear(di->di_odict);
    return nullptr;
  }
  if (di->di_odict->od_state != di->di_state) {
    errors::set_string(exc_RuntimeError, "OrderedDict mutated during iteration");
    clear(di->di_odict);
    return nullptr;
  }
  if (di->di_size != dict_size(di->di_odict)) {
    errors::set_string(exc_RuntimeError, "OrderedDict changed size during iteration");
    di->di_size = -1;  // sticky
    return nullptr;
  }
  ODictNode* node = find_node(di->di_odict, di->di_current);
  if (!node) {
    if (!errors::occurred()) errors::set_object(exc_KeyError, di->di_current);
    clear(di->di_current);
    return nullptr;
  }
  Object* key = di->di_current;
  node = (di->kind & kIterReversed) ? node->prev : node->next;
  di->di_current = node ? new_ref(node->key) : nullptr;
  return key;
}

Object* odictiter_iternext(Object* o) {
  auto* di = static_cast<ODictIterObject*>(o);
  Object* key = odictiter_nextkey(di);
  if (!key) return nullptr;
  if (!(di->kind & kIterValues)) return key;
  Object* value = dict_get_item_with_error(di->di_odict, key);
  if (!value) {
    if (!errors::occurred()) errors::set_object(exc_KeyError, key);
    decref(key);
    clear(di->di_current);
    clear(di->di_odict);
    return nullptr;
  }
  incref(value);
  if (!(di->kind & kIterKeys)) {
    decref(key);
    return value;
  }
  Object* result = di->di_result;
  if (result->refcnt == 1) {
    // Not in use: reuse it (and make the collector see it again).
    incref(result);
    decref(tuple_items(result)[0]);
    decref(tuple_items(result)[1]);
    if (!gc::is_tracked(result)) gc::track(result);
  } else {
    result = tuple_new(2);
    if (!result) {
      decref(key);
      decref(value);
      return nullptr;
    }
  }
  tuple_items(result)[0] = key;
  tuple_items(result)[1] = value;
  return result;
}

// odictiter_reduce: iter(list of the rest), from a copy of the state.
Object* odictiter_reduce(Object* o, Object*) {
  auto* di = static_cast<ODictIterObject*>(o);
  ODictIterObject tmp = *di;
  tmp.refcnt = 1;
  xincref(tmp.di_odict);
  xincref(tmp.di_current);
  xincref(tmp.di_result);
  Ref<> list = Ref<>::steal(list_new(0));
  if (list) {
    while (Object* item = odictiter_iternext(&tmp)) {
      int rc = list_append(list.get(), item);
      decref(item);
      if (rc < 0) break;
    }
  }
  xdecref(tmp.di_odict);
  xdecref(tmp.di_current);
  xdecref(tmp.di_result);
  if (!list || errors::occurred()) return nullptr;
  Ref<> iter = Ref<>::steal(vm::eval_get_builtin("iter"));
  if (!iter) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, list.get()));
  if (!args) return nullptr;
  return tuple_pack(2, iter.get(), args.get());
}

MethodDef odictiter_methods[] = {
    {"__reduce__", fn(odictiter_reduce), kMethNoArgs, "Return state information for pickling"},
    {nullptr, nullptr, 0, nullptr}};

Object* odictiter_new(ODictObject* od, int kind) {
  auto* di = static_cast<ODictIterObject*>(gc::gc_malloc(sizeof(ODictIterObject)));
  if (!di) return nullptr;
  di->refcnt = 1;
  di->type = &odictiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  if ((kind & kIterKeys) && (kind & kIterValues)) {
    di->di_result = tuple_pack(2, none(), none());
    if (!di->di_result) {
      gc::gc_free(di);
      return nullptr;
    }
  } else {
    di->di_result = nullptr;
  }
  di->kind = kind;
  ODictNode* node = (kind & kIterReversed) ? od->od_last : od->od_first;
  di->di_current = node ? new_ref(node->key) : nullptr;
  di->di_size = dict_size(od);
  di->di_state = od->od_state;
  di->di_odict = static_cast<ODictObject*>(new_ref(od));
  gc::track(di);
  return di;
}

// --- the views -----------------------------------------------------------------------------

struct ODictViewObject : Object {  // _PyDictViewObject
  DictObject* dv_dict;
};

Object* view_iter(Object* self, int kind) {
  auto* dv = static_cast<ODictViewObject*>(self);
  if (!dv->dv_dict) return return_none();
  return odictiter_new(od_(dv->dv_dict), kind);
}
Object* odictkeys_iter(Object* self) { return view_iter(self, kIterKeys); }
Object* odictvalues_iter(Object* self) { return view_iter(self, kIterValues); }
Object* odictitems_iter(Object* self) { return view_iter(self, kIterKeys | kIterValues); }
Object* odictkeys_reversed(Object* self, Object*) {
  return view_iter(self, kIterKeys | kIterReversed);
}
Object* odictvalues_reversed(Object* self, Object*) {
  return view_iter(self, kIterValues | kIterReversed);
}
Object* odictitems_reversed(Object* self, Object*) {
  return view_iter(self, kIterKeys | kIterValues | kIterReversed);
}

MethodDef odictkeys_methods[] = {{"__reversed__", fn(odictkeys_reversed), kMethNoArgs, nullptr},
                                 {nullptr, nullptr, 0, nullptr}};
MethodDef odictvalues_methods[] = {
    {"__reversed__", fn(odictvalues_reversed), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};
MethodDef odictitems_methods[] = {
    {"__reversed__", fn(odictitems_reversed), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

TypeObject make_view_subtype(const char* name, getiterfunc iter, MethodDef* methods) {
  TypeObject t = static_type(name, sizeof(ODictViewObject), 0, kTpflagsHaveGc);
  t.iter = iter;
  t.methods = methods;
  return t;
}

}  // namespace

TypeObject odict_type = [] {
  TypeObject t = static_type("collections.OrderedDict", sizeof(ODictObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsDictSubclass |
                                 kTpflagsMatchSelf | kTpflagsMapping | kTpflagsStaticBuiltin);
  t.doc = "Dictionary that remembers insertion order";
  t.dealloc = odict_dealloc;
  t.repr = odict_repr;
  t.as_number = &odict_as_number;
  t.as_mapping = &odict_as_mapping;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = odict_traverse;
  t.clear = odict_tp_clear;
  t.richcompare = odict_richcompare;
  t.weaklistoffset = offsetof(ODictObject, od_weakreflist);
  t.iter = odict_iter;
  t.methods = odict_methods;
  t.getset = odict_getset;
  t.dictoffset = offsetof(ODictObject, od_inst_dict);
  t.init = odict_init;
  t.alloc = type_generic_alloc;
  return t;
}();

TypeObject odictiter_type = [] {
  TypeObject t = static_type("odict_iterator", sizeof(ODictIterObject), 0, kTpflagsHaveGc);
  t.dealloc = odictiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = odictiter_traverse;
  t.iter = object_self_iter;
  t.iternext = odictiter_iternext;
  t.methods = odictiter_methods;
  return t;
}();

TypeObject odictkeys_type = make_view_subtype("odict_keys", odictkeys_iter, odictkeys_methods);
TypeObject odictvalues_type =
    make_view_subtype("odict_values", odictvalues_iter, odictvalues_methods);
TypeObject odictitems_type = make_view_subtype("odict_items", odictitems_iter, odictitems_methods);

int odict_types_ready() {
  odict_type.base = &dict_type;
  odictkeys_type.base = &dictkeys_type;
  odictvalues_type.base = &dictvalues_type;
  odictitems_type.base = &dictitems_type;
  for (TypeObject* t :
       {&odict_type, &odictiter_type, &odictkeys_type, &odictvalues_type, &odictitems_type})
    if (type_ready(t) < 0) return -1;
  return 0;
}

// PyODict_New: dict's tp_new with the OrderedDict type.
Object* odict_new() { return dict_type.new_(&odict_type, tuple_empty(), nullptr); }

int odict_set_item(Object* od, Object* key, Object* value) { return odict_ass_sub(od, key, value); }
int odict_del_item(Object* od, Object* key) { return del_item(od, key); }

}  // namespace cppy::objects
