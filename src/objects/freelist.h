// Free lists of released objects: Include/internal/pycore_freelist_state.h (which kinds and
// how many) and pycore_freelist.h (_Py_FREELIST_POP, _Py_FREELIST_FREE) of CPython 3.14.
//
// A type's dealloc keeps a released block of an exact instance on its list instead of
// freeing it, and its constructor takes one from there before asking the allocator. Lists are
// per thread (as CPython's are per thread state) and linked through each block's first word,
// the object's reference count. A kept GC object is untracked; its GC header stays in front.
// The int and float lists predate this header and keep their own arrays (longobject.cpp,
// floatobject.cpp).
#pragma once

#include "gc/gc.h"
#include "objects/object.h"

namespace cppy::objects {

struct FreeList {
  void* head;  // the last block kept; each block's first word links to the one kept before
  ssize size;
};

// Py_*_MAXFREELIST: the most blocks each list keeps.
inline constexpr ssize kTupleMaxSaveSize = 20;  // PyTuple_MAXSAVESIZE: sizes 1..20
inline constexpr ssize kTuplesMaxFree = 2000;   // per size
inline constexpr ssize kListsMaxFree = 80;
inline constexpr ssize kListItersMaxFree = 10;
inline constexpr ssize kTupleItersMaxFree = 10;
inline constexpr ssize kDictsMaxFree = 80;
inline constexpr ssize kDictKeysMaxFree = 80;
inline constexpr ssize kSlicesMaxFree = 1;
inline constexpr ssize kRangeItersMaxFree = 6;
inline constexpr ssize kMethodsMaxFree = 20;  // Py_pymethodobjects_MAXFREELIST

// struct _Py_freelists.
struct FreeLists {
  FreeList tuples[kTupleMaxSaveSize];  // tuples[n - 1]: tuples of n items
  FreeList lists;
  FreeList list_iters;
  FreeList tuple_iters;
  FreeList dicts;
  FreeList dictkeys;  // key tables of the smallest size (PyDict_LOG_MINSIZE)
  FreeList slices;
  FreeList range_iters;
  FreeList pymethodobjects;  // bound methods
};
extern thread_local constinit FreeLists freelists;

// _Py_FREELIST_POP: a kept block, or null.
inline void* freelist_pop(FreeList& fl) {
  void* p = fl.head;
  if (p) {
    fl.head = *static_cast<void**>(p);
    --fl.size;
  }
  return p;
}

// _Py_freelist_push: true when the block was kept, false when the list is full (the caller
// frees it).
inline bool freelist_push(FreeList& fl, void* block, ssize capacity) {
  if (fl.size >= capacity) return false;
  *static_cast<void**>(block) = fl.head;
  fl.head = block;
  ++fl.size;
  return true;
}

// Prepares a GC object taken from a free list for reuse: untracked, not finalized, with its
// creation reported to tracemalloc (_Py_NewReference's tracer event).
inline void freelist_reuse_gc(Object* o) {
  gc::head_of(o)->prev = 0;
  gc::object_created(o);
}

// _PyObject_ClearFreeLists: returns every kept block of this thread to the allocator (at a
// thread's end, and on a full collection as gc_collect_main does).
void clear_freelists();
// The free list of one-digit ints lives in longobject.cpp; clear_freelists empties it too.
void long_clear_freelist();

// _PyObject_DebugTypeStats: the free lists' contents, on the C stderr (sys._debugmallocstats).
void debug_type_stats();

}  // namespace cppy::objects
