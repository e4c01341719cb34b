// map, filter and zip: the iterator types of Python/bltinmodule.c.
#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "errors/suggestions.h"
#include "objects/listobject.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {

struct MapObject : Object {
  Object* iters;  // tuple of iterators
  Object* func;
  int strict;
};

// PyType_GenericAlloc without the tracking: a subclass instance is bigger (its slots, dict
// and inline values) and holds a reference to its heap type.
template <class T>
T* alloc_gc(TypeObject* type) {
  return static_cast<T*>(type_alloc_no_track(type, 0));
}

Object* iters_of(Object* args, ssize from, const char* fname) {
  ssize n = tuple_size(args) - from;
  Object* iters = tuple_new(n);
  if (!iters) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* it = object_get_iter(tuple_item(args, from + i));
    if (!it) {
      (void)fname;
      decref(iters);
      return nullptr;
    }
    tuple_set_item(iters, i, it);
  }
  return iters;
}

bool no_keywords(Object* kwds, const char* name) {
  if (kwds && dict_size(kwds)) {
    errors::format(exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:NAME", {"strict"}): the keyword-only
// strict flag of map() and zip().
bool parse_strict(Object* kwds, const char* fname, int* strict) {
  if (!kwds || dict_size(kwds) == 0) return true;
  if (dict_size(kwds) > 1) {
    errors::format(exc_TypeError, "%s() takes at most 1 keyword argument (%zd given)", fname,
                   dict_size(kwds));
    return false;
  }
  Object* s = dict_get_item_string(kwds, "strict");
  if (!s) {
    Object* key = nullptr;
    Object* value = nullptr;
    ssize pos = 0;
    dict_next(kwds, &pos, &key, &value);
    Ref<> possible = Ref<>::steal(list_new(0));
    Ref<> strict_name = Ref<>::steal(str_from_cstr("strict"));
    Ref<> hint;
    if (possible && strict_name && list_append(possible.get(), strict_name.get()) == 0 &&
        str_check(key))
      hint = Ref<>::steal(errors::calculate_suggestions(possible.get(), key));
    errors::clear();
    if (hint)
      errors::format(exc_TypeError, "%s() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                     fname, key, hint.get());
    else
      errors::format(exc_TypeError, "%s() got an unexpected keyword argument '%S'", fname, key);
    return false;
  }
  *strict = object_is_true(s);
  return *strict >= 0;
}

// The strict check of zip_next / map_next once iterator i (of iters) is exhausted: a
// ValueError naming the shorter or longer argument; null in every case.
Object* strict_mismatch(Object* iters, ssize i, const char* fname) {
  if (errors::occurred()) {
    if (!errors::exception_matches(exc_StopIteration)) return nullptr;
    errors::clear();
  }
  if (i) {
    errors::format(exc_ValueError, "%s() argument %zd is shorter than argument%s%zd", fname,
                   i + 1, i == 1 ? " " : "s 1-", i);
    return nullptr;
  }
  ssize n = tuple_size(iters);
  for (i = 1; i < n; ++i) {
    Object* it = tuple_item(iters, i);
    Object* val = it->type->iternext(it);
    if (val) {
      decref(val);
      errors::format(exc_ValueError, "%s() argument %zd is longer than argument%s%zd", fname,
                     i + 1, i == 1 ? " " : "s 1-", i);
      return nullptr;
    }
    if (errors::occurred()) {
      if (!errors::exception_matches(exc_StopIteration)) return nullptr;
      errors::clear();
    }
  }
  return nullptr;
}

void map_dealloc(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  gc::untrack(o);
  xdecref(m->iters);
  xdecref(m->func);
  o->type->free(o);
}
int map_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<MapObject*>(o);
  if (m->iters) {
    int r = visit(m->iters, arg);
    if (r) return r;
  }
  return m->func ? visit(m->func, arg) : 0;
}

Object* map_new(TypeObject* type, Object* args, Object* kwds) {
  int strict = 0;
  if (!parse_strict(kwds, "map", &strict)) return nullptr;
  if (tuple_size(args) < 2) {
    errors::set_string(exc_TypeError, "map() must have at least two arguments.");
    return nullptr;
  }
  Object* iters = iters_of(args, 1, "map");
  if (!iters) return nullptr;
  auto* m = alloc_gc<MapObject>(type);
  if (!m) {
    decref(iters);
    return nullptr;
  }
  m->iters = iters;
  m->func = new_ref(tuple_item(args, 0));
  m->strict = strict;
  gc::track(m);
  return m;
}

Object* map_next(Object* o) {
  // Nested iterators recurse through C++: bounded by the stack check.
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* m = static_cast<MapObject*>(o);
  ssize n = tuple_size(m->iters);
  Object* small[8];
  Object** stack = n <= 8 ? small : new Object*[size_t(n)];
  ssize got = 0;
  Object* result = nullptr;
  for (; got < n; ++got) {
    Object* it = tuple_item(m->iters, got);
    Object* v = it->type->iternext(it);
    if (!v) {
      if (m->strict) strict_mismatch(m->iters, got, "map");
      goto done;
    }
    stack[got] = v;
  }
  result = vectorcall(m->func, stack, size_t(n), nullptr);
done:
  for (ssize i = 0; i < got; ++i) decref(stack[i]);
  if (stack != small) delete[] stack;
  return result;
}

struct FilterObject : Object {
  Object* func;
  Object* it;
};

void filter_dealloc(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  gc::untrack(o);
  xdecref(f->func);
  xdecref(f->it);
  o->type->free(o);
}
int filter_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FilterObject*>(o);
  if (f->it) {
    int r = visit(f->it, arg);
    if (r) return r;
  }
  return f->func ? visit(f->func, arg) : 0;
}
Object* filter_new(TypeObject* type, Object* args, Object* kwds) {
  // Keywords are refused unless a subclass's own __init__ takes them.
  if ((type == &filter_type || type->init == filter_type.init) && !no_keywords(kwds, "filter"))
    return nullptr;
  if (tuple_size(args) != 2) {
    errors::format(exc_TypeError, "filter expected 2 arguments, got %zd", tuple_size(args));
    return nullptr;
  }
  Object* it = object_get_iter(tuple_item(args, 1));
  if (!it) return nullptr;
  auto* f = alloc_gc<FilterObject>(type);
  if (!f) {
    decref(it);
    return nullptr;
  }
  f->func = new_ref(tuple_item(args, 0));
  f->it = it;
  gc::track(f);
  return f;
}
Object* filter_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* f = static_cast<FilterObject*>(o);
  bool checktrue = f->func == none() || f->func == reinterpret_cast<Object*>(&bool_type);
  for (;;) {
    Object* item = f->it->type->iternext(f->it);
    if (!item) return nullptr;
    int ok;
    if (checktrue) {
      ok = object_is_true(item);
    } else {
      Object* good = object_call_one_arg(f->func, item);
      if (!good) {
        decref(item);
        return nullptr;
      }
      ok = object_is_true(good);
      decref(good);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return nullptr;
  }
}

struct ZipObject : Object {
  Object* iters;
  int strict;
};

void zip_dealloc(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  gc::untrack(o);
  xdecref(z->iters);
  o->type->free(o);
}
int zip_traverse(Object* o, visitproc visit, void* arg) {
  auto* z = static_cast<ZipObject*>(o);
  return z->iters ? visit(z->iters, arg) : 0;
}
Object* zip_new(TypeObject* type, Object* args, Object* kwds) {
  int strict = 0;
  if (!parse_strict(kwds, "zip", &strict)) return nullptr;
  Object* iters = iters_of(args, 0, "zip");
  if (!iters) return nullptr;
  auto* z = alloc_gc<ZipObject>(type);
  if (!z) {
    decref(iters);
    return nullptr;
  }
  z->iters = iters;
  z->strict = strict;
  gc::track(z);
  return z;
}
Object* zip_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* z = static_cast<ZipObject*>(o);
  ssize n = tuple_size(z->iters);
  if (n == 0) return nullptr;
  Object* result = tuple_new(n);
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* it = tuple_item(z->iters, i);
    Object* item = it->type->iternext(it);
    if (!item) {
      if (z->strict) strict_mismatch(z->iters, i, "zip");
      // Fill the rest so the tuple can be released.
      for (ssize k = i; k < n; ++k) tuple_set_item(result, k, new_ref(none()));
      decref(result);
      return nullptr;
    }
    tuple_set_item(result, i, item);
  }
  return result;
}

