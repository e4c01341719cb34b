// The interpreter's thread states: Python/pystate.c (PyThreadState_New, bind_tstate,
// tstate_delete_common) over the structures of pystate.h.
#include "runtime/pystate.h"

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

void thread_state_bind(ThreadState* ts) { ts->thread_id = get_thread_ident(); }

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
