// The _queue module: Modules/_queuemodule.c. SimpleQueue keeps its items in a ring buffer
// (RingBuf) touched only with the GIL held; a get() that finds it empty waits with the GIL
// released, and put() hands its item straight to the oldest waiting thread as CPython's
// parking lot does (_PyParkingLot_Park / _PyParkingLot_Unpark with maybe_handoff_item).
#include "modules/_queue/queuemodule.h"

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_signal/signalmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/genericaliasobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "runtime/pytime.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_queue {

using namespace objects;

namespace {

constexpr ssize kInitialRingBufCapacity = 8;  // INITIAL_RING_BUF_CAPACITY

// A thread blocked in get(): put() fills item and sets done under g_waiters_mutex.
struct Waiter {
  std::condition_variable cv;
  Object* item = nullptr;
  bool done = false;
};

// Guards every queue's list of waiters (the parking lot's bucket lock).
std::mutex g_waiters_mutex;

struct SimpleQueueObject : Object {
  // RingBuf.
  ssize put_idx;
  ssize get_idx;
  Object** items;
  ssize items_cap;
  ssize num_items;
  // The threads waiting for an item, oldest first (guarded by g_waiters_mutex).
  std::deque<Waiter*>* waiters;
  Object* weakreflist;
};

SimpleQueueObject* sq(Object* o) { return static_cast<SimpleQueueObject*>(o); }

Object* g_empty_error = nullptr;  // _queue.Empty

// ---- RingBuf -----------------------------------------------------------------------------

// RingBuf_Init.
int ringbuf_init(SimpleQueueObject* q) {
  q->put_idx = q->get_idx = q->num_items = 0;
  q->items_cap = kInitialRingBufCapacity;
  q->items = static_cast<Object**>(std::calloc(q->items_cap, sizeof(Object*)));
  if (!q->items) {
    errors::no_memory();
    return -1;
  }
  return 0;
}

Object* ringbuf_at(SimpleQueueObject* q, ssize idx) {  // RingBuf_At
  return q->items[(q->get_idx + idx) % q->items_cap];
}

// RingBuf_Fini.
void ringbuf_fini(SimpleQueueObject* q) {
  Object** items = q->items;
  ssize n = q->num_items, cap = q->items_cap, idx = q->get_idx;
  q->items = nullptr;
  q->put_idx = q->get_idx = q->num_items = q->items_cap = 0;
  for (; n > 0; idx = (idx + 1) % cap, n--) decref(items[idx]);
  std::free(items);
}

// resize_ringbuf: the items contiguous from index 0 in an array of the new capacity.
int resize_ringbuf(SimpleQueueObject* q, ssize capacity) {
  ssize new_capacity = capacity < kInitialRingBufCapacity ? kInitialRingBufCapacity : capacity;
  if (new_capacity == q->items_cap) return 0;
  auto* new_items = static_cast<Object**>(std::calloc(new_capacity, sizeof(Object*)));
  if (!new_items) return -1;
  ssize tail = q->items_cap - q->get_idx;
  if (q->num_items < tail) tail = q->num_items;
  if (tail > 0) std::memcpy(new_items, q->items + q->get_idx, tail * sizeof(Object*));
  ssize head = q->num_items - tail;
  if (head > 0) std::memcpy(new_items + tail, q->items, head * sizeof(Object*));
  std::free(q->items);
  q->items = new_items;
  q->items_cap = new_capacity;
  q->get_idx = 0;
  q->put_idx = q->num_items;
  return 0;
}

// RingBuf_Get: a new reference from the head; shrinks a buffer less than a quarter full.
Object* ringbuf_get(SimpleQueueObject* q) {
  if (q->num_items < q->items_cap / 4) (void)resize_ringbuf(q, q->items_cap / 2);
  Object* item = q->items[q->get_idx];
  q->items[q->get_idx] = nullptr;
  q->get_idx = (q->get_idx + 1) % q->items_cap;
  q->num_items--;
  return item;
}

// RingBuf_Put: steals item; doubles a full buffer.
int ringbuf_put(SimpleQueueObject* q, Object* item) {
  if (q->num_items == q->items_cap && resize_ringbuf(q, q->items_cap * 2) < 0) {
    decref(item);
    errors::no_memory();
    return -1;
  }
  q->items[q->put_idx] = item;
  q->put_idx = (q->put_idx + 1) % q->items_cap;
  q->num_items++;
  return 0;
}

// ---- the type ----------------------------------------------------------------------------

extern TypeObject simplequeue_type;

// simplequeue_new: SimpleQueue() takes no arguments unless a subclass defines __init__.
Object* simplequeue_new(TypeObject* type, Object* args, Object* kwargs) {
  bool check = type == &simplequeue_type || type->init == simplequeue_type.init;
  if (check && tuple_size(args) != 0)
    return errors::format(exc_TypeError, "SimpleQueue() takes no positional arguments");
  if (check && !no_keywords("SimpleQueue", kwargs)) return nullptr;
  auto* self = static_cast<SimpleQueueObject*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->weakreflist = nullptr;
  self->waiters = new std::deque<Waiter*>();
  if (ringbuf_init(self) < 0) {
    decref(self);
    return nullptr;
  }
  return self;
}

int simplequeue_clear(Object* o) {  // simplequeue_clear
  if (sq(o)->items) ringbuf_fini(sq(o));
  return 0;
}

void simplequeue_dealloc(Object* o) {
  gc::untrack(o);
  simplequeue_clear(o);
  if (sq(o)->weakreflist) object_clear_weakrefs(o);
  delete sq(o)->waiters;
  sq(o)->waiters = nullptr;
  o->type->free(o);
}

int simplequeue_traverse(Object* o, visitproc visit, void* arg) {
  SimpleQueueObject* q = sq(o);
  for (ssize i = 0; i < q->num_items; i++)
    if (int r = visit(ringbuf_at(q, i), arg)) return r;
  return 0;
}

// _queue_SimpleQueue_put_impl: hands the item to the oldest waiting get() if there is one,
// else appends it. block and timeout are accepted and ignored (put never blocks).
Object* put_item(SimpleQueueObject* q, Object* item) {
  {
    std::lock_guard<std::mutex> guard(g_waiters_mutex);
    if (!q->waiters->empty()) {
      Waiter* w = q->waiters->front();
      q->waiters->pop_front();
      w->item = new_ref(item);
      w->done = true;
      w->cv.notify_one();
      return return_none();
    }
  }
  if (ringbuf_put(q, new_ref(item)) < 0) return nullptr;
  return return_none();
}

Object* simplequeue_put(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"item", "block", "timeout", nullptr};
  static const ArgParser parser{"put", kw, 1, 3, 0};
  Object* a[3] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  if (a[1] && object_is_true(a[1]) < 0) return nullptr;  // the bool converter
  return put_item(sq(self), a[0]);
}

