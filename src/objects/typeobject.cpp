// Type objects: Objects/typeobject.c (type_ready, slot inheritance, the C3 MRO, the method
// cache, `object` and `type`, type_call, heap types from type(name, bases, dict)).
// The slotdefs table and the slot_*/wrap_* functions are in slots.cpp.
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/inline_values.h"
#include "objects/weakrefobject.h"
#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/docsig.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "runtime/pystate.h"

namespace cppy::objects {

using typeobject_internal::name_of;

TypeObject static_type(const char* name, ssize basicsize, ssize itemsize, unsigned long flags) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &Type_Type;
  t.name = name;
  t.basicsize = basicsize;
  t.itemsize = itemsize;
  // CPython's static builtin types (_Py_TPFLAGS_STATIC_BUILTIN) are those of the builtins
  // module, whose tp_name is bare ("list_iterator"); the few with a dotted name
  // (weakref.ReferenceType, sys.flags, types.SimpleNamespace...) pass the flag themselves.
  // cppy's other static types stand for the heap types CPython's extension modules make with
  // PyType_FromSpec: without the flag, type_ready treats them as heap types (tp_new inherited,
  // every slot wrapper of their own in the dict).
  if (!std::strchr(name, '.')) flags |= kTpflagsStaticBuiltin;
  t.flags = flags | kTpflagsImmutabletype;
  return t;
}

// PyType_IsSubtype.
bool is_subtype(TypeObject* a, TypeObject* b) {
  // No identity shortcut: a custom mro() may leave the class out of its own MRO, and then
  // it is not a subtype of itself (PyType_IsSubtype; super() checks rely on it).
  Object* mro = a->mro;
  if (mro) {
    ssize n = tuple_size(mro);
    Object** items = tuple_items(mro);
    for (ssize i = 0; i < n; ++i)
      if (items[i] == b) return true;
    return false;
  }
  // Not ready yet: follow tp_base.
  for (TypeObject* t = a; t; t = t->base)
    if (t == b) return true;
  return b == &BaseObject_Type;
}

// --- version tags and the method cache -------------------------------------------------------

namespace {

constexpr unsigned kMcacheSizeExp = 12;
constexpr unsigned kMaxVersionsPerClass = 1000;

struct McacheEntry {
  unsigned int version;
  Object* name;   // strong reference, so that the address cannot be reused by another str
  Object* value;  // borrowed (kept alive by the type's dict while the version is valid)
};
McacheEntry method_cache[1u << kMcacheSizeExp];
unsigned int next_version_tag = 1;

inline unsigned mcache_hash(unsigned version, Object* name) {
  auto p = reinterpret_cast<uintptr_t>(name);
  return (version ^ static_cast<unsigned>(p >> 3)) & ((1u << kMcacheSizeExp) - 1);
}

// find_name_in_mro: borrowed; *error set to -1 when hashing the name failed.
Object* find_name_in_mro(TypeObject* type, Object* name, int* error) {
  *error = 0;
  hash_t hash = object_hash(name);
  if (hash == -1) {
    *error = -1;
    return nullptr;
  }
  Object* mro = type->mro;
  if (mro == nullptr) {
    if (!type_has_feature(type, kTpflagsReadying)) {
      if (type_ready(type) < 0) {
        *error = -1;
        return nullptr;
      }
      mro = type->mro;
    }
    if (mro == nullptr) {
      *error = 1;
      return nullptr;
    }
  }
  Ref<> keep = Ref<>::borrow(mro);
  ssize n = tuple_size(mro);
  for (ssize i = 0; i < n; ++i) {
    auto* base = static_cast<TypeObject*>(tuple_item(mro, i));
    Object* dict = base->dict;
    if (!dict) continue;
    Object* res = dict_get_item_known_hash(dict, name, hash);
    if (res) return res;
    if (errors::occurred()) {
      *error = -1;
      return nullptr;
    }
  }
  return nullptr;
}

}  // namespace

unsigned int type_next_version_tag() { return next_version_tag; }

bool type_assign_version_tag(TypeObject* type) {
  if (type->version_tag != 0) return true;
  if (!type_has_feature(type, kTpflagsReady)) return false;
  if (type_has_feature(type, kTpflagsHeaptype) && type->versions_used >= kMaxVersionsPerClass)
    return false;
  if (next_version_tag == 0) return false;  // exhausted
  if (type->bases) {
    ssize n = tuple_size(type->bases);
    for (ssize i = 0; i < n; ++i)
      if (!type_assign_version_tag(static_cast<TypeObject*>(tuple_item(type->bases, i))))
        return false;
  }
  type->versions_used += 1;
  // A version tag is valid when not 0 (3.14 no longer shows a flag for it in __flags__).
  type->version_tag = next_version_tag++;
  return true;
}

// PyType_Modified: the type and every subclass lose their version tag.
void type_modified(TypeObject* type) {
  if (type->version_tag == 0) return;
  if (type->subclasses) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(type->subclasses, &pos, &k, &v)) {
      auto* sub = reinterpret_cast<TypeObject*>(long_as_long(k));
      type_modified(sub);
    }
  }
  type->version_tag = 0;
}

