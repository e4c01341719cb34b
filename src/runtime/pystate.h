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
  // Remaining Python-level recursion budget (_Py_EnterRecursivePy; sys.setrecursionlimit).
  int py_recursion_remaining = 1000;
  int py_recursion_limit = 1000;
  // The machine stack's bounds for this thread (_PyThreadStateImpl c_stack_top,
  // c_stack_soft_limit, c_stack_hard_limit; 0 until init_recursion_limits ran on the thread).
  // C++ recursion is bounded by address, as in 3.14: past the soft limit a guarded call
  // raises RecursionError, past the hard limit the process stops with a fatal error.
  uintptr_t c_stack_top = 0;
  uintptr_t c_stack_soft_limit = 0;
  uintptr_t c_stack_hard_limit = 0;
  // Nonzero while a RecursionError is being made (PyThreadState.recursion_headroom).
  int recursion_headroom = 0;
  // The trashcan: GC objects whose deallocation was put off because the stack was nearly
  // exhausted, chained through their GC header (PyThreadState.delete_later).
  objects::Object* delete_later = nullptr;
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

// PYOS_STACK_MARGIN_BYTES: the unit of stack headroom, 4096 words as in CPython (four
// times that under ASan, whose activations are larger).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr uintptr_t kStackMarginBytes = 4 * 4096 * sizeof(void*);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr uintptr_t kStackMarginBytes = 4 * 4096 * sizeof(void*);
#else
inline constexpr uintptr_t kStackMarginBytes = 4096 * sizeof(void*);
#endif
#else
inline constexpr uintptr_t kStackMarginBytes = 4096 * sizeof(void*);
#endif

// _Py_get_machine_stack_pointer: the address of the calling activation (the stack grows
// down on every platform cppy builds for).
[[gnu::always_inline]] inline uintptr_t machine_stack_pointer() {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

// _Py_InitializeRecursionLimits: reads the calling thread's stack from pthread_getattr_np
// (guard page excluded); without it, assumes 4 MB below the current address.
void init_recursion_limits(ThreadState* ts);

// _Py_ReachedRecursionLimitWithMargin: true when fewer than margin_count margins of stack
// remain above the soft limit.
inline bool reached_recursion_limit_with_margin(const ThreadState* ts, int margin_count) {
  return machine_stack_pointer() <=
         ts->c_stack_soft_limit + uintptr_t(margin_count) * kStackMarginBytes;
}

// The main interpreter (_PyInterpreterState_Main).
InterpreterState* main_interpreter();

// PyThreadState_New: a state linked into interp's list, bound to no thread until
// thread_state_bind, not made current.
ThreadState* thread_state_new(InterpreterState* interp);
// bind_tstate: records the calling thread as the state's thread and reads its stack bounds.
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
