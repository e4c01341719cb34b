// The _signal module: Modules/signalmodule.c. The C-level signal handler only records the
// signal (Handlers[signum].tripped, is_tripped) and sets the eval breaker; the eval loop's
// breaker (vm/ceval_gil.cpp handle_eval_breaker) and blocking calls interrupted by EINTR then
// run the Python handlers through check_signals() on the main thread.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_signal {

ModuleDef* module_def();

// _PySignal_Init + signal_install_handlers (Python/pylifecycle.c init_signals): records the
// main thread, ignores SIGPIPE and SIGXFSZ and imports _signal, which installs the SIGINT
// handler raising KeyboardInterrupt. 0, or -1 with an error set.
int install_handlers();
// Whether a signal was received and its Python handler has not run yet (is_tripped).
bool signals_tripped();
// PyErr_CheckSignals: runs the Python handlers of the signals received (main thread only).
// 0, or -1 with the handler's exception set.
int check_signals();
// PyErr_SetInterruptEx: simulates the arrival of signum (for _thread.interrupt_main). 0, or -1
// when signum is out of range (nothing set).
int set_interrupt_ex(int signum);
// _PyOS_IsMainThread: whether the calling thread is the one that started the runtime.
bool is_main_thread();
// _PySignal_AfterFork: forgets signals received before the fork.
void after_fork();

}  // namespace cppy::modules::_signal
