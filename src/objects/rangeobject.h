// range: Include/rangeobject.h, Objects/rangeobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// As CPython's rangeobject: the bounds and length are int objects of any size.
struct RangeObject : Object {
  Object* start;
  Object* stop;
  Object* step;    // never zero
  Object* length;  // >= 0
};

// _PyRangeIterObject: the iterator used when start, stop, step and the length fit in a C
// long (the common case, and what FOR_ITER_RANGE specializes on).
struct RangeIterObject : Object {
  long start;
  long step;
  long len;
};

extern TypeObject range_type;
extern TypeObject rangeiter_type;
extern TypeObject longrangeiter_type;
inline bool range_check(Object* o) { return o->type == &range_type; }
Object* range_new_ssize(ssize start, ssize stop, ssize step);  // step != 0

}  // namespace cppy::objects
