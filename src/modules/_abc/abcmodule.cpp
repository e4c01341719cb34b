// The _abc module: Modules/_abc.c, the C half of abc.ABCMeta (registry and caches as sets of
// weak references, the invalidation counter, __abstractmethods__, the collection flags).
#include "modules/_abc/abcmodule.h"

#include <cstddef>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/setobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"

namespace cppy::modules::_abc {

using namespace objects;

namespace {

constexpr unsigned long kCollectionFlags = kTpflagsSequence | kTpflagsMapping;

unsigned long long abc_invalidation_counter = 0;  // _abcmodule_state

struct AbcData : Object {  // _abc_data
  Object* abc_registry;
  Object* abc_cache;  // normal set of weak references
  Object* abc_negative_cache;
  unsigned long long abc_negative_cache_version;
};
AbcData* ad(Object* o) { return static_cast<AbcData*>(o); }

int abc_data_traverse(Object* o, visitproc visit, void* arg) {
  Object* fields[] = {ad(o)->abc_registry, ad(o)->abc_cache, ad(o)->abc_negative_cache};
  for (Object* f : fields)
    if (f)
      if (int r = visit(f, arg)) return r;
  return 0;
}
int abc_data_clear(Object* o) {
  clear(ad(o)->abc_registry);
  clear(ad(o)->abc_cache);
  clear(ad(o)->abc_negative_cache);
  return 0;
}
void abc_data_dealloc(Object* o) {
  gc::untrack(o);
  abc_data_clear(o);
  o->type->free(o);
}
Object* abc_data_new(TypeObject* type, Object*, Object*) {
  auto* self = static_cast<AbcData*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->abc_registry = nullptr;
  self->abc_cache = nullptr;
  self->abc_negative_cache = nullptr;
  self->abc_negative_cache_version = abc_invalidation_counter;
  return self;
}

TypeObject abc_data_type = [] {
  TypeObject t = static_type("_abc._abc_data", sizeof(AbcData), 0, kTpflagsHaveGc);
  t.dealloc = abc_data_dealloc;
  t.traverse = abc_data_traverse;
  t.clear = abc_data_clear;
  t.new_ = abc_data_new;
  t.doc = "Internal state held by ABC machinery.";
  return t;
}();

// _get_impl: self._abc_impl, which must be an _abc_data.
Object* get_impl(Object* self) {
  // Interned names (CPython's _Py_ID): the type attribute cache is keyed by the name object,
  // so a fresh string per call would miss it and walk the MRO each time.
  static Object* impl_name = str_intern_from_cstr("_abc_impl");
  Ref<> impl = Ref<>::steal(object_getattr(self, impl_name));
  if (!impl) return nullptr;
  if (impl->type != &abc_data_type) {
    return errors::format(exc_TypeError, "_abc_impl is set to a wrong type");
  }
  return impl.release();
}

// _in_weak_set: whether a weak reference to obj is in the set.
int in_weak_set(Object* set, Object* obj) {
  if (!set || set_size(set) == 0) return 0;
  Ref<> ref = Ref<>::steal(weakref_new_ref(obj, nullptr));
  if (!ref) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      return 0;
    }
    return -1;
  }
  return set_contains(set, ref.get());
}

// _destroy: the callback of the weak references in a weak set; removes the dead reference
// from the set (held through a weak reference too).
Object* destroy(Object* setweakref, Object* objweakref) {
  Object* set = nullptr;
  if (weakref_get_ref(setweakref, &set) < 0) return nullptr;
  if (!set) return return_none();
  Ref<> s = Ref<>::steal(set);
  if (set_discard(s.get(), objweakref) < 0) return nullptr;
  return return_none();
}
MethodDef destroy_def = {"_destroy", reinterpret_cast<void*>(destroy), kMethO, nullptr};

// _add_to_weak_set.
int add_to_weak_set(Object** pset, Object* obj) {
  if (!*pset) {
    *pset = set_new(nullptr);
    if (!*pset) return -1;
  }
  Ref<> set = Ref<>::borrow(*pset);
  Ref<> wr = Ref<>::steal(weakref_new_ref(set.get(), nullptr));
  if (!wr) return -1;
  Ref<> destroy_cb = Ref<>::steal(cfunction_new(&destroy_def, wr.get()));
  if (!destroy_cb) return -1;
  Ref<> ref = Ref<>::steal(weakref_new_ref(obj, destroy_cb.get()));
  if (!ref) return -1;
  return set_add(set.get(), ref.get());
}