// map_reduce: (map, (func, *iterators)), with True as the state when strict.
Object* map_reduce(Object* o, Object*) {
  auto* m = static_cast<MapObject*>(o);
  ssize n = tuple_size(m->iters);
  Ref<> args = Ref<>::steal(tuple_new(n + 1));
  if (!args) return nullptr;
  tuple_set_item(args.get(), 0, new_ref(m->func));
  for (ssize i = 0; i < n; ++i) tuple_set_item(args.get(), i + 1, new_ref(tuple_item(m->iters, i)));
  if (m->strict) return tuple_pack(3, static_cast<Object*>(o->type), args.get(), true_object());
  return tuple_pack(2, static_cast<Object*>(o->type), args.get());
}
// map_setstate / zip_setstate: the state is the strict flag.
Object* map_setstate(Object* o, Object* state) {
  int strict = object_is_true(state);
  if (strict < 0) return nullptr;
  static_cast<MapObject*>(o)->strict = strict;
  return new_ref(none());
}
// filter_reduce: (filter, (func, iterator)).
Object* filter_reduce(Object* o, Object*) {
  auto* f = static_cast<FilterObject*>(o);
  Ref<> args = Ref<>::steal(tuple_pack(2, f->func, f->it));
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(o->type), args.get());
}
// zip_reduce: (zip, iterators), with True as the state when strict.
Object* zip_reduce(Object* o, Object*) {
  auto* z = static_cast<ZipObject*>(o);
  if (z->strict) return tuple_pack(3, static_cast<Object*>(o->type), z->iters, true_object());
  return tuple_pack(2, static_cast<Object*>(o->type), z->iters);
}
Object* zip_setstate(Object* o, Object* state) {
  int strict = object_is_true(state);
  if (strict < 0) return nullptr;
  static_cast<ZipObject*>(o)->strict = strict;
  return new_ref(none());
}

