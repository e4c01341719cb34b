// range: Objects/rangeobject.c (machine-integer bounds).
#include "objects/rangeobject.h"

#include <string_view>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

inline RangeObject* rg(Object* o) { return static_cast<RangeObject*>(o); }

// get_len_of_range: the number of items in range(lo, hi, step) (step != 0).
ssize len_of_range(ssize lo, ssize hi, ssize step) {
  if (step > 0 && lo < hi)
    return static_cast<ssize>((static_cast<size_t>(hi) - static_cast<size_t>(lo) - 1) /
                              static_cast<size_t>(step) + 1);
  if (step < 0 && lo > hi)
    return static_cast<ssize>((static_cast<size_t>(lo) - static_cast<size_t>(hi) - 1) /
                              (0 - static_cast<size_t>(step)) + 1);
  return 0;
}

Object* make_range(TypeObject* type, ssize start, ssize stop, ssize step) {
  auto* r = static_cast<RangeObject*>(gc::object_malloc(sizeof(RangeObject)));
  if (!r) return errors::no_memory();
  r->refcnt = 1;
  r->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = len_of_range(start, stop, step);
  return r;
}

void range_dealloc(Object* o) { gc::object_free(o); }

// range_from_array: range(stop) / range(start, stop[, step]) with __index__ conversion.
Object* range_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    return errors::format(exc_TypeError, "range() takes no keyword arguments");
  }
  ssize nargs = vectorcall_nargs(nargsf);
  ssize vals[3] = {0, 0, 1};
  switch (nargs) {
    case 0:
      return errors::format(exc_TypeError, "range expected at least 1 argument, got 0");
    case 1:
    case 2:
    case 3:
      break;
    default:
      return errors::format(exc_TypeError, "range expected at most 3 arguments, got %zd", nargs);
  }
  ssize* targets[3];
  if (nargs == 1) {
    targets[0] = &vals[1];
  } else {
    targets[0] = &vals[0];
    targets[1] = &vals[1];
    targets[2] = &vals[2];
  }
  for (ssize i = 0; i < nargs; ++i) {
    Ref<> idx = Ref<>::steal(number_index(args[i]));
    if (!idx) return nullptr;
    long v = long_as_long(idx.get());
    if (v == -1 && errors::occurred()) return nullptr;
    *targets[i] = v;
  }
  if (vals[2] == 0) {
    errors::set_string(exc_ValueError, "range() arg 3 must not be zero");
    return nullptr;
  }
  return make_range(static_cast<TypeObject*>(type), vals[0], vals[1], vals[2]);
}

Object* range_tp_new(TypeObject* type, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds)) {
    return errors::format(exc_TypeError, "range() takes no keyword arguments");
  }
  return range_vectorcall(type, tuple_items(args), static_cast<size_t>(tuple_size(args)), nullptr);
}

Object* range_repr(Object* o) {
  RangeObject* r = rg(o);
  if (r->step == 1) return str_from_format("range(%zd, %zd)", r->start, r->stop);
  return str_from_format("range(%zd, %zd, %zd)", r->start, r->stop, r->step);
}

ssize range_length(Object* o) { return rg(o)->length; }
int range_bool(Object* o) { return rg(o)->length != 0; }

Object* range_item(Object* o, ssize i) {
  RangeObject* r = rg(o);
  if (i < 0 || i >= r->length) {
    errors::set_string(exc_IndexError, "range object index out of range");
    return nullptr;
  }
  return long_from_ssize(r->start + i * r->step);
}

Object* range_subscript(Object* o, Object* item) {
  RangeObject* r = rg(o);
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += r->length;
    return range_item(o, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step;
    if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
    ssize n = slice_adjust_indices(r->length, &start, &stop, step);
    ssize substart = r->start + start * r->step;
    ssize substep = r->step * step;
    ssize substop = substart + n * substep;
    (void)stop;
    return make_range(&range_type, substart, substop, substep);
  }
  return errors::format(exc_TypeError, "range indices must be integers or slices, not %.200s",
                        item->type->name);
}

// range_contains_long: arithmetic membership for exact ints.
int range_contains(Object* o, Object* ob) {
  RangeObject* r = rg(o);
  if (type_has_feature(ob->type, kTpflagsLongSubclass) && std::string_view(ob->type->name) == "int") {
    long v = long_as_long(ob);
    if (v == -1 && errors::occurred()) {
      errors::clear();
      return 0;
    }
    if (r->step > 0 ? !(v >= r->start && v < r->stop) : !(v <= r->start && v > r->stop)) return 0;
    return (v - r->start) % r->step == 0;
  }
  return sequence_iter_contains(o, ob);
}

Object* range_richcompare(Object* a, Object* b, int op) {
  if (!range_check(b) || (op != kEQ && op != kNE)) return return_not_implemented();
  RangeObject* x = rg(a);
  RangeObject* y = rg(b);
  bool eq = x == y || (x->length == y->length &&
                       (x->length == 0 || (x->start == y->start &&
                                           (x->length == 1 || x->step == y->step))));
  return bool_from_long(op == kEQ ? eq : !eq);
}

// range_hash: hash((len, start, step)) with None for what does not matter.
hash_t range_hash(Object* o) {
  RangeObject* r = rg(o);
  Ref<> len = Ref<>::steal(long_from_ssize(r->length));
  Ref<> start = Ref<>::steal(long_from_ssize(r->start));
  Ref<> step = Ref<>::steal(long_from_ssize(r->step));
  if (!len || !start || !step) return -1;
  Ref<> t = Ref<>::steal(tuple_pack(3, len.get(), r->length ? start.get() : none(),
                                    r->length > 1 ? step.get() : none()));
  if (!t) return -1;
  return object_hash(t.get());
}

