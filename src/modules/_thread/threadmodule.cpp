// The _thread module: Modules/_threadmodule.c. Lock and RLock over runtime/thread.h's binary
// lock, thread handles, thread start under the GIL (vm/ceval_gil.h), _local, the excepthook.
#include "modules/_thread/threadmodule.h"

#include <pthread.h>

#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/freelist.h"
#include "objects/clinic_args.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "runtime/pystate.h"
#include "runtime/pytime.h"
#include "runtime/thread.h"
#include "sys/sysmodule.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_thread {

using namespace objects;

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define VARARGS_KW(f) reinterpret_cast<void*>(f), kMethVarargs | kMethKeywords

Object* gc_object(TypeObject* type) {
  Object* o = type_generic_alloc(type, 0);
  return o;
}

// ---- timeouts (runtime/pytime.h, rounded as _PyTime_ROUND_TIMEOUT) -------------------------

constexpr int64_t kNsPerSec = 1000000000;
constexpr int64_t kUnsetTimeout = -kNsPerSec;  // -1 second: wait forever

// acquire_timed: tries without releasing the GIL first, then waits with it released.
runtime::LockStatus acquire_timed(runtime::RawLock* lock, int64_t timeout_ns) {
  int64_t us = timeout_ns < 0 ? -1 : runtime::time_as_microseconds(timeout_ns, runtime::kRoundTimeout);
  runtime::LockStatus r = runtime::acquire_lock_timed(lock, 0);
  if (r == runtime::LockStatus::kFailure && us != 0) {
    vm::AllowThreads allow;
    r = runtime::acquire_lock_timed(lock, us);
  }
  return r;
}