// _PyType_Lookup.
Object* type_lookup(TypeObject* type, Object* name) {
  bool cacheable = name->type == &str_type;
  unsigned h = 0;
  if (cacheable && type->version_tag != 0) {
    h = mcache_hash(type->version_tag, name);
    McacheEntry& e = method_cache[h];
    if (e.version == type->version_tag && e.name == name) return e.value;
  }
  int error;
  Object* res = find_name_in_mro(type, name, &error);
  if (error) {
    if (error == -1) errors::clear();
    return nullptr;
  }
  if (cacheable && type_assign_version_tag(type)) {
    // The entry owns a reference to the name: the pointer identifies it.
    h = mcache_hash(type->version_tag, name);
    McacheEntry& e = method_cache[h];
    e.version = type->version_tag;
    xsetref(e.name, new_ref(name));
    e.value = res;
  }
  return res;
}

Object* type_lookup_ref(TypeObject* type, Object* name) {
  return xnew_ref(type_lookup(type, name));
}

// --- allocation -------------------------------------------------------------------------------

// PyType_GenericAlloc: zeroed memory for basicsize + (nitems + 1) * itemsize, GC-tracked
// when the type has the GC flag.
Object* type_generic_alloc(TypeObject* type, ssize nitems) {
  Object* obj = type_alloc_no_track(type, nitems);
  if (obj && type_has_feature(type, kTpflagsHaveGc)) gc::track(obj);
  return obj;
}

// _PyType_AllocNoTrack: PyType_GenericAlloc without the tracking.
Object* type_alloc_no_track(TypeObject* type, ssize nitems) {
  size_t size = static_cast<size_t>(type->basicsize + (nitems + 1) * type->itemsize);
  size = (size + sizeof(void*) - 1) & ~(sizeof(void*) - 1);
  size += static_cast<size_t>(inline_values_alloc_size(type));
  Object* obj;
  if (type_has_feature(type, kTpflagsHaveGc)) {
    obj = gc::gc_malloc(size);
    if (!obj) return nullptr;
  } else {
    obj = static_cast<Object*>(gc::object_calloc(1, size));
    if (!obj) return errors::no_memory();
  }
  obj->refcnt = 1;
  obj->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  if (type_has_feature(type, kTpflagsHeaptype)) incref(type);
  if (type->itemsize) static_cast<VarObject*>(obj)->size = nitems;
  return obj;
}

Object* type_generic_new(TypeObject* type, Object*, Object*) { return type->alloc(type, 0); }

void object_generic_free(void* p) {
  auto* o = static_cast<Object*>(p);
  if (gc::object_is_gc(o)) gc::gc_free(o);
  else gc::object_free(o);
}

namespace {
void gc_del(void* p) { gc::gc_free(static_cast<Object*>(p)); }
void plain_free(void* p) { gc::object_free(p); }
}  // namespace

// --- names -------------------------------------------------------------------------------------

const char* type_short_name(const TypeObject* type) {
  const char* s = std::strrchr(type->name, '.');
  return s ? s + 1 : type->name;
}

Object* type_get_name(TypeObject* type) {
  if (type_has_feature(type, kTpflagsHeaptype)) {
    auto* ht = static_cast<HeapTypeObject*>(type);
    return new_ref(ht->ht_name);
  }
  return str_from_cstr(type_short_name(type));
}

Object* type_get_qualname(TypeObject* type) {
  if (type_has_feature(type, kTpflagsHeaptype)) {
    auto* ht = static_cast<HeapTypeObject*>(type);
    return new_ref(ht->ht_qualname);
  }
  return str_from_cstr(type_short_name(type));
}

Object* type_get_module(TypeObject* type) {
  if (type_has_feature(type, kTpflagsHeaptype)) {
    Object* mod = type->dict ? dict_get_item_with_error(type->dict, name_of("__module__"))
                             : nullptr;
    if (!mod) {
      if (!errors::occurred()) errors::set_string(exc_AttributeError, "__module__");
      return nullptr;
    }
    return new_ref(mod);
  }
  if (type->dict) {
    // A static type standing in for a spec-made heap type keeps its own __module__ string
    // (type_set_heap_module); builtin static types have none (type's own is a descriptor).
    Object* mod = dict_get_item_with_error(type->dict, name_of("__module__"));
    if (mod && str_check(mod)) return new_ref(mod);
    if (errors::occurred()) return nullptr;
  }
  const char* s = std::strrchr(type->name, '.');
  if (s) {
    // type_module interns the name, so repeated lookups give the same object (pickle's memo
    // is keyed by identity).
    Object* mod = str_from_utf8(type->name, s - type->name);
    if (mod) str_intern_in_place(&mod);
    return mod;
  }
  return str_intern_from_cstr("builtins");
}

int type_set_heap_module(TypeObject* type) {
  const char* s = std::strrchr(type->name, '.');
  if (!s || !type->dict) return 0;
  Ref<> mod = Ref<>::steal(str_from_utf8(type->name, s - type->name));
  if (!mod || dict_set_item(type->dict, name_of("__module__"), mod.get()) < 0) return -1;
  type_modified(type);
  return 0;
}

Object* type_subclasses(TypeObject* type) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list || !type->subclasses) return list.release();
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(type->subclasses, &pos, &k, &v)) {
    auto* sub = reinterpret_cast<Object*>(long_as_long(k));
    if (list_append(list.get(), sub) < 0) return nullptr;
  }
  return list.release();
}