Object* range_count(Object* o, Object* ob) {
  if (type_has_feature(ob->type, kTpflagsLongSubclass)) {
    int c = range_contains(o, ob);
    if (c < 0) return nullptr;
    return long_from_long(c);
  }
  ssize n = sequence_count(o, ob);
  if (n < 0) return nullptr;
  return long_from_ssize(n);
}

Object* range_index(Object* o, Object* ob) {
  RangeObject* r = rg(o);
  if (type_has_feature(ob->type, kTpflagsLongSubclass)) {
    int c = range_contains(o, ob);
    if (c < 0) return nullptr;
    if (c) return long_from_ssize((long_as_long(ob) - r->start) / r->step);
  } else {
    ssize i = sequence_index(o, ob);
    if (i >= 0) return long_from_ssize(i);
    if (!errors::exception_matches(exc_ValueError)) return nullptr;
    errors::clear();
  }
  errors::set_string(exc_ValueError, "range.index(x): x not in range");
  return nullptr;
}

Object* range_reversed(Object* o, Object*);
Object* range_reduce(Object* o, Object*) {
  RangeObject* r = rg(o);
  Ref<> a = Ref<>::steal(long_from_ssize(r->start));
  Ref<> b = Ref<>::steal(long_from_ssize(r->stop));
  Ref<> c = Ref<>::steal(long_from_ssize(r->step));
  Ref<> args = Ref<>::steal(tuple_pack(3, a.get(), b.get(), c.get()));
  if (!args) return nullptr;
  return tuple_pack(2, o->type, args.get());
}

Object* get_start(Object* o, void*) { return long_from_ssize(rg(o)->start); }
Object* get_stop(Object* o, void*) { return long_from_ssize(rg(o)->stop); }
Object* get_step(Object* o, void*) { return long_from_ssize(rg(o)->step); }

MethodDef range_methods[] = {
    {"__reversed__", reinterpret_cast<void*>(range_reversed), kMethNoArgs,
     "Return a reverse iterator."},
    {"__reduce__", reinterpret_cast<void*>(range_reduce), kMethNoArgs, nullptr},
    {"count", reinterpret_cast<void*>(range_count), kMethO,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", reinterpret_cast<void*>(range_index), kMethO,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the "
     "value is not present."},
    {nullptr, nullptr, 0, nullptr}};
GetSetDef range_getset[] = {{"start", get_start, nullptr, nullptr, nullptr},
                            {"stop", get_stop, nullptr, nullptr, nullptr},
                            {"step", get_step, nullptr, nullptr, nullptr},
                            {nullptr, nullptr, nullptr, nullptr, nullptr}};

NumberMethods range_as_number = [] {
  NumberMethods n{};
  n.bool_ = range_bool;
  return n;
}();
SequenceMethods range_as_sequence = {range_length, nullptr, nullptr, range_item, nullptr,
                                     nullptr,      nullptr, range_contains, nullptr, nullptr};
MappingMethods range_as_mapping = {range_length, range_subscript, nullptr};

// --- iterator ---
struct RangeIterObject : Object {
  ssize start;
  ssize step;
  ssize len;
};

void rangeiter_dealloc(Object* o) { gc::object_free(o); }
Object* rangeiter_next(Object* o) {
  auto* it = static_cast<RangeIterObject*>(o);
  if (it->len > 0) {
    ssize result = it->start;
    it->start = result + it->step;
    it->len--;
    return long_from_ssize(result);
  }
  return nullptr;
}
Object* rangeiter_len(Object* o, Object*) {
  return long_from_ssize(static_cast<RangeIterObject*>(o)->len);
}
MethodDef rangeiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(rangeiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

Object* make_rangeiter(ssize start, ssize step, ssize len) {
  auto* it = static_cast<RangeIterObject*>(gc::object_malloc(sizeof(RangeIterObject)));
  if (!it) return errors::no_memory();
  it->refcnt = 1;
  it->type = &rangeiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->start = start;
  it->step = step;
  it->len = len;
  return it;
}

Object* range_iter(Object* o) {
  RangeObject* r = rg(o);
  return make_rangeiter(r->start, r->step, r->length);
}
Object* range_reversed(Object* o, Object*) {
  RangeObject* r = rg(o);
  return make_rangeiter(r->start + (r->length - 1) * r->step, -r->step, r->length);
}

}  // namespace

TypeObject range_type = [] {
  TypeObject t = static_type("range", sizeof(RangeObject), 0, kTpflagsSequence);
  t.dealloc = range_dealloc;
  t.repr = range_repr;
  t.as_number = &range_as_number;
  t.as_sequence = &range_as_sequence;
  t.as_mapping = &range_as_mapping;
  t.hash = range_hash;
  t.getattro = object_generic_getattr;
  t.richcompare = range_richcompare;
  t.iter = range_iter;
  t.methods = range_methods;
  t.getset = range_getset;
  t.new_ = range_tp_new;
  t.vectorcall = range_vectorcall;
  t.doc =
      "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an "
      "object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) "
      "by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is "
      "omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list "
      "of 4 elements.\nWhen step is given, it specifies the increment (or decrement).";
  return t;
}();

TypeObject rangeiter_type = [] {
  TypeObject t = static_type("range_iterator", sizeof(RangeIterObject));
  t.dealloc = rangeiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = rangeiter_next;
  t.methods = rangeiter_methods;
  return t;
}();

Object* range_new_ssize(ssize start, ssize stop, ssize step) {
  return make_range(&range_type, start, stop, step);
}

}  // namespace cppy::objects