// _PyObject_IsAbstract.
int is_abstract(Object* obj) {
  if (!obj) return 0;
  Ref<> name = Ref<>::steal(str_from_cstr("__isabstractmethod__"));
  Object* isabstract = nullptr;
  int res = object_get_optional_attr(obj, name.get(), &isabstract);
  if (res > 0) {
    res = object_is_true(isabstract);
    decref(isabstract);
  }
  return res;
}

// compute_abstract_methods: __abstractmethods__ from the namespace and the bases.
int compute_abstract_methods(Object* self) {
  // A frozenset filled in place, as CPython fills its own before anyone sees it.
  Ref<> abstracts = Ref<>::steal(frozenset_new(nullptr));
  if (!abstracts) return -1;
  Ref<> ns = Ref<>::steal(object_getattr_string(self, "__dict__"));
  if (!ns) return -1;
  // Not a dict walk: __isabstractmethod__ lookups may mutate the namespace.
  Ref<> items = Ref<>::steal(mapping_items(ns.get()));
  if (!items) return -1;
  for (ssize pos = 0; pos < list_size(items.get()); ++pos) {
    Ref<> it = Ref<>::steal(
        sequence_fast(list_item(items.get(), pos), "items() returned item which is not a 2-tuple"));
    if (!it) return -1;
    ssize n = list_check(it.get()) ? list_size(it.get()) : tuple_size(it.get());
    if (n != 2) {
      errors::format(exc_TypeError, "items() returned item which size is not 2");
      return -1;
    }
    Object* key = list_check(it.get()) ? list_item(it.get(), 0) : tuple_item(it.get(), 0);
    Object* value = list_check(it.get()) ? list_item(it.get(), 1) : tuple_item(it.get(), 1);
    Ref<> k = Ref<>::borrow(key), v = Ref<>::borrow(value);
    int abs = is_abstract(v.get());
    if (abs < 0 || (abs && set_add(abstracts.get(), k.get()) < 0)) return -1;
  }
  Ref<> bases = Ref<>::steal(object_getattr_string(self, "__bases__"));
  if (!bases) return -1;
  if (!tuple_check(bases.get())) {
    errors::format(exc_TypeError, "__bases__ is not tuple");
    return -1;
  }
  Ref<> am_name = Ref<>::steal(str_from_cstr("__abstractmethods__"));
  for (ssize pos = 0; pos < tuple_size(bases.get()); ++pos) {
    Object* item = tuple_item(bases.get(), pos);
    Object* base_abstracts = nullptr;
    if (object_get_optional_attr(item, am_name.get(), &base_abstracts) < 0) return -1;
    if (!base_abstracts) continue;
    Ref<> ba = Ref<>::steal(base_abstracts);
    Ref<> iter = Ref<>::steal(object_get_iter(ba.get()));
    if (!iter) return -1;
    while (Object* key_raw = iter_next(iter.get())) {
      Ref<> key = Ref<>::steal(key_raw);
      Object* value = nullptr;
      if (object_get_optional_attr(self, key.get(), &value) < 0) return -1;
      if (!value) continue;
      Ref<> v = Ref<>::steal(value);
      int abs = is_abstract(v.get());
      if (abs < 0 || (abs && set_add(abstracts.get(), key.get()) < 0)) return -1;
    }
    if (errors::occurred()) return -1;
  }
  return object_setattr(self, am_name.get(), abstracts.get());
}

// _abc__abc_init.
Object* abc_init(Object*, Object* self) {
  if (compute_abstract_methods(self) < 0) return nullptr;
  if (!type_has_feature(&abc_data_type, kTpflagsReady) && type_ready(&abc_data_type) < 0)
    return nullptr;
  Ref<> data = Ref<>::steal(abc_data_new(&abc_data_type, nullptr, nullptr));
  if (!data || object_setattr_string(self, "_abc_impl", data.get()) < 0) return nullptr;
  if (type_check_type(self)) {
    auto* cls = static_cast<TypeObject*>(self);
    Object* dict = cls->dict;
    Ref<> key = Ref<>::steal(str_from_cstr("__abc_tpflags__"));
    Object* flags = nullptr;
    if (dict_pop(dict, key.get(), &flags) < 0) return nullptr;
    Ref<> f = Ref<>::steal(flags);
    if (!f || !long_check_exact(f.get())) return return_none();
    long val = long_as_long(f.get());
    if (val == -1 && errors::occurred()) return nullptr;
    if ((static_cast<unsigned long>(val) & kCollectionFlags) == kCollectionFlags) {
      return errors::format(exc_TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE "
                                           "and Py_TPFLAGS_MAPPING");
    }
    cls->flags |= (static_cast<unsigned long>(val) & kCollectionFlags);
  }
  return return_none();
}

