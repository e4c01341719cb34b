// Interpreter and thread state: Include/cpython/pystate.h, Python/pystate.c.
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace cppy::vm {
struct Frame;
}

namespace cppy::runtime {

struct InterpreterState;

// The exception being handled by an except block or a finally (sys.exception()): a stack that
// generators and coroutines push their own entry on (_PyErr_StackItem).
struct ErrStackItem {
  objects::Object* exc_value = nullptr;
  ErrStackItem* previous_item = nullptr;
};

struct ThreadState {
  // The exception raised and not yet handled: the error indicator (3.12+: one object).
  objects::Object* current_exception = nullptr;
  ErrStackItem exc_state;
  ErrStackItem* exc_info = &exc_state;
  // Remaining Python-level and C++-level recursion budget (Py_EnterRecursiveCall).
  int py_recursion_remaining = 1000;
  int py_recursion_limit = 1000;
  int c_recursion_remaining = 10000;
  vm::Frame* current_frame = nullptr;
  // The current contextvars.Context (strong) or null until first used (Python/context.c).
  objects::Object* context = nullptr;
  uint64_t context_ver = 0;
  // sys.set_asyncgen_hooks (strong or null): called on an async generator's first use and
  // when an unfinished one is deallocated.
  objects::Object* async_gen_firstiter = nullptr;
  objects::Object* async_gen_finalizer = nullptr;
  InterpreterState* interp = nullptr;
  // The interpreter's list of thread states (interp->threads.head), and the thread that runs
  // this state (PyThreadState.thread_id; 0 until bound).
  ThreadState* prev = nullptr;
  ThreadState* next = nullptr;
  unsigned long thread_id = 0;
};

// The interpreter (PyInterpreterState): cppy has one per process.
struct InterpreterState {
  ThreadState* threads_head = nullptr;  // guarded by the GIL once threads start
};

// The main interpreter (_PyInterpreterState_Main).
InterpreterState* main_interpreter();

// PyThreadState_New: a state linked into interp's list, bound to no thread until
// thread_state_bind, not made current.
ThreadState* thread_state_new(InterpreterState* interp);
// bind_tstate: records the calling thread as the state's thread.
void thread_state_bind(ThreadState* ts);
// Links a state made elsewhere (the main thread's static one) into interp's list.
void thread_state_link(InterpreterState* interp, ThreadState* ts);
// tstate_delete_common's unlinking: takes ts out of its interpreter's list (with the GIL held,
// before the thread lets it go).
void thread_state_unlink(ThreadState* ts);
// _PyThreadState_DeleteExcept after fork(): only the calling thread survives in the child, so
// the other states leave the list (their memory is abandoned, as the threads that owned them
// are gone mid-flight) and current is rebound to the child's thread.
void thread_states_after_fork(ThreadState* current);
// PyThreadState_Delete: unlinks ts if still linked, then frees it; ts must not be current.
void thread_state_delete(ThreadState* ts);

namespace detail {
inline thread_local ThreadState* current_thread_state = nullptr;
}

// The calling thread's state (_PyThreadState_GET). Never null once the runtime is initialised.
inline ThreadState* thread_state() { return detail::current_thread_state; }
inline void set_thread_state(ThreadState* ts) { detail::current_thread_state = ts; }

}  // namespace cppy::runtime
