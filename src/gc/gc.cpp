// The cycle collector: Python/gc.c (the generational collector of the GIL build) and
// Python/gc_gil.c.
//
// Each tracked object sits in one of three generation lists through its GCHead. A collection
// of generation g merges the younger lists into g, computes for every object the references
// that come from outside the set (update_refs then subtract_refs), propagates reachability
// from the objects with outside references, runs the finalizers of the unreachable ones,
// keeps whatever a finalizer resurrected, and breaks the remaining cycles with tp_clear.
#include "gc/gc.h"

#include <cstdlib>
#include <unordered_set>
#include <vector>

#include "errors/errors.h"
#include "objects/freelist.h"
#include "objects/listobject.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "objects/weakrefobject.h"
#include "objects/dictobject.h"
#include "objects/text_api.h"
#include "vm/ceval.h"

namespace cppy::gc {

using objects::Object;
using objects::ssize;
using objects::TypeObject;
using objects::Ref;

bool collect_scheduled = false;

namespace {

// Low bits of GCHead::prev (_PyGC_PREV_MASK_FINALIZED, _PyGC_PREV_MASK_COLLECTING); the
// collector keeps its gc_refs count above them while collecting.
constexpr uintptr_t kFinalized = 1;
constexpr uintptr_t kCollecting = 2;
constexpr int kPrevShift = 2;
constexpr uintptr_t kPrevMask = ~uintptr_t(3);

struct Generation {
  GCHead head;
  int threshold;
  int count;
};

struct State {
  Generation gens[kNumGenerations];
  GenerationStats stats[kNumGenerations];
  GCHead permanent;  // gc.freeze()'s permanent generation, never collected
  bool enabled = true;
  bool collecting = false;
  Object* callbacks = nullptr;  // gc.callbacks
  int debug = 0;
  ssize long_lived_total = 0;
  ssize long_lived_pending = 0;
  Object* garbage = nullptr;
  State() {
    // CPython 3.14's defaults: gc.get_threshold() == (2000, 10, 0) (the oldest generation
    // is only collected explicitly or through its pending-objects rule).
    const int thresholds[kNumGenerations] = {2000, 10, 0};
    for (int i = 0; i < kNumGenerations; ++i) {
      gens[i].head.next = gens[i].head.prev = reinterpret_cast<uintptr_t>(&gens[i].head);
      gens[i].threshold = thresholds[i];
      gens[i].count = 0;
    }
    permanent.next = permanent.prev = reinterpret_cast<uintptr_t>(&permanent);
  }
};

State& state() {
  static State s;
  return s;
}

inline GCHead* next_of(GCHead* g) { return reinterpret_cast<GCHead*>(g->next); }
inline GCHead* prev_of(GCHead* g) { return reinterpret_cast<GCHead*>(g->prev & kPrevMask); }
inline void set_prev(GCHead* g, GCHead* p) {
  g->prev = reinterpret_cast<uintptr_t>(p) | (g->prev & ~kPrevMask);
}

void list_init(GCHead* list) {
  list->next = list->prev = reinterpret_cast<uintptr_t>(list);
}
bool list_empty(GCHead* list) { return next_of(list) == list; }

void list_append(GCHead* node, GCHead* list) {
  GCHead* last = prev_of(list);
  set_prev(node, last);
  last->next = reinterpret_cast<uintptr_t>(node);
  node->next = reinterpret_cast<uintptr_t>(list);
  set_prev(list, node);
}

void list_remove(GCHead* node) {
  GCHead* prev = prev_of(node);
  GCHead* next = next_of(node);
  prev->next = reinterpret_cast<uintptr_t>(next);
  set_prev(next, prev);
  node->next = 0;
}

// Appends every node of from to the end of to; from becomes empty (gc_list_merge).
void list_merge(GCHead* from, GCHead* to) {
  if (list_empty(from)) return;
  GCHead* to_tail = prev_of(to);
  GCHead* from_head = next_of(from);
  GCHead* from_tail = prev_of(from);
  to_tail->next = reinterpret_cast<uintptr_t>(from_head);
  set_prev(from_head, to_tail);
  from_tail->next = reinterpret_cast<uintptr_t>(to);
  set_prev(to, from_tail);
  list_init(from);
}

ssize list_size(GCHead* list) {
  ssize n = 0;
  for (GCHead* g = next_of(list); g != list; g = next_of(g)) ++n;
  return n;
}

// gc_refs lives above the flag bits of prev while collecting.
inline ssize get_refs(GCHead* g) { return static_cast<ssize>(g->prev >> kPrevShift); }
inline void set_refs(GCHead* g, ssize refs) {
  g->prev = (g->prev & kFinalized) | kCollecting | (static_cast<uintptr_t>(refs) << kPrevShift);
}
inline bool collecting(GCHead* g) { return (g->prev & kCollecting) != 0; }

int visit_decref(Object* o, void*) {
  if (object_is_gc(o) && is_tracked(o)) {
    GCHead* g = head_of(o);
    if (collecting(g) && get_refs(g) > 0) set_refs(g, get_refs(g) - 1);
  }
  return 0;
}

int visit_reachable(Object* o, void* arg) {
  if (object_is_gc(o) && is_tracked(o)) {
    GCHead* g = head_of(o);
    if (collecting(g) && get_refs(g) == 0) {
      set_refs(g, 1);
      static_cast<std::vector<GCHead*>*>(arg)->push_back(g);
    }
  }
  return 0;
}

// Splits the objects of nodes into reachable (refs > 0 after propagation) and unreachable:
// update_refs + subtract_refs + move_unreachable of Python/gc.c, on an array.
// bias: references the collector itself holds on each node.
void compute_reachability(std::vector<GCHead*>& nodes, ssize bias = 0) {
  for (GCHead* g : nodes) set_refs(g, object_of(g)->refcnt - bias);
  for (GCHead* g : nodes) {
    Object* o = object_of(g);
    if (o->type->traverse) o->type->traverse(o, visit_decref, nullptr);
  }
  std::vector<GCHead*> work;
  for (GCHead* g : nodes)
    if (get_refs(g) > 0) work.push_back(g);
  while (!work.empty()) {
    GCHead* g = work.back();
    work.pop_back();
    Object* o = object_of(g);
    if (o->type->traverse) o->type->traverse(o, visit_reachable, &work);
  }
}

// Rebuilds a proper list from nodes (whose prev links were overwritten by the counts).
void relink(const std::vector<GCHead*>& nodes, GCHead* list) {
  for (GCHead* g : nodes) {
    g->prev &= kFinalized;
    list_append(g, list);
  }
}

// handle_weakrefs: before any finalizer runs, every weak reference to an unreachable object
// is cleared, and so is every unreachable weak reference itself (its callback must not run:
// it may refer to the garbage). Callbacks run only for cleared references that are not
// garbage themselves, in the order the unreachable objects and their lists are walked. The
// result counts the reachable weak references that their callback's completion freed.
ssize handle_weakrefs(const std::vector<GCHead*>& unreachable) {
  std::unordered_set<GCHead*> doomed(unreachable.begin(), unreachable.end());
  std::vector<objects::WeakReference*> to_call;
  for (GCHead* g : unreachable) {
    Object* op = object_of(g);
    if (objects::weakref_check(op)) objects::weakref_clear_ref(static_cast<objects::WeakReference*>(op));
    objects::WeakReference** list = objects::weakref_list_ptr(op);
    if (!list) continue;
    while (objects::WeakReference* wr = *list) {
      objects::weakref_clear_ref(wr);
      if (wr->wr_callback == nullptr) continue;
      if (doomed.count(head_of(wr))) continue;
      objects::incref(wr);
      to_call.push_back(wr);
    }
  }
  ssize freed = 0;
  for (objects::WeakReference* wr : to_call) {
    Object* callback = wr->wr_callback;
    if (callback) {
      Object* res = objects::object_call_one_arg(callback, wr);
      if (!res)
        errors::format_unraisable("Exception ignored while calling weakref callback %R", callback);
      else
        objects::decref(res);
    }
    if (wr->refcnt == 1) ++freed;
    objects::decref(wr);
  }
  return freed;
}

// invoke_gc_callback: every callable of gc.callbacks gets (phase, info), info a new dict
// {"generation", "collected", "uncollectable"}; an exception goes to sys.unraisablehook.
// A pending exception (a collection started from an allocation) is kept aside meanwhile.
void invoke_gc_callback(const char* phase, int generation, ssize collected, ssize uncollectable) {
  State& st = state();
  if (!st.callbacks || objects::list_size(st.callbacks) == 0) return;
  Object* saved = errors::get_raised_exception();
  Ref<> info = Ref<>::steal(objects::dict_new());
  Ref<> phase_obj = Ref<>::steal(objects::str_from_string_view(phase));
  Ref<> gen = Ref<>::steal(objects::long_from_long(generation));
  Ref<> col = Ref<>::steal(objects::long_from_ssize(collected));
  Ref<> unc = Ref<>::steal(objects::long_from_ssize(uncollectable));
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

ssize collect_main(int generation);

// gc_collect_main's frame: the callbacks around the collection proper.
ssize collect_generation(int generation) {
  State& st = state();
  st.collecting = true;
  invoke_gc_callback("start", generation, 0, 0);
  ssize found = collect_main(generation);
  // gc_collect_main: a collection of the oldest generation also empties the free lists.
  if (generation == kNumGenerations - 1) objects::clear_freelists();
  invoke_gc_callback("stop", generation, found, 0);
  st.collecting = false;
  return found;
}

ssize collect_main(int generation) {
  State& st = state();
  // Merge the younger generations into this one (gc_collect_main).
  for (int i = 0; i < generation; ++i) {
    list_merge(&st.gens[i].head, &st.gens[generation].head);
    st.gens[i].count = 0;
  }
  st.gens[generation].count = 0;
  if (generation + 1 < kNumGenerations) st.gens[generation + 1].count += 1;
  GCHead* young = &st.gens[generation].head;
  GCHead* old = generation + 1 < kNumGenerations ? &st.gens[generation + 1].head : young;

  std::vector<GCHead*> nodes;
  for (GCHead* g = next_of(young); g != young; g = next_of(g)) nodes.push_back(g);
  list_init(young);
  compute_reachability(nodes);
  std::vector<GCHead*> reachable, unreachable;
  for (GCHead* g : nodes) (get_refs(g) > 0 ? reachable : unreachable).push_back(g);
  relink(reachable, old);
  if (generation == kNumGenerations - 2) st.long_lived_pending += ssize(reachable.size());
  if (generation == kNumGenerations - 1) {
    st.long_lived_pending = 0;
    st.long_lived_total = list_size(old);
  }

  GCHead unreach_list;
  list_init(&unreach_list);
  relink(unreachable, &unreach_list);
  ssize found = ssize(unreachable.size());
  found += handle_weakrefs(unreachable);

  // finalize_garbage: every unreachable object with tp_finalize not yet run gets it once.
  // The list is walked through a snapshot because finalizers may untrack or free objects.
  if (!unreachable.empty()) {
    std::vector<Object*> snapshot;
    for (GCHead* g = next_of(&unreach_list); g != &unreach_list; g = next_of(g)) {
      snapshot.push_back(object_of(g));
      objects::incref(object_of(g));
    }
    for (Object* o : snapshot) {
      if (o->type->finalize && is_tracked(o) && !is_finalized(o)) {
        set_finalized(o);
        o->type->finalize(o);
        if (errors::occurred()) errors::write_unraisable(o);
      }
    }
    // handle_resurrected_objects: recompute reachability within the unreachable set;
    // objects referenced from outside it (a finalizer stored them somewhere) survive.
    std::vector<GCHead*> rest;
    for (GCHead* g = next_of(&unreach_list); g != &unreach_list; g = next_of(g))
      rest.push_back(g);
    list_init(&unreach_list);
    compute_reachability(rest, 1);
    std::vector<GCHead*> survivors, doomed;
    for (GCHead* g : rest) (get_refs(g) > 0 ? survivors : doomed).push_back(g);
    relink(survivors, old);
    relink(doomed, &unreach_list);
    found = ssize(doomed.size());
    // delete_garbage: tp_clear on each object still unreachable, then let reference
    // counting free them (the snapshot's references keep them alive meanwhile).
    std::vector<Object*> victims;
    for (GCHead* g : doomed) victims.push_back(object_of(g));
    for (Object* o : victims) {
      if (!is_tracked(o)) continue;
      if (st.debug & kDebugSaveAll) {
        if (!st.garbage) st.garbage = objects::list_new(0);
        if (st.garbage) objects::list_append(st.garbage, o);
        untrack(o);
        list_append(head_of(o), old);
        continue;
      }
      if (o->type->clear) {
        o->type->clear(o);
        if (errors::occurred()) errors::write_unraisable(o);
      }
    }
    for (Object* o : snapshot) objects::decref(o);
    // Whatever tp_clear could not free (no tp_clear, or still referenced) goes to the old
    // generation.
    list_merge(&unreach_list, old);
  }
  st.stats[generation].collections += 1;
  st.stats[generation].collected += found;
  return found;
}

}  // namespace

bool object_is_gc(Object* o) {
  TypeObject* t = o->type;
  if (!objects::type_has_feature(t, objects::kTpflagsHaveGc)) return false;
  return t->is_gc == nullptr || t->is_gc(o);
}

Object* gc_malloc(size_t size) {
  auto* g = static_cast<GCHead*>(object_calloc(1, sizeof(GCHead) + size));
  if (!g) return errors::no_memory();
  // _PyObject_GC_Link: allocation counts towards the young generation's threshold; past it
  // a collection is scheduled through the eval breaker (_Py_ScheduleGC), to run at the
  // next safe point of the eval loop.
  State& st = state();
  Generation& young = st.gens[0];
  young.count += 1;
  if (young.count > young.threshold && young.threshold && st.enabled && !st.collecting &&
      !collect_scheduled) {
    collect_scheduled = true;
    vm::eval_breaker = 1;
  }
  return object_of(g);
}

Object* gc_realloc(Object* o, size_t size) {
  GCHead* g = head_of(o);
  auto* ng = static_cast<GCHead*>(object_realloc(g, sizeof(GCHead) + size));
  if (!ng) return errors::no_memory();
  return object_of(ng);
}

void gc_free(Object* o) {
  if (is_tracked(o)) untrack(o);
  Generation& young = state().gens[0];
  if (young.count > 0) young.count -= 1;
  object_free(head_of(o));
}

void track(Object* o) {
  GCHead* g = head_of(o);
  if (g->next != 0) return;
  list_append(g, &state().gens[0].head);
}

void untrack(Object* o) {
  GCHead* g = head_of(o);
  if (g->next == 0) return;
  list_remove(g);
  g->prev &= kFinalized;
}

bool is_finalized(Object* o) { return (head_of(o)->prev & kFinalized) != 0; }
void set_finalized(Object* o) { head_of(o)->prev |= kFinalized; }

ssize collect(int generation) {
  State& st = state();
  if (st.collecting) return 0;
  if (generation < 0 || generation >= kNumGenerations) generation = kNumGenerations - 1;
  return collect_generation(generation);
}

// gc_collect_generations: the oldest generation whose count exceeds its threshold; a full
// collection also waits until a quarter of the long-lived objects are new.
void maybe_collect() {
  State& st = state();
  if (!st.enabled || st.collecting || st.gens[0].threshold == 0) return;
  if (st.gens[0].count <= st.gens[0].threshold) return;
  for (int i = kNumGenerations - 1; i >= 0; --i) {
    if (st.gens[i].count > st.gens[i].threshold) {
      if (i == kNumGenerations - 1 &&
          (st.gens[i].threshold == 0 || st.long_lived_pending < st.long_lived_total / 4))
        continue;
      collect_generation(i);
      return;
    }
  }
}

// _Py_RunGC: the eval breaker found a collection scheduled.
void run_scheduled_collection() {
  collect_scheduled = false;
  maybe_collect();
}

bool is_enabled() { return state().enabled; }
void enable() { state().enabled = true; }
void disable() { state().enabled = false; }
void set_threshold(int t0, int t1, int t2) {
  State& st = state();
  st.gens[0].threshold = t0;
  if (t1 >= 0) st.gens[1].threshold = t1;
  if (t2 >= 0) st.gens[2].threshold = t2;
}
void get_threshold(int* t0, int* t1, int* t2) {
  State& st = state();
  *t0 = st.gens[0].threshold;
  *t1 = st.gens[1].threshold;
  *t2 = st.gens[2].threshold;
}
void get_count(int* c0, int* c1, int* c2) {
  State& st = state();
  *c0 = st.gens[0].count;
  *c1 = st.gens[1].count;
  *c2 = st.gens[2].count;
}
const GenerationStats& stats(int generation) { return state().stats[generation]; }

void for_each_tracked(int generation, void (*visit)(Object*, void*), void* arg) {
  State& st = state();
  for (int i = 0; i < kNumGenerations; ++i) {
    if (generation >= 0 && i != generation) continue;
    GCHead* list = &st.gens[i].head;
    for (GCHead* g = next_of(list); g != list; g = next_of(g)) visit(object_of(g), arg);
  }
}

// gc.freeze: every tracked object moves to the permanent generation (gc_freeze_impl).
void freeze() {
  State& st = state();
  for (int i = 0; i < kNumGenerations; ++i) {
    list_merge(&st.gens[i].head, &st.permanent);
    st.gens[i].count = 0;
  }
}
// gc.unfreeze: the permanent generation joins the oldest one (gc_unfreeze_impl).
void unfreeze() {
  State& st = state();
  list_merge(&st.permanent, &st.gens[kNumGenerations - 1].head);
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

}  // namespace cppy::gc