namespace {

int add_subclass(TypeObject* base, TypeObject* type) {
  if (!base->subclasses) {
    base->subclasses = dict_new();
    if (!base->subclasses) return -1;
  }
  // add_subclass: keyed by the type's address, the value a weak reference to it (an object the
  // collector tracks, as the reference's counts show); readers take the type from the key.
  Ref<> key = Ref<>::steal(long_from_ssize(reinterpret_cast<ssize>(type)));
  if (!key) return -1;
  Ref<> ref = Ref<>::steal(weakref_new_ref(reinterpret_cast<Object*>(type), nullptr));
  if (!ref) return -1;
  return dict_set_item(base->subclasses, key.get(), ref.get());
}

// --- the MRO (C3 linearisation: mro_implementation) ---------------------------------------------

bool tail_contains(const std::vector<Object*>& list, size_t whence, Object* o) {
  for (size_t j = whence + 1; j < list.size(); ++j)
    if (list[j] == o) return true;
  return false;
}

Object* class_name(Object* cls) {
  Object* name = nullptr;
  if (object_get_optional_attr(cls, name_of("__name__"), &name) == 0) name = object_repr(cls);
  return name;
}

// set_mro_error: names the bases that could not be ordered.
void set_mro_error(std::vector<std::vector<Object*>>& to_merge, std::vector<size_t>& remain) {
  Ref<> set = Ref<>::steal(dict_new());
  if (!set) return;
  for (size_t i = 0; i < to_merge.size(); ++i) {
    if (remain[i] < to_merge[i].size()) {
      Object* c = to_merge[i][remain[i]];
      if (dict_set_item(set.get(), c, none()) < 0) return;
    }
  }
  std::string msg = "Cannot create a consistent method resolution order (MRO) for bases";
  ssize pos = 0;
  Object *k, *v;
  bool first = true;
  while (dict_next(set.get(), &pos, &k, &v)) {
    Ref<> name = Ref<>::steal(class_name(k));
    msg += first ? " " : ", ";
    first = false;
    msg += name ? str_as_utf8(name.get()) : "?";
  }
  errors::set_string(exc_TypeError, msg.c_str());
}

int pmerge(std::vector<Object*>& acc, std::vector<std::vector<Object*>>& to_merge) {
  std::vector<size_t> remain(to_merge.size(), 0);
  size_t empty_cnt;
again:
  empty_cnt = 0;
  for (size_t i = 0; i < to_merge.size(); ++i) {
    auto& cur = to_merge[i];
    if (remain[i] >= cur.size()) {
      ++empty_cnt;
      continue;
    }
    Object* candidate = cur[remain[i]];
    bool in_tail = false;
    for (size_t j = 0; j < to_merge.size() && !in_tail; ++j)
      if (tail_contains(to_merge[j], remain[j], candidate)) in_tail = true;
    if (in_tail) continue;
    acc.push_back(candidate);
    for (size_t j = 0; j < to_merge.size(); ++j)
      if (remain[j] < to_merge[j].size() && to_merge[j][remain[j]] == candidate) ++remain[j];
    goto again;
  }
  if (empty_cnt != to_merge.size()) {
    set_mro_error(to_merge, remain);
    return -1;
  }
  return 0;
}

int check_duplicates(Object* tuple) {
  ssize n = tuple_size(tuple);
  for (ssize i = 0; i < n; ++i) {
    Object* o = tuple_item(tuple, i);
    for (ssize j = i + 1; j < n; ++j) {
      if (tuple_item(tuple, j) == o) {
        Ref<> name = Ref<>::steal(class_name(o));
        if (name) errors::format(exc_TypeError, "duplicate base class %U", name.get());
        return -1;
      }
    }
  }
  return 0;
}

Object* mro_implementation(TypeObject* type) {
  Object* bases = type->bases;
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    auto* base = static_cast<TypeObject*>(tuple_item(bases, i));
    if (base->mro == nullptr) {
      errors::format(exc_TypeError, "Cannot extend an incomplete type '%.100s'", base->name);
      return nullptr;
    }
  }
  if (n == 1) {
    // Fast path: (type,) + base.__mro__.
    Object* base_mro = static_cast<TypeObject*>(tuple_item(bases, 0))->mro;
    ssize k = tuple_size(base_mro);
    Object* result = tuple_new(k + 1);
    if (!result) return nullptr;
    tuple_set_item(result, 0, new_ref<Object>(type));
    for (ssize i = 0; i < k; ++i) tuple_set_item(result, i + 1, new_ref(tuple_item(base_mro, i)));
    return result;
  }
  if (check_duplicates(bases) < 0) return nullptr;
  std::vector<std::vector<Object*>> to_merge;
  for (ssize i = 0; i < n; ++i) {
    Object* m = static_cast<TypeObject*>(tuple_item(bases, i))->mro;
    to_merge.emplace_back(tuple_items(m), tuple_items(m) + tuple_size(m));
  }
  to_merge.emplace_back(tuple_items(bases), tuple_items(bases) + n);
  std::vector<Object*> acc{type};
  if (pmerge(acc, to_merge) < 0) return nullptr;
  return tuple_from_array(acc.data(), ssize(acc.size()));
}

}  // namespace

Object* mro_implementation_public(TypeObject* type) { return mro_implementation(type); }

