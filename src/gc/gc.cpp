// The cycle collector: Python/gc.c of CPython 3.14.2 (the incremental collector of the GIL
// build) and Python/gc_gil.c.
//
// Tracked objects live in the young generation until a collection; survivors move to one of
// two old "spaces" (visited and not yet visited in the current scan of the heap). Automatic
// collections are increments (generation 1): each collects the young generation plus a
// slice of the not-visited space, sized by the work owed (new objects plus a fraction of the
// heap); once the not-visited space is empty the scan is complete and the spaces swap. An
// increment at the start of a scan only marks what the roots (sys, builtins, the frames'
// stacks) reach as visited. gc.collect(0) collects the young generation alone, gc.collect()
// everything. Within a region the classic steps run: gc_refs from reference counts minus
// internal references, unreachable objects found by move_unreachable, weakref callbacks,
// finalizers once, resurrection, weakrefs cleared, tp_clear.
#include "gc/gc.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/freelist.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/pystate.h"
#include "sys/sysmodule.h"
#include "vm/ceval.h"
#include "vm/frame.h"

namespace cppy::gc {

using objects::Object;
using objects::Ref;
using objects::ssize;
using objects::TypeObject;

bool collect_scheduled = false;

namespace {

// Low bits of GCHead::prev (_PyGC_PREV_MASK_FINALIZED, _PyGC_PREV_MASK_COLLECTING); the
// collector keeps its gc_refs count above them while collecting.
constexpr uintptr_t kFinalized = 1;
constexpr uintptr_t kCollecting = 2;
constexpr int kPrevShift = 2;
constexpr uintptr_t kPrevMask = ~uintptr_t(3);  // _PyGC_PREV_MASK
// Low bits of GCHead::next: the old space an object belongs to (_PyGC_NEXT_MASK_OLD_SPACE_1)
// and move_unreachable's mark (NEXT_MASK_UNREACHABLE).
constexpr uintptr_t kOldSpace1 = 1;
constexpr uintptr_t kUnreachableBit = 2;

// SCAN_RATE_DIVISOR: with the default threshold of 10, an increment scans 1% of the heap.
constexpr intptr_t kScanRateDivisor = 10;

struct Generation {
  GCHead head;
  int threshold;
  int count;
};

enum class Phase { kMark, kCollect };

// _PyGC_Reason.
enum class Reason { kHeap, kShutdown, kManual };

// struct gc_collection_stats.
struct CollectionStats {
  ssize collected = 0;
  ssize uncollectable = 0;
};

// struct _gc_runtime_state (the GIL build).
struct State {
  Generation young;
  Generation old[2];
  GCHead permanent;  // gc.freeze()'s permanent generation, never collected
  GenerationStats stats[kNumGenerations];
  bool enabled = true;
  bool collecting = false;
  bool automatic = false;  // the collection running was scheduled by the allocator
  int debug = 0;
  int visited_space = 0;
  Phase phase = Phase::kMark;
  intptr_t work_to_do = 0;
  intptr_t heap_size = 0;  // GC objects allocated and not freed
  Object* callbacks = nullptr;  // gc.callbacks
  Object* garbage = nullptr;    // gc.garbage
  State() {
    // _PyGC_InitState, with the thresholds of pycore_runtime_init.h: gc.get_threshold() is
    // (2000, 10, 0).
    for (Generation* g : {&young, &old[0], &old[1]}) {
      g->head.next = g->head.prev = reinterpret_cast<uintptr_t>(&g->head);
      g->count = 0;
    }
    young.threshold = 2000;
    old[0].threshold = 10;
    old[1].threshold = 0;
    permanent.next = permanent.prev = reinterpret_cast<uintptr_t>(&permanent);
  }
};

State& state() {
  static State s;
  return s;
}

// --- list functions ------------------------------------------------------------------------

inline GCHead* next_of(GCHead* g) { return reinterpret_cast<GCHead*>(g->next & kPrevMask); }
inline GCHead* prev_of(GCHead* g) { return reinterpret_cast<GCHead*>(g->prev & kPrevMask); }
// _PyGCHead_SET_NEXT / _PyGCHead_SET_PREV keep the flag bits.
inline void set_next(GCHead* g, GCHead* n) {
  g->next = (g->next & ~kPrevMask) | reinterpret_cast<uintptr_t>(n);
}
inline void set_prev(GCHead* g, GCHead* p) {
  g->prev = (g->prev & ~kPrevMask) | reinterpret_cast<uintptr_t>(p);
}

void list_init(GCHead* list) {
  list->next = list->prev = reinterpret_cast<uintptr_t>(list);
}
bool list_is_empty(GCHead* list) { return list->next == reinterpret_cast<uintptr_t>(list); }

// gc_list_append.
void list_append(GCHead* node, GCHead* list) {
  GCHead* last = reinterpret_cast<GCHead*>(list->prev);
  set_prev(node, last);
  set_next(last, node);
  set_next(node, list);
  list->prev = reinterpret_cast<uintptr_t>(node);
}

// gc_list_remove.
void list_remove(GCHead* node) {
  GCHead* prev = prev_of(node);
  GCHead* next = next_of(node);
  set_next(prev, next);
  set_prev(next, prev);
  node->next = 0;
}

// gc_list_move: to the end of list.
void list_move(GCHead* node, GCHead* list) {
  GCHead* from_prev = prev_of(node);
  GCHead* from_next = next_of(node);
  set_next(from_prev, from_next);
  set_prev(from_next, from_prev);
  GCHead* to_prev = reinterpret_cast<GCHead*>(list->prev);
  set_prev(node, to_prev);
  set_next(to_prev, node);
  list->prev = reinterpret_cast<uintptr_t>(node);
  set_next(node, list);
}

// gc_list_merge: from's nodes go to the end of to; from becomes empty.
void list_merge(GCHead* from, GCHead* to) {
  if (!list_is_empty(from)) {
    GCHead* to_tail = prev_of(to);
    GCHead* from_head = next_of(from);
    GCHead* from_tail = prev_of(from);
    set_next(to_tail, from_head);
    set_prev(from_head, to_tail);
    set_next(from_tail, to);
    set_prev(to, from_tail);
  }
  list_init(from);
}

ssize list_size(GCHead* list) {
  ssize n = 0;
  for (GCHead* g = next_of(list); g != list; g = next_of(g)) ++n;
  return n;
}

// gc_list_clear_collecting.
void list_clear_collecting(GCHead* list) {
  for (GCHead* g = next_of(list); g != list; g = next_of(g)) g->prev &= ~kCollecting;
}

inline int old_space(GCHead* g) { return int(g->next & kOldSpace1); }
inline void flip_old_space(GCHead* g) { g->next ^= kOldSpace1; }
inline void set_old_space(GCHead* g, int space) {
  g->next = (g->next & ~kOldSpace1) | uintptr_t(space);
}

// gc_list_set_space: every node of list into space; the list's length.
ssize list_set_space(GCHead* list, int space) {
  ssize n = 0;
  for (GCHead* g = next_of(list); g != list; g = next_of(g)) {
    set_old_space(g, space);
    ++n;
  }
  return n;
}

// GEN_HEAD: 0 young, 1 the visited space, 2 the pending one.
GCHead* gen_head(State& st, int n) {
  if (n == 0) return &st.young.head;
  if (n == 1) return &st.old[st.visited_space].head;
  return &st.old[st.visited_space ^ 1].head;
}

// --- gc_refs --------------------------------------------------------------------------------

inline bool is_collecting(GCHead* g) { return (g->prev & kCollecting) != 0; }
inline ssize get_refs(GCHead* g) { return static_cast<ssize>(g->prev >> kPrevShift); }
inline void set_refs(GCHead* g, ssize refs) {
  g->prev = (g->prev & ~kPrevMask) | (static_cast<uintptr_t>(refs) << kPrevShift);
}
// gc_reset_refs: keeps only FINALIZED, sets COLLECTING.
inline void reset_refs(GCHead* g, ssize refs) {
  g->prev = (g->prev & kFinalized) | kCollecting | (static_cast<uintptr_t>(refs) << kPrevShift);
}

inline int traverse(Object* op, objects::visitproc visit, void* arg) {
  objects::traverseproc t = op->type->traverse;
  return t ? t(op, visit, arg) : 0;
}

// update_refs: gc_refs = the reference count, COLLECTING set; immortal objects leave.
void update_refs(GCHead* containers) {
  GCHead* gc = next_of(containers);
  while (gc != containers) {
    GCHead* next = next_of(gc);
    Object* op = object_of(gc);
    if (objects::is_immortal(op)) {
      untrack(op);
      gc = next;
      continue;
    }
    reset_refs(gc, op->refcnt);
    gc = next;
  }
}

int visit_decref(Object* op, void*) {
  if (object_is_gc(op)) {
    GCHead* gc = head_of(op);
    if (is_collecting(gc) && get_refs(gc) > 0) set_refs(gc, get_refs(gc) - 1);
  }
  return 0;
}

// subtract_refs: internal references leave gc_refs.
void subtract_refs(GCHead* containers) {
  for (GCHead* gc = next_of(containers); gc != containers; gc = next_of(gc))
    traverse(object_of(gc), visit_decref, object_of(gc));
}

// visit_reachable: an object move_unreachable had put aside is reachable after all.
int visit_reachable(Object* op, void* arg) {
  auto* reachable = static_cast<GCHead*>(arg);
  if (!object_is_gc(op)) return 0;
  GCHead* gc = head_of(op);
  if (!is_collecting(gc)) return 0;
  if (gc->next & kUnreachableBit) {
    GCHead* prev = prev_of(gc);
    GCHead* next = next_of(gc);
    prev->next = gc->next;  // copies the flag bits
    gc->next &= ~kUnreachableBit;
    set_prev(next, prev);
    list_append(gc, reachable);
    set_refs(gc, 1);
  } else if (get_refs(gc) == 0) {
    set_refs(gc, 1);
  }
  return 0;
}

// move_unreachable: young keeps what is reachable from outside it, unreachable receives the
// rest (singly linked, NEXT_MASK_UNREACHABLE set, until the mask is cleared).
void move_unreachable(GCHead* young, GCHead* unreachable) {
  GCHead* prev = young;
  GCHead* gc = next_of(young);
  uintptr_t flags = kUnreachableBit | (gc->next & kOldSpace1);
  while (gc != young) {
    if (get_refs(gc)) {
      Object* op = object_of(gc);
      traverse(op, visit_reachable, young);
      set_prev(gc, prev);
      gc->prev &= ~kCollecting;
      prev = gc;
    } else {
      prev->next = gc->next;
      GCHead* last = prev_of(unreachable);
      last->next = flags | reinterpret_cast<uintptr_t>(gc);
      set_prev(gc, last);
      gc->next = flags | reinterpret_cast<uintptr_t>(unreachable);
      unreachable->prev = reinterpret_cast<uintptr_t>(gc);
    }
    gc = next_of(prev);
  }
  young->prev = reinterpret_cast<uintptr_t>(prev);
  young->next &= kPrevMask;
  unreachable->next &= kPrevMask;
}

// _PyObject_GC_MAY_BE_TRACKED.
bool may_be_tracked(Object* o) {
  if (!object_is_gc(o)) return false;
  if (objects::tuple_check_exact(o)) return is_tracked(o);
  return true;
}

// _PyTuple_MaybeUntrack: a tuple holding nothing the collector could track leaves it.
void tuple_maybe_untrack(Object* op) {
  if (!objects::tuple_check_exact(op) || !is_tracked(op)) return;
  ssize n = objects::tuple_size(op);
  Object** items = objects::tuple_items(op);
  for (ssize i = 0; i < n; ++i)
    if (!items[i] || may_be_tracked(items[i])) return;
  untrack(op);
}

// untrack_tuples.
void untrack_tuples(GCHead* head) {
  GCHead* gc = next_of(head);
  while (gc != head) {
    GCHead* next = next_of(gc);
    Object* op = object_of(gc);
    if (objects::tuple_check_exact(op)) tuple_maybe_untrack(op);
    gc = next;
  }
}

// has_legacy_finalizer: tp_del (pre-PEP 442). No type of cppy's has one, as no Python class
// can: __del__ is a tp_finalize.
bool has_legacy_finalizer(Object* op) { return op->type->del != nullptr; }

// move_legacy_finalizers: also clears NEXT_MASK_UNREACHABLE in unreachable.
void move_legacy_finalizers(GCHead* unreachable, GCHead* finalizers) {
  GCHead* next;
  for (GCHead* gc = next_of(unreachable); gc != unreachable; gc = next) {
    Object* op = object_of(gc);
    next = next_of(gc);
    gc->next &= ~kUnreachableBit;
    if (has_legacy_finalizer(op)) {
      gc->prev &= ~kCollecting;
      list_move(gc, finalizers);
    }
  }
}

// clear_unreachable_mask.
void clear_unreachable_mask(GCHead* unreachable) {
  GCHead* next;
  for (GCHead* gc = next_of(unreachable); gc != unreachable; gc = next) {
    next = next_of(gc);
    gc->next &= ~kUnreachableBit;
  }
}

int visit_move(Object* op, void* arg) {
  if (object_is_gc(op)) {
    GCHead* gc = head_of(op);
    if (is_collecting(gc)) {
      list_move(gc, static_cast<GCHead*>(arg));
      gc->prev &= ~kCollecting;
    }
  }
  return 0;
}

// move_legacy_finalizer_reachable.
void move_legacy_finalizer_reachable(GCHead* finalizers) {
  for (GCHead* gc = next_of(finalizers); gc != finalizers; gc = next_of(gc))
    traverse(object_of(gc), visit_move, finalizers);
}

// PySys_WriteStderr: to sys.stderr, else the C stderr.
void write_stderr(const std::string& text) {
  Object* saved = errors::get_raised_exception();
  Object* err = sys::sys_module() ? sys::get_object("stderr") : nullptr;
  bool done = false;
  if (err && err != objects::none()) {
    Ref<> s = Ref<>::steal(objects::str_from_utf8(text.data(), ssize(text.size())));
    Ref<> name = Ref<>::steal(objects::str_from_string_view("write"));
    if (s && name) {
      Ref<> r = Ref<>::steal(objects::call_method_one_arg(err, name.get(), s.get()));
      done = bool(r);
    }
  }
  if (!done) {
    errors::clear();
    std::fputs(text.c_str(), stderr);
  }
  if (saved) errors::set_raised_exception(saved);
}

std::string format_text(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

// debug_cycle: "gc: collectable <type 0x...>".
void debug_cycle(const char* msg, Object* op) {
  write_stderr(format_text("gc: %s <%s %p>\n", msg, op->type->name, static_cast<void*>(op)));
}

// handle_weakref_callbacks: the weakrefs with a callback to unreachable objects are cleared;
// the callbacks of those that are not garbage themselves run. Weakrefs without a callback
// stay until clear_weakrefs (after the finalizers, as 3.14.2 does: GH-135552). Returns how
// many of the reachable weakrefs the callbacks' completion freed.
int handle_weakref_callbacks(GCHead* unreachable, GCHead* old) {
  State& st = state();
  GCHead wrcb_to_call;
  list_init(&wrcb_to_call);
  std::vector<objects::WeakReference*> untracked;  // weakrefs the collector cannot move
  GCHead* next;
  for (GCHead* gc = next_of(unreachable); gc != unreachable; gc = next) {
    Object* op = object_of(gc);
    next = next_of(gc);
    objects::WeakReference** wrlist = objects::weakref_list_ptr(op);
    if (!wrlist) continue;
    objects::WeakReference* next_wr;
    for (objects::WeakReference* wr = *wrlist; wr; wr = next_wr) {
      next_wr = wr->wr_next;
      if (!wr->wr_callback) continue;
      objects::weakref_clear_ref(wr);
      if (object_is_gc(wr) && is_collecting(head_of(wr))) continue;
      objects::incref(wr);
      if (object_is_gc(wr) && is_tracked(wr)) {
        list_move(head_of(wr), &wrcb_to_call);
      } else {
        untracked.push_back(wr);
      }
    }
  }
  int num_freed = 0;
  auto call = [](objects::WeakReference* wr) {
    Object* callback = wr->wr_callback;
    if (!callback) return;
    Object* temp = objects::object_call_one_arg(callback, wr);
    if (!temp)
      errors::format_unraisable("Exception ignored on calling weakref callback %R", callback);
    else
      objects::decref(temp);
  };
  while (!list_is_empty(&wrcb_to_call)) {
    GCHead* gc = next_of(&wrcb_to_call);
    auto* wr = static_cast<objects::WeakReference*>(object_of(gc));
    call(wr);
    objects::decref(wr);
    if (next_of(&wrcb_to_call) == gc) {
      set_old_space(gc, st.visited_space);
      list_move(gc, old);
    } else {
      ++num_freed;
    }
  }
  for (objects::WeakReference* wr : untracked) {
    call(wr);
    if (wr->refcnt == 1) ++num_freed;
    objects::decref(wr);
  }
  return num_freed;
}

// clear_weakrefs: no object of unreachable is weakly referenced any more, and every weakref
// in it is cleared.
void clear_weakrefs(GCHead* unreachable) {
  GCHead* next;
  for (GCHead* gc = next_of(unreachable); gc != unreachable; gc = next) {
    Object* op = object_of(gc);
    next = next_of(gc);
    if (objects::weakref_check(op))
      objects::weakref_clear_ref(static_cast<objects::WeakReference*>(op));
    objects::WeakReference** wrlist = objects::weakref_list_ptr(op);
    if (!wrlist) continue;
    while (objects::WeakReference* wr = *wrlist) objects::weakref_clear_ref(wr);
  }
}

// handle_legacy_finalizers: the uncollectable objects go to gc.garbage (all of them with
// DEBUG_SAVEALL) and stay in the old generation.
void handle_legacy_finalizers(State& st, GCHead* finalizers, GCHead* old) {
  for (GCHead* gc = next_of(finalizers); gc != finalizers; gc = next_of(gc)) {
    Object* op = object_of(gc);
    if ((st.debug & kDebugSaveAll) || has_legacy_finalizer(op)) {
      if (objects::list_append(garbage(), op) < 0) {
        errors::clear();
        break;
      }
    }
  }
  list_merge(finalizers, old);
}

// finalize_garbage: tp_finalize once per object; objects may vanish meanwhile, so the first
// one is always moved to a seen list before its finalizer runs.
void finalize_garbage(GCHead* collectable) {
  GCHead seen;
  list_init(&seen);
  while (!list_is_empty(collectable)) {
    GCHead* gc = next_of(collectable);
    Object* op = object_of(gc);
    list_move(gc, &seen);
    if (!(gc->prev & kFinalized) && op->type->finalize) {
      gc->prev |= kFinalized;
      objects::incref(op);
      op->type->finalize(op);
      if (errors::occurred()) errors::write_unraisable(op);
      objects::decref(op);
    }
  }
  list_merge(&seen, collectable);
}

// delete_garbage: tp_clear breaks the cycles; what survives goes to old.
void delete_garbage(State& st, GCHead* collectable, GCHead* old) {
  while (!list_is_empty(collectable)) {
    GCHead* gc = next_of(collectable);
    Object* op = object_of(gc);
    if (st.debug & kDebugSaveAll) {
      if (objects::list_append(garbage(), op) < 0) errors::clear();
    } else if (objects::inquiry clear = op->type->clear) {
      objects::incref(op);
      clear(op);
      if (errors::occurred())
        errors::format_unraisable("Exception ignored in tp_clear of %s", op->type->name);
      objects::decref(op);
    }
    if (next_of(collectable) == gc) {
      gc->prev &= ~kCollecting;
      list_move(gc, old);
    }
  }
}

// deduce_unreachable: base keeps what is reachable from outside it; unreachable (with
// NEXT_MASK_UNREACHABLE set) gets the rest.
void deduce_unreachable(GCHead* base, GCHead* unreachable) {
  update_refs(base);
  subtract_refs(base);
  move_unreachable(base, unreachable);
}

// handle_resurrected_objects: after the finalizers, what is reachable again joins old.
void handle_resurrected_objects(GCHead* unreachable, GCHead* still_unreachable,
                                GCHead* old_generation) {
  list_clear_collecting(unreachable);
  GCHead* resurrected = unreachable;
  deduce_unreachable(resurrected, still_unreachable);
  clear_unreachable_mask(still_unreachable);
  list_merge(resurrected, old_generation);
}

// gc_collect_region: the collection of from; survivors end in to.
void collect_region(State& st, GCHead* from, GCHead* to, CollectionStats* stats) {
  GCHead unreachable;
  GCHead finalizers;
  list_init(&unreachable);
  deduce_unreachable(from, &unreachable);
  untrack_tuples(from);
  if (from != to) list_merge(from, to);
  list_init(&finalizers);
  move_legacy_finalizers(&unreachable, &finalizers);
  move_legacy_finalizer_reachable(&finalizers);
  if (st.debug & kDebugCollectable) {
    for (GCHead* gc = next_of(&unreachable); gc != &unreachable; gc = next_of(gc))
      debug_cycle("collectable", object_of(gc));
  }
  stats->collected += handle_weakref_callbacks(&unreachable, to);
  finalize_garbage(&unreachable);
  GCHead final_unreachable;
  list_init(&final_unreachable);
  handle_resurrected_objects(&unreachable, &final_unreachable, to);
  clear_weakrefs(&final_unreachable);
  stats->collected += list_size(&final_unreachable);
  delete_garbage(st, &final_unreachable, to);
  ssize n = 0;
  for (GCHead* gc = next_of(&finalizers); gc != &finalizers; gc = next_of(gc)) {
    ++n;
    if (st.debug & kDebugUncollectable) debug_cycle("uncollectable", object_of(gc));
  }
  stats->uncollectable = n;
  handle_legacy_finalizers(st, &finalizers, to);
}

void add_stats(State& st, int gen, const CollectionStats& stats) {
  st.stats[gen].collected += stats.collected;
  st.stats[gen].uncollectable += stats.uncollectable;
  st.stats[gen].collections += 1;
}

// gc_collect_young: gc.collect(0).
void collect_young(State& st, CollectionStats* stats) {
  GCHead* young = &st.young.head;
  GCHead* visited = &st.old[st.visited_space].head;
  untrack_tuples(young);
  GCHead survivors;
  list_init(&survivors);
  list_set_space(young, st.visited_space);
  collect_region(st, young, &survivors, stats);
  list_merge(&survivors, visited);
  st.young.count = 0;
  st.old[st.visited_space].count++;
  add_stats(st, 0, *stats);
}

struct ContainerAndFlag {
  GCHead* container;
  int visited_space;
  intptr_t size;
};

// visit_add_to_container: a tracked object not yet visited joins the container.
int visit_add_to_container(Object* op, void* arg) {
  auto* cf = static_cast<ContainerAndFlag*>(arg);
  if (!objects::is_immortal(op) && object_is_gc(op)) {
    GCHead* gc = head_of(op);
    if (is_tracked(op) && old_space(gc) != cf->visited_space) {
      flip_old_space(gc);
      list_move(gc, cf->container);
      cf->size++;
    }
  }
  return 0;
}

// expand_region_transitively_reachable: from gc on, what the container's objects reach.
intptr_t expand_region_transitively_reachable(GCHead* container, GCHead* gc, State& st) {
  ContainerAndFlag arg{container, st.visited_space, 0};
  while (gc != container) {
    Object* op = object_of(gc);
    if (objects::is_immortal(op)) {
      GCHead* next = next_of(gc);
      list_move(gc, &st.permanent);
      gc = next;
      continue;
    }
    traverse(op, visit_add_to_container, &arg);
    gc = next_of(gc);
  }
  return arg.size;
}

// completed_scavenge: the scan of the heap is over; the spaces swap.
void completed_scavenge(State& st) {
  int visited;
  if (list_is_empty(&st.permanent)) {
    int not_visited = st.visited_space;
    visited = not_visited ^ 1;
    st.visited_space = visited;
    list_set_space(&st.young.head, not_visited);
  } else {
    visited = st.visited_space;
    int not_visited = visited ^ 1;
    list_merge(&st.old[visited].head, &st.old[not_visited].head);
    list_set_space(&st.old[not_visited].head, not_visited);
  }
  st.work_to_do = 0;
  st.phase = Phase::kMark;
}

// move_to_reachable.
intptr_t move_to_reachable(Object* op, GCHead* reachable, int visited_space) {
  if (op && !objects::is_immortal(op) && object_is_gc(op)) {
    GCHead* gc = head_of(op);
    if (is_tracked(op) && old_space(gc) != visited_space) {
      flip_old_space(gc);
      list_move(gc, reachable);
      return 1;
    }
  }
  return 0;
}

// mark_all_reachable: everything reachable from the list joins visited.
intptr_t mark_all_reachable(GCHead* reachable, GCHead* visited, int visited_space) {
  ContainerAndFlag arg{reachable, visited_space, 0};
  while (!list_is_empty(reachable)) {
    GCHead* gc = next_of(reachable);
    list_move(gc, visited);
    traverse(object_of(gc), visit_add_to_container, &arg);
  }
  return arg.size;
}

// mark_stacks: what the frames of every thread hold (their f_locals, their function, the
// locals and the value stack below the frame's stack pointer) and what that reaches becomes
// visited. Every frame walked gets the visited mark; after the first increment of a scan
// (start) the walk of a thread stops at the first frame already visited, below the top one.
//
// CPython's frames have an exact stack pointer wherever a collection can see them (its
// generated code stores it before every escaping call). cppy's loop keeps the pointer in a
// register and stores it where the frame can be seen: a frame suspended in a Python call made
// in the same loop (the frame above it is not an entry frame) stored it at the call; a
// running frame (the top one, or the one below an entry frame: it called into C) is exact
// while its sp_exact mark is set, which the loop sets where it stores the pointer before a
// call out (the eval breaker, calls into C) and clears when the call returns. A running
// frame without the mark may be releasing operands above its stored pointer: only its locals
// are read, as if its value stack were empty.
intptr_t mark_stacks(State& /*st*/, GCHead* visited, int visited_space, bool start) {
  GCHead reachable;
  list_init(&reachable);
  intptr_t objects_marked = 0;
  for (runtime::ThreadState* ts = runtime::main_interpreter()->threads_head; ts; ts = ts->next) {
    // Whether the frame being walked is suspended in a Python call made in the same loop.
    bool below_python_call = false;
    vm::Frame* frame = ts->current_frame;
    while (frame) {
      if (frame->owner >= vm::kOwnedByCStack) {
        below_python_call = false;
        frame = frame->previous;
        continue;
      }
      bool exact = below_python_call || frame->sp_exact;
      objects_marked += move_to_reachable(frame->f_locals, &reachable, visited_space);
      objects_marked += move_to_reachable(frame->f_funcobj, &reachable, visited_space);
      Object** locals = frame->localsplus;
      Object** sp = exact ? frame->stackpointer : vm::frame_stack_base(frame);
      while (sp > locals) {
        --sp;
        Object* op = *sp;
        if (!op || objects::is_immortal(op)) continue;
        if (object_is_gc(op)) {
          GCHead* gc = head_of(op);
          if (is_tracked(op) && old_space(gc) != visited_space) {
            flip_old_space(gc);
            objects_marked++;
            list_move(gc, &reachable);
          }
        }
      }
      if (!start && frame->visited) {
        // Walked before: the frames below have not changed since.
        break;
      }
      frame->visited = 1;
      below_python_call = !frame->is_entry;
      frame = frame->previous;
    }
  }
  objects_marked += mark_all_reachable(&reachable, visited, visited_space);
  return objects_marked;
}

std::vector<TypeObject*>& static_types() {
  static std::vector<TypeObject*> types;
  return types;
}

// mark_global_roots: sys's and builtins' dictionaries, then the dict and the subclasses of
// every static type (cppy has no per-interpreter dict: interp->dict is not there).
intptr_t mark_global_roots(GCHead* visited, int visited_space) {
  GCHead reachable;
  list_init(&reachable);
  intptr_t objects_marked = 0;
  if (Object* sys = sys::sys_module())
    objects_marked += move_to_reachable(objects::module_get_dict(sys), &reachable, visited_space);
  objects_marked += move_to_reachable(vm::builtins_dict(), &reachable, visited_space);
  for (TypeObject* t : static_types()) {
    objects_marked += move_to_reachable(t->dict, &reachable, visited_space);
    objects_marked += move_to_reachable(t->subclasses, &reachable, visited_space);
  }
  objects_marked += mark_all_reachable(&reachable, visited, visited_space);
  return objects_marked;
}

// mark_at_start: the first increment of a scan marks what the roots reach.
intptr_t mark_at_start(State& st) {
  GCHead* visited = &st.old[st.visited_space].head;
  intptr_t objects_marked = mark_global_roots(visited, st.visited_space);
  objects_marked += mark_stacks(st, visited, st.visited_space, true);
  st.work_to_do -= objects_marked;
  st.phase = Phase::kCollect;
  return objects_marked;
}

// assess_work_to_do: the new objects plus a share of the heap (at most twice as many again:
// 3.14.1's new_objects*2, as the reference's increments show).
intptr_t assess_work_to_do(State& st) {
  intptr_t scale_factor = st.old[0].threshold;
  if (scale_factor < 2) scale_factor = 2;
  intptr_t new_objects = st.young.count;
  intptr_t max_heap_fraction = new_objects * 2;
  intptr_t heap_fraction = st.heap_size / kScanRateDivisor / scale_factor;
  if (heap_fraction > max_heap_fraction) heap_fraction = max_heap_fraction;
  st.young.count = 0;
  return new_objects + heap_fraction;
}

// gc_collect_increment: automatic collections and gc.collect(1), as 3.14.1 changed it
// (GH-139951): while the work owed is negative an increment returns at once (callbacks
// report nothing collected, gc.get_stats() is unchanged); the work of what mark_at_start
// marked is subtracted twice (there and here, as 3.14.2 does: GH-141890); after collecting
// an increment only its size is subtracted (the heap's share is no longer added back).
void collect_increment(State& st, CollectionStats* stats) {
  st.work_to_do += assess_work_to_do(st);
  if (st.work_to_do < 0) return;
  untrack_tuples(&st.young.head);
  if (st.phase == Phase::kMark) {
    intptr_t objects_marked = mark_at_start(st);
    st.work_to_do -= objects_marked;
    return;
  }
  GCHead* not_visited = &st.old[st.visited_space ^ 1].head;
  GCHead* visited = &st.old[st.visited_space].head;
  GCHead increment;
  list_init(&increment);
  intptr_t objects_marked = mark_stacks(st, visited, st.visited_space, false);
  st.work_to_do -= objects_marked;
  list_set_space(&st.young.head, st.visited_space);
  list_merge(&st.young.head, &increment);
  intptr_t increment_size = list_size(&increment);
  while (increment_size < st.work_to_do) {
    if (list_is_empty(not_visited)) break;
    GCHead* gc = next_of(not_visited);
    list_move(gc, &increment);
    increment_size++;
    set_old_space(gc, st.visited_space);
    increment_size += expand_region_transitively_reachable(&increment, gc, st);
  }
  GCHead survivors;
  list_init(&survivors);
  collect_region(st, &increment, &survivors, stats);
  list_merge(&survivors, visited);
  st.work_to_do -= increment_size;
  add_stats(st, 1, *stats);
  if (list_is_empty(not_visited)) completed_scavenge(st);
}

// gc_collect_full: gc.collect() and shutdown.
void collect_full(State& st, CollectionStats* stats) {
  GCHead* young = &st.young.head;
  GCHead* pending = &st.old[st.visited_space ^ 1].head;
  GCHead* visited = &st.old[st.visited_space].head;
  untrack_tuples(young);
  list_merge(young, pending);
  list_set_space(pending, st.visited_space);
  st.young.count = 0;
  list_merge(pending, visited);
  collect_region(st, visited, visited, stats);
  st.young.count = 0;
  st.old[0].count = 0;
  st.old[1].count = 0;
  completed_scavenge(st);
  objects::clear_freelists();  // _PyGC_ClearAllFreeLists
  add_stats(st, 2, *stats);
}

// invoke_gc_callback: every callable of gc.callbacks gets (phase, info), info a new dict
// {"generation", "collected", "uncollectable"}; an exception goes to sys.unraisablehook.
void invoke_gc_callback(const char* phase, int generation, const CollectionStats& stats) {
  State& st = state();
  if (!st.callbacks || objects::list_size(st.callbacks) == 0) return;
  Object* saved = errors::get_raised_exception();
  Ref<> info = Ref<>::steal(objects::dict_new());
  Ref<> phase_obj = Ref<>::steal(objects::str_from_string_view(phase));
  Ref<> gen = Ref<>::steal(objects::long_from_long(generation));
  Ref<> col = Ref<>::steal(objects::long_from_ssize(stats.collected));
  Ref<> unc = Ref<>::steal(objects::long_from_ssize(stats.uncollectable));
  if (!info || !phase_obj || !gen || !col || !unc ||
      objects::dict_set_item_string(info.get(), "generation", gen.get()) < 0 ||
      objects::dict_set_item_string(info.get(), "collected", col.get()) < 0 ||
      objects::dict_set_item_string(info.get(), "uncollectable", unc.get()) < 0) {
    errors::format_unraisable("Exception ignored while invoking gc callbacks");
    if (saved) errors::set_raised_exception(saved);
    return;
  }
  // The list may change while callbacks run: index it afresh each time, as CPython does.
  for (ssize i = 0; i < objects::list_size(st.callbacks); ++i) {
    Ref<> cb = Ref<>::borrow(objects::list_items(st.callbacks)[i]);
    Object* stack[2] = {phase_obj.get(), info.get()};
    Object* r = objects::vectorcall(cb.get(), stack, 2, nullptr);
    if (!r)
      errors::format_unraisable("Exception ignored while calling GC callback %R", cb.get());
    else
      objects::decref(r);
  }
  if (saved) errors::set_raised_exception(saved);
}

// show_stats_each_generations (DEBUG_STATS).
void show_stats_each_generations(State& st) {
  write_stderr(format_text(
      "gc: objects in each generation: %zd %zd %zd\n"
      "gc: objects in permanent generation: %zd\n",
      list_size(gen_head(st, 0)), list_size(gen_head(st, 1)), list_size(gen_head(st, 2)),
      list_size(&st.permanent)));
}

// _PyGC_Collect: one collection of the given kind (0 young, 1 increment, 2 full) with the
// callbacks around it (not at shutdown); the number of objects found unreachable.
ssize collect_with_reason(int generation, Reason reason) {
  State& st = state();
  if (st.collecting) return 0;
  st.collecting = true;
  st.automatic = reason == Reason::kHeap;
  CollectionStats stats;
  if (reason != Reason::kShutdown) invoke_gc_callback("start", generation, stats);
  if (st.debug & kDebugStats) {
    write_stderr(format_text("gc: collecting generation %d...\n", generation));
    show_stats_each_generations(st);
  }
  Object* exc = errors::get_raised_exception();
  switch (generation) {
    case 0:
      collect_young(st, &stats);
      break;
    case 1:
      collect_increment(st, &stats);
      break;
    default:
      collect_full(st, &stats);
      break;
  }
  if (reason != Reason::kShutdown) invoke_gc_callback("stop", generation, stats);
  if (exc) errors::set_raised_exception(exc);
  st.collecting = false;
  return stats.uncollectable + stats.collected;
}

}  // namespace

bool object_is_gc(Object* o) {
  TypeObject* t = o->type;
  if (!objects::type_has_feature(t, objects::kTpflagsHaveGc)) return false;
  return t->is_gc == nullptr || t->is_gc(o);
}

// gc_alloc + _PyObject_GC_Link: a new GC object starts untracked. Since 3.14.1 (GH-139951,
// "count number of actually tracked objects") the young count and heap_size follow tracking,
// not allocation: see track() and untrack().
Object* gc_malloc(size_t size) {
  auto* g = static_cast<GCHead*>(object_calloc(1, sizeof(GCHead) + size));
  if (!g) return errors::no_memory();
  return object_of(g);
}

Object* gc_realloc(Object* o, size_t size) {
  GCHead* g = head_of(o);
  auto* ng = static_cast<GCHead*>(object_realloc(g, sizeof(GCHead) + size));
  if (!ng) return errors::no_memory();
  return object_of(ng);
}

// PyObject_GC_Del: an object freed while still tracked leaves its generation and the counts.
void gc_free(Object* o) {
  if (is_tracked(o)) {
    list_remove(head_of(o));
    State& st = state();
    if (st.young.count > 0) st.young.count -= 1;
    st.heap_size -= 1;
  }
  object_free(head_of(o));
}

// _PyObject_GC_TRACK: at the end of the young generation, in the space not yet visited; the
// young count and heap_size grow, and past the threshold a collection is scheduled through
// the eval breaker (_Py_TriggerGC / _Py_ScheduleGC), to run at the next safe point.
void track(Object* o) {
  GCHead* g = head_of(o);
  if (g->next != 0) return;
  State& st = state();
  GCHead* young = &st.young.head;
  GCHead* last = reinterpret_cast<GCHead*>(young->prev);
  set_next(last, g);
  set_prev(g, last);
  g->next = reinterpret_cast<uintptr_t>(young) | uintptr_t(st.visited_space ^ 1);
  young->prev = reinterpret_cast<uintptr_t>(g);
  st.young.count += 1;
  st.heap_size += 1;
  if (st.young.count > st.young.threshold && st.enabled && st.young.threshold &&
      !st.collecting && !collect_scheduled && !errors::occurred()) {
    collect_scheduled = true;
    vm::eval_breaker = 1;
  }
}

// _PyObject_GC_UNTRACK: the counts shrink with it.
void untrack(Object* o) {
  GCHead* g = head_of(o);
  if (g->next == 0) return;
  list_remove(g);
  g->prev &= kFinalized;
  State& st = state();
  if (st.young.count > 0) st.young.count -= 1;
  st.heap_size -= 1;
}

void add_static_type(TypeObject* type) { static_types().push_back(type); }

bool is_finalized(Object* o) { return (head_of(o)->prev & kFinalized) != 0; }
void set_finalized(Object* o) { head_of(o)->prev |= kFinalized; }

ssize collect(int generation) {
  if (generation < 0 || generation >= kNumGenerations) generation = kNumGenerations - 1;
  return collect_with_reason(generation, Reason::kManual);
}

// _PyGC_CollectNoFail: a full collection without the callbacks.
ssize collect_at_shutdown() { return collect_with_reason(2, Reason::kShutdown); }

void maybe_collect() {
  State& st = state();
  if (st.young.count > st.young.threshold && st.young.threshold) run_scheduled_collection();
}

// _Py_RunGC: the eval breaker found a collection scheduled: an increment.
void run_scheduled_collection() {
  collect_scheduled = false;
  if (state().enabled) collect_with_reason(1, Reason::kHeap);
}

bool is_enabled() { return state().enabled; }
void enable() { state().enabled = true; }
void disable() { state().enabled = false; }
void set_threshold(int t0, int t1, int t2) {
  State& st = state();
  st.young.threshold = t0;
  if (t1 >= 0) st.old[0].threshold = t1;
  if (t2 >= 0) st.old[1].threshold = t2;
}
// gc.get_threshold: the young threshold, the increment's scale, and 0.
void get_threshold(int* t0, int* t1, int* t2) {
  State& st = state();
  *t0 = st.young.threshold;
  *t1 = st.old[0].threshold;
  *t2 = 0;
}
// gc.get_count: the young count, then the visited and pending spaces' counts.
void get_count(int* c0, int* c1, int* c2) {
  State& st = state();
  *c0 = st.young.count;
  *c1 = st.old[st.visited_space].count;
  *c2 = st.old[st.visited_space ^ 1].count;
}
const GenerationStats& stats(int generation) { return state().stats[generation]; }

// _PyGC_GetObjects: -1 all, 0 the young generation, 1 nothing, 2 the old spaces.
void for_each_tracked(int generation, void (*visit)(Object*, void*), void* arg) {
  State& st = state();
  if (generation == 1) return;
  auto walk = [&](GCHead* list) {
    for (GCHead* g = next_of(list); g != list; g = next_of(g)) visit(object_of(g), arg);
  };
  if (generation <= 0) walk(&st.young.head);
  if (generation != 0) {
    walk(&st.old[0].head);
    walk(&st.old[1].head);
  }
}

// _PyGC_GetReferrers's walk: young, visited, pending.
void for_each_tracked_by_generation(void (*visit)(Object*, void*), void* arg) {
  State& st = state();
  for (int i = 0; i < kNumGenerations; ++i) {
    GCHead* list = gen_head(st, i);
    for (GCHead* g = next_of(list); g != list; g = next_of(g)) visit(object_of(g), arg);
  }
}

// _PyGC_Freeze: everything tracked moves to the permanent generation, marked visited.
void freeze() {
  State& st = state();
  list_set_space(&st.young.head, st.visited_space);
  list_merge(&st.young.head, &st.permanent);
  st.young.count = 0;
  if (st.visited_space)
    list_set_space(&st.old[0].head, 1);
  else
    list_set_space(&st.old[1].head, 0);
  list_merge(&st.old[0].head, &st.permanent);
  st.old[0].count = 0;
  list_merge(&st.old[1].head, &st.permanent);
  st.old[1].count = 0;
}
// _PyGC_Unfreeze: the permanent generation joins the visited space.
void unfreeze() {
  State& st = state();
  list_merge(&st.permanent, &st.old[st.visited_space].head);
}
ssize freeze_count() { return list_size(&state().permanent); }

Object* callbacks() {
  State& st = state();
  if (!st.callbacks) st.callbacks = objects::list_new(0);
  return st.callbacks;
}

Object* garbage() {
  State& st = state();
  if (!st.garbage) st.garbage = objects::list_new(0);
  return st.garbage;
}
void set_debug(int flags) { state().debug = flags; }
int get_debug() { return state().debug; }

// _PyGC_DumpShutdownStats: objects left in gc.garbage (other than by DEBUG_SAVEALL) are
// reported by a ResourceWarning, listed with DEBUG_UNCOLLECTABLE.
void dump_shutdown_stats() {
  State& st = state();
  if ((st.debug & kDebugSaveAll) || !st.garbage || objects::list_size(st.garbage) == 0) return;
  ssize n = objects::list_size(st.garbage);
  std::string message =
      (st.debug & kDebugUncollectable)
          ? format_text("gc: %zd uncollectable objects at shutdown", n)
          : format_text("gc: %zd uncollectable objects at shutdown; use "
                        "gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them",
                        n);
  Ref<> text = Ref<>::steal(objects::str_from_utf8(message.data(), ssize(message.size())));
  Ref<> gc_name = Ref<>::steal(objects::str_from_string_view("gc"));
  if (!text || !gc_name ||
      errors::warn_explicit_object(objects::exc_ResourceWarning, text.get(), gc_name.get(), 0,
                                   gc_name.get(), nullptr) < 0)
    errors::format_unraisable("Exception ignored in GC shutdown");
  if (st.debug & kDebugUncollectable) {
    Ref<> repr = Ref<>::steal(objects::object_repr(st.garbage));
    if (!repr) {
      errors::format_unraisable("Exception ignored in GC shutdown while formatting garbage");
    } else {
      ssize size = 0;
      const char* utf8 = objects::str_as_utf8(repr.get(), &size);
      if (!utf8) {
        errors::format_unraisable("Exception ignored in GC shutdown while formatting garbage");
      } else {
        write_stderr("      " + std::string(utf8, size_t(size)) + "\n");
      }
    }
  }
}

}  // namespace cppy::gc
