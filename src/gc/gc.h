// Memory for container objects and the cycle collector's bookkeeping: Include/internal/
// pycore_gc.h, Python/gc.c, Objects/obmalloc.c (object allocation).
//
// Objects of types with kTpflagsHaveGc are preceded by a GCHead holding the collector's
// doubly linked generation list; object pointers point past it, as in CPython.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/object.h"

namespace cppy::gc {

struct GCHead {
  uintptr_t next;  // next object in its generation list (low bits: flags)
  uintptr_t prev;  // previous object, low bits used as the collector's scratch state
};

inline GCHead* head_of(objects::Object* o) { return reinterpret_cast<GCHead*>(o) - 1; }
inline objects::Object* object_of(GCHead* g) { return reinterpret_cast<objects::Object*>(g + 1); }

// Raw object memory (PyObject_Malloc / PyObject_Free): small-object allocator.
void* object_malloc(size_t size);
void* object_realloc(void* p, size_t size);
void object_free(void* p);

// Allocates size bytes for a GC-tracked object, header included; returns the object
// pointer, untracked (PyObject_GC_New without initialisation). nullptr with MemoryError set.
objects::Object* gc_malloc(size_t size);
void gc_free(objects::Object* o);  // PyObject_GC_Del

// PyObject_GC_Track / UnTrack: links the object into (or out of) the youngest generation.
void track(objects::Object* o);
void untrack(objects::Object* o);
bool is_tracked(objects::Object* o);

}  // namespace cppy::gc