// set_collection_flag_recursive: registering a class with a sequence or mapping ABC marks it
// and its subclasses (unless immutable or already marked).
void set_collection_flag_recursive(TypeObject* child, unsigned long flag) {
  if (type_has_feature(child, kTpflagsImmutabletype) || (child->flags & kCollectionFlags)) return;
  child->flags &= ~kCollectionFlags;
  child->flags |= flag;
  Ref<> grandchildren = Ref<>::steal(type_subclasses(child));
  if (!grandchildren) {
    errors::clear();
    return;
  }
  for (ssize i = 0; i < list_size(grandchildren.get()); ++i)
    set_collection_flag_recursive(static_cast<TypeObject*>(list_item(grandchildren.get(), i)), flag);
}

// _abc__abc_register_impl.
Object* abc_register(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_abc_register", nargs, 2, 2)) return nullptr;
  Object* self = args[0];
  Object* subclass = args[1];
  if (!type_check_type(subclass)) return errors::format(exc_TypeError, "Can only register classes");
  int result = object_is_subclass(subclass, self);
  if (result > 0) return new_ref(subclass);  // already a subclass
  if (result < 0) return nullptr;
  // Cycles are tested after "already a subclass", so X.register(X) is a no-op.
  result = object_is_subclass(self, subclass);
  if (result > 0) return errors::format(exc_RuntimeError, "Refusing to create an inheritance cycle");
  if (result < 0) return nullptr;
  Ref<> impl = Ref<>::steal(get_impl(self));
  if (!impl) return nullptr;
  if (add_to_weak_set(&ad(impl.get())->abc_registry, subclass) < 0) return nullptr;
  // Invalidate the negative caches.
  abc_invalidation_counter++;
  if (type_check_type(self)) {
    unsigned long collection_flag = static_cast<TypeObject*>(self)->flags & kCollectionFlags;
    if (collection_flag)
      set_collection_flag_recursive(static_cast<TypeObject*>(subclass), collection_flag);
  }
  return new_ref(subclass);
}

Object* call_subclasscheck(Object* self, Object* cls) {
  static Object* name = str_intern_from_cstr("__subclasscheck__");
  return call_method_one_arg(self, name, cls);
}

// _abc__abc_instancecheck_impl.
Object* abc_instancecheck(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_abc_instancecheck", nargs, 2, 2)) return nullptr;
  Object* self = args[0];
  Object* instance = args[1];
  Ref<> impl = Ref<>::steal(get_impl(self));
  if (!impl) return nullptr;
  static Object* class_name = str_intern_from_cstr("__class__");
  Ref<> subclass = Ref<>::steal(object_getattr(instance, class_name));
  if (!subclass) return nullptr;
  // The cache checks, inlined.
  int incache = in_weak_set(ad(impl.get())->abc_cache, subclass.get());
  if (incache < 0) return nullptr;
  if (incache > 0) return new_ref(true_object());
  Object* subtype = instance->type;
  if (subtype == subclass.get()) {
    if (ad(impl.get())->abc_negative_cache_version == abc_invalidation_counter) {
      incache = in_weak_set(ad(impl.get())->abc_negative_cache, subclass.get());
      if (incache < 0) return nullptr;
      if (incache > 0) return new_ref(false_object());
    }
    // Fall back on the subclass check.
    return call_subclasscheck(self, subclass.get());
  }
  Ref<> result = Ref<>::steal(call_subclasscheck(self, subclass.get()));
  if (!result) return nullptr;
  switch (object_is_true(result.get())) {
    case -1:
      return nullptr;
    case 0:
      break;
    default:
      return result.release();
  }
  return call_subclasscheck(self, subtype);
}