// lock_acquire_parse_args: acquire(blocking=True, timeout=-1) as PyArg_ParseTupleAndKeywords
// ("|pO:acquire") reports errors, then the timeout checks.
bool acquire_parse_args(Object* args, Object* kwds, int64_t* timeout) {
  ssize nargs = args ? tuple_size(args) : 0;
  ssize nkw = kwds ? dict_size(kwds) : 0;
  if (nargs + nkw > 2) {
    errors::format(exc_TypeError, "acquire() takes at most 2 arguments (%zd given)", nargs + nkw);
    return false;
  }
  Object* blocking_obj = nargs > 0 ? tuple_item(args, 0) : nullptr;
  Object* timeout_obj = nargs > 1 ? tuple_item(args, 1) : nullptr;
  if (nkw) {
    ssize pos = 0;
    Object *key = nullptr, *value = nullptr;
    while (dict_next(kwds, &pos, &key, &value)) {
      if (!str_check(key)) {
        errors::format(exc_TypeError, "keywords must be strings");
        return false;
      }
      if (str_compare_cstr(key, "blocking") == 0) {
        if (blocking_obj) {
          errors::format(exc_TypeError,
                         "argument for acquire() given by name ('blocking') and position (1)");
          return false;
        }
        blocking_obj = value;
      } else if (str_compare_cstr(key, "timeout") == 0) {
        if (timeout_obj) {
          errors::format(exc_TypeError,
                         "argument for acquire() given by name ('timeout') and position (2)");
          return false;
        }
        timeout_obj = value;
      } else {
        errors::format(exc_TypeError, "acquire() got an unexpected keyword argument '%U'", key);
        return false;
      }
    }
  }
  int blocking = 1;
  if (blocking_obj) {
    blocking = object_is_true(blocking_obj);
    if (blocking < 0) return false;
  }
  *timeout = kUnsetTimeout;
  if (timeout_obj &&
      runtime::time_from_seconds_object(timeout, timeout_obj, runtime::kRoundTimeout) < 0)
    return false;
  if (!blocking && *timeout != kUnsetTimeout) {
    errors::format(exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (*timeout < 0 && *timeout != kUnsetTimeout) {
    errors::format(exc_ValueError, "timeout value must be a non-negative number");
    return false;
  }
  if (!blocking) {
    *timeout = 0;
  } else if (*timeout != kUnsetTimeout && runtime::time_as_microseconds(*timeout, runtime::kRoundTimeout) >
                                                runtime::kTimeoutMaxMicroseconds) {
    errors::format(exc_OverflowError, "timeout value is too large");
    return false;
  }
  return true;
}

// ---- Lock ----------------------------------------------------------------------------------

struct LockObject : Object {
  runtime::RawLock* lock_lock;
  Object* in_weakreflist;
  char locked;
};
LockObject* lk(Object* o) { return static_cast<LockObject*>(o); }

TypeObject lock_type_obj = static_type("_thread.lock", sizeof(LockObject), 0, kTpflagsHaveGc);

Object* new_lock_object() {  // newlockobject
  auto* self = static_cast<LockObject*>(gc_object(&lock_type_obj));
  if (!self) return nullptr;
  self->lock_lock = runtime::allocate_lock();
  self->in_weakreflist = nullptr;
  self->locked = 0;
  if (!self->lock_lock) {
    decref(self);
    return errors::no_memory();
  }
  return self;
}

void lock_dealloc(Object* o) {
  gc::untrack(o);
  if (lk(o)->in_weakreflist) object_clear_weakrefs(o);
  if (lk(o)->lock_lock) runtime::free_lock(lk(o)->lock_lock);
  o->type->free(o);
}
int lock_traverse(Object*, visitproc, void*) { return 0; }

Object* lock_acquire(Object* self, Object* args, Object* kwds) {
  int64_t timeout = 0;
  if (!acquire_parse_args(args, kwds, &timeout)) return nullptr;
  runtime::LockStatus r = acquire_timed(lk(self)->lock_lock, timeout);
  if (r == runtime::LockStatus::kInterrupted) return nullptr;
  if (r == runtime::LockStatus::kAcquired) lk(self)->locked = 1;
  return bool_from_long(r == runtime::LockStatus::kAcquired);
}
Object* lock_release(Object* self, Object*) {
  if (!lk(self)->locked) return errors::format(exc_RuntimeError, "release unlocked lock");
  lk(self)->locked = 0;
  runtime::release_lock(lk(self)->lock_lock);
  return return_none();
}
Object* lock_exit(Object* self, Object*) { return lock_release(self, nullptr); }
Object* lock_locked(Object* self, Object*) { return bool_from_long(lk(self)->locked); }
Object* lock_at_fork_reinit(Object* self, Object*) {
  runtime::lock_reinit(lk(self)->lock_lock);
  lk(self)->locked = 0;
  return return_none();
}
Object* lock_repr(Object* self) {
  return str_from_format("<%s %s object at %p>", lk(self)->locked ? "locked" : "unlocked",
                         self->type->name, static_cast<void*>(self));
}
// lock_new_impl: lock() takes no arguments.
Object* lock_new(TypeObject*, Object* args, Object* kwds) {
  if (!no_keywords("lock", kwds)) return nullptr;
  if (!check_positional("lock", tuple_size(args), 0, 0)) return nullptr;
  return new_lock_object();
}

const char kAcquireDoc[] =
    "acquire($self, /, blocking=True, timeout=-1)\n--\n\nLock the lock.  Without argument, this "
    "blocks if the lock is already\nlocked (even by the same thread), waiting for another thread "
    "to release\nthe lock, and return True once the lock is acquired.\nWith an argument, this "
    "will only block if the argument is true,\nand the return value reflects whether the lock is "
    "acquired.\nThe blocking operation is interruptible.";
const char kReleaseDoc[] =
    "release($self, /)\n--\n\nRelease the lock.\n\nAllows a thread blocked waiting for the lock "
    "to acquire the lock.\nThe lock must be in the locked state, but it needn't be locked by the "
    "same\nthread that unlocks it.";
const char kLockedDoc[] = "locked($self, /)\n--\n\nTest whether the lock is currently locked.";

MethodDef lock_methods[] = {
    {"acquire_lock", VARARGS_KW(lock_acquire), kAcquireDoc},
    {"acquire", VARARGS_KW(lock_acquire), kAcquireDoc},
    {"release_lock", NOARGS(lock_release), kReleaseDoc},
    {"release", NOARGS(lock_release), kReleaseDoc},
    {"locked_lock", NOARGS(lock_locked), kLockedDoc},
    {"locked", NOARGS(lock_locked), kLockedDoc},
    {"__enter__", VARARGS_KW(lock_acquire), kAcquireDoc},
    {"__exit__", reinterpret_cast<void*>(lock_exit), kMethVarargs,
     "__exit__($self, /, *exc_info)\n--\n\nRelease the lock."},
    {"_at_fork_reinit", NOARGS(lock_at_fork_reinit), nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- RLock ---------------------------------------------------------------------------------

struct RLockObject : Object {
  runtime::RawLock* rlock_lock;
  unsigned long rlock_owner;
  unsigned long rlock_count;
  Object* in_weakreflist;
};
RLockObject* rl(Object* o) { return static_cast<RLockObject*>(o); }

TypeObject rlock_type = static_type("_thread.RLock", sizeof(RLockObject), 0,
                                    kTpflagsHaveGc | kTpflagsBasetype);

Object* rlock_new(TypeObject* type, Object*, Object*) {  // rlock_new: arguments are ignored
  auto* self = static_cast<RLockObject*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->in_weakreflist = nullptr;
  self->rlock_owner = 0;
  self->rlock_count = 0;
  self->rlock_lock = runtime::allocate_lock();
  if (!self->rlock_lock) {
    decref(self);
    return errors::no_memory();
  }
  return self;
}
void rlock_dealloc(Object* o) {
  TypeObject* tp = o->type;
  gc::untrack(o);
  if (rl(o)->in_weakreflist) object_clear_weakrefs(o);
  if (rl(o)->rlock_lock) runtime::free_lock(rl(o)->rlock_lock);
  tp->free(o);
  // Class-statement subclasses drop the type reference in subtype_dealloc.
  if (type_has_feature(tp, kTpflagsHeaptype) && tp->dealloc == rlock_dealloc) decref(tp);
}
int rlock_traverse(Object* o, visitproc visit, void* arg) {
  if (type_has_feature(o->type, kTpflagsHeaptype)) return visit(o->type, arg);
  return 0;
}

Object* rlock_acquire(Object* self, Object* args, Object* kwds) {
  int64_t timeout = 0;
  if (!acquire_parse_args(args, kwds, &timeout)) return nullptr;
  unsigned long tid = runtime::get_thread_ident();
  if (rl(self)->rlock_count > 0 && tid == rl(self)->rlock_owner) {
    unsigned long count = rl(self)->rlock_count + 1;
    if (count <= rl(self)->rlock_count) {
      return errors::format(exc_OverflowError, "Internal lock count overflowed");
    }
    rl(self)->rlock_count = count;
    return new_ref(true_object());
  }
  runtime::LockStatus r = acquire_timed(rl(self)->rlock_lock, timeout);
  if (r == runtime::LockStatus::kAcquired) {
    rl(self)->rlock_owner = tid;
    rl(self)->rlock_count = 1;
  } else if (r == runtime::LockStatus::kInterrupted) {
    return nullptr;
  }
  return bool_from_long(r == runtime::LockStatus::kAcquired);
}
Object* rlock_release(Object* self, Object*) {
  unsigned long tid = runtime::get_thread_ident();
  if (rl(self)->rlock_count == 0 || rl(self)->rlock_owner != tid) {
    return errors::format(exc_RuntimeError, "cannot release un-acquired lock");
  }
  if (--rl(self)->rlock_count == 0) {
    rl(self)->rlock_owner = 0;
    runtime::release_lock(rl(self)->rlock_lock);
  }
  return return_none();
}
Object* rlock_exit(Object* self, Object*) { return rlock_release(self, nullptr); }
Object* rlock_locked(Object* self, Object*) { return bool_from_long(rl(self)->rlock_count > 0); }

// rlock_acquire_restore: the state tuple (count, owner) of _release_save.
Object* rlock_acquire_restore(Object* self, Object* state) {
  if (!tuple_check(state)) {
    return errors::format(exc_TypeError,
                          "_acquire_restore() argument 1 must be 2-item tuple, not %.50s",
                          state->type->name);
  }
  if (tuple_size(state) != 2) {
    return errors::format(exc_TypeError,
                          "_acquire_restore() argument 1 must be tuple of length 2, not %zd",
                          tuple_size(state));
  }
  unsigned long vals[2];
  for (int i = 0; i < 2; ++i) {
    Object* item = tuple_item(state, i);
    if (float_check(item)) {
      return errors::format(exc_TypeError, "_acquire_restore() argument 1, item %d must be int, "
                                           "not float", i);
    }
    if (!long_check(item) && !index_check(item)) {
      if (i == 0) {
        return errors::format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              item->type->name);
      }
      return errors::format(exc_TypeError, "_acquire_restore() argument 1, item %d must be int, "
                                           "not %.50s", i, item->type->name);
    }
    Ref<> idx = Ref<>::steal(number_index(item));
    if (!idx) return nullptr;
    vals[i] = static_cast<unsigned long>(long_as_long(idx.get()));
    if (errors::occurred()) return nullptr;
  }
  runtime::LockStatus r = runtime::acquire_lock_timed(rl(self)->rlock_lock, 0);
  if (r != runtime::LockStatus::kAcquired) {
    vm::AllowThreads allow;
    r = runtime::acquire_lock_timed(rl(self)->rlock_lock, -1);
  }
  if (r != runtime::LockStatus::kAcquired) {
    return errors::format(exc_RuntimeError, "couldn't acquire lock");
  }
  rl(self)->rlock_owner = vals[1];
  rl(self)->rlock_count = vals[0];
  return return_none();
}
Object* rlock_release_save(Object* self, Object*) {
  if (rl(self)->rlock_count == 0) {
    return errors::format(exc_RuntimeError, "cannot release un-acquired lock");
  }
  unsigned long owner = rl(self)->rlock_owner;
  unsigned long count = rl(self)->rlock_count;
  rl(self)->rlock_count = 0;
  rl(self)->rlock_owner = 0;
  runtime::release_lock(rl(self)->rlock_lock);
  Ref<> c = Ref<>::steal(long_from_unsigned_long_long(count));
  Ref<> o = Ref<>::steal(long_from_unsigned_long_long(owner));
  if (!c || !o) return nullptr;
  return tuple_pack(2, c.get(), o.get());
}
Object* rlock_recursion_count(Object* self, Object*) {
  unsigned long tid = runtime::get_thread_ident();
  return long_from_unsigned_long_long(rl(self)->rlock_owner == tid ? rl(self)->rlock_count : 0);
}
Object* rlock_is_owned(Object* self, Object*) {
  unsigned long tid = runtime::get_thread_ident();
  return bool_from_long(rl(self)->rlock_count > 0 && rl(self)->rlock_owner == tid);
}
Object* rlock_at_fork_reinit(Object* self, Object*) {
  runtime::lock_reinit(rl(self)->rlock_lock);
  rl(self)->rlock_owner = 0;
  rl(self)->rlock_count = 0;
  return return_none();
}
Object* rlock_repr(Object* self) {
  return str_from_format("<%s %s object owner=%lu count=%lu at %p>",
                         rl(self)->rlock_count ? "locked" : "unlocked", self->type->name,
                         rl(self)->rlock_owner, rl(self)->rlock_count, static_cast<void*>(self));
}

MethodDef rlock_methods[] = {
    {"acquire", VARARGS_KW(rlock_acquire),
     "acquire($self, /, blocking=True, timeout=-1)\n--\n\nLock the lock."},
    {"release", NOARGS(rlock_release), "release($self, /)\n--\n\nRelease the lock."},
    {"locked", NOARGS(rlock_locked), "locked($self, /)\n--\n\nReturn a boolean indicating whether "
                                     "this object is locked right now."},
    {"_is_owned", NOARGS(rlock_is_owned),
     "_is_owned($self, /)\n--\n\nFor internal use by `threading.Condition`."},
    {"_recursion_count", NOARGS(rlock_recursion_count),
     "_recursion_count($self, /)\n--\n\nFor internal use by reentrancy checks."},
    {"_acquire_restore", METH_O(rlock_acquire_restore),
     "_acquire_restore($self, state, /)\n--\n\nFor internal use by `threading.Condition`."},
    {"_release_save", NOARGS(rlock_release_save),
     "_release_save($self, /)\n--\n\nFor internal use by `threading.Condition`."},
    {"_at_fork_reinit", NOARGS(rlock_at_fork_reinit), nullptr},
    {"__enter__", VARARGS_KW(rlock_acquire),
     "__enter__($self, /, blocking=True, timeout=-1)\n--\n\nLock the lock."},
    {"__exit__", reinterpret_cast<void*>(rlock_exit), kMethVarargs,
     "__exit__($self, /, *exc_info)\n--\n\nRelease the lock."},
    {nullptr, nullptr, 0, nullptr}};

// ---- thread handles ------------------------------------------------------------------------

enum class HandleState { kNotStarted, kStarting, kRunning, kDone };

// The state a _ThreadHandle shares with the thread it stands for (ThreadHandle).
struct HandleCore {
  std::mutex mutex;
  std::condition_variable cv;
  HandleState state = HandleState::kNotStarted;
  unsigned long ident = 0;
  bool daemon = true;

  void set_done() {
    {
      std::lock_guard<std::mutex> g(mutex);
      state = HandleState::kDone;
    }
    cv.notify_all();
  }
  bool is_done() {
    std::lock_guard<std::mutex> g(mutex);
    return state == HandleState::kDone;
  }
};

struct HandleObject : Object {
  std::shared_ptr<HandleCore>* handle;
};
HandleObject* ho(Object* o) { return static_cast<HandleObject*>(o); }

TypeObject handle_type = static_type("_thread._ThreadHandle", sizeof(HandleObject), 0, 0);

// The handles of running non-daemon threads, which _shutdown() waits for.
std::vector<std::shared_ptr<HandleCore>>& shutdown_handles() {
  static auto* v = new std::vector<std::shared_ptr<HandleCore>>();
  return *v;
}
std::mutex& shutdown_mutex() {
  static auto* m = new std::mutex();
  return *m;
}

Object* handle_object_new(std::shared_ptr<HandleCore> core) {
  auto* self = static_cast<HandleObject*>(type_generic_alloc(&handle_type, 0));
  if (!self) return nullptr;
  self->handle = new std::shared_ptr<HandleCore>(std::move(core));
  return self;
}
Object* handle_tp_new(TypeObject*, Object*, Object*) {
  return handle_object_new(std::make_shared<HandleCore>());
}
void handle_dealloc(Object* o) {
  delete ho(o)->handle;
  o->type->free(o);
}
Object* handle_repr(Object* o) {
  return str_from_format("<%s object: ident=%lu>", o->type->name, (*ho(o)->handle)->ident);
}
Object* handle_get_ident(Object* o, void*) {
  return long_from_unsigned_long_long((*ho(o)->handle)->ident);
}

// ThreadHandle_join: waits (with the GIL released) until the thread is done.
int join_core(const std::shared_ptr<HandleCore>& h, int64_t timeout_ns) {
  {
    std::lock_guard<std::mutex> g(h->mutex);
    if (h->state == HandleState::kNotStarted) {
      errors::format(exc_RuntimeError, "thread not started");
      return -1;
    }
    if (h->state != HandleState::kDone && h->ident == runtime::get_thread_ident()) {
      errors::format(exc_RuntimeError, "Cannot join current thread");
      return -1;
    }
  }
  vm::AllowThreads allow;
  std::unique_lock<std::mutex> g(h->mutex);
  auto done = [&h] { return h->state == HandleState::kDone; };
  if (timeout_ns < 0) {
    h->cv.wait(g, done);
  } else {
    h->cv.wait_for(g, std::chrono::nanoseconds(timeout_ns), done);
  }
  return 0;
}

Object* handle_join(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"timeout", nullptr};
  static const ArgParser parser = {"join", kw, 0, 1, 0};
  Object* a[1] = {nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int64_t timeout = -1;
  if (a[0] && a[0] != none()) {
    if (runtime::time_from_seconds_object(&timeout, a[0], runtime::kRoundTimeout) < 0)
      return nullptr;
    if (timeout < 0) timeout = -1;
  }
  if (join_core(*ho(self)->handle, timeout) < 0) return nullptr;
  return return_none();
}
Object* handle_is_done(Object* self, Object*) {
  return bool_from_long((*ho(self)->handle)->is_done());
}
Object* handle_set_done(Object* self, Object*) {
  auto& h = *ho(self)->handle;
  {
    std::lock_guard<std::mutex> g(h->mutex);
    if (h->state == HandleState::kNotStarted) {
      return errors::format(exc_RuntimeError, "thread not started");
    }
  }
  h->set_done();
  return return_none();
}

GetSetDef handle_getset[] = {{"ident", handle_get_ident, nullptr, nullptr, nullptr},
                             {nullptr, nullptr, nullptr, nullptr, nullptr}};
MethodDef handle_methods[] = {{"join", FASTCALL_KW(handle_join), nullptr},
                              {"is_done", NOARGS(handle_is_done), nullptr},
                              {"_set_done", NOARGS(handle_set_done), nullptr},
                              {nullptr, nullptr, 0, nullptr}};

// ---- thread-local data (_local) --------------------------------------------------------------

struct LocalObject : Object {
  Object* args;
  Object* kw;
  Object* weakreflist;
  std::map<runtime::ThreadState*, Object*>* dicts;  // one dict per thread (strong)
};
LocalObject* lo(Object* o) { return static_cast<LocalObject*>(o); }

TypeObject local_type = static_type("_thread._local", sizeof(LocalObject), 0,
                                    kTpflagsHaveGc | kTpflagsBasetype);

std::vector<LocalObject*>& live_locals() {
  static auto* v = new std::vector<LocalObject*>();
  return *v;
}

// A thread that ends drops its dict from every _local (clear_localdummyrefs).
void drop_thread_locals(runtime::ThreadState* ts) {
  std::vector<Object*> dead;
  for (LocalObject* l : live_locals()) {
    auto it = l->dicts->find(ts);
    if (it != l->dicts->end()) {
      dead.push_back(it->second);
      l->dicts->erase(it);
    }
  }
  for (Object* d : dead) decref(d);
}

Object* local_new(TypeObject* type, Object* args, Object* kw) {
  if (type->init == BaseObject_Type.init) {
    if ((args && tuple_size(args)) || (kw && dict_size(kw))) {
      return errors::format(exc_TypeError, "Initialization arguments are not supported");
    }
  }
  auto* self = static_cast<LocalObject*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->args = xnew_ref(args);
  self->kw = xnew_ref(kw);
  self->weakreflist = nullptr;
  self->dicts = new std::map<runtime::ThreadState*, Object*>();
  Object* d = dict_new();
  if (!d) {
    decref(self);
    return nullptr;
  }
  (*self->dicts)[runtime::thread_state()] = d;
  live_locals().push_back(self);
  return self;
}

int local_traverse(Object* o, visitproc visit, void* arg) {
  if (type_has_feature(o->type, kTpflagsHeaptype))
    if (int r = visit(o->type, arg)) return r;
  Object* fields[] = {lo(o)->args, lo(o)->kw};
  for (Object* f : fields)
    if (f)
      if (int r = visit(f, arg)) return r;
  if (lo(o)->dicts)
    for (auto& [ts, d] : *lo(o)->dicts)
      if (int r = visit(d, arg)) return r;
  return 0;
}
int local_clear(Object* o) {
  clear(lo(o)->args);
  clear(lo(o)->kw);
  if (lo(o)->dicts) {
    std::vector<Object*> dicts;
    for (auto& [ts, d] : *lo(o)->dicts) dicts.push_back(d);
    lo(o)->dicts->clear();
    for (Object* d : dicts) decref(d);
  }
  return 0;
}
void local_dealloc(Object* o) {
  TypeObject* tp = o->type;
  gc::untrack(o);
  if (lo(o)->weakreflist) object_clear_weakrefs(o);
  local_clear(o);
  auto& live = live_locals();
  for (size_t i = 0; i < live.size(); ++i) {
    if (live[i] == lo(o)) {
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  delete lo(o)->dicts;
  tp->free(o);
  // Class-statement subclasses drop the type reference in subtype_dealloc.
  if (type_has_feature(tp, kTpflagsHeaptype) && tp->dealloc == local_dealloc) decref(tp);
}

// _ldict: this thread's dict, created (and __init__ called) on first use in the thread.
Object* local_dict(Object* self) {
  runtime::ThreadState* ts = runtime::thread_state();
  auto it = lo(self)->dicts->find(ts);
  if (it != lo(self)->dicts->end()) return it->second;
  Object* d = dict_new();
  if (!d) return nullptr;
  (*lo(self)->dicts)[ts] = d;
  if (self->type->init != BaseObject_Type.init) {
    Ref<> args = Ref<>::borrow(lo(self)->args);
    if (!args) args = Ref<>::steal(tuple_new(0));
    if (!args || self->type->init(self, args.get(), lo(self)->kw) < 0) {
      // The dict stays out of the table, so the next access tries again.
      auto again = lo(self)->dicts->find(ts);
      if (again != lo(self)->dicts->end() && again->second == d) {
        lo(self)->dicts->erase(again);
        decref(d);
      }
      return nullptr;
    }
  }
  return d;
}

Object* local_getattro(Object* self, Object* name) {
  Object* d = local_dict(self);
  if (!d) return nullptr;
  if (str_check(name) && str_compare_cstr(name, "__dict__") == 0) return new_ref(d);
  return object_generic_getattr_with_dict(self, name, d, false);
}
int local_setattro(Object* self, Object* name, Object* v) {
  Object* d = local_dict(self);
  if (!d) return -1;
  if (str_check(name) && str_compare_cstr(name, "__dict__") == 0) {
    errors::format(exc_AttributeError, "'%.100s' object attribute '%U' is read-only",
                   self->type->name, name);
    return -1;
  }
  return object_generic_setattr_with_dict(self, name, v, d);
}

// ---- _ExceptHookArgs and _excepthook -----------------------------------------------------------

StructSeqField excepthook_fields[] = {{"exc_type", "Exception type"},
                                      {"exc_value", "Exception value"},
                                      {"exc_traceback", "Exception traceback"},
                                      {"thread", "Thread"},
                                      {nullptr, nullptr}};
StructSeqDesc excepthook_desc = {"_thread._ExceptHookArgs", "ExceptHookArgs\n\nType used to pass "
                                 "arguments to threading.excepthook.", excepthook_fields, 4};
TypeObject excepthook_type{};

// thread_excepthook_file: "Exception in thread NAME:" and the traceback.
int excepthook_file(Object* file, Object* exc_type, Object* exc_value, Object* exc_tb,
                    Object* thread) {
  Ref<> name;
  if (thread != none()) {
    Object* n = nullptr;
    Ref<> attr = Ref<>::steal(str_from_cstr("name"));
    if (object_get_optional_attr(thread, attr.get(), &n) < 0) return -1;
    name = Ref<>::steal(n);
  }
  Ref<> header;
  if (name) {
    Ref<> s = Ref<>::steal(object_str(name.get()));
    if (!s) return -1;
    header = Ref<>::steal(str_from_format("Exception in thread %U:\n", s.get()));
  } else {
    header = Ref<>::steal(str_from_format("Exception in thread %lu:\n",
                                          runtime::get_thread_ident()));
  }
  if (!header) return -1;
  Ref<> r = Ref<>::steal(call_method_obj_args(file, Ref<>::steal(str_from_cstr("write")).get(),
                                              header.get(), nullptr));
  if (!r) return -1;
  r = Ref<>::steal(call_method_no_args(file, Ref<>::steal(str_from_cstr("flush")).get()));
  if (!r) errors::clear();
  // _PyErr_Display(file, ...): the standard traceback display of sys.__excepthook__.
  Object* hook = sys::get_object("__excepthook__");
  if (hook) {
    r = Ref<>::steal(object_call_function_obj_args(hook, exc_type, exc_value, exc_tb, nullptr));
    if (!r) return -1;
  }
  r = Ref<>::steal(call_method_no_args(file, Ref<>::steal(str_from_cstr("flush")).get()));
  if (!r) errors::clear();
  return 0;
}

Object* thread_excepthook(Object*, Object* args) {
  if (args->type != &excepthook_type) {
    return errors::format(exc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
  }
  Object* exc_type = structseq_get_item(args, 0);
  if (exc_type == reinterpret_cast<Object*>(exc_SystemExit)) return return_none();
  Object* exc_value = structseq_get_item(args, 1);
  Object* exc_tb = structseq_get_item(args, 2);
  Object* thread = structseq_get_item(args, 3);
  Object* file = sys::get_object("stderr");
  if (!file || file == none()) {
    if (!file) errors::clear();
    if (thread == none()) return return_none();
    Ref<> attr = Ref<>::steal(str_from_cstr("_stderr"));
    Object* f = nullptr;
    if (object_get_optional_attr(thread, attr.get(), &f) < 0) return nullptr;
    if (!f) return return_none();
    Ref<> fr = Ref<>::steal(f);
    if (fr.get() == none()) return return_none();
    if (excepthook_file(fr.get(), exc_type, exc_value, exc_tb, thread) < 0) return nullptr;
    return return_none();
  }
  if (excepthook_file(file, exc_type, exc_value, exc_tb, thread) < 0) return nullptr;
  return return_none();
}

// ---- starting threads ------------------------------------------------------------------------

long thread_count = 0;  // threads started here and still running (_thread._count)

struct Bootstate {
  Object* func;
  Object* args;
  Object* kwargs;
  std::shared_ptr<HandleCore> handle;
  runtime::ThreadState* tstate;  // made by the starting thread (PyThreadState_New)
};

// thread_run: the body of every thread started by this module.
void thread_run(void* arg) {
  auto* boot = static_cast<Bootstate*>(arg);
  runtime::ThreadState* ts = boot->tstate;
  runtime::thread_state_bind(ts);
  runtime::set_thread_state(ts);
  vm::gil_take(ts);
  {
    std::lock_guard<std::mutex> g(boot->handle->mutex);
    boot->handle->ident = runtime::get_thread_ident();
    boot->handle->state = HandleState::kRunning;
  }
  boot->handle->cv.notify_all();
  Object* res = object_call(boot->func, boot->args, boot->kwargs);
  if (!res) {
    if (errors::exception_matches(reinterpret_cast<Object*>(exc_SystemExit))) {
      errors::clear();
    } else {
      errors::format_unraisable("Exception ignored in thread started by %R", boot->func);
    }
  } else {
    decref(res);
  }
  decref(boot->func);
  decref(boot->args);
  xdecref(boot->kwargs);
  --thread_count;
  drop_thread_locals(ts);
  clear(ts->context);
  std::shared_ptr<HandleCore> handle = std::move(boot->handle);
  delete boot;
  if (!handle->daemon) {
    std::lock_guard<std::mutex> g(shutdown_mutex());
    auto& hs = shutdown_handles();
    for (size_t i = 0; i < hs.size(); ++i) {
      if (hs[i] == handle) {
        hs.erase(hs.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
  handle->set_done();
  objects::clear_freelists();  // the thread's free lists go with its state (PyThreadState_Clear)
  runtime::thread_state_unlink(ts);
  vm::gil_drop(ts);
  runtime::set_thread_state(nullptr);
  runtime::thread_state_delete(ts);
}

// do_start_joinable_thread.
int start_core(const std::shared_ptr<HandleCore>& handle, Object* func, Object* args,
               Object* kwargs) {
  {
    std::lock_guard<std::mutex> g(handle->mutex);
    if (handle->state != HandleState::kNotStarted) {
      errors::format(exc_RuntimeError, "thread already started");
      return -1;
    }
    handle->state = HandleState::kStarting;
  }
  vm::gil_create();
  auto* boot = new Bootstate{new_ref(func), new_ref(args), xnew_ref(kwargs), handle,
                             runtime::thread_state_new(runtime::main_interpreter())};
  if (!handle->daemon) {
    std::lock_guard<std::mutex> g(shutdown_mutex());
    shutdown_handles().push_back(handle);
  }
  unsigned long ident = 0;
  ++thread_count;  // counted from the start, as interp->threads.count is
  if (runtime::start_thread(thread_run, boot, &ident, runtime::thread_stack_size()) < 0) {
    --thread_count;
    decref(boot->func);
    decref(boot->args);
    xdecref(boot->kwargs);
    runtime::thread_state_delete(boot->tstate);
    delete boot;
    {
      std::lock_guard<std::mutex> g(handle->mutex);
      handle->state = HandleState::kNotStarted;
    }
    if (!handle->daemon) {
      std::lock_guard<std::mutex> g(shutdown_mutex());
      auto& hs = shutdown_handles();
      if (!hs.empty() && hs.back() == handle) hs.pop_back();
    }
    errors::format(exc_RuntimeError, "can't start new thread");
    return -1;
  }
  {
    std::lock_guard<std::mutex> g(handle->mutex);
    if (handle->ident == 0) handle->ident = ident;
  }
  return 0;
}

Object* thread_start_new_thread(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("start_new_thread", nargs, 2, 3)) return nullptr;
  Object* func = args[0];
  Object* fargs = args[1];
  Object* kwargs = nargs > 2 ? args[2] : nullptr;
  if (!callable_check(func)) return errors::format(exc_TypeError, "first arg must be callable");
  if (!tuple_check(fargs)) return errors::format(exc_TypeError, "2nd arg must be a tuple");
  if (kwargs && !dict_check(kwargs)) {
    return errors::format(exc_TypeError, "optional 3rd arg must be a dictionary");
  }
  auto handle = std::make_shared<HandleCore>();
  handle->daemon = true;
  if (start_core(handle, func, fargs, kwargs) < 0) return nullptr;
  return long_from_unsigned_long_long(handle->ident);
}

Object* thread_start_joinable_thread(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"function", "handle", "daemon", nullptr};
  static const ArgParser parser = {"start_joinable_thread", kw, 1, 3, 0};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Object* func = a[0];
  if (!callable_check(func)) return errors::format(exc_TypeError, "thread function must be callable");
  Ref<> hobj;
  if (a[1] && a[1] != none()) {
    if (a[1]->type != &handle_type) {
      return errors::format(exc_TypeError, "'handle' must be a _ThreadHandle");
    }
    hobj = Ref<>::borrow(a[1]);
  } else {
    hobj = Ref<>::steal(handle_object_new(std::make_shared<HandleCore>()));
    if (!hobj) return nullptr;
  }
  int daemon = 1;
  if (a[2]) {
    daemon = object_is_true(a[2]);
    if (daemon < 0) return nullptr;
  }
  auto handle = *ho(hobj.get())->handle;
  handle->daemon = daemon != 0;
  Ref<> empty = Ref<>::steal(tuple_new(0));
  if (!empty || start_core(handle, func, empty.get(), nullptr) < 0) return nullptr;
  return hobj.release();
}

Object* thread_make_thread_handle(Object*, Object* ident) {
  Ref<> idx = Ref<>::steal(number_index(ident));
  if (!idx) return nullptr;
  auto core = std::make_shared<HandleCore>();
  core->ident = static_cast<unsigned long>(long_as_long(idx.get()));
  if (errors::occurred()) return nullptr;
  core->state = HandleState::kRunning;
  return handle_object_new(std::move(core));
}

// thread_shutdown: joins every non-daemon thread still running.
Object* thread_shutdown(Object*, Object*) {
  unsigned long me = runtime::get_thread_ident();
  for (;;) {
    std::shared_ptr<HandleCore> h;
    {
      std::lock_guard<std::mutex> g(shutdown_mutex());
      for (auto& c : shutdown_handles()) {
        if (c->ident != me) {
          h = c;
          break;
        }
      }
    }
    if (!h) break;
    if (join_core(h, -1) < 0) return nullptr;
    std::lock_guard<std::mutex> g(shutdown_mutex());
    auto& hs = shutdown_handles();
    for (size_t i = 0; i < hs.size(); ++i) {
      if (hs[i] == h) {
        hs.erase(hs.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
  return return_none();
}

// ---- module functions ------------------------------------------------------------------------

Object* thread_allocate_lock(Object*, Object*) { return new_lock_object(); }
Object* thread_get_ident(Object*, Object*) {
  return long_from_unsigned_long_long(runtime::get_thread_ident());
}
Object* thread_get_native_id(Object*, Object*) {
  return long_from_unsigned_long_long(runtime::get_thread_native_id());
}
Object* thread_count_fn(Object*, Object*) { return long_from_long(thread_count); }
Object* thread_exit(Object*, Object*) {
  errors::set_none(exc_SystemExit);
  return nullptr;
}
Object* thread_daemon_threads_allowed(Object*, Object*) { return new_ref(true_object()); }
Object* thread_is_main_interpreter(Object*, Object*) { return new_ref(true_object()); }

unsigned long main_thread_ident = 0;
Object* thread_get_main_thread_ident(Object*, Object*) {
  return long_from_unsigned_long_long(main_thread_ident);
}

// thread_stack_size: stack_size([size]) -> the previous size. As in CPython, no argument means
// size 0, which resets to the platform default.
Object* thread_stack_size(Object*, Object* args) {
  ssize nargs = tuple_size(args);
  if (nargs > 1) {
    return errors::format(exc_TypeError, "stack_size() takes at most 1 argument (%zd given)", nargs);
  }
  size_t old = runtime::thread_stack_size();
  long v = 0;
  if (nargs == 1) {
    Object* arg = tuple_item(args, 0);
    if (float_check(arg)) {
      return errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
    }
    Ref<> idx = Ref<>::steal(number_index(arg));
    if (!idx) return nullptr;
    v = long_as_long(idx.get());
    if (v == -1 && errors::occurred()) return nullptr;
  }
  if (v < 0) return errors::format(exc_ValueError, "size must be 0 or a positive value");
  if (runtime::set_thread_stack_size(static_cast<size_t>(v)) < 0) {
    return errors::format(exc_ValueError, "size not valid: %zd bytes", static_cast<ssize>(v));
  }
  return long_from_unsigned_long_long(old);
}

// thread_interrupt_main_impl.
Object* thread_interrupt_main(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"signum", nullptr};
  static const ArgParser parser = {"interrupt_main", kw, 0, 1, 0};
  Object* a[1] = {nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  long signum = SIGINT;
  if (a[0]) {
    signum = long_as_long(a[0]);
    if (signum == -1 && errors::occurred()) return nullptr;
  }
  // PyErr_SetInterruptEx: the main thread runs the signal's handler at its next check.
  if (_signal::set_interrupt_ex(static_cast<int>(signum)) < 0) {
    return errors::format(exc_ValueError, "signal number out of range");
  }
  return return_none();
}

// _thread.set_name(name): pthread_setname_np with the name truncated to 15 bytes.
Object* thread_set_name(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", nullptr};
  static const ArgParser parser = {"set_name", kw, 1, 1, 0};
  Object* a[1] = {nullptr};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!str_check(a[0])) {
    bad_argument("set_name", "'name'", "str", a[0]);
    return nullptr;
  }
  ssize n = 0;
  const char* s = str_as_utf8(a[0], &n);
  if (!s) {
    errors::clear();
    s = "?";
    n = 1;
  }
  std::string name(s, static_cast<size_t>(n));
  if (name.size() > 15) {
    name.resize(15);
    // Do not cut a UTF-8 sequence in the middle.
    while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
    if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0x80)) name.pop_back();
  }
  int err = pthread_setname_np(pthread_self(), name.c_str());
  if (err) {
    errno = err;
    return errors::set_from_errno(exc_OSError);
  }
  return return_none();
}
Object* thread_get_name(Object*, Object*) {
  char name[17] = {0};
  int err = pthread_getname_np(pthread_self(), name, sizeof(name));
  if (err) {
    errno = err;
    return errors::set_from_errno(exc_OSError);
  }
  return str_decode_utf8(name, static_cast<ssize>(std::strlen(name)), "surrogateescape");
}

MethodDef thread_methods[] = {
    {"start_new_thread", FASTCALL(thread_start_new_thread),
     "start_new_thread($module, function, args, kwargs={}, /)\n--\n\nStart a new thread and "
     "return its identifier.\n\nThe thread will call the function with positional arguments from "
     "the\ntuple args and keyword arguments taken from the optional dictionary\nkwargs.  The "
     "thread exits when the function returns; the return value\nis ignored.  The thread will also "
     "exit when the function raises an\nunhandled exception; a stack trace will be printed unless "
     "the exception\nis SystemExit."},
    {"start_new", FASTCALL(thread_start_new_thread),
     "start_new($module, function, args, kwargs={}, /)\n--\n\nAn obsolete synonym of "
     "start_new_thread()."},
    {"start_joinable_thread", FASTCALL_KW(thread_start_joinable_thread),
     "start_joinable_thread($module, /, function, handle=None, daemon=True)\n--\n\n*For internal "
     "use only*: start a new thread.\n\nLike start_new_thread(), this starts a new thread calling "
     "the given function.\nUnlike start_new_thread(), this returns a handle object with methods "
     "to join\nor detach the given thread.\nThis function is not for third-party code, please use "
     "the\n`threading` module instead. During finalization the daemon parameter is ignored "
     "and\nis always True."},
    {"daemon_threads_allowed", NOARGS(thread_daemon_threads_allowed),
     "daemon_threads_allowed($module, /)\n--\n\nCheck if daemon threads are allowed."},
    {"allocate_lock", NOARGS(thread_allocate_lock),
     "allocate_lock($module, /)\n--\n\nCreate a new lock object. See help(type(threading.Lock())) "
     "for\ninformation about locks."},
    {"allocate", NOARGS(thread_allocate_lock),
     "allocate($module, /)\n--\n\nAn obsolete synonym of allocate_lock()."},
    {"exit_thread", NOARGS(thread_exit),
     "exit_thread($module, /)\n--\n\nThis is synonymous with ``raise SystemExit''.  It will "
     "cause the current\nthread to exit silently unless the exception is caught."},
    {"exit", NOARGS(thread_exit), "exit($module, /)\n--\n\nAn obsolete synonym of exit_thread()."},
    {"interrupt_main", FASTCALL_KW(thread_interrupt_main),
     "interrupt_main($module, /, signum=signal.SIGINT)\n--\n\nSimulate the arrival of the given "
     "signal in the main thread,\nwhere the corresponding signal handler will be executed.\nIf "
     "*signum* is omitted, SIGINT is assumed.\nA subthread can use this function to interrupt the "
     "main thread.\n\nNote: the default signal handler for SIGINT raises ``KeyboardInterrupt``."},
    {"get_ident", NOARGS(thread_get_ident),
     "get_ident($module, /)\n--\n\nReturn a non-zero integer that uniquely identifies the current "
     "thread\namongst other threads that exist simultaneously.\nThis may be used to identify "
     "per-thread resources.\nEven though on some platforms threads identities may appear to "
     "be\nallocated consecutive numbers starting at 1, this behavior should not\nbe relied upon, "
     "and the number should be seen purely as a magic cookie.\nA thread's identity may be reused "
     "for another thread after it exits."},
    {"get_native_id", NOARGS(thread_get_native_id),
     "get_native_id($module, /)\n--\n\nReturn a non-negative integer identifying the thread as "
     "reported\nby the OS (kernel). This may be used to uniquely identify a\nparticular thread "
     "within a system."},
    {"_count", NOARGS(thread_count_fn),
     "_count($module, /)\n--\n\nReturn the number of currently running Python threads, "
     "excluding\nthe main thread. The returned number comprises all threads created\nthrough "
     "`start_new_thread()` as well as `threading.Thread`, and not\nyet finished.\n\nThis "
     "function is meant for internal and specialized purposes only.\nIn most applications "
     "`threading.enumerate()` should be used instead."},
    {"stack_size", reinterpret_cast<void*>(thread_stack_size), kMethVarargs,
     "stack_size($module, size=0, /)\n--\n\nReturn the thread stack size used when creating new "
     "threads.\n\nThe optional size argument specifies the stack size (in bytes) to be used\nfor "
     "subsequently created threads, and must be 0 (use platform or\nconfigured default) or a "
     "positive integer value of at least 32,768 (32k)."},
    {"_excepthook", METH_O(thread_excepthook),
     "_excepthook($module, (exc_type, exc_value, exc_traceback, thread), /)\n--\n\nHandle "
     "uncaught Thread.run() exception."},
    {"_is_main_interpreter", NOARGS(thread_is_main_interpreter),
     "_is_main_interpreter($module, /)\n--\n\nReturn True if the current interpreter is the main "
     "Python interpreter."},
    {"_get_main_thread_ident", NOARGS(thread_get_main_thread_ident),
     "_get_main_thread_ident($module, /)\n--\n\nInternal only. Return a non-zero integer that "
     "uniquely identifies the main thread\nof the main interpreter."},
    {"_make_thread_handle", METH_O(thread_make_thread_handle),
     "_make_thread_handle($module, ident, /)\n--\n\nInternal only. Make a thread handle for "
     "threads not spawned\nby the _thread or threading module."},
    {"_shutdown", NOARGS(thread_shutdown),
     "_shutdown($module, /)\n--\n\nWait for all non-daemon threads (other than the calling "
     "thread) to stop."},
    {"set_name", FASTCALL_KW(thread_set_name),
     "set_name($module, /, name)\n--\n\nSet the name of the current thread."},
    {"_get_name", NOARGS(thread_get_name),
     "_get_name($module, /)\n--\n\nGet the name of the current thread."},
    {nullptr, nullptr, 0, nullptr}};

bool types_ready = false;

int init_types() {
  if (types_ready) return 0;
  lock_type_obj.dealloc = lock_dealloc;
  lock_type_obj.traverse = lock_traverse;
  lock_type_obj.repr = lock_repr;
  lock_type_obj.methods = lock_methods;
  lock_type_obj.new_ = lock_new;
  lock_type_obj.weaklistoffset = static_cast<ssize>(offsetof(LockObject, in_weakreflist));
  lock_type_obj.doc =
      "lock()\n--\n\nA lock object is a synchronization primitive.  To create a lock,\ncall "
      "threading.Lock().  Methods are:\n\nacquire() -- lock the lock, possibly blocking until it "
      "can be obtained\nrelease() -- unlock of the lock\nlocked() -- test whether the lock is "
      "currently locked\n\nA lock is not owned by the thread that locked it; another thread "
      "may\nunlock it.  A thread attempting to lock a lock that it has already locked\nwill block "
      "until another thread unlocks it.  Deadlocks may ensue.";

  rlock_type.dealloc = rlock_dealloc;
  rlock_type.traverse = rlock_traverse;
  rlock_type.repr = rlock_repr;
  rlock_type.methods = rlock_methods;
  rlock_type.new_ = rlock_new;
  rlock_type.weaklistoffset = static_cast<ssize>(offsetof(RLockObject, in_weakreflist));

  handle_type.dealloc = handle_dealloc;
  handle_type.repr = handle_repr;
  handle_type.getset = handle_getset;
  handle_type.methods = handle_methods;
  handle_type.new_ = handle_tp_new;

  local_type.dealloc = local_dealloc;
  local_type.traverse = local_traverse;
  local_type.clear = local_clear;
  local_type.getattro = local_getattro;
  local_type.setattro = local_setattro;
  local_type.new_ = local_new;
  local_type.weaklistoffset = static_cast<ssize>(offsetof(LocalObject, weakreflist));
  local_type.doc = "Thread-local data";

  TypeObject* const types[] = {&lock_type_obj, &rlock_type, &handle_type, &local_type};
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  if (structseq_init_type(&excepthook_type, &excepthook_desc) < 0) return -1;
  types_ready = true;
  return 0;
}

// thread_module_exec.
int thread_exec(Object* m) {
  if (init_types() < 0) return -1;
  if (main_thread_ident == 0) main_thread_ident = runtime::get_thread_ident();
  if (module_add_object_ref(m, "LockType", &lock_type_obj) < 0) return -1;
  if (module_add_object_ref(m, "lock", &lock_type_obj) < 0) return -1;
  if (module_add_object_ref(m, "RLock", &rlock_type) < 0) return -1;
  if (module_add_object_ref(m, "_local", &local_type) < 0) return -1;
  if (module_add_object_ref(m, "_ThreadHandle", &handle_type) < 0) return -1;
  if (module_add_object_ref(m, "_ExceptHookArgs", &excepthook_type) < 0) return -1;
  if (module_add_object_ref(m, "error", exc_RuntimeError) < 0) return -1;
  Ref<> tmax = Ref<>::steal(float_from_double(runtime::timeout_max_seconds()));
  if (!tmax || module_add_object_ref(m, "TIMEOUT_MAX", tmax.get()) < 0) return -1;
  return 0;
}

ModuleDef thread_def = {
    "_thread",
    "This module provides primitive operations to write multi-threaded programs.\nThe "
    "'threading' module provides a more convenient interface.",
    thread_methods, thread_exec};

}  // namespace

ModuleDef* module_def() { return &thread_def; }

int wait_for_thread_shutdown() {
  // wait_for_thread_shutdown (Python/pylifecycle.c): threading._shutdown() if threading was
  // imported.
  Object* mods = modules_dict();
  Object* threading = mods ? dict_get_item_string(mods, "threading") : nullptr;
  if (!threading) return 0;
  Ref<> r = Ref<>::steal(call_method_no_args(threading, Ref<>::steal(str_from_cstr("_shutdown")).get()));
  if (!r) {
    errors::format_unraisable("Exception ignored on threading shutdown");
    return -1;
  }
  return 0;
}

}  // namespace cppy::modules::_thread