namespace {

// mro_invoke: a metaclass may override mro(); its result is checked.
Object* mro_invoke(TypeObject* type) {
  bool custom = type->type != &Type_Type;
  Ref<> mro_result;
  if (custom) {
    Ref<> meth = Ref<>::steal(lookup_special(type, name_of("mro")));
    if (!meth) {
      if (!errors::occurred()) errors::set_string(exc_AttributeError, "mro");
      return nullptr;
    }
    mro_result = Ref<>::steal(object_call_no_args(meth.get()));
  } else {
    mro_result = Ref<>::steal(mro_implementation(type));
  }
  if (!mro_result) return nullptr;
  Object* result = sequence_tuple(mro_result.get());
  if (!result) return nullptr;
  if (custom) {
    ssize n = tuple_size(result);
    for (ssize i = 0; i < n; ++i) {
      Object* cls = tuple_item(result, i);
      if (!type_check_type(cls)) {
        errors::format(exc_TypeError, "mro() returned a non-class ('%.500s')", cls->type->name);
        decref(result);
        return nullptr;
      }
    }
    // mro_check: every class's layout must be one the type's own layout extends.
    TypeObject* solid = type_solid_base(type);
    for (ssize i = 0; i < n; ++i) {
      auto* base = static_cast<TypeObject*>(tuple_item(result, i));
      if (!is_subtype(solid, type_solid_base(base))) {
        errors::format(exc_TypeError, "mro() returned base with unsuitable layout ('%.500s')",
                       base->name);
        decref(result);
        return nullptr;
      }
    }
  }
  return result;
}

// mro_internal: -1 on error, 0 when a custom mro() set the MRO itself (reentrance: its
// result stays), 1 when the new MRO was installed; *p_old_mro then receives the old one.
int mro_internal(TypeObject* type, Object** p_old_mro = nullptr) {
  // The reference keeps the old tuple's address from being reused by a new MRO.
  Object* old_mro = xnew_ref(type->mro);
  Object* new_mro = mro_invoke(type);  // may reenter
  bool reent = type->mro != old_mro;
  if (!new_mro) {
    xdecref(old_mro);
    return -1;
  }
  if (reent) {
    xdecref(old_mro);
    decref(new_mro);
    return 0;
  }
  Object* replaced = type->mro;
  type->mro = new_mro;
  xdecref(replaced);  // the reference old_mro holds keeps it alive
  type_modified(type);
  if (p_old_mro) *p_old_mro = old_mro;
  else xdecref(old_mro);
  return 1;
}

// mro_hierarchy: recompute the MRO of type and of every subclass, depth first; temp
// receives a (type, new_mro[, old_mro]) tuple for each one, for type_set_bases' undo.
int mro_hierarchy(TypeObject* type, Object* temp) {
  Object* old_mro = nullptr;
  int res = mro_internal(type, &old_mro);
  if (res <= 0) return res;  // error, or reentrance
  Object* new_mro = type->mro;
  Ref<> tuple = Ref<>::steal(old_mro ? tuple_pack(3, type, new_mro, old_mro)
                                     : tuple_pack(2, type, new_mro));
  if (!tuple || list_append(temp, tuple.get()) < 0) {
    type->mro = old_mro;
    decref(new_mro);
    return -1;
  }
  xdecref(old_mro);
  if (!type->subclasses) return res;
  // A copy: a custom mro() may change the subclass lists while they are walked.
  std::vector<Ref<>> subs;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(type->subclasses, &pos, &k, &v))
    subs.push_back(Ref<>::borrow(reinterpret_cast<Object*>(long_as_long(k))));
  for (const Ref<>& sub : subs) {
    res = mro_hierarchy(static_cast<TypeObject*>(sub.get()), temp);
    if (res < 0) break;
  }
  return res;
}

// --- inheritance ----------------------------------------------------------------------------------

void inherit_special(TypeObject* type, TypeObject* base) {
  if (!type_has_feature(type, kTpflagsHaveGc) && type_has_feature(base, kTpflagsHaveGc) &&
      !type->traverse && !type->clear) {
    type->flags |= kTpflagsHaveGc;
    if (!type->traverse) type->traverse = base->traverse;
    if (!type->clear) type->clear = base->clear;
  }
  if (type->basicsize == 0) type->basicsize = base->basicsize;
  if (!type->itemsize) type->itemsize = base->itemsize;
  if (!type->weaklistoffset) type->weaklistoffset = base->weaklistoffset;
  if (!type->dictoffset) type->dictoffset = base->dictoffset;
  // The fast subclass flags follow the base.
  constexpr unsigned long kSubclassFlags =
      kTpflagsLongSubclass | kTpflagsListSubclass | kTpflagsTupleSubclass |
      kTpflagsBytesSubclass | kTpflagsUnicodeSubclass | kTpflagsDictSubclass |
      kTpflagsBaseExcSubclass | kTpflagsTypeSubclass;
  type->flags |= base->flags & kSubclassFlags;
  // _Py_TPFLAGS_MATCH_SELF (case int(x): binds the subject itself) is inherited, and so are
  // the pattern-matching collection flags unless the type has one (inherit_patma_flags).
  type->flags |= base->flags & kTpflagsMatchSelf;
  if (!type_has_feature(type, kTpflagsSequence | kTpflagsMapping))
    type->flags |= base->flags & (kTpflagsSequence | kTpflagsMapping);
}

template <class T>
void copy_slot(T& dst, T src) {
  if (!dst && src) dst = src;
}

// overrides_hash: the type's own dict defines __eq__ or __hash__.
bool overrides_hash(TypeObject* type) {
  Object* dict = type->dict;
  if (!dict) return false;
  return dict_get_item(dict, name_of("__eq__")) || dict_get_item(dict, name_of("__hash__"));
}

