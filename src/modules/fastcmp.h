// A shortcut for `a < b` on the values whose comparison runs no Python code and cannot fail
// (exact compact ints, exact floats), for the sorting-like loops of _heapq and _bisect. The
// result is what PyObject_RichCompareBool(a, b, Py_LT) gives; nothing observable is skipped.
#pragma once

#include "objects/floatobject.h"
#include "objects/longobject.h"

namespace cppy::modules {

// 1 or 0, or -2 when the shortcut does not apply (call PyObject_RichCompareBool then).
inline int fast_less_than(objects::Object* a, objects::Object* b) {
  using namespace objects;
  if (a->type == b->type) {
    if (a->type == &long_type) {
      if (long_is_compact(a) && long_is_compact(b))
        return long_compact_value(a) < long_compact_value(b);
    } else if (a->type == &float_type) {
      return float_value(a) < float_value(b);
    }
  }
  return -2;
}

}  // namespace cppy::modules
