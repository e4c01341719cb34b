// range: Objects/rangeobject.c. The range keeps its bounds as int objects (any size); the
// iterator has a C long form (rangeiter) and an int-object form (longrangeiter).
#include "objects/rangeobject.h"

#include <climits>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/freelist.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "vm/ceval.h"

namespace cppy::objects {

namespace {

inline RangeObject* rg(Object* o) { return static_cast<RangeObject*>(o); }
inline Object* zero() { return long_small(0); }
inline Object* one() { return long_small(1); }

template <typename T>
T* alloc_object(TypeObject* type) {
  auto* o = static_cast<T*>(gc::object_malloc(sizeof(T)));
  if (!o) return static_cast<T*>(errors::no_memory());
  o->refcnt = 1;
  o->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

// get_len_of_range: the number of items in range(lo, hi, step) (step != 0); always fits in
// an unsigned long.
unsigned long len_of_range(long lo, long hi, long step) {
  if (step > 0 && lo < hi) return 1UL + (static_cast<unsigned long>(hi) - 1UL - lo) / step;
  if (step < 0 && lo > hi)
    return 1UL + (static_cast<unsigned long>(lo) - 1UL - hi) / (0UL - step);
  return 0UL;
}

// PyLong_AsLongAndOverflow with the one-digit case inline: `for i in range(n)` builds and
// iterates a new small range each time.
inline long as_long_overflow(Object* o, int* overflow) {
  if (long_check(o) && long_is_compact(o)) {
    *overflow = 0;
    return long(long_compact_value(o));
  }
  return long_as_long_and_overflow(o, overflow);
}

// compute_range_length_long: the length when everything fits in a C long; -2 on overflow
// (no exception set), -1 on error.
long range_length_long(Object* start, Object* stop, Object* step) {
  int overflow = 0;
  long values[3];
  Object* objs[3] = {start, stop, step};
  for (int i = 0; i < 3; ++i) {
    values[i] = as_long_overflow(objs[i], &overflow);
    if (overflow) return -2;
    if (values[i] == -1 && errors::occurred()) return -1;
  }
  unsigned long n = len_of_range(values[0], values[1], values[2]);
  return n > static_cast<unsigned long>(LONG_MAX) ? -2 : static_cast<long>(n);
}

// compute_range_length: the same computation on int objects.
Object* compute_range_length(Object* start, Object* stop, Object* step) {
  long n = range_length_long(start, stop, step);
  if (n >= 0) return long_from_long(n);
  if (n == -1) return nullptr;
  int positive = object_rich_compare_bool(step, zero(), kGT);
  if (positive < 0) return nullptr;
  Object* lo = positive ? start : stop;
  Object* hi = positive ? stop : start;
  Ref<> abs_step = positive ? Ref<>::borrow(step) : Ref<>::steal(number_negative(step));
  if (!abs_step) return nullptr;
  int empty = object_rich_compare_bool(lo, hi, kGE);
  if (empty < 0) return nullptr;
  if (empty) return new_ref(zero());
  Ref<> span = Ref<>::steal(number_subtract(hi, lo));
  if (!span) return nullptr;
  Ref<> diff = Ref<>::steal(number_subtract(span.get(), one()));
  if (!diff) return nullptr;
  Ref<> q = Ref<>::steal(number_floor_divide(diff.get(), abs_step.get()));
  if (!q) return nullptr;
  return number_add(q.get(), one());
}

// make_range_object: steals start, stop and step (also on failure).
Object* make_range(TypeObject* type, Object* start, Object* stop, Object* step) {
  Ref<> a = Ref<>::steal(start), b = Ref<>::steal(stop), c = Ref<>::steal(step);
  Object* length = compute_range_length(start, stop, step);
  if (!length) return nullptr;
  RangeObject* r = alloc_object<RangeObject>(type);
  if (!r) {
    decref(length);
    return nullptr;
  }
  r->start = a.release();
  r->stop = b.release();
  r->step = c.release();
  r->length = length;
  return r;
}

void range_dealloc(Object* o) {
  RangeObject* r = rg(o);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  decref(r->length);
  gc::object_free(o);
}

// range_from_array: range(stop) / range(start, stop[, step]) with __index__ conversion.
Object* range_from_array(TypeObject* type, Object* const* args, ssize nargs) {
  switch (nargs) {
    case 0:
      return errors::format(exc_TypeError, "range expected at least 1 argument, got 0");
    case 1: {
      Object* stop = number_index(args[0]);
      if (!stop) return nullptr;
      return make_range(type, new_ref(zero()), stop, new_ref(one()));
    }
    case 2:
    case 3:
      break;
    default:
      return errors::format(exc_TypeError, "range expected at most 3 arguments, got %zd", nargs);
  }
  Ref<> start = Ref<>::steal(number_index(args[0]));
  if (!start) return nullptr;
  Ref<> stop = Ref<>::steal(number_index(args[1]));
  if (!stop) return nullptr;
  // validate_step
  Ref<> step = nargs == 3 ? Ref<>::steal(number_index(args[2])) : Ref<>::borrow(one());
  if (!step) return nullptr;
  if (long_sign_of(step.get()) == 0) {
    errors::set_string(exc_ValueError, "range() arg 3 must not be zero");
    return nullptr;
  }
  return make_range(type, start.release(), stop.release(), step.release());
}

Object* range_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    return errors::format(exc_TypeError, "range() takes no keyword arguments");
  }
  return range_from_array(static_cast<TypeObject*>(type), args, vectorcall_nargs(nargsf));
}

Object* range_tp_new(TypeObject* type, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds)) {
    return errors::format(exc_TypeError, "range() takes no keyword arguments");
  }
  return range_from_array(type, tuple_items(args), tuple_size(args));
}

