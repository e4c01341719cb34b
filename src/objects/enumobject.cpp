// enumerate and reversed: Objects/enumobject.c.
#include "objects/enumobject.h"

#include <limits>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"

namespace cppy::objects {

namespace {

struct EnumObject : Object {
  ssize en_index;
  Object* en_sit;
  Object* en_result;  // reused (index, value) tuple
  Object* en_longindex;
};

inline EnumObject* en(Object* o) { return static_cast<EnumObject*>(o); }

// enum_new_impl: enumerate(iterable, start=0).
Object* enum_tp_new(TypeObject* type, Object* args, Object* kwds) {
  Object* iterable = nullptr;
  Object* start = nullptr;
  ssize nargs = tuple_size(args);
  ssize nkw = kwds ? dict_size(kwds) : 0;
  if (nargs + nkw > 2) {  // enum_vectorcall counts keywords too
    return errors::format(exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                          nargs + nkw);
  }
  if (nargs >= 1) iterable = tuple_item(args, 0);
  if (nargs == 2) start = tuple_item(args, 1);
  if (kwds) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      if (str_compare_cstr(k, "iterable") == 0 && !iterable) {
        iterable = v;
      } else if (str_compare_cstr(k, "start") == 0 && !start) {
        start = v;
      } else {
        return errors::format(exc_TypeError, "'%U' is an invalid keyword argument for enumerate()", k);
      }
    }
  }
  if (!iterable) {
    return errors::format(exc_TypeError, "enumerate() missing required argument 'iterable'");
  }
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  en(self)->en_index = 0;
  en(self)->en_longindex = nullptr;
  if (start) {
    Ref<> idx = Ref<>::steal(number_index(start));
    if (!idx) {
      decref(self);
      return nullptr;
    }
    // A start beyond ssize counts with an int object (en_longindex).
    ssize v = long_as_ssize(idx.get());
    if (v == -1 && errors::occurred()) {
      errors::clear();
      en(self)->en_index = std::numeric_limits<ssize>::max();
      en(self)->en_longindex = idx.release();
    } else {
      en(self)->en_index = v;
    }
  }
  en(self)->en_sit = object_get_iter(iterable);
  if (!en(self)->en_sit) {
    decref(self);
    return nullptr;
  }
  en(self)->en_result = tuple_pack(2, none(), none());
  if (!en(self)->en_result) {
    decref(self);
    return nullptr;
  }
  return self;
}

void enum_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(en(o)->en_sit);
  xdecref(en(o)->en_result);
  xdecref(en(o)->en_longindex);
  o->type->free(o);
}
int enum_traverse(Object* o, visitproc visit, void* arg) {
  for (Object* x : {en(o)->en_sit, en(o)->en_result, en(o)->en_longindex})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

constexpr ssize kSsizeMaxValue = std::numeric_limits<ssize>::max();

// enum_next_long: counting past ssize with en_longindex.
Object* enum_next_long(EnumObject* e, Object* next_item) {
  if (!e->en_longindex) {
    e->en_longindex = long_from_ssize(kSsizeMaxValue);
    if (!e->en_longindex) {
      decref(next_item);
      return nullptr;
    }
  }
  Object* next_index = e->en_longindex;
  Ref<> one = Ref<>::steal(long_from_long(1));
  Object* stepped_up = one ? number_add(next_index, one.get()) : nullptr;
  if (!stepped_up) {
    decref(next_item);
    return nullptr;
  }
  e->en_longindex = stepped_up;
  Object* r = tuple_new(2);
  if (!r) {
    decref(next_index);
    decref(next_item);
    return nullptr;
  }
  tuple_set_item(r, 0, next_index);
  tuple_set_item(r, 1, next_item);
  return r;
}

Object* enum_next(Object* o) {
  // Nested iterators recurse through C++: bounded by the stack check.
  if (enter_recursive_call(" while iterating")) return nullptr;
  EnumObject* e = en(o);
  Object* next_item = e->en_sit->type->iternext(e->en_sit);
  if (!next_item) return nullptr;
  if (e->en_index == kSsizeMaxValue) return enum_next_long(e, next_item);
  Object* next_index = long_from_ssize(e->en_index);
  if (!next_index) {
    decref(next_item);
    return nullptr;
  }
  e->en_index++;
  Object* result = e->en_result;
  if (result->refcnt == 1) {
    incref(result);
    Object* old_index = tuple_item(result, 0);
    Object* old_item = tuple_item(result, 1);
    tuple_set_item(result, 0, next_index);
    tuple_set_item(result, 1, next_item);
    static_cast<TupleObject*>(result)->hash_cache = -1;
    decref(old_index);
    decref(old_item);
    if (!gc::is_tracked(result)) gc::track(result);
    return result;
  }
  Object* r = tuple_new(2);
  if (!r) {
    decref(next_index);
    decref(next_item);
    return nullptr;
  }
  tuple_set_item(r, 0, next_index);
  tuple_set_item(r, 1, next_item);
  return r;
}

// enum_reduce: (enumerate, (iterator, index)).
Object* enum_reduce(Object* o, Object*) {
  EnumObject* e = en(o);
  Ref<> index = Ref<>::steal(e->en_longindex ? new_ref(e->en_longindex) : long_from_ssize(e->en_index));
  if (!index) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, e->en_sit, index.get()));
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(o->type), args.get());
}
MethodDef enum_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(enum_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

// --- reversed ---
struct ReversedObject : Object {
  ssize index;
  Object* seq;
};
inline ReversedObject* rv(Object* o) { return static_cast<ReversedObject*>(o); }

Object* reversed_tp_new(TypeObject* type, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds) && type == &reversed_type) {
    return errors::format(exc_TypeError, "reversed() takes no keyword arguments");
  }
  if (tuple_size(args) != 1) {
    return errors::format(exc_TypeError, "reversed expected 1 argument, got %zd", tuple_size(args));
  }
  Object* seq = tuple_item(args, 0);
  Object* reversed_meth = type_lookup(seq->type, typeobject_internal::name_of("__reversed__"));
  if (reversed_meth == none()) {
    return errors::format(exc_TypeError, "'%.200s' object is not reversible", seq->type->name);
  }
  if (reversed_meth) {
    Ref<> m = Ref<>::steal(lookup_special(seq, typeobject_internal::name_of("__reversed__")));
    if (!m) return nullptr;
    return object_call_no_args(m.get());
  }
  if (!sequence_check(seq)) {
    return errors::format(exc_TypeError, "'%.200s' object is not reversible", seq->type->name);
  }
  ssize n = sequence_size(seq);
  if (n == -1) return nullptr;
  Object* ro = type->alloc(type, 0);
  if (!ro) return nullptr;
  rv(ro)->index = n - 1;
  rv(ro)->seq = new_ref(seq);
  return ro;
}

