// range: Include/rangeobject.h, Objects/rangeobject.c. Bounds are machine integers (the
// arbitrary-precision path of CPython's longrangeiter is not ported yet).
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct RangeObject : Object {
  ssize start;
  ssize stop;
  ssize step;
  ssize length;
};

extern TypeObject range_type;
extern TypeObject rangeiter_type;
inline bool range_check(Object* o) { return o->type == &range_type; }
Object* range_new_ssize(ssize start, ssize stop, ssize step);  // step != 0

}  // namespace cppy::objects
