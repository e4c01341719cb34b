// Weak references and proxies: Objects/weakrefobject.c; the `_weakref` module functions:
// Modules/_weakref.c.
#include "objects/weakrefobject.h"

#include <cstddef>
#include <utility>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/genericaliasobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

WeakReference* as_wr(Object* o) { return static_cast<WeakReference*>(o); }

bool check_ref_exact(Object* o) { return o->type == &weakref_ref_type; }

// _PyWeakref_GET_REF: the referent as a new reference, or null when the reference is dead.
Object* get_ref(Object* ref) {
  Object* obj = as_wr(ref)->wr_object;
  if (obj == none()) return nullptr;
  return new_ref(obj);
}

// clear_weakref_lock_held: unlinks self from its referent's list and marks it dead. When
// callback is given, the callback moves there (the caller releases or calls it).
void clear_weakref_impl(WeakReference* self, Object** callback) {
  if (self->wr_object != none()) {
    WeakReference** list = weakref_list_ptr(self->wr_object);
    if (*list == self) *list = self->wr_next;
    self->wr_object = none();
    if (self->wr_prev) self->wr_prev->wr_next = self->wr_next;
    if (self->wr_next) self->wr_next->wr_prev = self->wr_prev;
    self->wr_prev = nullptr;
    self->wr_next = nullptr;
  }
  if (callback) {
    *callback = self->wr_callback;
    self->wr_callback = nullptr;
  }
}

// clear_weakref: unlink and drop the callback.
void clear_weakref(WeakReference* self) {
  Object* callback = nullptr;
  clear_weakref_impl(self, &callback);
  xdecref(callback);
}

// get_basic_refs: the callback-less exact ref and proxy that head the list, if present.
void get_basic_refs(WeakReference* head, WeakReference** refp, WeakReference** proxyp) {
  *refp = nullptr;
  *proxyp = nullptr;
  if (head && head->wr_callback == nullptr) {
    if (check_ref_exact(head)) {
      *refp = head;
      head = head->wr_next;
    }
    if (head && head->wr_callback == nullptr && weakref_check_proxy(head)) *proxyp = head;
  }
}

void insert_after(WeakReference* newref, WeakReference* prev) {
  newref->wr_prev = prev;
  newref->wr_next = prev->wr_next;
  if (prev->wr_next) prev->wr_next->wr_prev = newref;
  prev->wr_next = newref;
}

void insert_head(WeakReference* newref, WeakReference** list) {
  WeakReference* next = *list;
  newref->wr_prev = nullptr;
  newref->wr_next = next;
  if (next) next->wr_prev = newref;
  *list = newref;
}

bool is_basic_ref(WeakReference* r) { return r->wr_callback == nullptr && check_ref_exact(r); }
bool is_basic_proxy(WeakReference* r) {
  return r->wr_callback == nullptr && weakref_check_proxy(r);
}
bool is_basic_ref_or_proxy(WeakReference* r) { return is_basic_ref(r) || is_basic_proxy(r); }

// insert_weakref: basic refs go first, basic proxies after them, the others after both.
void insert_weakref(WeakReference* newref, WeakReference** list) {
  WeakReference *ref, *proxy;
  get_basic_refs(*list, &ref, &proxy);
  WeakReference* prev;
  if (is_basic_ref(newref))
    prev = nullptr;
  else if (is_basic_proxy(newref))
    prev = ref;
  else
    prev = proxy == nullptr ? ref : proxy;
  if (prev == nullptr)
    insert_head(newref, list);
  else
    insert_after(newref, prev);
}

Object* weakref_vectorcall(Object* self, Object* const*, size_t nargsf, Object* kwnames) {
  if (!no_kwnames("weakref", kwnames)) return nullptr;
  if (!check_positional("weakref", vectorcall_nargs(nargsf), 0, 0)) return nullptr;
  Object* obj = get_ref(self);
  return obj ? obj : return_none();
}

// init_weakref / allocate_weakref. The referent is not owned: the list keeps the link.
WeakReference* allocate_weakref(TypeObject* type, Object* obj, Object* callback) {
  auto* self = as_wr(type->alloc(type, 0));
  if (!self) return nullptr;
  self->hash = -1;
  self->wr_object = obj;
  self->wr_prev = nullptr;
  self->wr_next = nullptr;
  self->wr_callback = xnew_ref(callback);
  self->vectorcall = weakref_vectorcall;
  return self;
}

