// The interpreter's thread states: Python/pystate.c (PyThreadState_New, bind_tstate,
// tstate_delete_common) over the structures of pystate.h.
#include "runtime/pystate.h"

#include <pthread.h>

#include "runtime/thread.h"

namespace cppy::runtime {

namespace {
InterpreterState g_main_interpreter;
}  // namespace

InterpreterState* main_interpreter() { return &g_main_interpreter; }

void thread_state_link(InterpreterState* interp, ThreadState* ts) {
  ts->interp = interp;
  ts->prev = nullptr;
  ts->next = interp->threads_head;
  if (interp->threads_head) interp->threads_head->prev = ts;
  interp->threads_head = ts;
}

ThreadState* thread_state_new(InterpreterState* interp) {
  auto* ts = new ThreadState();
  thread_state_link(interp, ts);
  return ts;
}

void thread_state_bind(ThreadState* ts) {
  ts->thread_id = get_thread_ident();
  init_recursion_limits(ts);
}

// _Py_InitializeRecursionLimits (Python/ceval.c): the soft limit is two margins above the
// lowest usable address, the hard limit one margin.
void init_recursion_limits(ThreadState* ts) {
  uintptr_t here = machine_stack_pointer();
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    size_t stack_size = 0, guard_size = 0;
    void* stack_addr = nullptr;
    int err = pthread_attr_getguardsize(&attr, &guard_size);
    err |= pthread_attr_getstack(&attr, &stack_addr, &stack_size);
    pthread_attr_destroy(&attr);
    if (err == 0) {
      uintptr_t base = reinterpret_cast<uintptr_t>(stack_addr) + guard_size;
      uintptr_t top = reinterpret_cast<uintptr_t>(stack_addr) + stack_size;
      if (base < here && here < top) {
        ts->c_stack_top = top;
        ts->c_stack_soft_limit = base + kStackMarginBytes * 2;
        ts->c_stack_hard_limit = base + kStackMarginBytes;
        return;
      }
    }
  }
  // Py_C_STACK_SIZE's fallback.
  constexpr uintptr_t kCStackSize = 4000000;
  ts->c_stack_top = (here + 4095) & ~uintptr_t(4095);
  ts->c_stack_soft_limit = ts->c_stack_top - kCStackSize;
  ts->c_stack_hard_limit = ts->c_stack_top - (kCStackSize + kStackMarginBytes);
}

void thread_state_unlink(ThreadState* ts) {
  InterpreterState* interp = ts->interp;
  if (!interp) return;
  if (ts->prev) {
    ts->prev->next = ts->next;
  } else if (interp->threads_head == ts) {
    interp->threads_head = ts->next;
  }
  if (ts->next) ts->next->prev = ts->prev;
  ts->prev = ts->next = nullptr;
  ts->interp = nullptr;
}

void thread_states_after_fork(ThreadState* current) {
  InterpreterState* interp = current->interp;
  if (interp) {
    interp->threads_head = current;
    current->prev = current->next = nullptr;
  }
  thread_state_bind(current);
}

void thread_state_delete(ThreadState* ts) {
  thread_state_unlink(ts);
  delete ts;
}

}  // namespace cppy::runtime