Object* simplequeue_put_nowait(Object* self, Object* const* args, ssize nargs,
                               Object* kwnames) {
  static const char* const kw[] = {"item", nullptr};
  static const ArgParser parser{"put_nowait", kw, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  return put_item(sq(self), a[0]);
}

Object* empty_error() {  // empty_error
  errors::set_none(reinterpret_cast<TypeObject*>(g_empty_error));
  return nullptr;
}

using Clock = std::chrono::steady_clock;

enum class ParkResult { kOk, kTimeout, kInterrupted };

// _PyParkingLot_Park with detach: waits with the GIL released until put() hands over an
// item, the deadline passes (has_deadline) or, on the main thread, a signal arrives (the
// semaphore wait CPython uses returns on EINTR; here the main thread wakes up regularly to
// look at the signal flag).
ParkResult park(SimpleQueueObject* q, bool has_deadline, Clock::time_point deadline,
                Object** item) {
  Waiter w;
  bool main_thread = _signal::is_main_thread();
  {
    std::lock_guard<std::mutex> guard(g_waiters_mutex);
    q->waiters->push_back(&w);
  }
  ParkResult result = ParkResult::kOk;
  {
    vm::AllowThreads allow;
    std::unique_lock<std::mutex> guard(g_waiters_mutex);
    for (;;) {
      if (w.done) break;
      if (main_thread && _signal::signals_tripped()) {
        result = ParkResult::kInterrupted;
        break;
      }
      Clock::time_point until = Clock::time_point::max();
      if (has_deadline) until = deadline;
      if (main_thread) {
        Clock::time_point slice = Clock::now() + std::chrono::milliseconds(20);
        if (slice < until) until = slice;
      }
      if (until == Clock::time_point::max()) {
        w.cv.wait(guard);
      } else {
        w.cv.wait_until(guard, until);
        if (!w.done && has_deadline && Clock::now() >= deadline) {
          result = ParkResult::kTimeout;
          break;
        }
      }
    }
    if (w.done) {
      result = ParkResult::kOk;
    } else {
      for (auto it = q->waiters->begin(); it != q->waiters->end(); ++it) {
        if (*it == &w) {
          q->waiters->erase(it);
          break;
        }
      }
    }
  }
  *item = w.item;
  return result;
}

// _queue_SimpleQueue_get_impl.
Object* get_impl(SimpleQueueObject* q, int block, Object* timeout_obj) {
  bool has_deadline = false;
  Clock::time_point deadline{};
  if (block && timeout_obj != none()) {
    int64_t timeout = 0;
    if (runtime::time_from_seconds_object(&timeout, timeout_obj, runtime::TimeRound::kCeiling) < 0)
      return nullptr;
    if (timeout < 0)
      return errors::format(exc_ValueError, "'timeout' must be a non-negative number");
    has_deadline = true;
    deadline = Clock::now() + std::chrono::nanoseconds(timeout);
  }
  for (;;) {
    if (q->num_items != 0) return ringbuf_get(q);
    if (!block) return empty_error();
    if (has_deadline && Clock::now() > deadline) return empty_error();
    Object* item = nullptr;
    switch (park(q, has_deadline, deadline, &item)) {
      case ParkResult::kOk:
        return item;
      case ParkResult::kTimeout:
        return empty_error();
      case ParkResult::kInterrupted:
        if (_signal::check_signals() < 0) return nullptr;
        break;
    }
  }
}

Object* simplequeue_get(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"block", "timeout", nullptr};
  static const ArgParser parser{"get", kw, 0, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int block = 1;
  if (a[0]) {
    block = object_is_true(a[0]);
    if (block < 0) return nullptr;
  }
  return get_impl(sq(self), block, a[1] ? a[1] : none());
}

Object* simplequeue_get_nowait(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames)))
    return errors::format(exc_TypeError, "get_nowait() takes no arguments");
  return get_impl(sq(self), 0, none());
}

