// tuple: Objects/tupleobject.c.
#include "objects/tupleobject.h"

#include <cstdarg>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/freelist.h"
#include "objects/dictobject.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"

namespace cppy::objects {

namespace {

TupleObject* empty_tuple = nullptr;

// tuple_alloc: a block of n items from the free list of that size (maybe_freelist_pop), or
// from the allocator.
TupleObject* tuple_alloc(ssize n) {
  TupleObject* t = nullptr;
  if (n >= 1 && n <= kTupleMaxSaveSize) {
    t = static_cast<TupleObject*>(freelist_pop(freelists.tuples[n - 1]));
    if (t) freelist_reuse_gc(t);
  }
  if (!t) {
    t = static_cast<TupleObject*>(gc::gc_malloc(
        sizeof(TupleObject) + sizeof(Object*) * static_cast<size_t>(n > 0 ? n - 1 : 0)));
    if (!t) return nullptr;
  }
  t->refcnt = 1;
  t->type = &tuple_type;
  t->size = n;
  t->hash_cache = -1;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return t;
}

void tuple_dealloc(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  if (t == empty_tuple) return;  // immortal
  gc::untrack(o);
  ssize n = t->size;
  for (ssize i = n; i-- > 0;) xdecref(t->items[i]);
  // maybe_freelist_push: exact tuples of 1..20 items.
  if (o->type == &tuple_type && n >= 1 && n <= kTupleMaxSaveSize &&
      freelist_push(freelists.tuples[n - 1], o, kTuplesMaxFree))
    return;
  o->type->free(o);
}

int tuple_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = static_cast<TupleObject*>(o);
  for (ssize i = t->size; i-- > 0;)
    if (t->items[i]) {
      int r = visit(t->items[i], arg);
      if (r) return r;
    }
  return 0;
}

// tuple_repr: "(a, b)", "(a,)" and "(...)" for recursion.
Object* tuple_repr(Object* o) {
  ssize n = tuple_size(o);
  if (n == 0) return str_from_cstr("()");
  int rc = object_print_repr_enter(o);
  if (rc != 0) return rc > 0 ? str_from_cstr("(...)") : nullptr;
  std::string out = "(";
  for (ssize i = 0; i < n; ++i) {
    if (i) out += ", ";
    Object* r = object_repr(tuple_item(o, i));
    if (!r) {
      object_print_repr_leave(o);
      return nullptr;
    }
    ssize len = 0;
    const char* s = str_as_utf8(r, &len);
    out.append(s, len);
    decref(r);
  }
  if (n == 1) out += ",";
  out += ")";
  object_print_repr_leave(o);
  return str_from_utf8(out.data(), ssize(out.size()));
}

ssize tuple_length(Object* o) { return tuple_size(o); }

int tuple_contains(Object* o, Object* el) {
  ssize n = tuple_size(o);
  for (ssize i = 0; i < n; ++i) {
    int cmp = object_rich_compare_bool(tuple_item(o, i), el, kEQ);
    if (cmp != 0) return cmp;
  }
  return 0;
}

Object* tuple_item_slot(Object* o, ssize i) {
  if (i < 0 || i >= tuple_size(o)) {
    errors::set_string(exc_IndexError, "tuple index out of range");
    return nullptr;
  }
  return new_ref(tuple_item(o, i));
}

Object* tuple_concat(Object* a, Object* b) {
  if (!tuple_check(b)) {
    return errors::format(exc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                          b->type->name);
  }
  ssize na = tuple_size(a), nb = tuple_size(b);
  if (nb == 0 && tuple_check_exact(a)) return new_ref(a);
  if (na == 0 && tuple_check_exact(b)) return new_ref(b);
  Object* r = tuple_new(na + nb);
  if (!r) return nullptr;
  for (ssize i = 0; i < na; ++i) tuple_set_item(r, i, new_ref(tuple_item(a, i)));
  for (ssize i = 0; i < nb; ++i) tuple_set_item(r, na + i, new_ref(tuple_item(b, i)));
  return r;
}

Object* tuple_repeat(Object* a, ssize n) {
  ssize size = tuple_size(a);
  if (size == 0 || n == 1) {
    if (tuple_check_exact(a)) return new_ref(a);
  }
  if (size == 0 || n <= 0) return tuple_new(0);
  if (size > PTRDIFF_MAX / static_cast<ssize>(sizeof(Object*)) / n) return errors::no_memory();
  Object* r = tuple_new(size * n);
  if (!r) return nullptr;
  ssize k = 0;
  for (ssize j = 0; j < n; ++j)
    for (ssize i = 0; i < size; ++i) tuple_set_item(r, k++, new_ref(tuple_item(a, i)));
  return r;
}

Object* tuple_richcompare(Object* v, Object* w, int op) {
  if (!tuple_check(v) || !tuple_check(w)) return return_not_implemented();
  ssize vlen = tuple_size(v), wlen = tuple_size(w);
  ssize i;
  // The first index where the items differ.
  for (i = 0; i < vlen && i < wlen; ++i) {
    int k = object_rich_compare_bool(tuple_item(v, i), tuple_item(w, i), kEQ);
    if (k < 0) return nullptr;
    if (!k) break;
  }
  if (i >= vlen || i >= wlen) {
    bool r = false;
    switch (op) {
      case kLT: r = vlen < wlen; break;
      case kLE: r = vlen <= wlen; break;
      case kEQ: r = vlen == wlen; break;
      case kNE: r = vlen != wlen; break;
      case kGT: r = vlen > wlen; break;
      case kGE: r = vlen >= wlen; break;
    }
    return bool_from_long(r);
  }
  if (op == kEQ) return bool_from_long(0);
  if (op == kNE) return bool_from_long(1);
  return object_rich_compare(tuple_item(v, i), tuple_item(w, i), op);
}

// tuple_subscript: t[i] and t[a:b:c].
Object* tuple_subscript(Object* self, Object* item) {
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += tuple_size(self);
    return tuple_item_slot(self, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step;
    if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
    ssize len = slice_adjust_indices(tuple_size(self), &start, &stop, step);
    if (len <= 0) return tuple_new(0);
    if (start == 0 && step == 1 && len == tuple_size(self) && tuple_check_exact(self))
      return new_ref(self);
    Object* r = tuple_new(len);
    if (!r) return nullptr;
    for (ssize cur = start, i = 0; i < len; cur += step, ++i)
      tuple_set_item(r, i, new_ref(tuple_item(self, cur)));
    return r;
  }
  return errors::format(exc_TypeError, "tuple indices must be integers or slices, not %.200s",
                        item->type->name);
}

// tuple.__new__(iterable=()).
Object* tuple_new_slot(TypeObject* type, Object* args, Object* kwds) {
  // Keywords are refused unless a subclass defines its own __init__ (tuple_new's clinic check).
  if ((type == &tuple_type || type->init == tuple_type.init) && kwds && dict_size(kwds)) {
    return errors::format(exc_TypeError, "tuple() takes no keyword arguments");
  }
  ssize n = tuple_size(args);
  if (n > 1) {
    return errors::format(exc_TypeError, "tuple expected at most 1 argument, got %zd", n);
  }
  Ref<> tmp;
  if (n == 0) tmp = Ref<>::steal(tuple_new(0));
  else tmp = Ref<>::steal(sequence_tuple(tuple_item(args, 0)));
  if (!tmp) return nullptr;
  if (type == &tuple_type) return tmp.release();
  // Subclass: copy into an instance of the subtype.
  ssize k = tuple_size(tmp.get());
  Object* r = type->alloc(type, k);
  if (!r) return nullptr;
  static_cast<TupleObject*>(r)->hash_cache = -1;
  for (ssize i = 0; i < k; ++i) tuple_set_item(r, i, new_ref(tuple_item(tmp.get(), i)));
  return r;
}

Object* tuple_index_method(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 3) {
    return errors::format(exc_TypeError, nargs < 1 ? "index expected at least 1 argument, got %zd"
                                                   : "index expected at most 3 arguments, got %zd",
                          nargs);
  }
  ssize n = tuple_size(self);
  ssize start = 0, stop = n;
  if (nargs > 1) {
    start = number_as_ssize(args[1], nullptr);
    if (start == -1 && errors::occurred()) return nullptr;
    if (start < 0) start = start + n < 0 ? 0 : start + n;
  }
  if (nargs > 2) {
    stop = number_as_ssize(args[2], nullptr);
    if (stop == -1 && errors::occurred()) return nullptr;
    if (stop < 0) stop += n;
  }
  for (ssize i = start; i < stop && i < n; ++i) {
    int cmp = object_rich_compare_bool(tuple_item(self, i), args[0], kEQ);
    if (cmp > 0) return long_from_ssize(i);
    if (cmp < 0) return nullptr;
  }
  return errors::format(exc_ValueError, "tuple.index(x): x not in tuple");
}

