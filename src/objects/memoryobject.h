// memoryview: Include/memoryobject.h, Objects/memoryobject.c. A memoryview holds a managed
// buffer (the one export of the underlying object, shared by all views made from it) and its
// own Py_buffer describing format, shape, strides and suboffsets.
#pragma once

#include "objects/buffer.h"
#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// _PyManagedBufferObject: the exporter's buffer, released when the last view goes.
struct ManagedBufferObject : Object {
  int flags;        // kMbufReleased...
  ssize exports;    // number of memoryviews using it
  Buffer master;    // the exporter's answer to kBufFullRO (or kBufFull)
};

// PyMemoryViewObject.
struct MemoryViewObject : VarObject {
  ManagedBufferObject* mbuf;
  hash_t hash;      // -1 until computed
  int flags;        // kMemoryviewReleased, kMemoryviewC...
  ssize exports;    // buffers exported from this view
  Buffer view;
  Object* weakreflist;
  ssize ob_array[1];  // shape, strides and suboffsets storage (3 * ndim)
};

extern TypeObject memoryview_type;       // PyMemoryView_Type
extern TypeObject managed_buffer_type;   // _PyManagedBuffer_Type
extern TypeObject memoryiter_type;       // memory_iterator

inline bool memoryview_check(Object* o) { return o->type == &memoryview_type; }

// PyMemoryView_FromObject.
Object* memoryview_from_object(Object* o);
// PyMemoryView_FromObjectAndFlags (used by the __buffer__ wrapper).
Object* memoryview_from_object_and_flags(Object* o, int flags);
// PyMemoryView_FromMemory: flags kBufRead or kBufWrite.
Object* memoryview_from_memory(char* mem, ssize size, int flags);
// PyMemoryView_FromBuffer: a view of info without an exporter.
Object* memoryview_from_buffer(const Buffer* info);

// PickleBuffer.raw's change of a fresh view (picklebuf_raw): the same memory as a 1-D
// unsigned-byte view ('B', shape (len,), strides (1,)); the view must be contiguous.
void memoryview_make_raw(Object* mv);

// PEP 688 (Objects/typeobject.c): the slots of classes defining __buffer__ /
// __release_buffer__, and the wrappers that expose C getbuffer/releasebuffer slots as those
// methods (the slotdefs of slots.cpp name them).
extern TypeObject buffer_wrapper_type;  // _PyBufferWrapper_Type
int slot_bf_getbuffer(Object* self, Buffer* buffer, int flags);
void slot_bf_releasebuffer(Object* self, Buffer* buffer);
Object* wrap_buffer(Object* self, Object* args, void* wrapped);
Object* wrap_releasebuffer(Object* self, Object* args, void* wrapped);
// _PyMemoryView_FromBufferProc.
Object* memoryview_from_buffer_proc(Object* v, int flags, getbufferproc bufferproc);

}  // namespace cppy::objects