Object* simplequeue_empty(Object* self, Object*) {
  return bool_from_long(sq(self)->num_items == 0);
}

Object* simplequeue_qsize(Object* self, Object*) {
  return long_from_ssize(sq(self)->num_items);
}

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs

MethodDef simplequeue_methods[] = {
    {"empty", NOARGS(simplequeue_empty),
     "empty($self, /)\n--\n\nReturn True if the queue is empty, False otherwise (not "
     "reliable!)."},
    {"get", FASTCALL_KW(simplequeue_get),
     "get($self, /, block=True, timeout=None)\n--\n\nRemove and return an item from the "
     "queue.\n\nIf optional args 'block' is true and 'timeout' is None (the default),\nblock "
     "if necessary until an item is available. If 'timeout' is\na non-negative number, it "
     "blocks at most 'timeout' seconds and raises\nthe Empty exception if no item was "
     "available within that time.\nOtherwise ('block' is false), return an item if one is "
     "immediately\navailable, else raise the Empty exception ('timeout' is ignored\nin that "
     "case)."},
    {"get_nowait", FASTCALL_KW(simplequeue_get_nowait),
     "get_nowait($self, /)\n--\n\nRemove and return an item from the queue without "
     "blocking.\n\nOnly get an item if one is immediately available. Otherwise\nraise the "
     "Empty exception."},
    {"put", FASTCALL_KW(simplequeue_put),
     "put($self, /, item, block=True, timeout=None)\n--\n\nPut the item on the queue.\n\nThe "
     "optional 'block' and 'timeout' arguments are ignored, as this method\nnever blocks.  "
     "They are provided for compatibility with the Queue class."},
    {"put_nowait", FASTCALL_KW(simplequeue_put_nowait),
     "put_nowait($self, /, item)\n--\n\nPut an item into the queue without blocking.\n\nThis "
     "is exactly equivalent to `put(item)` and is only provided\nfor compatibility with the "
     "Queue class."},
    {"qsize", NOARGS(simplequeue_qsize),
     "qsize($self, /)\n--\n\nReturn the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

TypeObject simplequeue_type = [] {
  TypeObject t = static_type("_queue.SimpleQueue", sizeof(SimpleQueueObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsImmutabletype);
  t.doc = "SimpleQueue()\n--\n\nSimple, unbounded, reentrant FIFO queue.";
  t.dealloc = simplequeue_dealloc;
  t.traverse = simplequeue_traverse;
  t.clear = simplequeue_clear;
  t.weaklistoffset = offsetof(SimpleQueueObject, weakreflist);
  t.methods = simplequeue_methods;
  t.alloc = type_generic_alloc;
  t.new_ = simplequeue_new;
  t.free = object_generic_free;
  return t;
}();

// queuemodule_exec.
int queue_exec(Object* module) {
  if (!g_empty_error) {
    Ref<> dict = Ref<>::steal(dict_new());
    if (!dict) return -1;
    Ref<> doc = Ref<>::steal(
        str_from_cstr("Exception raised by Queue.get(block=0)/get_nowait()."));
    if (!doc || dict_set_item_string(dict.get(), "__doc__", doc.get()) < 0) return -1;
    g_empty_error = reinterpret_cast<Object*>(new_exception("_queue.Empty", nullptr, dict.get()));
    if (!g_empty_error) return -1;
  }
  if (module_add_object_ref(module, "Empty", g_empty_error) < 0) return -1;
  if (type_ready(&simplequeue_type) < 0) return -1;
  return module_add_object_ref(module, "SimpleQueue", &simplequeue_type);
}

ModuleDef queue_def = {
    "_queue",
    "C implementation of the Python queue module.\nThis module is an implementation detail, "
    "please do not use it directly.",
    nullptr, queue_exec};

}  // namespace

ModuleDef* module_def() { return &queue_def; }

}  // namespace cppy::modules::_queue
