// Free lists: Objects/object.c's _PyObject_ClearFreeLists and the per-type *_ClearFreeList
// functions of CPython 3.14 (see freelist.h).
#include "objects/freelist.h"

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
}

}  // namespace cppy::objects
