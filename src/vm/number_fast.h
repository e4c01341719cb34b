// The results of the specialised int and float operations (Python/bytecodes.c's
// BINARY_OP_*_INT / *_FLOAT, Objects/floatobject.c's _PyFloat_FromDouble_ConsumeInputs).
//
// Both helpers take over the stack's references to the two operands. An operand that only the
// stack holds (reference count 1: every load into the stack takes its own reference) is about
// to be freed, so it receives the result in place instead of a new object being allocated
// while it goes back to the free list. Nothing can observe the difference: no other reference
// to it exists.
#pragma once

#include <cstdint>

#include "gc/gc.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/object.h"

namespace cppy::vm {

// A new one-digit int of tag and digit d, the free list's block taken inline (long_new(1)'s
// path for the loop's int results); null with MemoryError set on failure.
[[gnu::always_inline]] inline objects::LongObject* long_new_digit_inline(uintptr_t tag,
                                                                        objects::digit d) {
  using namespace objects;
  LongObject* n;
#ifndef CPPY_DEBUG
  IntFreelist& fl = int_freelist;
  if (fl.size > 0) [[likely]] {
    n = fl.items[--fl.size];
    gc::object_created(n);  // tracemalloc's traceback of the reused block
    n->refcnt = 1;
    n->type = &long_type;
  } else
#endif
  {
    n = long_new(1);
    if (!n) return nullptr;
  }
  n->lv_tag = tag;
  n->ob_digit[0] = d;
  return n;
}

// An int result v of an operation on two exact ints: the small-int cache, a one-digit int
// (an operand's object when it is compact and only the stack holds it), or the general
// constructor. Null with an exception set on failure; the operands are released either way.
[[gnu::always_inline]] inline objects::Object* long_result_steal(objects::Object* lhs, objects::Object* rhs,
                                          int64_t v) {
  using namespace objects;
  if (v >= -kSmallNegInts && v < kSmallPosInts) {
    decref(lhs);
    decref(rhs);
    return immortal_ref(long_small(int(v)));
  }
  uint64_t mag = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  Object* r;
  if (mag <= kLongMask) [[likely]] {
    uintptr_t tag = long_make_tag(v < 0 ? -1 : 1, 1);
    if (lhs->refcnt == 1 && long_is_compact(lhs)) {
      as_long(lhs)->lv_tag = tag;
      as_long(lhs)->ob_digit[0] = digit(mag);
      decref(rhs);
      return lhs;
    }
    if (rhs->refcnt == 1 && long_is_compact(rhs)) {
      as_long(rhs)->lv_tag = tag;
      as_long(rhs)->ob_digit[0] = digit(mag);
      decref(lhs);
      return rhs;
    }
    r = long_new_digit_inline(tag, digit(mag));
  } else {
    r = long_from_long_long(v);
  }
  decref(lhs);
  decref(rhs);
  return r;
}

// float_from_double with the free list's block taken inline (the loop's float results).
[[gnu::always_inline]] inline objects::Object* float_new_inline(double d) {
  using namespace objects;
#ifndef CPPY_DEBUG
  FloatFreelist& fl = float_freelist;
  if (fl.size > 0) [[likely]] {
    auto* f = static_cast<FloatObject*>(fl.items[--fl.size]);
    gc::object_created(f);
    f->refcnt = 1;
    f->type = &float_type;
    f->ob_fval = d;
    return f;
  }
#endif
  return float_from_double(d);
}

// The deallocation of a value whose last reference the loop dropped: an exact float or an
// exact one-digit int goes back to its free list as float_dealloc / long_dealloc would put
// it, in one call rather than two.
void release_dead_value(objects::Object* o);

// release_dead_value's free lists, for the loop's out-of-line release paths: true when o (an
// exact float, or an exact int of at most one digit) went back to its free list.
[[gnu::always_inline]] inline bool release_to_free_list(objects::Object* o) {
  using namespace objects;
  if (o->type == &float_type) {
    FloatFreelist& fl = float_freelist;
    if (fl.size < kFloatFreelistSize) {
      fl.items[fl.size++] = o;
      return true;
    }
  } else if (o->type == &long_type) {
    IntFreelist& fl = int_freelist;
    if (long_digit_count(o) <= 1 && fl.size < kIntFreelistSize) {
      fl.items[fl.size++] = as_long(o);
      return true;
    }
  }
  return false;
}

// decref of a value the loop drops (a local overwritten, a list item replaced, an operand).
[[gnu::always_inline]] inline void release_value(objects::Object* o) {
#ifndef CPPY_DEBUG
  // As decref: an immortal count is never lowered (the loop skips their increments).
  objects::ssize r = o->refcnt;
  if (r >= objects::kImmortalThreshold) return;
  o->refcnt = r - 1;
  if (r == 1) release_dead_value(o);
#else
  objects::decref(o);
#endif
}

// A float result d of an operation on two operands of which at least one is an exact float:
// the object of an exact-float operand only the stack holds, else a new float. The operands
// are released either way.
[[gnu::always_inline]] inline objects::Object* float_result_steal(objects::Object* lhs, objects::Object* rhs,
                                           double d) {
  using namespace objects;
  Object* r;
  if (lhs->refcnt == 1 && lhs->type == &float_type) {
    static_cast<FloatObject*>(lhs)->ob_fval = d;
    release_value(rhs);
    return lhs;
  }
  if (rhs->refcnt == 1 && rhs->type == &float_type) {
    static_cast<FloatObject*>(rhs)->ob_fval = d;
    decref(lhs);
    return rhs;
  }
  r = float_new_inline(d);
  decref(lhs);
  decref(rhs);
  return r;
}

}  // namespace cppy::vm
