// slice: Objects/sliceobject.c (and _PyEval_SliceIndex of Python/ceval.c).
#include "objects/sliceobject.h"

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/freelist.h"
#include "objects/longobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

inline SliceObject* sl(Object* o) { return static_cast<SliceObject*>(o); }

void slice_dealloc(Object* o) {
  gc::untrack(o);
  decref(sl(o)->start);
  decref(sl(o)->stop);
  decref(sl(o)->step);
  if (freelist_push(freelists.slices, o, kSlicesMaxFree)) return;
  gc::gc_free(o);
}

int slice_traverse(Object* o, visitproc visit, void* arg) {
  for (Object* x : {sl(o)->start, sl(o)->stop, sl(o)->step})
    if (int r = visit(x, arg)) return r;
  return 0;
}

Object* slice_repr(Object* o) {
  return str_from_format("slice(%R, %R, %R)", sl(o)->start, sl(o)->stop, sl(o)->step);
}

// slice_richcompare: as the tuples (start, stop, step).
Object* slice_richcompare(Object* v, Object* w, int op) {
  if (!slice_check(v) || !slice_check(w)) return return_not_implemented();
  if (v == w) {
    switch (op) {
      case kEQ: case kLE: case kGE: return bool_from_long(1);
      case kNE: case kLT: case kGT: return bool_from_long(0);
    }
  }
  Ref<> t1 = Ref<>::steal(tuple_pack(3, sl(v)->start, sl(v)->stop, sl(v)->step));
  Ref<> t2 = Ref<>::steal(tuple_pack(3, sl(w)->start, sl(w)->stop, sl(w)->step));
  if (!t1 || !t2) return nullptr;
  return object_rich_compare(t1.get(), t2.get(), op);
}