Object* tuple_count_method(Object* self, Object* value) {
  ssize count = 0;
  ssize n = tuple_size(self);
  for (ssize i = 0; i < n; ++i) {
    int cmp = object_rich_compare_bool(tuple_item(self, i), value, kEQ);
    if (cmp > 0) ++count;
    else if (cmp < 0) return nullptr;
  }
  return long_from_ssize(count);
}

Object* tuple_getnewargs(Object* self, Object*) {
  Ref<> copy = Ref<>::steal(tuple_get_slice(self, 0, tuple_size(self)));
  if (!copy) return nullptr;
  return tuple_pack(1, copy.get());
}

hash_t tuple_hash_slot(Object* o) { return tuple_hash(o); }

MethodDef tuple_methods[] = {
    {"__getnewargs__", reinterpret_cast<void*>(tuple_getnewargs), kMethNoArgs, nullptr},
    {"index", reinterpret_cast<void*>(tuple_index_method), kMethFastcall,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", reinterpret_cast<void*>(tuple_count_method), kMethO,
     "Return number of occurrences of value."},
    {nullptr, nullptr, 0, nullptr}};

SequenceMethods tuple_as_sequence = {tuple_length, tuple_concat, tuple_repeat, tuple_item_slot,
                                     nullptr,      nullptr,      nullptr,      tuple_contains,
                                     nullptr,      nullptr};

