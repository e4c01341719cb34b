// Cells (closure variables): Include/cpython/cellobject.h, Objects/cellobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct CellObject : Object {
  Object* ob_ref;  // null when empty
};

extern TypeObject cell_type;
inline bool cell_check(Object* o) { return o->type == &cell_type; }
Object* cell_new(Object* value);  // PyCell_New (value may be null)
inline Object* cell_get(Object* c) { return static_cast<CellObject*>(c)->ob_ref; }  // borrowed
inline void cell_set_steal(Object* c, Object* v) { xsetref(static_cast<CellObject*>(c)->ob_ref, v); }

}  // namespace cppy::objects
