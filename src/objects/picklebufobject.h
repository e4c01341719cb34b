// pickle.PickleBuffer: Include/cpython/picklebufobject.h, Objects/picklebufobject.c. A
// wrapper around an exporter's buffer for pickle protocol 5's out-of-band data; the _pickle
// module exports the type.
#pragma once

#include "objects/buffer.h"
#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

extern TypeObject picklebuffer_type;  // PyPickleBuffer_Type ("pickle.PickleBuffer")

inline bool picklebuffer_check(Object* o) { return o->type == &picklebuffer_type; }

// PyPickleBuffer_FromObject: a PickleBuffer over base's buffer (kBufFullRO).
Object* picklebuffer_from_object(Object* base);
// PyPickleBuffer_GetBuffer: the wrapped view (borrowed), or null with TypeError (not a
// PickleBuffer) / ValueError (released).
const Buffer* picklebuffer_get_buffer(Object* obj);
// PyPickleBuffer_Release: 0, or -1 with TypeError when obj is not a PickleBuffer.
int picklebuffer_release(Object* obj);

}  // namespace cppy::objects