void inherit_number(NumberMethods* n, const NumberMethods* b) {
  copy_slot(n->add, b->add);
  copy_slot(n->subtract, b->subtract);
  copy_slot(n->multiply, b->multiply);
  copy_slot(n->remainder, b->remainder);
  copy_slot(n->divmod, b->divmod);
  copy_slot(n->power, b->power);
  copy_slot(n->negative, b->negative);
  copy_slot(n->positive, b->positive);
  copy_slot(n->absolute, b->absolute);
  copy_slot(n->bool_, b->bool_);
  copy_slot(n->invert, b->invert);
  copy_slot(n->lshift, b->lshift);
  copy_slot(n->rshift, b->rshift);
  copy_slot(n->and_, b->and_);
  copy_slot(n->xor_, b->xor_);
  copy_slot(n->or_, b->or_);
  copy_slot(n->int_, b->int_);
  copy_slot(n->float_, b->float_);
  copy_slot(n->inplace_add, b->inplace_add);
  copy_slot(n->inplace_subtract, b->inplace_subtract);
  copy_slot(n->inplace_multiply, b->inplace_multiply);
  copy_slot(n->inplace_remainder, b->inplace_remainder);
  copy_slot(n->inplace_power, b->inplace_power);
  copy_slot(n->inplace_lshift, b->inplace_lshift);
  copy_slot(n->inplace_rshift, b->inplace_rshift);
  copy_slot(n->inplace_and, b->inplace_and);
  copy_slot(n->inplace_xor, b->inplace_xor);
  copy_slot(n->inplace_or, b->inplace_or);
  copy_slot(n->true_divide, b->true_divide);
  copy_slot(n->floor_divide, b->floor_divide);
  copy_slot(n->inplace_true_divide, b->inplace_true_divide);
  copy_slot(n->inplace_floor_divide, b->inplace_floor_divide);
  copy_slot(n->index, b->index);
  copy_slot(n->matrix_multiply, b->matrix_multiply);
  copy_slot(n->inplace_matrix_multiply, b->inplace_matrix_multiply);
}

void inherit_slots(TypeObject* type, TypeObject* base) {
  if (type->as_number && base->as_number && type->as_number != base->as_number)
    inherit_number(type->as_number, base->as_number);
  if (type->as_async && base->as_async && type->as_async != base->as_async) {
    copy_slot(type->as_async->await, base->as_async->await);
    copy_slot(type->as_async->aiter, base->as_async->aiter);
    copy_slot(type->as_async->anext, base->as_async->anext);
    copy_slot(type->as_async->send, base->as_async->send);
  }
  if (type->as_sequence && base->as_sequence && type->as_sequence != base->as_sequence) {
    SequenceMethods* s = type->as_sequence;
    const SequenceMethods* b = base->as_sequence;
    copy_slot(s->length, b->length);
    copy_slot(s->concat, b->concat);
    copy_slot(s->repeat, b->repeat);
    copy_slot(s->item, b->item);
    copy_slot(s->ass_item, b->ass_item);
    copy_slot(s->contains, b->contains);
    copy_slot(s->inplace_concat, b->inplace_concat);
    copy_slot(s->inplace_repeat, b->inplace_repeat);
  }
  if (type->as_mapping && base->as_mapping && type->as_mapping != base->as_mapping) {
    copy_slot(type->as_mapping->length, base->as_mapping->length);
    copy_slot(type->as_mapping->subscript, base->as_mapping->subscript);
    copy_slot(type->as_mapping->ass_subscript, base->as_mapping->ass_subscript);
  }
  if (type->as_buffer && base->as_buffer && type->as_buffer != base->as_buffer) {
    copy_slot(type->as_buffer->getbuffer, base->as_buffer->getbuffer);
    copy_slot(type->as_buffer->releasebuffer, base->as_buffer->releasebuffer);
  }
  copy_slot(type->dealloc, base->dealloc);
  if (!type->getattro) type->getattro = base->getattro;
  if (!type->setattro) type->setattro = base->setattro;
  copy_slot(type->repr, base->repr);
  copy_slot(type->call, base->call);
  copy_slot(type->str, base->str);
  // Vectorcall is inherited only by types that cannot change __call__ afterwards.
  if (!type_has_feature(type, kTpflagsHaveVectorcall) &&
      type_has_feature(base, kTpflagsHaveVectorcall) &&
      (!type_has_feature(type, kTpflagsHeaptype) ||
       type_has_feature(type, kTpflagsImmutabletype)) &&
      !type->call) {
    type->flags |= kTpflagsHaveVectorcall;
  }
  if (!type->vectorcall_offset && type->call == base->call)
    type->vectorcall_offset = base->vectorcall_offset;
  // tp_hash and tp_richcompare go together, and only when the type overrides neither.
  if (!type->richcompare && !type->hash && !overrides_hash(type)) {
    type->richcompare = base->richcompare;
    type->hash = base->hash;
  }
  copy_slot(type->iter, base->iter);
  copy_slot(type->iternext, base->iternext);
  copy_slot(type->descr_get, base->descr_get);
  if (base->descr_get && type->descr_get == base->descr_get &&
      type_has_feature(base, kTpflagsMethodDescriptor))
    type->flags |= kTpflagsMethodDescriptor;
  copy_slot(type->descr_set, base->descr_set);
  copy_slot(type->init, base->init);
  copy_slot(type->alloc, base->alloc);
  copy_slot(type->is_gc, base->is_gc);
  copy_slot(type->finalize, base->finalize);
  copy_slot(type->del, base->del);
  bool type_gc = type_has_feature(type, kTpflagsHaveGc);
  bool base_gc = type_has_feature(base, kTpflagsHaveGc);
  if (type_gc == base_gc) {
    copy_slot(type->free, base->free);
  } else if (type_gc && (!type->free || type->free == plain_free) &&
             (base->free == plain_free || base->free == nullptr)) {
    type->free = gc_del;
  }
}