const char kReduceDoc[] = "Return state information for pickling.";
const char kSetstateDoc[] = "Set state information for unpickling.";
MethodDef map_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(map_reduce), kMethNoArgs, kReduceDoc},
    {"__setstate__", reinterpret_cast<void*>(map_setstate), kMethO, kSetstateDoc},
    {nullptr, nullptr, 0, nullptr}};
MethodDef filter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(filter_reduce), kMethNoArgs, kReduceDoc},
    {nullptr, nullptr, 0, nullptr}};
MethodDef zip_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(zip_reduce), kMethNoArgs, kReduceDoc},
    {"__setstate__", reinterpret_cast<void*>(zip_setstate), kMethO, kSetstateDoc},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

TypeObject map_type = [] {
  TypeObject t = static_type("map", sizeof(MapObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = map_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = map_traverse;
  t.iter = object_self_iter;
  t.iternext = map_next;
  t.methods = map_methods;
  t.new_ = map_new;
  return t;
}();

TypeObject filter_type = [] {
  TypeObject t = static_type("filter", sizeof(FilterObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = filter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = filter_traverse;
  t.iter = object_self_iter;
  t.iternext = filter_next;
  t.methods = filter_methods;
  t.new_ = filter_new;
  return t;
}();

TypeObject zip_type = [] {
  TypeObject t = static_type("zip", sizeof(ZipObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = zip_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = zip_traverse;
  t.iter = object_self_iter;
  t.iternext = zip_next;
  t.methods = zip_methods;
  t.new_ = zip_new;
  return t;
}();

}  // namespace cppy::objects