Object* range_repr(Object* o) {
  RangeObject* r = rg(o);
  int step_is_one = object_rich_compare_bool(r->step, one(), kEQ);
  if (step_is_one < 0) return nullptr;
  if (step_is_one) return str_from_format("range(%R, %R)", r->start, r->stop);
  return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

ssize range_length(Object* o) { return long_as_ssize(rg(o)->length); }
int range_bool(Object* o) { return object_is_true(rg(o)->length); }

// compute_item: start + i * step.
Object* compute_item(RangeObject* r, Object* i) {
  if (r->step == one()) return number_add(r->start, i);
  Ref<> incr = Ref<>::steal(number_multiply(i, r->step));
  if (!incr) return nullptr;
  return number_add(r->start, incr.get());
}

// compute_range_item: r[arg] for an int arg, negative indices from the end.
Object* compute_range_item(RangeObject* r, Object* arg) {
  int negative = object_rich_compare_bool(arg, zero(), kLT);
  if (negative < 0) return nullptr;
  Ref<> i = negative ? Ref<>::steal(number_add(r->length, arg)) : Ref<>::borrow(arg);
  if (!i) return nullptr;
  int out = object_rich_compare_bool(i.get(), zero(), kLT);
  if (out == 0) out = object_rich_compare_bool(i.get(), r->length, kGE);
  if (out < 0) return nullptr;
  if (out) {
    errors::set_string(exc_IndexError, "range object index out of range");
    return nullptr;
  }
  return compute_item(r, i.get());
}

Object* range_item(Object* o, ssize i) {
  Ref<> arg = Ref<>::steal(long_from_ssize(i));
  if (!arg) return nullptr;
  return compute_range_item(rg(o), arg.get());
}

// compute_slice: the sub-range r[slice].
Object* compute_slice(RangeObject* r, Object* slice) {
  Object *start, *stop, *step;
  if (slice_get_long_indices(slice, r->length, &start, &stop, &step) < 0) return nullptr;
  Ref<> a = Ref<>::steal(start), b = Ref<>::steal(stop), c = Ref<>::steal(step);
  Object* substep = number_multiply(r->step, step);
  if (!substep) return nullptr;
  Object* substart = compute_item(r, start);
  if (!substart) return decref(substep), nullptr;
  Object* substop = compute_item(r, stop);
  if (!substop) return decref(substep), decref(substart), nullptr;
  return make_range(r->type, substart, substop, substep);
}

Object* range_subscript(Object* o, Object* item) {
  if (index_check(item)) {
    Ref<> i = Ref<>::steal(number_index(item));
    if (!i) return nullptr;
    return compute_range_item(rg(o), i.get());
  }
  if (slice_check(item)) return compute_slice(rg(o), item);
  return errors::format(exc_TypeError, "range indices must be integers or slices, not %.200s",
                        item->type->name);
}

bool exact_int_or_bool(Object* ob) { return ob->type == &long_type || ob->type == &bool_type; }

// range_contains_long: arithmetic membership for an exact int or a bool.
int range_contains_long(RangeObject* r, Object* ob) {
  int positive = object_rich_compare_bool(r->step, zero(), kGT);
  if (positive < 0) return -1;
  int low_ok, high_ok;
  if (positive) {
    low_ok = object_rich_compare_bool(r->start, ob, kLE);
    high_ok = object_rich_compare_bool(ob, r->stop, kLT);
  } else {
    low_ok = object_rich_compare_bool(ob, r->start, kLE);
    high_ok = object_rich_compare_bool(r->stop, ob, kLT);
  }
  if (low_ok < 0 || high_ok < 0) return -1;
  if (!low_ok || !high_ok) return 0;
  Ref<> offset = Ref<>::steal(number_subtract(ob, r->start));
  if (!offset) return -1;
  Ref<> rem = Ref<>::steal(number_remainder(offset.get(), r->step));
  if (!rem) return -1;
  return object_rich_compare_bool(rem.get(), zero(), kEQ);
}

int range_contains(Object* o, Object* ob) {
  if (exact_int_or_bool(ob)) return range_contains_long(rg(o), ob);
  return sequence_iter_contains(o, ob);
}

// range_equals: same length, and (if not empty) same start, and (if longer than 1) step.
int range_equals(RangeObject* a, RangeObject* b) {
  if (a == b) return 1;
  int c = object_rich_compare_bool(a->length, b->length, kEQ);
  if (c != 1) return c;
  c = object_not(a->length);
  if (c != 0) return c;
  c = object_rich_compare_bool(a->start, b->start, kEQ);
  if (c != 1) return c;
  c = object_rich_compare_bool(a->length, one(), kEQ);
  if (c != 0) return c;
  return object_rich_compare_bool(a->step, b->step, kEQ);
}

Object* range_richcompare(Object* a, Object* b, int op) {
  if (!range_check(b) || (op != kEQ && op != kNE)) return return_not_implemented();
  int eq = range_equals(rg(a), rg(b));
  if (eq < 0) return nullptr;
  return bool_from_long(op == kEQ ? eq : !eq);
}

// range_hash: hash((len, start, step)) with None for what does not matter.
hash_t range_hash(Object* o) {
  RangeObject* r = rg(o);
  int empty = object_not(r->length);
  if (empty < 0) return -1;
  Object* start = none();
  Object* step = none();
  if (!empty) {
    start = r->start;
    int single = object_rich_compare_bool(r->length, one(), kEQ);
    if (single < 0) return -1;
    if (!single) step = r->step;
  }
  Ref<> t = Ref<>::steal(tuple_pack(3, r->length, start, step));
  if (!t) return -1;
  return object_hash(t.get());
}

Object* range_count(Object* o, Object* ob) {
  if (exact_int_or_bool(ob)) {
    int c = range_contains_long(rg(o), ob);
    if (c < 0) return nullptr;
    return long_from_long(c);
  }
  ssize n = sequence_count(o, ob);
  if (n < 0) return nullptr;
  return long_from_ssize(n);
}

Object* range_index(Object* o, Object* ob) {
  RangeObject* r = rg(o);
  if (!exact_int_or_bool(ob)) {
    ssize i = sequence_index(o, ob);
    if (i < 0) return nullptr;
    return long_from_ssize(i);
  }
  int c = range_contains_long(r, ob);
  if (c < 0) return nullptr;
  if (c) {
    Ref<> idx = Ref<>::steal(number_subtract(ob, r->start));
    if (!idx || r->step == one()) return idx.release();
    return number_floor_divide(idx.get(), r->step);
  }
  errors::set_string(exc_ValueError, "range.index(x): x not in range");
  return nullptr;
}

Object* range_reversed(Object* o, Object*);
Object* range_reduce(Object* o, Object*) {
  RangeObject* r = rg(o);
  Ref<> args = Ref<>::steal(tuple_pack(3, r->start, r->stop, r->step));
  if (!args) return nullptr;
  return tuple_pack(2, o->type, args.get());
}

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
MemberDef range_members[] = {
    {"start", kMemberObjectEx, offsetof(RangeObject, start), kMemberReadonly, nullptr},
    {"stop", kMemberObjectEx, offsetof(RangeObject, stop), kMemberReadonly, nullptr},
    {"step", kMemberObjectEx, offsetof(RangeObject, step), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

NumberMethods range_as_number = [] {
  NumberMethods n{};
  n.bool_ = range_bool;
  return n;
}();
SequenceMethods range_as_sequence = {range_length, nullptr, nullptr, range_item, nullptr,
                                     nullptr,      nullptr, range_contains, nullptr, nullptr};
MappingMethods range_as_mapping = {range_length, range_subscript, nullptr};

// --- iterators ---

// The pickled form of an iterator: (iter, (range(start, stop, step),), state).
Object* reduce_as_iter_of(Object* start, Object* stop, Object* step) {
  Ref<> range = Ref<>::steal(make_range(&range_type, start, stop, step));
  if (!range) return nullptr;
  Ref<> iter = Ref<>::steal(vm::eval_get_builtin("iter"));  // _PyEval_GetBuiltin
  if (!iter) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, range.get()));
  if (!args) return nullptr;
  return tuple_pack(3, iter.get(), args.get(), none());
}

void rangeiter_dealloc(Object* o) {
  if (freelist_push(freelists.range_iters, o, kRangeItersMaxFree)) return;
  gc::object_free(o);
}
Object* rangeiter_next(Object* o) {
  auto* it = static_cast<RangeIterObject*>(o);
  if (it->len > 0) {
    long result = it->start;
    it->start = static_cast<long>(static_cast<unsigned long>(result) + it->step);
    it->len--;
    return long_from_long(result);
  }
  return nullptr;
}
Object* rangeiter_len(Object* o, Object*) {
  return long_from_long(static_cast<RangeIterObject*>(o)->len);
}
Object* rangeiter_reduce(Object* o, Object*) {
  auto* it = static_cast<RangeIterObject*>(o);
  Object* start = long_from_long(it->start);
  Object* stop = long_from_long(
      static_cast<long>(static_cast<unsigned long>(it->start) + it->len * it->step));
  Object* step = long_from_long(it->step);
  if (!start || !stop || !step) {
    xdecref(start), xdecref(stop), xdecref(step);
    return nullptr;
  }
  return reduce_as_iter_of(start, stop, step);
}
Object* rangeiter_setstate(Object* o, Object* state) {
  auto* it = static_cast<RangeIterObject*>(o);
  long index = long_as_long(state);
  if (index == -1 && errors::occurred()) return nullptr;
  if (index < 0) index = 0;
  else if (index > it->len) index = it->len;  // silently clipped: exhausted
  it->start += index * it->step;
  it->len -= index;
  return return_none();
}

const char kLengthHintDoc[] = "Private method returning an estimate of len(list(it)).";
const char kReduceDoc[] = "Return state information for pickling.";
const char kSetstateDoc[] = "Set state information for unpickling.";

MethodDef rangeiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(rangeiter_len), kMethNoArgs, kLengthHintDoc},
    {"__reduce__", reinterpret_cast<void*>(rangeiter_reduce), kMethNoArgs, kReduceDoc},
    {"__setstate__", reinterpret_cast<void*>(rangeiter_setstate), kMethO, kSetstateDoc},
    {nullptr, nullptr, 0, nullptr}};

