// Memory for container objects and the cycle collector's bookkeeping: Include/internal/
// pycore_gc.h, Python/gc.c, Objects/obmalloc.c (object allocation).
//
// Objects of types with kTpflagsHaveGc are preceded by a GCHead holding the collector's
// doubly linked generation list; object pointers point past it, as in CPython.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "objects/object.h"

namespace cppy::gc {

struct GCHead {
  uintptr_t next;  // next object in its generation list (0 when untracked)
  uintptr_t prev;  // previous object, low bits used as the collector's scratch state
};

inline GCHead* head_of(objects::Object* o) { return reinterpret_cast<GCHead*>(o) - 1; }
inline objects::Object* object_of(GCHead* g) { return reinterpret_cast<objects::Object*>(g + 1); }

// Raw object memory (PyObject_Malloc / PyObject_Free): small-object allocator.
void* object_malloc(size_t size);
void* object_calloc(size_t n, size_t size);
void* object_realloc(void* p, size_t size);
void object_free(void* p);
// General memory (PyMem_Malloc family): same allocator, kept separate for statistics.
void* mem_malloc(size_t size);
void* mem_realloc(void* p, size_t size);
void mem_free(void* p);
// Called when a second thread starts: from then on the allocator's pools take a lock, as
// native code may allocate while it has released the GIL.
void obmalloc_enable_locking();
// Returns the blocks the allocator keeps for reuse to their pools (a full collection does,
// with the free lists), so that empty pools and arenas can be released.
void obmalloc_flush_cache();

// The memory allocators PYTHONMALLOC names (PyMemAllocatorName): the pools or the C library,
// with or without the debug hooks of Objects/obmalloc.c (_PyMem_DebugMalloc...: pad bytes
// around each block checked on free and realloc, fresh memory filled with 0xCD, freed memory
// with 0xDD, the API that allocated a block checked against the one freeing it). "debug" is
// pymalloc_debug; "mimalloc" names are accepted as their pymalloc equivalents.
enum class Allocator { kDefault, kDebug, kPymalloc, kPymallocDebug, kMalloc, kMallocDebug };
// _PyMem_GetAllocatorName: false for an unknown name.
bool allocator_from_name(const char* name, Allocator* out);
// _PyMem_SetupAllocators: chosen at start-up (PYTHONMALLOC, -X dev), before threads start.
// Blocks allocated before keep working (they are freed without checks).
void set_allocator(Allocator a);
Allocator get_allocator();
bool debug_hooks_enabled();
// _PyMem_DumpTraceback (tracemalloc's record of where a block was allocated) and the Python
// traceback of a fatal error, for the report of a corrupted block.
void set_memory_traceback_hook(void (*hook)(int fd, const void* p));
void set_fatal_traceback_hook(void (*hook)(int fd));
// _PyObject_DebugMallocStats: pymalloc's statistics (size classes, pools, arenas) for
// sys._debugmallocstats, on the C stderr; false when the pools are not in use.
bool debug_malloc_stats();
// _PyDebugAllocatorStats: one "N free Xs * S bytes each = T" line.
void debug_allocator_stats(const char* block_name, int num_blocks, size_t sizeof_block);

// Allocation hooks, as Python/tracemalloc.c installs them with PyMem_SetAllocator (and
// PyRefTracer_SetTracer for object_created): while set, every object_* / mem_* allocation,
// reallocation and free, and operator new / delete, is reported once it happened (never
// from inside the pools' lock). A failed allocation is not reported.
struct AllocHooks {
  void (*on_alloc)(void* p, size_t size);
  void (*on_realloc)(void* old_p, void* new_p, size_t size);  // old_p is never null
  void (*on_free)(void* p);
  // An object reused from a free list (no allocation) was created (_Py_NewReference).
  void (*on_object_created)(objects::Object* o);
};
void set_alloc_hooks(const AllocHooks* hooks);  // null removes them
extern std::atomic<const AllocHooks*> alloc_hooks;
inline void object_created(objects::Object* o) {
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) [[unlikely]]
    h->on_object_created(o);
}

// Allocates size bytes for a GC-tracked object, header included, zero-filled; returns the
// object pointer, untracked (PyObject_GC_New without initialisation). nullptr with
// MemoryError set.
objects::Object* gc_malloc(size_t size);
objects::Object* gc_realloc(objects::Object* o, size_t size);  // _PyObject_GC_Resize
void gc_free(objects::Object* o);  // PyObject_GC_Del

// PyObject_GC_Track / UnTrack: links the object into (or out of) the youngest generation.
void track(objects::Object* o);
void untrack(objects::Object* o);
inline bool is_tracked(objects::Object* o) { return head_of(o)->next != 0; }
// PyObject_IS_GC: the type has kTpflagsHaveGc and its tp_is_gc (if any) agrees.
bool object_is_gc(objects::Object* o);

// --- the collector (Python/gc.c) ---------------------------------------------------------
inline constexpr int kNumGenerations = 3;
struct GenerationStats {
  objects::ssize collections = 0;
  objects::ssize collected = 0;
  objects::ssize uncollectable = 0;
};
// gc.collect(generation): the number of unreachable objects found.
objects::ssize collect(int generation = kNumGenerations - 1);
// _PyGC_CollectNoFail: the full collection of the interpreter's shutdown (no callbacks).
objects::ssize collect_at_shutdown();
// Runs an increment if the young generation's allocation count passed its threshold
// (_Py_ScheduleGC / _PyObject_GC_Link's trigger).
void maybe_collect();
// Set by the allocator when the young generation passed its threshold (with the eval
// breaker); the eval loop then calls run_scheduled_collection.
extern bool collect_scheduled;
void run_scheduled_collection();
// gc.freeze / gc.unfreeze / gc.get_freeze_count: the permanent generation.
void freeze();
void unfreeze();
objects::ssize freeze_count();
// The gc.callbacks list (created on first use; borrowed).
objects::Object* callbacks();
bool is_enabled();
void enable();
void disable();
void set_threshold(int t0, int t1 = -1, int t2 = -1);
void get_threshold(int* t0, int* t1, int* t2);
void get_count(int* c0, int* c1, int* c2);
const GenerationStats& stats(int generation);
// Calls visit on every tracked object of the generation, for gc.get_objects (-1: all, 0 the
// young generation, 1 none, 2 the old spaces).
void for_each_tracked(int generation, void (*visit)(objects::Object*, void*), void* arg);
// The same over the young generation, then the visited and pending old spaces
// (gc.get_referrers's order).
void for_each_tracked_by_generation(void (*visit)(objects::Object*, void*), void* arg);
// Objects found unreachable but with finalizers that resurrected them stay; gc.garbage
// (a list) receives uncollectable objects when DEBUG_SAVEALL is set.
objects::Object* garbage();
inline constexpr int kDebugStats = 1, kDebugCollectable = 2, kDebugUncollectable = 4,
                     kDebugSaveAll = 32, kDebugLeak = 38;
void set_debug(int flags);
int get_debug();
// _PyGC_DumpShutdownStats: the ResourceWarning about objects left in gc.garbage.
void dump_shutdown_stats();
// A static type made ready (interp->types' managed static types): mark_global_roots marks
// its dict and its subclasses' dict at the start of each scan of the heap.
void add_static_type(objects::TypeObject* type);
// Finalizer bookkeeping (_PyGC_FINALIZED): tp_finalize runs once per object.
bool is_finalized(objects::Object* o);
void set_finalized(objects::Object* o);

}  // namespace cppy::gc