void reversed_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(rv(o)->seq);
  o->type->free(o);
}
int reversed_traverse(Object* o, visitproc visit, void* arg) {
  return rv(o)->seq ? visit(rv(o)->seq, arg) : 0;
}
Object* reversed_next(Object* o) {
  ReversedObject* ro = rv(o);
  ssize index = ro->index;
  if (index >= 0) {
    Object* item = sequence_get_item(ro->seq, index);
    if (item) {
      ro->index--;
      return item;
    }
    if (errors::exception_matches(exc_IndexError) || errors::exception_matches(exc_StopIteration))
      errors::clear();
  }
  ro->index = -1;
  clear(ro->seq);
  return nullptr;
}
Object* reversed_len(Object* o, Object*) {
  ReversedObject* ro = rv(o);
  if (!ro->seq) return long_from_long(0);
  ssize seqsize = sequence_size(ro->seq);
  if (seqsize == -1) return nullptr;
  ssize position = ro->index + 1;
  return long_from_ssize(seqsize < position ? 0 : position);
}
// reversed_reduce: (reversed, (seq,), index), or (reversed, ((),)) once exhausted.
Object* reversed_reduce(Object* o, Object*) {
  ReversedObject* ro = rv(o);
  if (ro->seq) {
    Ref<> args = Ref<>::steal(tuple_pack(1, ro->seq));
    Ref<> index = Ref<>::steal(long_from_ssize(ro->index));
    if (!args || !index) return nullptr;
    return tuple_pack(3, static_cast<Object*>(o->type), args.get(), index.get());
  }
  Ref<> empty = Ref<>::steal(tuple_new(0));
  Ref<> args = Ref<>::steal(empty ? tuple_pack(1, empty.get()) : nullptr);
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(o->type), args.get());
}
// reversed_setstate: the index, clamped to -1 .. len(seq) - 1.
Object* reversed_setstate(Object* o, Object* state) {
  ReversedObject* ro = rv(o);
  ssize index = long_as_ssize(state);
  if (index == -1 && errors::occurred()) return nullptr;
  if (ro->seq) {
    ssize n = sequence_size(ro->seq);
    if (n < 0) return nullptr;
    if (index < -1) index = -1;
    else if (index > n - 1) index = n - 1;
    ro->index = index;
  }
  return new_ref(none());
}
MethodDef reversed_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(reversed_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(reversed_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(reversed_setstate), kMethO,
     "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

TypeObject enum_type = [] {
  TypeObject t = static_type("enumerate", sizeof(EnumObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = enum_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = enum_traverse;
  t.iter = object_self_iter;
  t.iternext = enum_next;
  t.methods = enum_methods;
  t.alloc = type_generic_alloc;
  t.new_ = enum_tp_new;
  t.doc =
      "enumerate(iterable, start=0)\n--\n\nReturn an enumerate object.\n\n  iterable\n    an "
      "object supporting iteration\n\nThe enumerate object yields pairs containing a count "
      "(from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\n"
      "enumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, "
      "seq[2]), ...";
  return t;
}();

TypeObject reversed_type = [] {
  TypeObject t = static_type("reversed", sizeof(ReversedObject), 0, kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = reversed_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = reversed_traverse;
  t.iter = object_self_iter;
  t.iternext = reversed_next;
  t.methods = reversed_methods;
  t.alloc = type_generic_alloc;
  t.new_ = reversed_tp_new;
  t.doc = "reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence.";
  return t;
}();

}  // namespace cppy::objects