Object* fast_range_iter(long start, long step, long len) {
  RangeIterObject* it;
  if (void* p = freelist_pop(freelists.range_iters)) {
    it = static_cast<RangeIterObject*>(p);
    it->refcnt = 1;
    it->type = &rangeiter_type;
#ifdef CPPY_DEBUG
    ++total_refcount;
#endif
    gc::object_created(it);
  } else {
    it = alloc_object<RangeIterObject>(&rangeiter_type);
    if (!it) return nullptr;
  }
  it->start = start;
  it->step = step;
  it->len = len;
  return it;
}

struct LongRangeIterObject : Object {
  Object* start;
  Object* step;
  Object* len;
};
inline LongRangeIterObject* lri(Object* o) { return static_cast<LongRangeIterObject*>(o); }

void longrangeiter_dealloc(Object* o) {
  xdecref(lri(o)->start);
  xdecref(lri(o)->step);
  xdecref(lri(o)->len);
  gc::object_free(o);
}
Object* longrangeiter_next(Object* o) {
  LongRangeIterObject* r = lri(o);
  if (object_rich_compare_bool(r->len, zero(), kGT) != 1) return nullptr;
  Object* new_start = number_add(r->start, r->step);
  if (!new_start) return nullptr;
  Object* new_len = number_subtract(r->len, one());
  if (!new_len) return decref(new_start), nullptr;
  Object* result = r->start;
  r->start = new_start;
  decref(r->len);
  r->len = new_len;
  return result;
}
Object* longrangeiter_len(Object* o, Object*) { return new_ref(lri(o)->len); }
Object* longrangeiter_reduce(Object* o, Object*) {
  LongRangeIterObject* r = lri(o);
  Ref<> product = Ref<>::steal(number_multiply(r->len, r->step));
  if (!product) return nullptr;
  Object* stop = number_add(r->start, product.get());
  if (!stop) return nullptr;
  return reduce_as_iter_of(new_ref(r->start), stop, new_ref(r->step));
}
Object* longrangeiter_setstate(Object* o, Object* state) {
  if (state->type != &long_type) {
    return errors::format(exc_TypeError, "state must be an int, not %.200s", state->type->name);
  }
  LongRangeIterObject* r = lri(o);
  int below = object_rich_compare_bool(state, zero(), kLT);
  if (below < 0) return nullptr;
  if (below) {
    state = zero();
  } else {
    int above = object_rich_compare_bool(r->len, state, kLT);
    if (above < 0) return nullptr;
    if (above) state = r->len;
  }
  Ref<> product = Ref<>::steal(number_multiply(state, r->step));
  if (!product) return nullptr;
  Object* new_start = number_add(r->start, product.get());
  if (!new_start) return nullptr;
  Object* new_len = number_subtract(r->len, state);
  if (!new_len) return decref(new_start), nullptr;
  decref(r->start);
  r->start = new_start;
  decref(r->len);
  r->len = new_len;
  return return_none();
}

