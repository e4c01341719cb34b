// Sequence and callable iterators and anext()'s awaitable: Objects/iterobject.c.
#include "objects/iterobject.h"

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/genobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/text_api.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "vm/ceval.h"

namespace cppy::objects {

namespace {

struct SeqIterObject : Object {
  ssize index;
  Object* seq;  // null when exhausted
};

struct CallIterObject : Object {
  Object* callable;  // null when exhausted
  Object* sentinel;
};

template <class T>
T* alloc_tracked(TypeObject* type) {
  auto* o = static_cast<T*>(gc::gc_malloc(sizeof(T)));
  if (!o) return nullptr;
  o->refcnt = 1;
  o->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

inline SeqIterObject* si(Object* o) { return static_cast<SeqIterObject*>(o); }
inline CallIterObject* ci(Object* o) { return static_cast<CallIterObject*>(o); }

void seqiter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(si(o)->seq);
  gc::gc_free(o);
}
int seqiter_traverse(Object* o, visitproc visit, void* arg) {
  return si(o)->seq ? visit(si(o)->seq, arg) : 0;
}

// iter_iternext: seq[index] until IndexError or StopIteration.
Object* seqiter_next(Object* o) {
  Object* seq = si(o)->seq;
  if (!seq) return nullptr;
  if (si(o)->index == PTRDIFF_MAX) {
    errors::set_string(exc_OverflowError, "iter index too large");
    return nullptr;
  }
  Object* result = sequence_get_item(seq, si(o)->index);
  if (result) {
    si(o)->index++;
    return result;
  }
  if (errors::exception_matches(exc_IndexError) || errors::exception_matches(exc_StopIteration)) {
    errors::clear();
    si(o)->seq = nullptr;
    decref(seq);
  }
  return nullptr;
}

Object* seqiter_len(Object* o, Object*) {
  Object* seq = si(o)->seq;
  if (seq) {
    ssize seqsize = sequence_size(seq);
    if (seqsize == -1) return nullptr;
    ssize len = seqsize - si(o)->index;
    if (len >= 0) return long_from_ssize(len);
  }
  return long_from_long(0);
}

// iter_reduce.
Object* seqiter_reduce(Object* o, Object*) {
  return iter_reduce_indexed(si(o)->seq, si(o)->index);
}
// iter_setstate: only a negative index is clipped (the sequence's length is unknown).
Object* seqiter_setstate(Object* o, Object* state) {
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (si(o)->seq) si(o)->index = index < 0 ? 0 : index;
  return new_ref(none());
}

MethodDef seqiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(seqiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(seqiter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(seqiter_setstate), kMethO,
     "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

void calliter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(ci(o)->callable);
  xdecref(ci(o)->sentinel);
  gc::gc_free(o);
}
int calliter_traverse(Object* o, visitproc visit, void* arg) {
  if (ci(o)->callable)
    if (int r = visit(ci(o)->callable, arg)) return r;
  return ci(o)->sentinel ? visit(ci(o)->sentinel, arg) : 0;
}

Object* calliter_next(Object* o) {
  // Nested iterators recurse through C++: bounded by the stack check.
  if (enter_recursive_call(" while iterating")) return nullptr;
  Object* callable = ci(o)->callable;
  if (!callable) return nullptr;
  Ref<> keep = Ref<>::borrow(callable);
  Object* result = object_call_no_args(callable);
  if (result) {
    int ok = object_rich_compare_bool(ci(o)->sentinel, result, kEQ);
    if (ok == 0) return result;
    decref(result);
    if (ok > 0) {
      clear(ci(o)->callable);
      clear(ci(o)->sentinel);
    }
  } else if (errors::exception_matches(exc_StopIteration)) {
    errors::clear();
    clear(ci(o)->callable);
    clear(ci(o)->sentinel);
  }
  return nullptr;
}

// calliter_reduce: (iter, (callable, sentinel)), or (iter, ((),)) once exhausted.
Object* calliter_reduce(Object* o, Object*) {
  Ref<> iter = Ref<>::steal(vm::eval_get_builtin("iter"));
  if (!iter) return nullptr;
  Ref<> args;
  if (ci(o)->callable && ci(o)->sentinel) {
    args = Ref<>::steal(tuple_pack(2, ci(o)->callable, ci(o)->sentinel));
  } else {
    Ref<> empty = Ref<>::steal(tuple_new(0));
    if (!empty) return nullptr;
    args = Ref<>::steal(tuple_pack(1, empty.get()));
  }
  if (!args) return nullptr;
  return tuple_pack(2, iter.get(), args.get());
}

MethodDef calliter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(calliter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// anextawaitableobject: anext(aiterator, default) awaits aiterator.__anext__() and turns
// its StopAsyncIteration into the default value.
struct AnextAwaitable : Object {
  Object* wrapped;
  Object* default_value;
};
inline AnextAwaitable* aa(Object* o) { return static_cast<AnextAwaitable*>(o); }

void anextawaitable_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(aa(o)->wrapped);
  xdecref(aa(o)->default_value);
  gc::gc_free(o);
}
int anextawaitable_traverse(Object* o, visitproc visit, void* arg) {
  for (Object* x : {aa(o)->wrapped, aa(o)->default_value})
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}

// anextawaitable_getiter: the iterator behind the wrapped awaitable (a coroutine's
// __await__ wrapper, since coroutines have no __next__).
Object* anextawaitable_getiter(Object* o) {
  Object* awaitable = coro_get_awaitable_iter(aa(o)->wrapped);
  if (!awaitable) return nullptr;
  if (!awaitable->type->iternext) {
    Object* next = awaitable->type->as_async->await(awaitable);
    decref(awaitable);
    if (!next) return nullptr;
    if (!iter_check(next)) {
      errors::set_string(exc_TypeError, "__await__ returned a non-iterable");
      decref(next);
      return nullptr;
    }
    awaitable = next;
  }
  return awaitable;
}

Object* anextawaitable_stop_to_default(Object* o) {
  if (errors::exception_matches(reinterpret_cast<Object*>(exc_StopAsyncIteration))) {
    errors::clear();
    set_stop_iteration_value(aa(o)->default_value);
  }
  return nullptr;
}

Object* anextawaitable_iternext(Object* o) {
  Object* awaitable = anextawaitable_getiter(o);
  if (!awaitable) return nullptr;
  Object* result = awaitable->type->iternext(awaitable);
  decref(awaitable);
  if (result) return result;
  return anextawaitable_stop_to_default(o);
}

// anextawaitable_proxy: send/throw/close forwarded to the iterator.
Object* anextawaitable_proxy(Object* o, const char* meth, Object* const* args, ssize nargs) {
  Object* awaitable = anextawaitable_getiter(o);
  if (!awaitable) return nullptr;
  Ref<> name = Ref<>::steal(str_from_cstr(meth));
  Ref<> bound = Ref<>::steal(name ? object_getattr(awaitable, name.get()) : nullptr);
  decref(awaitable);
  Object* ret = bound ? vectorcall(bound.get(), args, size_t(nargs), nullptr) : nullptr;
  if (ret) return ret;
  return anextawaitable_stop_to_default(o);
}
Object* anextawaitable_send(Object* o, Object* arg) {
  return anextawaitable_proxy(o, "send", &arg, 1);
}
Object* anextawaitable_throw(Object* o, Object* args) {
  return anextawaitable_proxy(o, "throw", tuple_items(args), tuple_size(args));
}
Object* anextawaitable_close(Object* o, Object*) {
  return anextawaitable_proxy(o, "close", nullptr, 0);
}

MethodDef anextawaitable_methods[] = {
    {"send", reinterpret_cast<void*>(anextawaitable_send), kMethO,
     "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise "
     "StopIteration."},
    {"throw", reinterpret_cast<void*>(anextawaitable_throw), kMethVarargs,
     "throw(value)\nthrow(typ[,val[,tb]])\n\nraise exception in the wrapped iterator, return "
     "next yielded value\nor raise StopIteration.\nthe (type, val, tb) signature is "
     "deprecated, \nand may be removed in a future version of Python."},
    {"close", reinterpret_cast<void*>(anextawaitable_close), kMethNoArgs,
     "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr}};

AsyncMethods anextawaitable_as_async = {object_self_iter, nullptr, nullptr, nullptr};

}  // namespace

TypeObject seqiter_type = [] {
  TypeObject t = static_type("iterator", sizeof(SeqIterObject), 0, kTpflagsHaveGc);
  t.dealloc = seqiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = seqiter_traverse;
  t.iter = object_self_iter;
  t.iternext = seqiter_next;
  t.methods = seqiter_methods;
  return t;
}();

TypeObject calliter_type = [] {
  TypeObject t = static_type("callable_iterator", sizeof(CallIterObject), 0, kTpflagsHaveGc);
  t.dealloc = calliter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = calliter_traverse;
  t.iter = object_self_iter;
  t.iternext = calliter_next;
  t.methods = calliter_methods;
  return t;
}();

Object* seqiter_new(Object* seq) {
  if (!sequence_check(seq)) {
    errors::bad_internal_call();
    return nullptr;
  }
  auto* it = alloc_tracked<SeqIterObject>(&seqiter_type);
  if (!it) return nullptr;
  it->index = 0;
  it->seq = new_ref(seq);
  gc::track(it);
  return it;
}

Object* calliter_new(Object* callable, Object* sentinel) {
  auto* it = alloc_tracked<CallIterObject>(&calliter_type);
  if (!it) return nullptr;
  it->callable = new_ref(callable);
  it->sentinel = new_ref(sentinel);
  gc::track(it);
  return it;
}

TypeObject anextawaitable_type = [] {
  TypeObject t = static_type("anext_awaitable", sizeof(AnextAwaitable), 0, kTpflagsHaveGc);
  t.dealloc = anextawaitable_dealloc;
  t.as_async = &anextawaitable_as_async;
  t.getattro = object_generic_getattr;
  t.traverse = anextawaitable_traverse;
  t.iter = object_self_iter;
  t.iternext = anextawaitable_iternext;
  t.methods = anextawaitable_methods;
  return t;
}();

Object* anextawaitable_new(Object* awaitable, Object* default_value) {
  auto* o = alloc_tracked<AnextAwaitable>(&anextawaitable_type);
  if (!o) return nullptr;
  o->wrapped = new_ref(awaitable);
  o->default_value = new_ref(default_value);
  gc::track(o);
  return o;
}

Object* iter_reduce_indexed(Object* seq, ssize index, Object* empty) {
  Ref<> iter = Ref<>::steal(vm::eval_get_builtin("iter"));
  if (!iter) return nullptr;
  if (seq) {
    Ref<> args = Ref<>::steal(tuple_pack(1, seq));
    Ref<> idx = Ref<>::steal(long_from_ssize(index));
    if (!args || !idx) return nullptr;
    return tuple_pack(3, iter.get(), args.get(), idx.get());
  }
  Ref<> e = empty ? Ref<>::borrow(empty) : Ref<>::steal(tuple_new(0));
  if (!e) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, e.get()));
  if (!args) return nullptr;
  return tuple_pack(2, iter.get(), args.get());
}

Object* iter_reduce_as_list(Object* copy) {
  Ref<> keep = Ref<>::steal(copy);
  Ref<> iter = Ref<>::steal(vm::eval_get_builtin("iter"));
  if (!iter || !copy) return nullptr;
  Ref<> list = Ref<>::steal(sequence_list(copy));
  if (!list) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, list.get()));
  if (!args) return nullptr;
  return tuple_pack(2, iter.get(), args.get());
}

int iter_setstate_index(Object* state, ssize* index) {
  *index = long_as_ssize(state);
  return (*index == -1 && errors::occurred()) ? -1 : 0;
}

}  // namespace cppy::objects