// --- iterator ---

void tupleiter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<TupleIterObject*>(o)->seq);
  if (freelist_push(freelists.tuple_iters, o, kTupleItersMaxFree)) return;
  gc::gc_free(o);
}
int tupleiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<TupleIterObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}
Object* tupleiter_next(Object* o) {
  auto* it = static_cast<TupleIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index < tuple_size(seq)) return new_ref(tuple_item(seq, it->index++));
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}
Object* tupleiter_len(Object* o, Object*) {
  auto* it = static_cast<TupleIterObject*>(o);
  ssize len = it->seq ? tuple_size(it->seq) - it->index : 0;
  return long_from_ssize(len);
}
// tupleiter_reduce / tupleiter_setstate (index clipped to [0, len]).
Object* tupleiter_reduce(Object* o, Object*) {
  auto* it = static_cast<TupleIterObject*>(o);
  return iter_reduce_indexed(it->seq, it->index);
}
Object* tupleiter_setstate(Object* o, Object* state) {
  auto* it = static_cast<TupleIterObject*>(o);
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > tuple_size(it->seq)) index = tuple_size(it->seq);
    it->index = index;
  }
  return new_ref(none());
}
MethodDef tupleiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(tupleiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(tupleiter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(tupleiter_setstate), kMethO,
     "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

Object* tuple_iter(Object* seq) {
  auto* it = static_cast<TupleIterObject*>(freelist_pop(freelists.tuple_iters));
  if (it) {
    freelist_reuse_gc(it);
  } else {
    it = static_cast<TupleIterObject*>(gc::gc_malloc(sizeof(TupleIterObject)));
    if (!it) return nullptr;
  }
  it->refcnt = 1;
  it->type = &tupleiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->index = 0;
  it->seq = new_ref(seq);
  gc::track(it);
  return it;
}

MappingMethods tuple_as_mapping = {tuple_length, tuple_subscript, nullptr};

}  // namespace

namespace {
// tuple_vectorcall: tuple() and tuple(iterable) without tp_call's argument tuple (keywords
// and extra arguments are refused by tp_call).
Object* tuple_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (!kwnames) {
    if (nargs == 0) return new_ref(tuple_empty());
    if (nargs == 1) return sequence_tuple(args[0]);
  }
  return make_tp_call(type, args, nargs, kwnames);
}
}  // namespace