// subclasscheck_check_registry: 1 with *result set, 0 when undecided, -1 on error.
int check_registry(AbcData* impl, Object* subclass, Object** result) {
  // Fast path: the class itself is registered.
  int ret = in_weak_set(impl->abc_registry, subclass);
  if (ret < 0) return -1;
  if (ret > 0) {
    *result = true_object();
    return 1;
  }
  if (!impl->abc_registry || set_size(impl->abc_registry) == 0) return 0;
  // A snapshot: weak reference callbacks may shrink the registry meanwhile.
  std::vector<Ref<>> copy;
  ssize pos = 0;
  Object* key = nullptr;
  hash_t hash = 0;
  while (set_next_entry(impl->abc_registry, &pos, &key, &hash)) copy.push_back(Ref<>::borrow(key));
  for (auto& ref : copy) {
    Object* rkey = nullptr;
    if (weakref_get_ref(ref.get(), &rkey) < 0) return -1;
    if (!rkey) continue;
    int r = object_is_subclass(subclass, rkey);
    decref(rkey);
    if (r < 0) return -1;
    if (r > 0) {
      if (add_to_weak_set(&impl->abc_cache, subclass) < 0) return -1;
      *result = true_object();
      return 1;
    }
  }
  return 0;
}

// _abc__abc_subclasscheck_impl.
Object* abc_subclasscheck(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_abc_subclasscheck", nargs, 2, 2)) return nullptr;
  Object* self = args[0];
  Object* subclass = args[1];
  if (!type_check_type(subclass)) {
    return errors::format(exc_TypeError, "issubclass() arg 1 must be a class");
  }
  Ref<> impl_ref = Ref<>::steal(get_impl(self));
  if (!impl_ref) return nullptr;
  AbcData* impl = ad(impl_ref.get());
  // 1. The cache.
  int incache = in_weak_set(impl->abc_cache, subclass);
  if (incache < 0) return nullptr;
  if (incache > 0) return new_ref(true_object());
  // 2. The negative cache, invalidated when something was registered since.
  if (impl->abc_negative_cache_version < abc_invalidation_counter) {
    if (impl->abc_negative_cache && set_clear(impl->abc_negative_cache) < 0) return nullptr;
    impl->abc_negative_cache_version = abc_invalidation_counter;
  } else {
    incache = in_weak_set(impl->abc_negative_cache, subclass);
    if (incache < 0) return nullptr;
    if (incache > 0) return new_ref(false_object());
  }
  // 3. The subclass hook.
  static Object* hook = str_intern_from_cstr("__subclasshook__");
  Ref<> ok = Ref<>::steal(call_method_one_arg(self, hook, subclass));
  if (!ok) return nullptr;
  if (ok.get() == true_object()) {
    if (add_to_weak_set(&impl->abc_cache, subclass) < 0) return nullptr;
    return new_ref(true_object());
  }
  if (ok.get() == false_object()) {
    if (add_to_weak_set(&impl->abc_negative_cache, subclass) < 0) return nullptr;
    return new_ref(false_object());
  }
  if (ok.get() != not_implemented()) {
    return errors::format(exc_AssertionError, "__subclasshook__ must return either False, True, "
                                              "or NotImplemented");
  }
  // 4. A direct subclass: self in subclass.__mro__.
  Object* mro = static_cast<TypeObject*>(subclass)->mro;
  if (mro && tuple_check(mro)) {
    for (ssize pos = 0; pos < tuple_size(mro); ++pos) {
      if (tuple_item(mro, pos) == self) {
        if (add_to_weak_set(&impl->abc_cache, subclass) < 0) return nullptr;
        return new_ref(true_object());
      }
    }
  }
  // 5. A subclass of a registered class (recursive).
  Object* result = nullptr;
  int r = check_registry(impl, subclass, &result);
  if (r < 0) return nullptr;
  if (r > 0) return new_ref(result);
  // 6. A subclass of a subclass (recursive).
  static Object* subs_name = str_intern_from_cstr("__subclasses__");
  Ref<> subclasses = Ref<>::steal(call_method_no_args(self, subs_name));
  if (!subclasses) return nullptr;
  if (!list_check(subclasses.get())) {
    return errors::format(exc_TypeError, "__subclasses__() must return a list");
  }
  for (ssize pos = 0; pos < list_size(subclasses.get()); ++pos) {
    Ref<> scls = Ref<>::borrow(list_item(subclasses.get(), pos));
    int rr = object_is_subclass(subclass, scls.get());
    if (rr < 0) return nullptr;
    if (rr > 0) {
      if (add_to_weak_set(&impl->abc_cache, subclass) < 0) return nullptr;
      return new_ref(true_object());
    }
  }
  // No dice: remember the answer in the negative cache.
  if (add_to_weak_set(&impl->abc_negative_cache, subclass) < 0) return nullptr;
  return new_ref(false_object());
}