MethodDef longrangeiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(longrangeiter_len), kMethNoArgs, kLengthHintDoc},
    {"__reduce__", reinterpret_cast<void*>(longrangeiter_reduce), kMethNoArgs, kReduceDoc},
    {"__setstate__", reinterpret_cast<void*>(longrangeiter_setstate), kMethO, kSetstateDoc},
    {nullptr, nullptr, 0, nullptr}};

// Steals start, step and len.
Object* long_range_iter(Object* start, Object* step, Object* len) {
  auto* it = alloc_object<LongRangeIterObject>(&longrangeiter_type);
  if (!it) {
    decref(start), decref(step), decref(len);
    return nullptr;
  }
  it->start = start;
  it->step = step;
  it->len = len;
  return it;
}

// The three bounds as C longs; false (no exception) when one does not fit.
bool bounds_as_long(RangeObject* r, long* start, long* stop, long* step) {
  Object* objs[3] = {r->start, r->stop, r->step};
  long* outs[3] = {start, stop, step};
  for (int i = 0; i < 3; ++i) {
    int overflow = 0;
    *outs[i] = as_long_overflow(objs[i], &overflow);
    if (overflow) return false;
  }
  return true;
}

// range_iter: the C long iterator when start + len * step cannot overflow.
Object* range_iter(Object* o) {
  RangeObject* r = rg(o);
  long lstart, lstop, lstep;
  if (bounds_as_long(r, &lstart, &lstop, &lstep)) {
    unsigned long ulen = len_of_range(lstart, lstop, lstep);
    bool fits = ulen <= static_cast<unsigned long>(LONG_MAX);
    if (fits && ulen) {
      fits = lstep > 0 ? lstop <= LONG_MAX - (lstep - 1) : lstop >= LONG_MIN + (-1 - lstep);
    }
    if (fits) return fast_range_iter(lstart, lstep, static_cast<long>(ulen));
  }
  return long_range_iter(new_ref(r->start), new_ref(r->step), new_ref(r->length));
}