// try_reuse_basic_ref: a callback-less ref()/proxy() returns the existing canonical one.
WeakReference* try_reuse_basic_ref(WeakReference* list, TypeObject* type, Object* callback) {
  if (callback) return nullptr;
  WeakReference *ref, *proxy;
  get_basic_refs(list, &ref, &proxy);
  WeakReference* cand = type == &weakref_ref_type ? ref : proxy;
  return cand ? new_ref(cand) : nullptr;
}

// get_or_create_weakref.
Object* get_or_create_weakref(TypeObject* type, Object* obj, Object* callback) {
  if (!type_supports_weakrefs(obj->type)) {
    return errors::format(exc_TypeError, "cannot create weak reference to '%s' object",
                          obj->type->name);
  }
  if (callback == none()) callback = nullptr;
  WeakReference** list = weakref_list_ptr(obj);
  if (type == &weakref_ref_type || type == &weakref_proxy_type ||
      type == &weakref_callable_proxy_type) {
    if (WeakReference* basic = try_reuse_basic_ref(*list, type, callback)) return basic;
  }
  WeakReference* newref = allocate_weakref(type, obj, callback);
  if (!newref) return nullptr;
  insert_weakref(newref, list);
  return newref;
}

// parse_weakref_init_args: (ob[, callback]); keywords are accepted and ignored so that
// subclasses may take their own.
bool parse_init_args(const char* funcname, Object* args, Object** ob, Object** callback) {
  ssize n = tuple_size(args);
  if (!check_positional(funcname, n, 1, 2)) return false;
  *ob = tuple_item(args, 0);
  *callback = n > 1 ? tuple_item(args, 1) : nullptr;
  return true;
}

Object* weakref_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  Object *ob, *callback;
  // weakref.ref itself takes no keywords (subclasses may take their own).
  if (type == &weakref_ref_type && !no_keywords("ref", kwargs)) return nullptr;
  if (!parse_init_args("__new__", args, &ob, &callback)) return nullptr;
  return get_or_create_weakref(type, ob, callback);
}

int weakref_tp_init(Object* self, Object* args, Object* kwargs) {
  Object *ob, *callback;
  if (self->type == &weakref_ref_type && !no_keywords("ref", kwargs)) return -1;
  return parse_init_args("__init__", args, &ob, &callback) ? 0 : -1;
}

void weakref_dealloc(Object* self) {
  gc::untrack(self);
  clear_weakref(as_wr(self));
  self->type->free(self);
}

int gc_traverse(Object* self, visitproc visit, void* arg) {
  if (Object* cb = as_wr(self)->wr_callback)
    if (int r = visit(cb, arg)) return r;
  return 0;
}

int gc_clear(Object* self) {
  clear_weakref(as_wr(self));
  return 0;
}

hash_t weakref_hash(Object* self) {
  WeakReference* wr = as_wr(self);
  if (wr->hash != -1) return wr->hash;
  Object* obj = get_ref(self);
  if (!obj) {
    errors::set_string(exc_TypeError, "weak object has gone away");
    return -1;
  }
  hash_t h = object_hash(obj);
  decref(obj);
  wr->hash = h;
  return h;
}

Object* weakref_repr(Object* self) {
  Object* obj = get_ref(self);
  if (!obj) return str_from_format("<weakref at %p; dead>", static_cast<void*>(self));
  Ref<> owner = Ref<>::steal(obj);
  Ref<> name = Ref<>::steal(lookup_special(obj, str_intern_from_cstr("__name__")));
  if (!name && errors::occurred()) errors::clear();
  if (!name || !str_check(name.get()))
    return str_from_format("<weakref at %p; to '%T' at %p>", static_cast<void*>(self), obj,
                           static_cast<void*>(obj));
  return str_from_format("<weakref at %p; to '%T' at %p (%U)>", static_cast<void*>(self), obj,
                         static_cast<void*>(obj), name.get());
}

// weakref_richcompare: only == and != between weak references; dead references compare by
// identity, live ones by their referents.
Object* weakref_richcompare(Object* self, Object* other, int op) {
  if ((op != kEQ && op != kNE) || !weakref_check(self) || !weakref_check(other))
    return return_not_implemented();
  Ref<> obj = Ref<>::steal(get_ref(self));
  Ref<> other_obj = Ref<>::steal(get_ref(other));
  if (!obj || !other_obj) {
    bool res = self == other;
    if (op == kNE) res = !res;
    return bool_from_long(res);
  }
  return object_rich_compare(obj.get(), other_obj.get(), op);
}

