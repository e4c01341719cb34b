// slice: Include/sliceobject.h, Objects/sliceobject.c. (Ellipsis lives in object.cpp.)
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct SliceObject : Object {
  Object* start;
  Object* stop;
  Object* step;
};

extern TypeObject slice_type;
extern TypeObject ellipsis_type;
inline bool slice_check(Object* o) { return o->type == &slice_type; }

Object* slice_new(Object* start, Object* stop, Object* step);  // PySlice_New (nulls = None)
// PySlice_Unpack: clamps to [-PY_SSIZE_T_MAX, PY_SSIZE_T_MAX]; step 0 is a ValueError.
int slice_unpack(Object* slice, ssize* start, ssize* stop, ssize* step);
// PySlice_AdjustIndices: the slice length for a sequence of length n.
ssize slice_adjust_indices(ssize length, ssize* start, ssize* stop, ssize step);
// PySlice_GetIndicesEx.
int slice_get_indices_ex(Object* slice, ssize length, ssize* start, ssize* stop, ssize* step,
                         ssize* slicelength);
// _PySlice_GetLongIndices: start, stop, step as int objects for a sequence whose length is
// the int `length` (>= 0); new references; -1 with an exception on error.
int slice_get_long_indices(Object* slice, Object* length, Object** start, Object** stop,
                           Object** step);
// _PyEval_SliceIndex: a slice bound (None allowed) as ssize, clipped. 0 on error.
int eval_slice_index(Object* v, ssize* pi);

}  // namespace cppy::objects