// range_reverse: range(start + (n-1)*step, start - step, -step).
Object* range_reversed(Object* o, Object*) {
  RangeObject* r = rg(o);
  long lstart, lstop, lstep;
  if (bounds_as_long(r, &lstart, &lstop, &lstep) && lstep != LONG_MIN) {
    // start - step must not overflow.
    bool fits = lstep > 0 ? static_cast<unsigned long>(lstart) - LONG_MIN >=
                                static_cast<unsigned long>(lstep)
                          : LONG_MAX - static_cast<unsigned long>(lstart) >= 0UL - lstep;
    unsigned long ulen = len_of_range(lstart, lstop, lstep);
    if (fits && ulen <= static_cast<unsigned long>(LONG_MAX)) {
      long new_stop = lstart - lstep;
      long new_start = static_cast<long>(static_cast<unsigned long>(new_stop) + ulen * lstep);
      return fast_range_iter(new_start, -lstep, static_cast<long>(ulen));
    }
  }
  Ref<> last = Ref<>::steal(number_subtract(r->length, one()));
  if (!last) return nullptr;
  Ref<> product = Ref<>::steal(number_multiply(last.get(), r->step));
  if (!product) return nullptr;
  Object* start = number_add(r->start, product.get());
  if (!start) return nullptr;
  Object* step = number_negative(r->step);
  if (!step) return decref(start), nullptr;
  return long_range_iter(start, step, new_ref(r->length));
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
  t.members = range_members;
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

TypeObject longrangeiter_type = [] {
  TypeObject t = static_type("longrange_iterator", sizeof(LongRangeIterObject));
  t.dealloc = longrangeiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = longrangeiter_next;
  t.methods = longrangeiter_methods;
  return t;
}();

Object* range_new_ssize(ssize start, ssize stop, ssize step) {
  Object* a = long_from_ssize(start);
  Object* b = long_from_ssize(stop);
  Object* c = long_from_ssize(step);
  if (!a || !b || !c) {
    xdecref(a), xdecref(b), xdecref(c);
    return nullptr;
  }
  return make_range(&range_type, a, b, c);
}

}  // namespace cppy::objects