MemberDef weakref_members[] = {
    {"__callback__", kMemberObject, static_cast<ssize>(offsetof(WeakReference, wr_callback)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// --- proxies ---------------------------------------------------------------------------------

// proxy_check_ref / UNWRAP: a proxy operand becomes its referent (new reference), any other
// operand is passed through with a new reference; a dead proxy raises ReferenceError.
Object* unwrap(Object* o) {
  if (!weakref_check_proxy(o)) return new_ref(o);
  Object* obj = get_ref(o);
  if (!obj) errors::set_string(exc_ReferenceError, "weakly-referenced object no longer exists");
  return obj;
}

#define UNWRAP1(var, src)                        \
  Ref<> var = Ref<>::steal(unwrap(src));         \
  if (!var) return nullptr

Object* proxy_getattr(Object* proxy, Object* name) {
  UNWRAP1(obj, proxy);
  return object_getattr(obj.get(), name);
}
int proxy_setattr(Object* proxy, Object* name, Object* value) {
  Ref<> obj = Ref<>::steal(unwrap(proxy));
  if (!obj) return -1;
  return object_setattr(obj.get(), name, value);
}
Object* proxy_richcompare(Object* proxy, Object* v, int op) {
  UNWRAP1(a, proxy);
  UNWRAP1(b, v);
  return object_rich_compare(a.get(), b.get(), op);
}
Object* proxy_str(Object* proxy) {
  UNWRAP1(obj, proxy);
  return object_str(obj.get());
}
Object* proxy_repr(Object* proxy) {
  Ref<> obj = Ref<>::steal(get_ref(proxy));
  if (!obj) return str_from_format("<weakproxy at %p; dead>", static_cast<void*>(proxy));
  return str_from_format("<weakproxy at %p; to '%T' at %p>", static_cast<void*>(proxy),
                         obj.get(), static_cast<void*>(obj.get()));
}
Object* proxy_call(Object* proxy, Object* args, Object* kwargs) {
  UNWRAP1(obj, proxy);
  return object_call(obj.get(), args, kwargs);
}

#define PROXY_BINOP(fn, impl)                 \
  Object* fn(Object* x, Object* y) {          \
    UNWRAP1(a, x);                            \
    UNWRAP1(b, y);                            \
    return impl(a.get(), b.get());            \
  }
#define PROXY_UNOP(fn, impl)                  \
  Object* fn(Object* x) {                     \
    UNWRAP1(a, x);                            \
    return impl(a.get());                     \
  }
PROXY_BINOP(proxy_add, number_add)
PROXY_BINOP(proxy_sub, number_subtract)
PROXY_BINOP(proxy_mul, number_multiply)
PROXY_BINOP(proxy_floordiv, number_floor_divide)
PROXY_BINOP(proxy_truediv, number_true_divide)
PROXY_BINOP(proxy_mod, number_remainder)
PROXY_BINOP(proxy_divmod, number_divmod)
PROXY_BINOP(proxy_lshift, number_lshift)
PROXY_BINOP(proxy_rshift, number_rshift)
PROXY_BINOP(proxy_and, number_and)
PROXY_BINOP(proxy_xor, number_xor)
PROXY_BINOP(proxy_or, number_or)
PROXY_BINOP(proxy_matmul, number_matrix_multiply)
PROXY_BINOP(proxy_iadd, number_inplace_add)
PROXY_BINOP(proxy_isub, number_inplace_subtract)
PROXY_BINOP(proxy_imul, number_inplace_multiply)
PROXY_BINOP(proxy_ifloordiv, number_inplace_floor_divide)
PROXY_BINOP(proxy_itruediv, number_inplace_true_divide)
PROXY_BINOP(proxy_imod, number_inplace_remainder)
PROXY_BINOP(proxy_ilshift, number_inplace_lshift)
PROXY_BINOP(proxy_irshift, number_inplace_rshift)
PROXY_BINOP(proxy_iand, number_inplace_and)
PROXY_BINOP(proxy_ixor, number_inplace_xor)
PROXY_BINOP(proxy_ior, number_inplace_or)
PROXY_BINOP(proxy_imatmul, number_inplace_matrix_multiply)
PROXY_BINOP(proxy_getitem, object_get_item)
PROXY_UNOP(proxy_neg, number_negative)
PROXY_UNOP(proxy_pos, number_positive)
PROXY_UNOP(proxy_abs, number_absolute)
PROXY_UNOP(proxy_invert, number_invert)
PROXY_UNOP(proxy_int, number_long)
PROXY_UNOP(proxy_float, number_float)
PROXY_UNOP(proxy_index, number_index)
PROXY_UNOP(proxy_iter, object_get_iter)
#undef PROXY_BINOP
#undef PROXY_UNOP

Object* proxy_pow(Object* x, Object* y, Object* z) {
  UNWRAP1(a, x);
  UNWRAP1(b, y);
  UNWRAP1(c, z);
  return number_power(a.get(), b.get(), c.get());
}
Object* proxy_ipow(Object* x, Object* y, Object* z) {
  UNWRAP1(a, x);
  UNWRAP1(b, y);
  UNWRAP1(c, z);
  return number_inplace_power(a.get(), b.get(), c.get());
}
int proxy_bool(Object* proxy) {
  Ref<> obj = Ref<>::steal(unwrap(proxy));
  if (!obj) return -1;
  return object_is_true(obj.get());
}
int proxy_contains(Object* proxy, Object* value) {
  Ref<> obj = Ref<>::steal(unwrap(proxy));
  if (!obj) return -1;
  return sequence_contains(obj.get(), value);
}
ssize proxy_length(Object* proxy) {
  Ref<> obj = Ref<>::steal(unwrap(proxy));
  if (!obj) return -1;
  return object_length(obj.get());
}
int proxy_setitem(Object* proxy, Object* key, Object* value) {
  Ref<> obj = Ref<>::steal(unwrap(proxy));
  if (!obj) return -1;
  return value ? object_set_item(obj.get(), key, value) : object_del_item(obj.get(), key);
}
Object* proxy_iternext(Object* proxy) {
  UNWRAP1(obj, proxy);
  if (!iter_check(obj.get())) {
    return errors::format(exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                          obj->type->name);
  }
  return iter_next(obj.get());
}
Object* proxy_call_method(Object* proxy, const char* name) {
  UNWRAP1(obj, proxy);
  Ref<> meth = Ref<>::steal(object_getattr(obj.get(), str_intern_from_cstr(name)));
  if (!meth) return nullptr;
  return object_call_no_args(meth.get());
}
Object* proxy_bytes(Object* proxy, Object*) { return proxy_call_method(proxy, "__bytes__"); }
Object* proxy_reversed(Object* proxy, Object*) {
  return proxy_call_method(proxy, "__reversed__");
}
#undef UNWRAP1

MethodDef proxy_methods[] = {
    {"__bytes__", reinterpret_cast<void*>(proxy_bytes), kMethNoArgs, nullptr},
    {"__reversed__", reinterpret_cast<void*>(proxy_reversed), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

NumberMethods proxy_as_number = [] {
  NumberMethods n{};
  n.add = proxy_add;
  n.subtract = proxy_sub;
  n.multiply = proxy_mul;
  n.remainder = proxy_mod;
  n.divmod = proxy_divmod;
  n.power = proxy_pow;
  n.negative = proxy_neg;
  n.positive = proxy_pos;
  n.absolute = proxy_abs;
  n.bool_ = proxy_bool;
  n.invert = proxy_invert;
  n.lshift = proxy_lshift;
  n.rshift = proxy_rshift;
  n.and_ = proxy_and;
  n.xor_ = proxy_xor;
  n.or_ = proxy_or;
  n.int_ = proxy_int;
  n.float_ = proxy_float;
  n.inplace_add = proxy_iadd;
  n.inplace_subtract = proxy_isub;
  n.inplace_multiply = proxy_imul;
  n.inplace_remainder = proxy_imod;
  n.inplace_power = proxy_ipow;
  n.inplace_lshift = proxy_ilshift;
  n.inplace_rshift = proxy_irshift;
  n.inplace_and = proxy_iand;
  n.inplace_xor = proxy_ixor;
  n.inplace_or = proxy_ior;
  n.floor_divide = proxy_floordiv;
  n.true_divide = proxy_truediv;
  n.inplace_floor_divide = proxy_ifloordiv;
  n.inplace_true_divide = proxy_itruediv;
  n.index = proxy_index;
  n.matrix_multiply = proxy_matmul;
  n.inplace_matrix_multiply = proxy_imatmul;
  return n;
}();
SequenceMethods proxy_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr,
                                     nullptr, nullptr, proxy_contains, nullptr, nullptr};
MappingMethods proxy_as_mapping = {proxy_length, proxy_getitem, proxy_setitem};

TypeObject make_proxy_type(const char* name, bool callable) {
  // No tp_new: CPython's type_ready_set_new marks such static types uninstantiable.
  TypeObject t = static_type(name, sizeof(WeakReference), 0,
                             kTpflagsHaveGc | kTpflagsDisallowInstantiation | kTpflagsStaticBuiltin);
  t.dealloc = weakref_dealloc;
  t.repr = proxy_repr;
  t.as_number = &proxy_as_number;
  t.as_sequence = &proxy_as_sequence;
  t.as_mapping = &proxy_as_mapping;
  t.hash = object_hash_not_implemented;
  if (callable) t.call = proxy_call;
  t.str = proxy_str;
  t.getattro = proxy_getattr;
  t.setattro = proxy_setattr;
  t.traverse = gc_traverse;
  t.clear = gc_clear;
  t.richcompare = proxy_richcompare;
  t.iter = proxy_iter;
  t.iternext = proxy_iternext;
  if (!callable) t.methods = proxy_methods;  // _PyWeakref_CallableProxyType has no tp_methods
  return t;
}

// handle_callback: a failing callback is reported as unraisable and otherwise ignored.
void handle_callback(Object* ref, Object* callback) {
  Object* res = object_call_one_arg(callback, ref);
  if (!res)
    errors::format_unraisable("Exception ignored while calling weakref callback %R", callback);
  else
    decref(res);
}

// --- the _weakref module ---------------------------------------------------------------------

Object* mod_getweakrefcount(Object*, Object* object) {
  return long_from_ssize(weakref_get_weakref_count(object));
}
Object* mod_getweakrefs(Object*, Object* object) { return weakref_get_weakrefs(object); }
Object* mod_proxy(Object*, Object* args) {
  ssize n = tuple_size(args);
  if (!check_positional("proxy", n, 1, 2)) return nullptr;
  return weakref_new_proxy(tuple_item(args, 0), n > 1 ? tuple_item(args, 1) : nullptr);
}
// _weakref__remove_dead_weakref_impl: deletes dct[key] if it is a dead weak reference.
Object* mod_remove_dead_weakref(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_remove_dead_weakref", nargs, 2, 2)) return nullptr;
  Object* dct = args[0];
  Object* key = args[1];
  if (!dict_check(dct)) {
    return errors::format(exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                          dct == none() ? "None" : dct->type->name);
  }
  Object* found = nullptr;
  int got = dict_get_item_ref(dct, key, &found);
  if (got < 0) return nullptr;
  if (got == 0) return return_none();
  Ref<> value = Ref<>::steal(found);
  if (!weakref_check(value.get())) {
    errors::set_string(exc_TypeError, "not a weakref");
    return nullptr;
  }
  if (weakref_is_dead(value.get()) && dict_del_item(dct, key) < 0) {
    if (!errors::exception_matches(exc_KeyError)) return nullptr;
    errors::clear();
  }
  return return_none();
}

MethodDef weakref_functions[] = {
    {"getweakrefcount", reinterpret_cast<void*>(mod_getweakrefcount), kMethO,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", reinterpret_cast<void*>(mod_getweakrefs), kMethO,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", reinterpret_cast<void*>(mod_proxy), kMethVarargs,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", reinterpret_cast<void*>(mod_remove_dead_weakref), kMethFastcall,
     "Atomically remove key from dict if it points to a dead weakref."},
    {nullptr, nullptr, 0, nullptr}};

// weakref_methods: ref[T] is a GenericAlias (PEP 585).
MethodDef weakref_methods[] = {
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

TypeObject weakref_ref_type = [] {
  TypeObject t = static_type("weakref.ReferenceType", sizeof(WeakReference), 0,
                             kTpflagsHaveGc | kTpflagsHaveVectorcall | kTpflagsBasetype |
                                 kTpflagsStaticBuiltin);
  t.dealloc = weakref_dealloc;
  t.vectorcall_offset = static_cast<ssize>(offsetof(WeakReference, vectorcall));
  t.call = vectorcall_call;
  t.repr = weakref_repr;
  t.hash = weakref_hash;
  t.getattro = object_generic_getattr;
  t.traverse = gc_traverse;
  t.clear = gc_clear;
  t.richcompare = weakref_richcompare;
  t.members = weakref_members;
  t.methods = weakref_methods;
  t.init = weakref_tp_init;
  t.alloc = type_generic_alloc;
  t.new_ = weakref_tp_new;
  return t;
}();
TypeObject weakref_proxy_type = make_proxy_type("weakref.ProxyType", false);
TypeObject weakref_callable_proxy_type = make_proxy_type("weakref.CallableProxyType", true);

bool weakref_check_ref(Object* o) { return type_check(o, &weakref_ref_type); }
bool weakref_check_proxy(Object* o) {
  return o->type == &weakref_proxy_type || o->type == &weakref_callable_proxy_type;
}

Object* weakref_new_ref(Object* ob, Object* callback) {
  return get_or_create_weakref(&weakref_ref_type, ob, callback);
}

Object* weakref_new_proxy(Object* ob, Object* callback) {
  TypeObject* type = callable_check(ob) ? &weakref_callable_proxy_type : &weakref_proxy_type;
  return get_or_create_weakref(type, ob, callback);
}

int weakref_get_ref(Object* ref, Object** pobj) {
  if (!ref || !weakref_check(ref)) {
    *pobj = nullptr;
    errors::set_string(exc_TypeError, "expected a weakref");
    return -1;
  }
  *pobj = get_ref(ref);
  return *pobj ? 1 : 0;
}

bool weakref_is_dead(Object* ref) { return as_wr(ref)->wr_object == none(); }

void weakref_clear_ref(WeakReference* self) { clear_weakref_impl(self, nullptr); }

ssize weakref_get_weakref_count(Object* o) {
  WeakReference** list = weakref_list_ptr(o);
  if (!list) return 0;
  ssize count = 0;
  for (WeakReference* r = *list; r; r = r->wr_next) ++count;
  return count;
}

Object* weakref_get_weakrefs(Object* o) {
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  WeakReference** list = weakref_list_ptr(o);
  if (!list) return result.release();
  for (WeakReference* r = *list; r; r = r->wr_next)
    if (list_append(result.get(), r) < 0) return nullptr;
  return result.release();
}

void object_clear_weakrefs_no_callbacks(Object* object) {
  WeakReference** list = weakref_list_ptr(object);
  if (!list) return;
  while (*list) clear_weakref(*list);
}

// PyObject_ClearWeakRefs: first the callback-less canonical ref and proxy (nothing to call),
// then every other reference is cleared and its callback collected; the callbacks run
// afterwards in list order, with any pending exception saved around them.
void object_clear_weakrefs(Object* object) {
  WeakReference** list = weakref_list_ptr(object);
  if (!list || !*list) return;
  while (*list && is_basic_ref_or_proxy(*list)) clear_weakref(*list);
  if (!*list) return;
  Object* exc = errors::get_raised_exception();
  std::vector<std::pair<Object*, Object*>> pending;  // (weakref, callback), both owned
  while (WeakReference* cur = *list) {
    Object* callback = nullptr;
    clear_weakref_impl(cur, &callback);
    // _Py_TryIncref: a reference being deallocated (a weakref subclass whose own
    // attributes held the last reference to the object) gets no callback.
    pending.emplace_back(cur->refcnt > 0 ? new_ref(cur) : nullptr, callback);
  }
  for (auto& [ref, callback] : pending)
    if (ref && callback) handle_callback(ref, callback);
  for (auto& [ref, callback] : pending) {
    xdecref(callback);
    xdecref(ref);
  }
  errors::set_raised_exception(exc);
}

int init_weakref_types() {
  TypeObject* const types[] = {&weakref_ref_type, &weakref_proxy_type,
                               &weakref_callable_proxy_type};
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  return 0;
}

MethodDef* weakref_module_methods() { return weakref_functions; }

// weakref_exec (Modules/_weakref.c): the types.
int weakref_module_exec(Object* m) {
  if (init_weakref_types() < 0) return -1;
  if (module_add_object_ref(m, "ref", &weakref_ref_type) < 0) return -1;
  if (module_add_object_ref(m, "ReferenceType", &weakref_ref_type) < 0) return -1;
  if (module_add_object_ref(m, "ProxyType", &weakref_proxy_type) < 0) return -1;
  if (module_add_object_ref(m, "CallableProxyType", &weakref_callable_proxy_type) < 0) return -1;
  return 0;
}

Object* create_weakref_module() {
  Ref<> m = Ref<>::steal(module_new("_weakref"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), weakref_functions) < 0) return nullptr;
  if (weakref_module_exec(m.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace cppy::objects
