// The global interpreter lock: Python/ceval_gil.c. Created when the first thread starts;
// until then the main thread runs without taking it. A thread waiting for the lock longer
// than the switch interval asks the holder to drop it through the eval breaker, which the
// eval loop checks at RESUME and backward jumps.
#pragma once

#include "runtime/pystate.h"

namespace cppy::vm {

// Whether the GIL exists (a second thread was started).
bool gil_created();
// Whether the calling thread holds the GIL (PyGILState_Check); always true before the GIL
// exists.
bool gil_held();
// _PyEval_InitGIL for the first extra thread: the calling thread holds the new lock.
void gil_create();
// take_gil / drop_gil.
void gil_take(runtime::ThreadState* ts);
void gil_drop(runtime::ThreadState* ts);
// PyEval_SaveThread / PyEval_RestoreThread (Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS):
// no-ops while there is no GIL.
runtime::ThreadState* save_thread();
void restore_thread(runtime::ThreadState* ts);
// _Py_HandlePending: the eval loop calls this when eval_breaker is set. 0, or -1 with an
// exception (a signal handler raised).
int handle_eval_breaker();
// _PyInterpreterState_SetFinalizing: from now on every other thread that wants the GIL
// hangs there forever (PyThread_hang_thread), so that daemon threads do not run while the
// modules are torn down.
void set_finalizing_thread(runtime::ThreadState* ts);
// sys.setswitchinterval / getswitchinterval, in microseconds.
void set_switch_interval(unsigned long microseconds);
unsigned long get_switch_interval();

// RAII form of Py_BEGIN_ALLOW_THREADS ... Py_END_ALLOW_THREADS.
class AllowThreads {
 public:
  AllowThreads() : ts_(save_thread()) {}
  ~AllowThreads() { restore_thread(ts_); }
  AllowThreads(const AllowThreads&) = delete;
  AllowThreads& operator=(const AllowThreads&) = delete;

 private:
  runtime::ThreadState* ts_;
};

}  // namespace cppy::vm