TypeObject tuple_type = [] {
  TypeObject t = static_type("tuple", sizeof(TupleObject) - sizeof(Object*), sizeof(Object*),
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsTupleSubclass |
                                 kTpflagsSequence | kTpflagsMatchSelf);
  t.dealloc = tuple_dealloc;
  t.repr = tuple_repr;
  t.as_sequence = &tuple_as_sequence;
  t.as_mapping = &tuple_as_mapping;
  t.hash = tuple_hash_slot;
  t.getattro = object_generic_getattr;
  t.traverse = tuple_traverse;
  t.richcompare = tuple_richcompare;
  t.iter = tuple_iter;
  t.methods = tuple_methods;
  t.new_ = tuple_new_slot;
  t.vectorcall = tuple_vectorcall;
  t.doc =
      "tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, "
      "the constructor returns an empty tuple.\nIf iterable is specified the tuple is "
      "initialized from iterable's items.\n\nIf the argument is a tuple, the return value is "
      "the same object.";
  return t;
}();

TypeObject tupleiter_type = [] {
  TypeObject t = static_type("tuple_iterator", sizeof(TupleIterObject), 0, kTpflagsHaveGc);
  t.dealloc = tupleiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = tupleiter_traverse;
  t.iter = object_self_iter;
  t.iternext = tupleiter_next;
  t.methods = tupleiter_methods;
  return t;
}();

Object* tuple_empty() {
  if (!empty_tuple) {
    empty_tuple = tuple_alloc(0);
    make_immortal(empty_tuple);
  }
  return empty_tuple;
}

Object* tuple_new(ssize n) {
  if (n < 0) {
    errors::bad_internal_call();
    return nullptr;
  }
  if (n == 0) return new_ref(tuple_empty());
  TupleObject* t = tuple_alloc(n);
  if (!t) return nullptr;
  for (ssize i = 0; i < n; ++i) t->items[i] = nullptr;
  gc::track(t);
  return t;
}

namespace {

// maybe_tracked (3.14.1, GH-139951): an item whose type is a GC type may be part of a cycle.
// The tuples built from arrays of items (PyTuple_Pack, _PyTuple_FromArray[Steal],
// _PyTuple_FromStackRefStealOnSuccess) are tracked only if one of their items may be.
inline bool maybe_tracked(Object* item) { return type_has_feature(item->type, kTpflagsHaveGc); }

}  // namespace

// Py_BuildValue("(OO...)") and the PyTuple_New-and-fill paths: always tracked.
Object* tuple_pack(ssize n, ...) {
  Object* r = tuple_new(n);
  if (!r) return nullptr;
  va_list va;
  va_start(va, n);
  for (ssize i = 0; i < n; ++i) tuple_set_item(r, i, new_ref(va_arg(va, Object*)));
  va_end(va);
  return r;
}

