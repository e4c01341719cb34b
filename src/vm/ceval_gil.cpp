// The global interpreter lock: Python/ceval_gil.c (take_gil, drop_gil, the forced switch after
// the switch interval, PyEval_SaveThread / PyEval_RestoreThread).
#include "vm/ceval_gil.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include <unistd.h>

#include "gc/gc.h"
#include "runtime/pystate.h"
#include "modules/_signal/signalmodule.h"
#include "vm/ceval.h"
#include "vm/frame.h"

namespace cppy::vm {

namespace {

struct Gil {
  std::mutex mutex;
  std::condition_variable cond;         // signalled when the lock is released
  std::condition_variable switch_cond;  // signalled when another thread took it
  bool locked = false;
  runtime::ThreadState* holder = nullptr;
  uint64_t switch_number = 0;
  std::atomic<bool> created{false};
  std::atomic<bool> drop_request{false};
  std::atomic<unsigned long> interval{5000};  // microseconds, as sys.getswitchinterval()
  std::atomic<runtime::ThreadState*> finalizing{nullptr};
};

Gil& gil() {
  static Gil* g = new Gil();  // never destroyed: threads may still use it at exit
  return *g;
}

}  // namespace

bool gil_created() { return gil().created.load(std::memory_order_acquire); }

bool gil_held() {
  if (!gil_created()) return true;
  Gil& g = gil();
  std::lock_guard<std::mutex> lock(g.mutex);
  return g.locked && g.holder == runtime::thread_state();
}

void gil_create() {
  gc::obmalloc_enable_locking();
  Gil& g = gil();
  std::lock_guard<std::mutex> lock(g.mutex);
  if (g.created.load()) return;
  g.locked = true;
  g.holder = runtime::thread_state();
  g.created.store(true, std::memory_order_release);
}

// take_gil: waits for the lock; after an interval without a switch, asks the holder to drop it.
void gil_take(runtime::ThreadState* ts) {
  Gil& g = gil();
  std::unique_lock<std::mutex> lock(g.mutex);
  for (;;) {
    // tstate_must_exit: the interpreter is finalizing in another thread.
    runtime::ThreadState* finalizing = g.finalizing.load(std::memory_order_acquire);
    if (finalizing && finalizing != ts) {
      lock.unlock();
      for (;;) pause();  // PyThread_hang_thread
    }
    if (!g.locked) break;
    uint64_t saved = g.switch_number;
    auto interval = std::chrono::microseconds(g.interval.load() ? g.interval.load() : 1);
    if (!g.cond.wait_for(lock, interval, [&g] { return !g.locked; })) {
      if (g.locked && g.switch_number == saved) {
        g.drop_request.store(true);
        eval_breaker = 1;
      }
    }
  }
  g.locked = true;
  g.holder = ts;
  ++g.switch_number;
  // The drop request is served; keep the breaker for signals still to handle.
  if (g.drop_request.exchange(false)) eval_breaker = modules::_signal::signals_tripped();
  g.switch_cond.notify_all();
}

void gil_drop(runtime::ThreadState*) {
  Gil& g = gil();
  {
    std::lock_guard<std::mutex> lock(g.mutex);
    g.locked = false;
    g.holder = nullptr;
  }
  g.cond.notify_one();
}

runtime::ThreadState* save_thread() {
  runtime::ThreadState* ts = runtime::thread_state();
  if (gil_created()) gil_drop(ts);
  return ts;
}

void restore_thread(runtime::ThreadState* ts) {
  // errno survives taking the lock, as PyEval_RestoreThread keeps it: callers read the errno
  // of the call they made without the GIL.
  int saved_errno = errno;
  if (gil_created()) gil_take(ts);
  runtime::set_thread_state(ts);
  errno = saved_errno;
}

// The loop stored the running frame's stack pointer before calling: the frame is exact
// (Frame::sp_exact) for whatever runs here (signal handlers, a scheduled collection, other
// threads while the GIL is given away), until the loop continues.
namespace {
struct SpExactScope {
  Frame* frame;
  explicit SpExactScope(Frame* f) : frame(f) {
    if (frame) frame->sp_exact = 1;
  }
  ~SpExactScope() {
    if (frame) frame->sp_exact = 0;
  }
};
}  // namespace

int handle_eval_breaker() {
  SpExactScope exact(runtime::thread_state()->current_frame);
  Gil& g = gil();
  // Signals first (_Py_HandlePending: handle_signals), on the main thread: clear the breaker
  // before looking, so that a signal arriving meanwhile sets it again.
  eval_breaker = 0;
  if (modules::_signal::signals_tripped()) {
    if (modules::_signal::check_signals() < 0) return -1;
    // Other threads leave the signals to the main thread: keep the breaker set for it.
    if (modules::_signal::signals_tripped()) eval_breaker = 1;
  }
  // _Py_RunGC: a collection the allocator scheduled.
  if (gc::collect_scheduled) gc::run_scheduled_collection();
  if (!g.drop_request.load()) return 0;
  runtime::ThreadState* ts = runtime::thread_state();
  {
    // FORCE_SWITCHING: give the lock away and wait until another thread took it, so that
    // the requester gets it rather than this thread again.
    std::unique_lock<std::mutex> lock(g.mutex);
    uint64_t saved = g.switch_number;
    g.locked = false;
    g.holder = nullptr;
    g.drop_request.store(false);
    eval_breaker = modules::_signal::signals_tripped();
    g.cond.notify_one();
    g.switch_cond.wait_for(lock, std::chrono::milliseconds(50),
                           [&g, saved] { return g.switch_number != saved; });
  }
  gil_take(ts);
  return 0;
}

void set_switch_interval(unsigned long microseconds) { gil().interval.store(microseconds); }
unsigned long get_switch_interval() { return gil().interval.load(); }

void set_finalizing_thread(runtime::ThreadState* ts) {
  gil().finalizing.store(ts, std::memory_order_release);
}

}  // namespace cppy::vm