// slice_hash (3.12+): the tuple hash's lanes without the length term.
hash_t slice_hash(Object* o) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (Object* x : {sl(o)->start, sl(o)->stop, sl(o)->step}) {
    hash_t lane = object_hash(x);
    if (lane == -1) return -1;
    acc += static_cast<uint64_t>(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<hash_t>(acc);
}

Object* slice_tp_new(TypeObject*, Object* args, Object* kw) {
  if (kw && dict_size(kw)) return errors::format(exc_TypeError, "slice() takes no keyword arguments");
  ssize n = tuple_size(args);
  if (n < 1) {
    return errors::format(exc_TypeError, "slice expected at least 1 argument, got %zd", n);
  }
  if (n > 3) {
    return errors::format(exc_TypeError, "slice expected at most 3 arguments, got %zd", n);
  }
  if (n == 1) return slice_new(nullptr, tuple_item(args, 0), nullptr);
  return slice_new(tuple_item(args, 0), tuple_item(args, 1), n > 2 ? tuple_item(args, 2) : nullptr);
}

// evaluate_slice_index: a non-None slice bound as an int object.
Object* evaluate_slice_index(Object* v) {
  if (index_check(v)) return number_index(v);
  errors::set_string(exc_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
  return nullptr;
}

// Clips an int bound to [lower, upper] after adding length to a negative one.
Object* clip_long_bound(Object* value, Object* length, Object* lower, Object* upper) {
  Ref<> v = Ref<>::steal(evaluate_slice_index(value));
  if (!v) return nullptr;
  if (long_sign_of(v.get()) < 0) {
    v = Ref<>::steal(number_add(v.get(), length));
    if (!v) return nullptr;
    int below = object_rich_compare_bool(v.get(), lower, kLT);
    if (below < 0) return nullptr;
    if (below) return new_ref(lower);
  } else {
    int above = object_rich_compare_bool(v.get(), upper, kGT);
    if (above < 0) return nullptr;
    if (above) return new_ref(upper);
  }
  return v.release();
}

// slice.indices(length): _PySlice_GetLongIndices on the index of length.
Object* slice_indices(Object* self, Object* len) {
  Ref<> length = Ref<>::steal(number_index(len));
  if (!length) return nullptr;
  if (long_sign_of(length.get()) < 0) {
    errors::set_string(exc_ValueError, "length should not be negative");
    return nullptr;
  }
  Object *start, *stop, *step;
  if (slice_get_long_indices(self, length.get(), &start, &stop, &step) < 0) return nullptr;
  Ref<> a = Ref<>::steal(start), b = Ref<>::steal(stop), c = Ref<>::steal(step);
  return tuple_pack(3, a.get(), b.get(), c.get());
}

// slice.__reduce__: (slice, (start, stop, step)).
Object* slice_reduce(Object* self, Object*) {
  Ref<> args = Ref<>::steal(tuple_pack(3, sl(self)->start, sl(self)->stop, sl(self)->step));
  if (!args) return nullptr;
  return tuple_pack(2, self->type, args.get());
}

MethodDef slice_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(slice_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {"indices", reinterpret_cast<void*>(slice_indices), kMethO,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate "
     "the start and stop\nindices, and the stride length of the extended slice described "
     "by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of "
     "normal slices."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef slice_members[] = {
    {"start", kMemberObject, static_cast<ssize>(offsetof(SliceObject, start)), kMemberReadonly,
     nullptr},
    {"stop", kMemberObject, static_cast<ssize>(offsetof(SliceObject, stop)), kMemberReadonly,
     nullptr},
    {"step", kMemberObject, static_cast<ssize>(offsetof(SliceObject, step)), kMemberReadonly,
     nullptr},
    {nullptr, 0, 0, 0, nullptr}};

}  // namespace

int slice_get_long_indices(Object* slice, Object* length, Object** start_out, Object** stop_out,
                           Object** step_out) {
  SliceObject* self = sl(slice);
  Ref<> step;
  bool step_is_negative = false;
  if (self->step == none()) {
    step = Ref<>::borrow(long_small(1));
  } else {
    step = Ref<>::steal(evaluate_slice_index(self->step));
    if (!step) return -1;
    int sign = long_sign_of(step.get());
    if (sign == 0) {
      errors::set_string(exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    step_is_negative = sign < 0;
  }
  // Bounds: [-1, length - 1] for negative steps, [0, length] otherwise.
  Ref<> lower, upper;
  if (step_is_negative) {
    lower = Ref<>::borrow(long_small(-1));
    upper = Ref<>::steal(number_add(lower.get(), length));
  } else {
    lower = Ref<>::borrow(long_small(0));
    upper = Ref<>::borrow(length);
  }
  if (!lower || !upper) return -1;
  Ref<> start = Ref<>::steal(
      self->start == none() ? new_ref(step_is_negative ? upper.get() : lower.get())
                            : clip_long_bound(self->start, length, lower.get(), upper.get()));
  if (!start) return -1;
  Ref<> stop = Ref<>::steal(
      self->stop == none() ? new_ref(step_is_negative ? lower.get() : upper.get())
                           : clip_long_bound(self->stop, length, lower.get(), upper.get()));
  if (!stop) return -1;
  *start_out = start.release();
  *stop_out = stop.release();
  *step_out = step.release();
  return 0;
}

TypeObject slice_type = [] {
  TypeObject t = static_type("slice", sizeof(SliceObject), 0, kTpflagsHaveGc);
  t.dealloc = slice_dealloc;
  t.repr = slice_repr;
  t.hash = slice_hash;
  t.getattro = object_generic_getattr;
  t.traverse = slice_traverse;
  t.richcompare = slice_richcompare;
  t.methods = slice_methods;
  t.members = slice_members;
  t.new_ = slice_tp_new;
  t.doc =
      "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for "
      "extended slicing (e.g. a[0:10:2]).";
  return t;
}();

Object* slice_new(Object* start, Object* stop, Object* step) {
  auto* s = static_cast<SliceObject*>(freelist_pop(freelists.slices));
  if (s) {
    freelist_reuse_gc(s);
  } else {
    s = static_cast<SliceObject*>(gc::gc_malloc(sizeof(SliceObject)));
    if (!s) return nullptr;
  }
  s->refcnt = 1;
  s->type = &slice_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  s->start = new_ref(start ? start : none());
  s->stop = new_ref(stop ? stop : none());
  s->step = new_ref(step ? step : none());
  gc::track(s);
  return s;
}

int eval_slice_index(Object* v, ssize* pi) {
  if (v != none()) {
    if (index_check(v)) {
      ssize x = number_as_ssize(v, nullptr);
      if (x == -1 && errors::occurred()) return 0;
      *pi = x;
    } else {
      errors::set_string(exc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
      return 0;
    }
  }
  return 1;
}

int slice_unpack(Object* slice, ssize* start, ssize* stop, ssize* step) {
  SliceObject* r = sl(slice);
  if (r->step == none()) {
    *step = 1;
  } else {
    if (!eval_slice_index(r->step, step)) return -1;
    if (*step == 0) {
      errors::set_string(exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    if (*step < -PTRDIFF_MAX) *step = -PTRDIFF_MAX;
  }
  if (r->start == none()) {
    *start = *step < 0 ? PTRDIFF_MAX : 0;
  } else if (!eval_slice_index(r->start, start)) {
    return -1;
  }
  if (r->stop == none()) {
    *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
  } else if (!eval_slice_index(r->stop, stop)) {
    return -1;
  }
  return 0;
}

ssize slice_adjust_indices(ssize length, ssize* start, ssize* stop, ssize step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

int slice_get_indices_ex(Object* slice, ssize length, ssize* start, ssize* stop, ssize* step,
                         ssize* slicelength) {
  if (slice_unpack(slice, start, stop, step) < 0) return -1;
  *slicelength = slice_adjust_indices(length, start, stop, *step);
  return 0;
}

}  // namespace cppy::objects