// PyTuple_Pack (3.14.1): tracked only if an item may be.
Object* tuple_pack_maybe_tracked(ssize n, ...) {
  if (n == 0) return new_ref(tuple_empty());
  if (n < 0) {
    errors::bad_internal_call();
    return nullptr;
  }
  TupleObject* r = tuple_alloc(n);
  if (!r) return nullptr;
  bool track = false;
  va_list va;
  va_start(va, n);
  for (ssize i = 0; i < n; ++i) {
    Object* o = va_arg(va, Object*);
    if (!track && maybe_tracked(o)) track = true;
    r->items[i] = new_ref(o);
  }
  va_end(va);
  if (track) gc::track(r);
  return r;
}

// _PyTuple_FromArray.
Object* tuple_from_array(Object* const* items, ssize n) {
  if (n == 0) return new_ref(tuple_empty());
  TupleObject* r = tuple_alloc(n);
  if (!r) return nullptr;
  bool track = false;
  for (ssize i = 0; i < n; ++i) {
    Object* o = items[i];
    if (!track && maybe_tracked(o)) track = true;
    r->items[i] = new_ref(o);
  }
  if (track) gc::track(r);
  return r;
}

// _PyTuple_FromArraySteal.
Object* tuple_from_array_steal(Object* const* items, ssize n) {
  if (n == 0) return new_ref(tuple_empty());
  TupleObject* r = n > 0 ? tuple_alloc(n) : nullptr;
  if (!r) {
    for (ssize i = 0; i < n; ++i) decref(items[i]);
    if (n < 0) errors::bad_internal_call();
    return nullptr;
  }
  bool track = false;
  for (ssize i = 0; i < n; ++i) {
    Object* o = items[i];
    if (!track && maybe_tracked(o)) track = true;
    r->items[i] = o;
  }
  if (track) gc::track(r);
  return r;
}

Object* tuple_get_slice(Object* t, ssize lo, ssize hi) {
  ssize n = tuple_size(t);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && tuple_check_exact(t)) return new_ref(t);
  return tuple_from_array(tuple_items(t) + lo, hi - lo);
}

int tuple_resize(Object** pv, ssize newsize) {
  auto* v = static_cast<TupleObject*>(*pv);
  ssize oldsize = v->size;
  if (oldsize == newsize) return 0;
  if (oldsize == 0 || newsize == 0) {
    Object* n = tuple_new(newsize);
    if (!n) return -1;
    decref(v);
    *pv = n;
    return 0;
  }
  gc::untrack(v);
  for (ssize i = newsize; i < oldsize; ++i) clear(v->items[i]);
  Object* nv = gc::gc_realloc(v, sizeof(TupleObject) + sizeof(Object*) * (newsize - 1));
  if (!nv) {
    *pv = nullptr;
    return -1;
  }
  v = static_cast<TupleObject*>(nv);
  for (ssize i = oldsize; i < newsize; ++i) v->items[i] = nullptr;
  v->size = newsize;
  v->hash_cache = -1;
  *pv = v;
  gc::track(v);
  return 0;
}

// tuple_hash: the xxHash-based mixing of CPython 3.8+, cached in the object since 3.14.
hash_t tuple_hash(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  if (t->hash_cache != -1) return t->hash_cache;
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  ssize len = t->size;
  uint64_t acc = kPrime5;
  // A tuple nested in itself (only malformed marshal data can build one) must end in a
  // RecursionError, not a stack overflow.
  if (enter_recursive_call(" in tuple hash") < 0) return -1;
  for (ssize i = 0; i < len; ++i) {
    hash_t lane = object_hash(t->items[i]);
    if (lane == -1) {
      leave_recursive_call();
      return -1;
    }
    acc += static_cast<uint64_t>(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  leave_recursive_call();
  acc += static_cast<uint64_t>(len) ^ (kPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
  t->hash_cache = static_cast<hash_t>(acc);
  return t->hash_cache;
}

}  // namespace cppy::objects