// type_new_wrapper (tp_new_wrapper): T.__new__(S, ...) for a type written in C++.
Object* tp_new_wrapper(Object* self, Object* args, Object* kwds) {
  auto* type = static_cast<TypeObject*>(self);
  if (!tuple_check(args) || tuple_size(args) < 1) {
    return errors::format(exc_TypeError, "%s.__new__(): not enough arguments", type->name);
  }
  Object* arg0 = tuple_item(args, 0);
  if (!type_check_type(arg0)) {
    return errors::format(exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                          type->name, arg0->type->name);
  }
  auto* subtype = static_cast<TypeObject*>(arg0);
  if (!is_subtype(subtype, type)) {
    return errors::format(exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                          type->name, subtype->name, subtype->name, type->name);
  }
  // The most derived base that is not a heap type must use this __new__ ("is not safe").
  TypeObject* staticbase = subtype;
  while (staticbase && staticbase->new_ &&
         type_has_feature(staticbase, kTpflagsHeaptype))
    staticbase = staticbase->base;
  if (staticbase && staticbase->new_ != type->new_) {
    return errors::format(exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                          type->name, subtype->name, staticbase->name);
  }
  Ref<> rest = Ref<>::steal(tuple_get_slice(args, 1, tuple_size(args)));
  if (!rest) return nullptr;
  return type->new_(subtype, rest.get(), kwds);
}

MethodDef tp_new_methoddef[] = {
    {"__new__", reinterpret_cast<void*>(tp_new_wrapper), kMethVarargs | kMethKeywords,
     "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See "
     "help(type) for accurate signature."},
    {nullptr, nullptr, 0, nullptr}};

int add_tp_new_wrapper(TypeObject* type) {
  Object* name = name_of("__new__");
  if (dict_get_item(type->dict, name)) return 0;
  Ref<> func = Ref<>::steal(cfunction_new(tp_new_methoddef, type, nullptr));
  if (!func) return -1;
  return dict_set_item(type->dict, name, func.get());
}

using typeobject_internal::doc_without_signature;

int add_methods(TypeObject* type, MethodDef* meth) {
  for (; meth && meth->name; ++meth) {
    Ref<> descr;
    if (meth->flags & kMethClass) {
      if (meth->flags & kMethStatic) {
        errors::set_string(exc_ValueError, "method cannot be both class and static");
        return -1;
      }
      descr = Ref<>::steal(descr_new_classmethod(type, meth));
    } else if (meth->flags & kMethStatic) {
      // type_add_method: the function is bound to the type (its __self__ and qualname).
      Ref<> cfunc = Ref<>::steal(cfunction_new(meth, type, nullptr));
      if (!cfunc) return -1;
      descr = Ref<>::steal(staticmethod_new(cfunc.get()));
    } else {
      descr = Ref<>::steal(descr_new_method(type, meth));
    }
    if (!descr) return -1;
    Ref<> name = Ref<>::steal(str_intern_from_cstr(meth->name));
    if (!name) return -1;
    if (meth->flags & kMethCoexist) {
      if (dict_set_item(type->dict, name.get(), descr.get()) < 0) return -1;
    } else if (dict_set_default_ref(type->dict, name.get(), descr.get(), nullptr) < 0) {
      return -1;
    }
  }
  return 0;
}

int add_members(TypeObject* type, MemberDef* m) {
  for (; m && m->name; ++m) {
    Ref<> descr = Ref<>::steal(descr_new_member(type, m));
    if (!descr) return -1;
    if (dict_set_default_ref(type->dict, static_cast<DescrObject*>(descr.get())->d_name,
                             descr.get(), nullptr) < 0)
      return -1;
  }
  return 0;
}

int add_getset(TypeObject* type, GetSetDef* g) {
  for (; g && g->name; ++g) {
    Ref<> descr = Ref<>::steal(descr_new_getset(type, g));
    if (!descr) return -1;
    if (dict_set_default_ref(type->dict, static_cast<DescrObject*>(descr.get())->d_name,
                             descr.get(), nullptr) < 0)
      return -1;
  }
  return 0;
}