// _abc__get_dump_impl: (registry, cache, negative cache, version) as sets of weak references.
Object* abc_get_dump(Object*, Object* self) {
  Ref<> impl = Ref<>::steal(get_impl(self));
  if (!impl) return nullptr;
  Ref<> a = Ref<>::steal(set_new(ad(impl.get())->abc_registry));
  Ref<> b = Ref<>::steal(set_new(ad(impl.get())->abc_cache));
  Ref<> c = Ref<>::steal(set_new(ad(impl.get())->abc_negative_cache));
  Ref<> v = Ref<>::steal(long_from_unsigned_long_long(ad(impl.get())->abc_negative_cache_version));
  if (!a || !b || !c || !v) return nullptr;
  return tuple_pack(4, a.get(), b.get(), c.get(), v.get());
}

Object* abc_reset_registry(Object*, Object* self) {
  Ref<> impl = Ref<>::steal(get_impl(self));
  if (!impl) return nullptr;
  if (ad(impl.get())->abc_registry && set_clear(ad(impl.get())->abc_registry) < 0) return nullptr;
  return return_none();
}

Object* abc_reset_caches(Object*, Object* self) {
  Ref<> impl = Ref<>::steal(get_impl(self));
  if (!impl) return nullptr;
  if (ad(impl.get())->abc_cache && set_clear(ad(impl.get())->abc_cache) < 0) return nullptr;
  // The negative cache is cleared, its version kept.
  if (ad(impl.get())->abc_negative_cache && set_clear(ad(impl.get())->abc_negative_cache) < 0)
    return nullptr;
  return return_none();
}

Object* abc_get_cache_token(Object*, Object*) {
  return long_from_unsigned_long_long(abc_invalidation_counter);
}

MethodDef functions[] = {
    {"get_cache_token", reinterpret_cast<void*>(abc_get_cache_token), kMethNoArgs,
     "get_cache_token($module, /)\n--\n\nReturns the current ABC cache token.\n\nThe token is an "
     "opaque object (supporting equality testing) identifying the\ncurrent version of the ABC "
     "cache for virtual subclasses. The token changes\nwith every call to register() on any "
     "ABC."},
    {"_abc_init", reinterpret_cast<void*>(abc_init), kMethO,
     "_abc_init($module, self, /)\n--\n\nInternal ABC helper for class set-up. Should be never "
     "used outside abc module."},
    {"_reset_registry", reinterpret_cast<void*>(abc_reset_registry), kMethO,
     "_reset_registry($module, self, /)\n--\n\nInternal ABC helper to reset registry of a given "
     "class.\n\nShould be only used by refleak.py"},
    {"_reset_caches", reinterpret_cast<void*>(abc_reset_caches), kMethO,
     "_reset_caches($module, self, /)\n--\n\nInternal ABC helper to reset both caches of a given "
     "class.\n\nShould be only used by refleak.py"},
    {"_get_dump", reinterpret_cast<void*>(abc_get_dump), kMethO,
     "_get_dump($module, self, /)\n--\n\nInternal ABC helper for cache and registry "
     "debugging.\n\nReturn shallow copies of registry, of both caches, and\nnegative cache "
     "version. Don't call this function directly,\ninstead use ABC._dump_registry() for a nice "
     "repr."},
    {"_abc_register", reinterpret_cast<void*>(abc_register), kMethFastcall,
     "_abc_register($module, self, subclass, /)\n--\n\nInternal ABC helper for subclasss "
     "registration. Should be never used outside abc module."},
    {"_abc_instancecheck", reinterpret_cast<void*>(abc_instancecheck), kMethFastcall,
     "_abc_instancecheck($module, self, instance, /)\n--\n\nInternal ABC helper for instance "
     "checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", reinterpret_cast<void*>(abc_subclasscheck), kMethFastcall,
     "_abc_subclasscheck($module, self, subclass, /)\n--\n\nInternal ABC helper for subclasss "
     "checks. Should be never used outside abc module."},
    {nullptr, nullptr, 0, nullptr}};

int abc_exec(Object*) {
  if (!type_has_feature(&abc_data_type, kTpflagsReady) && type_ready(&abc_data_type) < 0) return -1;
  return 0;
}

ModuleDef def = {"_abc", "Module contains faster C implementation of abc.ABCMeta", functions,
                 abc_exec};

}  // namespace

ModuleDef* module_def() { return &def; }

}  // namespace cppy::modules::_abc
