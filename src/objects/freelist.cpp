// Free lists: Objects/object.c's _PyObject_ClearFreeLists and the per-type *_ClearFreeList
// functions of CPython 3.14 (see freelist.h).
#include "objects/freelist.h"

#include <cstddef>
#include <cstdio>

#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

thread_local constinit FreeLists freelists{};

namespace {

// Empties one list, giving each block back with release.
template <typename Release>
void drain(FreeList& fl, Release release) {
  while (void* p = freelist_pop(fl)) release(p);
}

void release_gc(void* p) { gc::gc_free(static_cast<Object*>(p)); }

}  // namespace

void clear_freelists() {
  FreeLists& fls = freelists;
  for (FreeList& fl : fls.tuples) drain(fl, release_gc);
  drain(fls.lists, release_gc);
  drain(fls.list_iters, release_gc);
  drain(fls.tuple_iters, release_gc);
  drain(fls.dicts, release_gc);
  drain(fls.dictkeys, [](void* p) { gc::mem_free(p); });
  drain(fls.slices, release_gc);
  drain(fls.range_iters, [](void* p) { gc::object_free(p); });  // rangeiter is not GC
  drain(fls.pymethodobjects, release_gc);
  float_clear_freelist();
  long_clear_freelist();
  gc::obmalloc_flush_cache();
}

// _PyObject_DebugTypeStats: _PyDict_, _PyFloat_, _PyList_ and _PyTuple_DebugMallocStats, with
// the sizes of CPython's structures (a dict's keys object without its tables; a tuple of n
// items as _PyObject_VAR_SIZE gives it).
void debug_type_stats() {
  FreeLists& fls = freelists;
  gc::debug_allocator_stats("free PyDictObject", int(fls.dicts.size), sizeof(DictObject));
  gc::debug_allocator_stats("free PyDictKeysObject", int(fls.dictkeys.size),
                            offsetof(DictKeys, indices));
  gc::debug_allocator_stats("free PyFloatObject", float_freelist_size(), sizeof(FloatObject));
  gc::debug_allocator_stats("free PyListObject", int(fls.lists.size), sizeof(ListObject));
  for (ssize i = 1; i <= kTupleMaxSaveSize; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "free %d-sized PyTupleObject", int(i));
    gc::debug_allocator_stats(name, int(fls.tuples[i - 1].size),
                              size_t(tuple_type.basicsize + i * tuple_type.itemsize));
  }
}

}  // namespace cppy::objects