int type_ready_fill_dict(TypeObject* type) {
  if (typeobject_internal::add_operators(type) < 0) return -1;
  // A static type's docs and signatures are the reference's (objects/docsig.h).
  if (!type_has_feature(type, kTpflagsHeaptype)) {
    apply_builtin_docs(type->name, type->methods);
    if (const char* doc = builtin_internal_doc(type->name, "")) type->doc = doc;
  }
  if (add_methods(type, type->methods) < 0) return -1;
  if (add_members(type, type->members) < 0) return -1;
  if (add_getset(type, type->getset) < 0) return -1;
  // __doc__
  Object* docname = name_of("__doc__");
  if (!dict_get_item(type->dict, docname)) {
    Ref<> doc;
    const char* d = doc_without_signature(type->name, type->doc);
    if (d && *d) doc = Ref<>::steal(str_from_cstr(d));
    else doc = Ref<>::borrow(none());
    if (!doc || dict_set_item(type->dict, docname, doc.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace

// PyType_Ready.
int type_ready(TypeObject* type) {
  if (type_has_feature(type, kTpflagsReady)) return 0;
  if (type_has_feature(type, kTpflagsReadying)) return 0;
  type->flags |= kTpflagsReadying;
  auto fail = [type] {
    type->flags &= ~kTpflagsReadying;
    return -1;
  };
  if (!type_has_feature(type, kTpflagsHeaptype)) {
    make_immortal(type);
    gc::add_static_type(type);  // its dict and subclasses are roots of the collector's marking
  }
  // type_ready_set_base / set_type.
  TypeObject* base = type->base;
  if (base == nullptr && type != &BaseObject_Type) base = type->base = &BaseObject_Type;
  if (base && !type_has_feature(base, kTpflagsReady) && type_ready(base) < 0) return fail();
  if (type->type == nullptr && base) type->type = base->type;
  // type_ready_set_bases.
  if (type->bases == nullptr) {
    type->bases = base ? tuple_pack(1, base) : tuple_new(0);
    if (!type->bases) return fail();
  }
  // type_ready_set_dict.
  if (type->dict == nullptr) {
    type->dict = dict_new();
    if (!type->dict) return fail();
  }
  if (mro_internal(type) < 0) return fail();
  // type_ready_set_new, before type_ready_fill_dict as in CPython: __new__ is the first entry
  // of a builtin type's dict.
  // A static type whose base is object and which has no tp_new is not instantiable (its own
  // factory keeps its invariants): it gets Py_TPFLAGS_DISALLOW_INSTANTIATION. Heap types and
  // other bases inherit tp_new; so do cppy's static types without kTpflagsStaticBuiltin, which
  // stand for CPython's heap types (see static_type), unless their definition sets the flag.
  if (type->new_ == nullptr && base == &BaseObject_Type &&
      type_has_feature(type, kTpflagsStaticBuiltin)) {
    type->flags |= kTpflagsDisallowInstantiation;
  }
  if (!type_has_feature(type, kTpflagsDisallowInstantiation)) {
    if (type->new_) {
      if (add_tp_new_wrapper(type) < 0) return fail();
    } else if (base) {
      type->new_ = base->new_;
    }
  } else {
    type->new_ = nullptr;
  }
  if (type_ready_fill_dict(type) < 0) return fail();
  // PyType_FromMetaclass keeps the module part of a spec's dotted name as __module__ in the
  // heap type's dict; cppy's static types that stand for such heap types (no
  // kTpflagsStaticBuiltin) get it here. _datetime's types are static in CPython too.
  if (!type_has_feature(type, kTpflagsHeaptype) && !type_has_feature(type, kTpflagsStaticBuiltin) &&
      std::strncmp(type->name, "datetime.", 9) != 0) {
    int has = dict_contains(type->dict, name_of("__module__"));
    if (has < 0 || (has == 0 && type_set_heap_module(type) < 0)) return fail();
  }
  // type_ready_inherit.
  if (base) {
    inherit_special(type, base);
    if (!type->as_async) type->as_async = base->as_async;
    if (!type->as_number) type->as_number = base->as_number;
    if (!type->as_sequence) type->as_sequence = base->as_sequence;
    if (!type->as_mapping) type->as_mapping = base->as_mapping;
    if (!type->as_buffer) type->as_buffer = base->as_buffer;
  }
  ssize n = tuple_size(type->mro);
  for (ssize i = 1; i < n; ++i) {
    Object* b = tuple_item(type->mro, i);
    inherit_slots(type, static_cast<TypeObject*>(b));
  }
  if (!type->free) type->free = type_has_feature(type, kTpflagsHaveGc) ? gc_del : plain_free;
  // type_ready_set_hash: a type with no tp_hash is unhashable (__hash__ = None).
  if (type->hash == nullptr) {
    Object* hname = name_of("__hash__");
    if (!dict_get_item(type->dict, hname)) {
      if (dict_set_item(type->dict, hname, none()) < 0) return fail();
      type->hash = object_hash_not_implemented;
    }
  }
  // type_ready_add_subclasses.
  ssize nb = tuple_size(type->bases);
  for (ssize i = 0; i < nb; ++i) {
    auto* b = static_cast<TypeObject*>(tuple_item(type->bases, i));
    if (add_subclass(b, type) < 0) return fail();
  }
  // The layout as CPython reports it (see TypeObject::shown_basicsize).
  {
    const ssize word = static_cast<ssize>(sizeof(Object*));
    type->shown_basicsize = type->basicsize;
    type->shown_dictoffset = type->dictoffset;
    type->shown_weaklistoffset = type->weaklistoffset;
    if (type_has_feature(type, kTpflagsManagedDict)) {
      type->shown_basicsize -= word;
      type->shown_dictoffset = -1;
    }
    if (type_has_feature(type, kTpflagsManagedWeakref)) {
      type->shown_basicsize -= word;
      type->shown_weaklistoffset = -4 * word;  // MANAGED_WEAKREF_OFFSET
    }
  }
  type->flags = (type->flags & ~kTpflagsReadying) | kTpflagsReady;
  return 0;
}

ssize type_dict_offset(TypeObject* type) { return type->dictoffset; }

// _PyObject_LookupSpecial: the attribute found on the type, bound to self.
Object* lookup_special(Object* self, Object* name) {
  Object* res = type_lookup(self->type, name);
  if (!res) return nullptr;
  descrgetfunc f = res->type->descr_get;
  if (f == nullptr) return new_ref(res);
  Ref<> keep = Ref<>::borrow(res);
  return f(res, self, self->type);
}

// lookup_maybe_method: the unbound function when it is a plain method descriptor.
Object* lookup_maybe_method(Object* self, Object* name, bool* unbound) {
  Object* res = type_lookup(self->type, name);
  if (!res) return nullptr;
  if (type_has_feature(res->type, kTpflagsMethodDescriptor)) {
    *unbound = true;
    return new_ref(res);
  }
  *unbound = false;
  descrgetfunc f = res->type->descr_get;
  if (f == nullptr) return new_ref(res);
  Ref<> keep = Ref<>::borrow(res);
  return f(res, self, self->type);
}

// The part of type_set_bases_unlocked after its argument checks: new bases, new base, the MRO of
// the hierarchy (restored on failure), the subclass lists and the slots.
int type_replace_bases(TypeObject* type, Object* new_bases, TypeObject* new_base) {
  Object* old_bases = type->bases;
  TypeObject* old_base = type->base;
  type->bases = new_ref(new_bases);
  type->base = static_cast<TypeObject*>(new_ref<Object>(new_base));
  Ref<> temp = Ref<>::steal(list_new(0));
  if (temp && mro_hierarchy(type, temp.get()) >= 0) {
    int res = 0;
    // Nothing more when a reentrant assignment already replaced __bases__.
    if (type->bases == new_bases) {
      // remove_all_subclasses / add_all_subclasses.
      Ref<> key = Ref<>::steal(long_from_ssize(reinterpret_cast<ssize>(type)));
      if (!key) res = -1;
      for (ssize i = 0; key && i < tuple_size(old_bases); ++i) {
        auto* b = static_cast<TypeObject*>(tuple_item(old_bases, i));
        if (b->subclasses && dict_pop(b->subclasses, key.get(), nullptr) < 0) errors::clear();
      }
      for (ssize i = 0; res == 0 && i < tuple_size(new_bases); ++i) {
        if (add_subclass(static_cast<TypeObject*>(tuple_item(new_bases, i)), type) < 0) res = -1;
      }
      // update_all_slots: the dispatchers of type and its subclasses follow the new MRO.
      typeobject_internal::fixup_slot_dispatchers_hierarchy(type);
    }
    decref(old_bases);
    decref(old_base);
    return res;
  }
  if (temp) {
    // undo: each MRO this call installed comes back, newest first, unless it was replaced
    // again since.
    for (ssize i = list_size(temp.get()) - 1; i >= 0; --i) {
      Object* entry = list_item(temp.get(), i);
      auto* cls = static_cast<TypeObject*>(tuple_item(entry, 0));
      Object* installed = tuple_item(entry, 1);
      Object* previous = tuple_size(entry) > 2 ? tuple_item(entry, 2) : nullptr;
      if (cls->mro == installed) {
        cls->mro = xnew_ref(previous);
        decref(installed);
        type_modified(cls);
      }
    }
  }
  // bail: the old bases come back unless a reentrant assignment replaced them.
  if (type->bases == new_bases) {
    decref(type->bases);
    decref(type->base);
    type->bases = old_bases;
    type->base = old_base;
  } else {
    decref(old_bases);
    decref(old_base);
  }
  return -1;
}

// find_signature + skip_signature + _PyType_GetTextSignatureFromInternalDoc: the "(...)" of
// an internal doc "name(...)\n--\n\n...", or for METH_NOARGS / METH_O functions without one
// the signature 3.13 gives them; None otherwise.
Object* text_signature_from_internal_doc(const char* name, const char* doc, int flags) {
  const char* start = nullptr;
  const char* end = nullptr;
  if (doc && name) {
    const char* dot = std::strrchr(name, '.');
    const char* shortname = dot ? dot + 1 : name;
    size_t len = std::strlen(shortname);
    if (std::strncmp(doc, shortname, len) == 0 && doc[len] == '(') start = doc + len;
  }
  if (start) {
    // skip_signature: the end marker, unless a blank line comes first.
    for (const char* p = start; *p; ++p) {
      if (std::strncmp(p, ")\n--\n\n", 6) == 0) {
        end = p + 1;
        break;
      }
      if (p[0] == '\n' && p[1] == '\n') break;
    }
  }
  if (!end) {
    // signature_from_flags: the exact METH_NOARGS / METH_O forms, bound or not.
    switch (flags & ~kMethCoexist) {
      case kMethNoArgs: return str_from_cstr("($self, /)");
      case kMethNoArgs | kMethClass: return str_from_cstr("($type, /)");
      case kMethNoArgs | kMethStatic: return str_from_cstr("()");
      case kMethO: return str_from_cstr("($self, object, /)");
      case kMethO | kMethClass: return str_from_cstr("($type, object, /)");
      case kMethO | kMethStatic: return str_from_cstr("(object, /)");
      default: return new_ref(none());
    }
  }
  return str_from_utf8(start, end - start);
}

namespace typeobject_internal {

// _PyType_DocWithoutSignature: find_signature (the doc starts with the short name and "(")
// and skip_signature (the end marker, unless a blank line comes first); the whole doc when
// either fails.
const char* doc_without_signature(const char* name, const char* doc) {
  if (!doc || !name) return doc;
  const char* dot = std::strrchr(name, '.');
  const char* shortname = dot ? dot + 1 : name;
  size_t len = std::strlen(shortname);
  if (std::strncmp(doc, shortname, len) != 0 || doc[len] != '(') return doc;
  for (const char* p = doc + len; *p; ++p) {
    if (std::strncmp(p, ")\n--\n\n", 6) == 0) return p + 6;
    if (p[0] == '\n' && p[1] == '\n') break;
  }
  return doc;
}

}  // namespace typeobject_internal

}  // namespace cppy::objects
