// The _signal module: Modules/signalmodule.c of CPython 3.14 for Linux, with PyOS_setsig /
// PyOS_getsig of Python/pylifecycle.c and _Py_Sigset_Converter of Modules/posixmodule.c.
//
// The C handler (signal_handler) is async-signal-safe: it sets the signal's tripped flag, the
// global is_tripped flag and the eval breaker, and writes the signal number to the wakeup fd.
// The Python handlers run later on the main thread, in check_signals().
#include "modules/_signal/signalmodule.h"

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "errors/errors.h"
#include "imp/import.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/setobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pystate.h"
#include "runtime/thread.h"
#include "runtime/pytime.h"
#include "vm/ceval.h"
#include "vm/ceval_gil.h"
#include "vm/frame.h"

namespace cppy::modules::_signal {

using namespace objects;

namespace {

// Py_NSIG: SIGRTMAX + 1 on Linux (glibc's NSIG).
constexpr int kNsig = NSIG;

// Handlers[]: the tripped flag and the Python-level handler of each signal. The handler is
// a strong reference (or null before the module ran); only the main thread changes it.
struct Handler {
  std::atomic<int> tripped{0};
  std::atomic<Object*> func{nullptr};
};
Handler handlers[kNsig];

// Speeds up check_signals() when nothing was received.
std::atomic<int> is_tripped{0};

// The wakeup fd (set_wakeup_fd) and the first write error to report.
std::atomic<int> wakeup_fd{-1};
std::atomic<int> wakeup_warn_on_full_buffer{1};
std::atomic<int> wakeup_write_errno{0};

Object* default_handler = nullptr;  // SIG_DFL as an int
Object* ignore_handler = nullptr;   // SIG_IGN as an int
TypeObject* itimer_error = nullptr;
TypeObject siginfo_type{};
unsigned long main_thread = 0;
bool main_thread_known = false;

Object* get_handler(int signum) { return handlers[signum].func.load(); }
// set_handler: stores func (stolen) and returns the previous handler (new reference or null).
Object* set_handler(int signum, Object* func) { return handlers[signum].func.exchange(func); }

// compare_handler: whether func is the exact int SIG_DFL or SIG_IGN stands for.
bool compare_handler(Object* func, Object* dfl_ign_handler) {
  if (!func || !long_check_exact(func)) return false;
  int r = object_rich_compare_bool(func, dfl_ign_handler, kEQ);
  if (r < 0) errors::clear();
  return r == 1;
}

// trip_signal: what the C handler does (and PyErr_SetInterruptEx). Async-signal-safe.
void trip_signal(int signum) {
  handlers[signum].tripped.store(1);
  // Set is_tripped after .tripped: check_signals() clears is_tripped before the flags.
  is_tripped.store(1);
  vm::eval_breaker = 1;  // _PyEval_SignalReceived
  int fd = wakeup_fd.load();
  if (fd != -1) {
    unsigned char byte = static_cast<unsigned char>(signum);
    ssize_t rc;
    do {
      rc = ::write(fd, &byte, 1);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
      // A full pipe is only reported when asked (warn_on_full_buffer).
      if (wakeup_warn_on_full_buffer.load() || (errno != EWOULDBLOCK && errno != EAGAIN)) {
        int expected = 0;
        wakeup_write_errno.compare_exchange_strong(expected, errno);
      }
    }
  }
}

// signal_handler: the C handler installed for signals with a Python handler.
void signal_handler(int signum) {
  int save_errno = errno;
  trip_signal(signum);
  errno = save_errno;
}

// PyOS_setsig / PyOS_getsig (Python/pylifecycle.c): sigaction without SA_RESTART, so that
// blocking calls return EINTR and run the Python handlers (PEP 475).
using sighandler = void (*)(int);
sighandler os_setsig(int sig, sighandler handler) {
  struct sigaction context, ocontext;
  context.sa_handler = handler;
  sigemptyset(&context.sa_mask);
  context.sa_flags = SA_ONSTACK;
  if (sigaction(sig, &context, &ocontext) == -1) return SIG_ERR;
  return ocontext.sa_handler;
}
sighandler os_getsig(int sig) {
  struct sigaction context;
  if (sigaction(sig, nullptr, &context) == -1) return SIG_ERR;
  return context.sa_handler;
}

// report_wakeup_write_error: the pending report of a failed write to the wakeup fd.
void report_wakeup_write_error() {
  int err = wakeup_write_errno.exchange(0);
  if (!err) return;
  Object* saved = errors::get_raised_exception();
  int save_errno = errno;
  errno = err;
  errors::set_from_errno(exc_OSError);
  errno = save_errno;
  errors::format_unraisable("Exception ignored when trying to write to the signal wakeup fd");
  if (saved) errors::set_raised_exception(saved);
}

// _PyErr_CheckSignalsTstate.
int check_signals_tstate() {
  if (wakeup_write_errno.load()) report_wakeup_write_error();
  if (!is_tripped.load()) return 0;
  // Clear is_tripped before the flags: a signal arriving meanwhile sets it again.
  is_tripped.store(0);
  // The frame the handlers receive: the innermost complete one (_PyThreadState_GetFrame).
  Object* frame = none();
  runtime::ThreadState* ts = runtime::thread_state();
  vm::Frame* f = ts ? ts->current_frame : nullptr;
  while (f && vm::frame_is_incomplete(f)) f = f->previous;
  if (f) {
    frame = vm::frame_get_frame_object(f);
    if (!frame) {
      is_tripped.store(1);
      return -1;
    }
  }
  Ref<> keep_frame = Ref<>::borrow(frame);
  for (int i = 1; i < kNsig; ++i) {
    if (!handlers[i].tripped.load()) continue;
    handlers[i].tripped.store(0);
    Object* func = get_handler(i);
    if (!func || func == none() || compare_handler(func, ignore_handler) ||
        compare_handler(func, default_handler)) {
      // The handler changed after the signal arrived: reporting beats a cryptic exception.
      errors::format(exc_OSError, "Signal %i ignored due to race condition", i);
      errors::write_unraisable(none());
      continue;
    }
    Ref<> keep_func = Ref<>::borrow(func);
    Ref<> num = Ref<>::steal(long_from_long(i));
    if (!num) {
      is_tripped.store(1);
      return -1;
    }
    Object* args[2] = {num.get(), frame};
    Ref<> result = Ref<>::steal(vectorcall(func, args, 2, nullptr));
    if (!result) {
      // The other tripped signals run at the next check.
      is_tripped.store(1);
      vm::eval_breaker = 1;
      return -1;
    }
  }
  return 0;
}

bool can_handle_signals() { return is_main_thread(); }

Object* error_from_errno(int err) {
  errno = err;
  return errors::set_from_errno(exc_OSError);
}

bool as_int(Object* o, int* out) {
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}

// _Py_Sigset_Converter (Modules/posixmodule.c): an iterable of signal numbers.
bool sigset_converter(Object* obj, sigset_t* mask) {
  Ref<> it = Ref<>::steal(object_get_iter(obj));
  if (!it) return false;
  if (sigemptyset(mask) < 0) {
    errors::set_from_errno(exc_OSError);
    return false;
  }
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return false;
      break;
    }
    int overflow = 0;
    long signum = long_as_long_and_overflow(item.get(), &overflow);
    if (!overflow && signum == -1 && errors::occurred()) return false;
    if (!overflow && 0 < signum && signum < kNsig) {
      if (sigaddset(mask, static_cast<int>(signum))) {
        if (errno != EINVAL) {
          errors::set_from_errno(exc_OSError);
          return false;
        }
        // range(1, NSIG) stays usable: invalid numbers only warn.
        if (errors::warn_format(exc_RuntimeWarning, 1,
                                "invalid signal number %ld, please use valid_signals()",
                                signum) < 0) {
          return false;
        }
      }
    } else {
      errors::format(exc_ValueError, "signal number %ld out of range [1; %i]", signum,
                     kNsig - 1);
      return false;
    }
  }
  return true;
}

// sigset_to_set: the set of the signal numbers in mask.
Object* sigset_to_set(const sigset_t& mask) {
  Ref<> result = Ref<>::steal(set_new(nullptr));
  if (!result) return nullptr;
  for (int sig = 1; sig < kNsig; ++sig) {
    if (sigismember(&mask, sig) != 1) continue;
    Ref<> n = Ref<>::steal(long_from_long(sig));
    if (!n || set_add(result.get(), n.get()) < 0) return nullptr;
  }
  return result.release();
}

// timeval_from_double: obj (null for 0) as a timeval, rounded up (_PyTime_AsTimeval).
bool timeval_from_object(Object* obj, struct timeval* tv) {
  if (!obj) {
    tv->tv_sec = 0;
    tv->tv_usec = 0;
    return true;
  }
  runtime::PyTime t;
  if (runtime::time_from_seconds_object(&t, obj, runtime::TimeRound::kCeiling) < 0) return false;
  return runtime::time_as_timeval(t, tv, runtime::TimeRound::kCeiling) == 0;
}

double double_from_timeval(const struct timeval& tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6;
}

// itimer_retval: (delay, interval).
Object* itimer_retval(const struct itimerval& iv) {
  Ref<> value = Ref<>::steal(float_from_double(double_from_timeval(iv.it_value)));
  if (!value) return nullptr;
  Ref<> interval = Ref<>::steal(float_from_double(double_from_timeval(iv.it_interval)));
  if (!interval) return nullptr;
  return tuple_pack(2, value.get(), interval.get());
}

// fill_siginfo: a struct_siginfo.
Object* fill_siginfo(const siginfo_t& si) {
  Ref<> result = Ref<>::steal(structseq_new(&siginfo_type));
  if (!result) return nullptr;
  long long values[7] = {si.si_signo, si.si_code, si.si_errno, si.si_pid,
                         static_cast<long long>(si.si_uid), si.si_status, si.si_band};
  for (int i = 0; i < 7; ++i) {
    Object* v = long_from_long_long(values[i]);
    if (!v) return nullptr;
    structseq_set_item(result.get(), i, v);
  }
  return result.release();
}

// ---- the functions -------------------------------------------------------------------------

// signal_default_int_handler_impl.
Object* default_int_handler(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("default_int_handler", nargs, 2, 2)) return nullptr;
  int signalnum;
  if (!as_int(args[0], &signalnum)) return nullptr;
  errors::set_none(exc_KeyboardInterrupt);
  return nullptr;
}

// signal_alarm_impl.
Object* signal_alarm(Object*, Object* arg) {
  int seconds;
  if (!as_int(arg, &seconds)) return nullptr;
  return long_from_long(static_cast<long>(::alarm(static_cast<unsigned>(seconds))));
}

// signal_pause_impl.
Object* signal_pause(Object*, Object*) {
  {
    vm::AllowThreads allow;
    (void)::pause();
  }
  if (check_signals() < 0) return nullptr;
  return return_none();
}

// signal_raise_signal_impl.
Object* signal_raise_signal(Object*, Object* arg) {
  int signalnum;
  if (!as_int(arg, &signalnum)) return nullptr;
  int err;
  {
    vm::AllowThreads allow;
    err = ::raise(signalnum);
  }
  if (err) return errors::set_from_errno(exc_OSError);
  // The handler of the signal (KeyboardInterrupt for SIGINT) runs now.
  if (check_signals() < 0) return nullptr;
  return return_none();
}

// signal_signal_impl.
Object* signal_signal(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("signal", nargs, 2, 2)) return nullptr;
  int signalnum;
  if (!as_int(args[0], &signalnum)) return nullptr;
  Object* handler = args[1];
  if (!can_handle_signals()) {
    errors::set_string(exc_ValueError,
                       "signal only works in main thread of the main interpreter");
    return nullptr;
  }
  if (signalnum < 1 || signalnum >= kNsig) {
    errors::set_string(exc_ValueError, "signal number out of range");
    return nullptr;
  }
  sighandler func;
  if (callable_check(handler)) {
    func = signal_handler;
  } else if (compare_handler(handler, ignore_handler)) {
    func = SIG_IGN;
  } else if (compare_handler(handler, default_handler)) {
    func = SIG_DFL;
  } else {
    errors::set_string(exc_TypeError,
                       "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable "
                       "object");
    return nullptr;
  }
  // Pending signals run with the handler they arrived under.
  if (check_signals_tstate() < 0) return nullptr;
  if (os_setsig(signalnum, func) == SIG_ERR) return errors::set_from_errno(exc_OSError);
  Object* old = set_handler(signalnum, new_ref(handler));
  if (old) return old;
  return return_none();
}

// signal_getsignal_impl.
Object* signal_getsignal(Object*, Object* arg) {
  int signalnum;
  if (!as_int(arg, &signalnum)) return nullptr;
  if (signalnum < 1 || signalnum >= kNsig) {
    errors::set_string(exc_ValueError, "signal number out of range");
    return nullptr;
  }
  Object* old = get_handler(signalnum);
  return old ? new_ref(old) : return_none();
}

// signal_strsignal_impl: None for numbers the C library does not describe.
Object* signal_strsignal(Object*, Object* arg) {
  int signalnum;
  if (!as_int(arg, &signalnum)) return nullptr;
  if (signalnum < 1 || signalnum >= kNsig) {
    errors::set_string(exc_ValueError, "signal number out of range");
    return nullptr;
  }
  errno = 0;
  const char* res = ::strsignal(signalnum);
  if (errno || !res || std::strstr(res, "Unknown signal")) return return_none();
  return str_from_cstr(res);
}

// signal_siginterrupt_impl: SA_RESTART off (flag true) or on.
Object* signal_siginterrupt(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("siginterrupt", nargs, 2, 2)) return nullptr;
  int signalnum, flag;
  if (!as_int(args[0], &signalnum) || !as_int(args[1], &flag)) return nullptr;
  if (signalnum < 1 || signalnum >= kNsig) {
    errors::set_string(exc_ValueError, "signal number out of range");
    return nullptr;
  }
  struct sigaction act;
  (void)sigaction(signalnum, nullptr, &act);
  if (flag) {
    act.sa_flags &= ~SA_RESTART;
  } else {
    act.sa_flags |= SA_RESTART;
  }
  if (sigaction(signalnum, &act, nullptr) < 0) return errors::set_from_errno(exc_OSError);
  return return_none();
}

// signal_set_wakeup_fd: set_wakeup_fd(fd, /, *, warn_on_full_buffer=True).
Object* signal_set_wakeup_fd(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "warn_on_full_buffer", nullptr};
  static const ArgParser parser = {"set_wakeup_fd", kw, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  int warn_on_full_buffer = 1;
  if (a[1] && (warn_on_full_buffer = object_is_true(a[1])) < 0) return nullptr;
  if (!can_handle_signals()) {
    errors::set_string(exc_ValueError,
                       "set_wakeup_fd only works in main thread of the main interpreter");
    return nullptr;
  }
  if (fd != -1) {
    struct stat st;
    if (::fstat(fd, &st) != 0) return errors::set_from_errno(exc_OSError);
    int flags = ::fcntl(fd, F_GETFL, 0);  // _Py_get_blocking
    if (flags < 0) return errors::set_from_errno(exc_OSError);
    if (!(flags & O_NONBLOCK)) {
      return errors::format(exc_ValueError, "the fd %i must be in non-blocking mode", fd);
    }
  }
  int old_fd = wakeup_fd.exchange(fd);
  wakeup_warn_on_full_buffer.store(warn_on_full_buffer);
  return long_from_long(old_fd);
}

// signal_setitimer_impl.
Object* signal_setitimer(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setitimer", nargs, 2, 3)) return nullptr;
  int which;
  if (!as_int(args[0], &which)) return nullptr;
  struct itimerval new_value, old_value;
  if (!timeval_from_object(args[1], &new_value.it_value)) return nullptr;
  if (!timeval_from_object(nargs > 2 ? args[2] : nullptr, &new_value.it_interval)) {
    return nullptr;
  }
  // The OS checks which.
  if (::setitimer(static_cast<__itimer_which>(which), &new_value, &old_value) != 0) {
    return errors::set_from_errno(itimer_error);
  }
  return itimer_retval(old_value);
}

// signal_getitimer_impl.
Object* signal_getitimer(Object*, Object* arg) {
  int which;
  if (!as_int(arg, &which)) return nullptr;
  struct itimerval current;
  if (::getitimer(static_cast<__itimer_which>(which), &current) != 0) {
    return errors::set_from_errno(itimer_error);
  }
  return itimer_retval(current);
}

// signal_pthread_sigmask_impl.
Object* signal_pthread_sigmask(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("pthread_sigmask", nargs, 2, 2)) return nullptr;
  int how;
  if (!as_int(args[0], &how)) return nullptr;
  sigset_t mask, previous;
  if (!sigset_converter(args[1], &mask)) return nullptr;
  int err = ::pthread_sigmask(how, &mask, &previous);
  if (err != 0) return error_from_errno(err);
  // Unblocking a pending signal ran its C handler: run the Python one now.
  if (check_signals() < 0) return nullptr;
  return sigset_to_set(previous);
}

// signal_sigpending_impl.
Object* signal_sigpending(Object*, Object*) {
  sigset_t mask;
  if (::sigpending(&mask) != 0) return errors::set_from_errno(exc_OSError);
  return sigset_to_set(mask);
}

// signal_sigwait_impl.
Object* signal_sigwait(Object*, Object* arg) {
  sigset_t sigset;
  if (!sigset_converter(arg, &sigset)) return nullptr;
  int err, signum = 0;
  {
    vm::AllowThreads allow;
    err = ::sigwait(&sigset, &signum);
  }
  if (err) return error_from_errno(err);
  return long_from_long(signum);
}

// signal_valid_signals_impl.
Object* signal_valid_signals(Object*, Object*) {
  sigset_t mask;
  if (sigemptyset(&mask) || sigfillset(&mask)) return errors::set_from_errno(exc_OSError);
  return sigset_to_set(mask);
}

// signal_sigwaitinfo_impl: retried after EINTR unless a handler raised (PEP 475).
Object* signal_sigwaitinfo(Object*, Object* arg) {
  sigset_t sigset;
  if (!sigset_converter(arg, &sigset)) return nullptr;
  siginfo_t si;
  int err;
  for (;;) {
    {
      vm::AllowThreads allow;
      err = ::sigwaitinfo(&sigset, &si);
    }
    if (err == -1 && errno == EINTR) {
      if (check_signals() < 0) return nullptr;
      continue;
    }
    break;
  }
  if (err == -1) return errors::set_from_errno(exc_OSError);
  return fill_siginfo(si);
}

// signal_sigtimedwait_impl.
Object* signal_sigtimedwait(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("sigtimedwait", nargs, 2, 2)) return nullptr;
  sigset_t sigset;
  if (!sigset_converter(args[0], &sigset)) return nullptr;
  runtime::PyTime timeout;
  if (runtime::time_from_seconds_object(&timeout, args[1], runtime::TimeRound::kCeiling) < 0)
    return nullptr;
  if (timeout < 0) {
    errors::set_string(exc_ValueError, "timeout must be non-negative");
    return nullptr;
  }
  runtime::PyTime deadline = runtime::deadline_init(timeout);
  siginfo_t si;
  for (;;) {
    struct timespec ts;
    if (runtime::time_as_timespec(timeout, &ts) < 0) return nullptr;
    int res;
    {
      vm::AllowThreads allow;
      res = ::sigtimedwait(&sigset, &si, &ts);
    }
    if (res != -1) break;
    if (errno != EINTR) {
      if (errno == EAGAIN) return return_none();
      return errors::set_from_errno(exc_OSError);
    }
    // sigtimedwait() was interrupted by a signal (EINTR).
    if (check_signals() < 0) return nullptr;
    timeout = runtime::deadline_get(deadline);
    if (timeout < 0) break;
  }
  return fill_siginfo(si);
}

// signal_pthread_kill_impl.
Object* signal_pthread_kill(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("pthread_kill", nargs, 2, 2)) return nullptr;
  if (!long_check(args[0])) {
    bad_argument("pthread_kill", "1", "int", args[0]);
    return nullptr;
  }
  // PyLong_AsUnsignedLongMask: the low bits of any int.
  unsigned long long thread_id = 0;
  if (!u64_mask_converter(args[0], &thread_id)) return nullptr;
  int signalnum;
  if (!as_int(args[1], &signalnum)) return nullptr;
  int err = ::pthread_kill(static_cast<pthread_t>(thread_id), signalnum);
  if (err != 0) return error_from_errno(err);
  // The signal may have been sent to this thread.
  if (check_signals() < 0) return nullptr;
  return return_none();
}

// signal_pidfd_send_signal_impl.
Object* signal_pidfd_send_signal(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("pidfd_send_signal", nargs, 2, 4)) return nullptr;
  int pidfd, signalnum, flags = 0;
  if (!as_int(args[0], &pidfd) || !as_int(args[1], &signalnum)) return nullptr;
  if (nargs > 2 && args[2] != none()) {
    errors::set_string(exc_TypeError, "siginfo must be None");
    return nullptr;
  }
  if (nargs > 3 && !as_int(args[3], &flags)) return nullptr;
#ifdef SYS_pidfd_send_signal
  if (::syscall(SYS_pidfd_send_signal, pidfd, signalnum, nullptr, flags) < 0) {
    return errors::set_from_errno(exc_OSError);
  }
  return return_none();
#else
  return error_from_errno(ENOSYS);
#endif
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef signal_methods[] = {
    {"default_int_handler", FASTCALL(default_int_handler),
     "default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT "
     "installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"alarm", METH_O(signal_alarm),
     "alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive after the given number "
     "of seconds."},
    {"setitimer", FASTCALL(signal_setitimer),
     "setitimer($module, which, seconds, interval=0.0, /)\n--\n\nSets given itimer (one of "
     "ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", METH_O(signal_getitimer),
     "getitimer($module, which, /)\n--\n\nReturns current value of given itimer."},
    {"signal", FASTCALL(signal_signal),
     "signal($module, signalnum, handler, /)\n--\n\nSet the action for the given signal."},
    {"raise_signal", METH_O(signal_raise_signal),
     "raise_signal($module, signalnum, /)\n--\n\nSend a signal to the executing process."},
    {"strsignal", METH_O(signal_strsignal),
     "strsignal($module, signalnum, /)\n--\n\nReturn the system description of the given "
     "signal."},
    {"getsignal", METH_O(signal_getsignal),
     "getsignal($module, signalnum, /)\n--\n\nReturn the current action for the given signal."},
    {"set_wakeup_fd", FASTCALL_KW(signal_set_wakeup_fd),
     "set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\nSets the fd to be written to "
     "(with the signal number) when a signal comes in."},
    {"siginterrupt", FASTCALL(signal_siginterrupt),
     "siginterrupt($module, signalnum, flag, /)\n--\n\nChange system call restart behaviour."},
    {"pause", NOARGS(signal_pause), "pause($module, /)\n--\n\nWait until a signal arrives."},
    {"pidfd_send_signal", FASTCALL(signal_pidfd_send_signal),
     "pidfd_send_signal($module, pidfd, signalnum, siginfo=None, flags=0, /)\n--\n\nSend a "
     "signal to a process referred to by a pid file descriptor."},
    {"pthread_kill", FASTCALL(signal_pthread_kill),
     "pthread_kill($module, thread_id, signalnum, /)\n--\n\nSend a signal to a thread."},
    {"pthread_sigmask", FASTCALL(signal_pthread_sigmask),
     "pthread_sigmask($module, how, mask, /)\n--\n\nFetch and/or change the signal mask of the "
     "calling thread."},
    {"sigpending", NOARGS(signal_sigpending),
     "sigpending($module, /)\n--\n\nExamine pending signals."},
    {"sigwait", METH_O(signal_sigwait), "sigwait($module, sigset, /)\n--\n\nWait for a signal."},
    {"sigwaitinfo", METH_O(signal_sigwaitinfo),
     "sigwaitinfo($module, sigset, /)\n--\n\nWait synchronously until one of the signals in "
     "*sigset* is delivered."},
    {"sigtimedwait", FASTCALL(signal_sigtimedwait),
     "sigtimedwait($module, sigset, timeout, /)\n--\n\nLike sigwaitinfo(), but with a timeout."},
    {"valid_signals", NOARGS(signal_valid_signals),
     "valid_signals($module, /)\n--\n\nReturn a set of valid signal numbers on this platform."},
    {nullptr, nullptr, 0, nullptr}};

StructSeqField siginfo_fields[] = {
    {"si_signo", "signal number"},
    {"si_code", "signal code"},
    {"si_errno", "errno associated with this signal"},
    {"si_pid", "sending process ID"},
    {"si_uid", "real user ID of sending process"},
    {"si_status", "exit value or signal"},
    {"si_band", "band event for SIGPOLL"},
    {nullptr, nullptr}};

StructSeqDesc siginfo_desc = {
    "signal.struct_siginfo",
    "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\nThis object may be accessed "
    "either as a tuple of\n(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
    "or via the attributes si_signo, si_code, and so on.",
    siginfo_fields, 7};

struct Constant {
  const char* name;
  int value;
};

// signal_add_constants: the names Linux defines, in CPython's order.
int add_constants(Object* m) {
  const Constant constants[] = {
      {"NSIG", kNsig},
      {"SIG_BLOCK", SIG_BLOCK},
      {"SIG_UNBLOCK", SIG_UNBLOCK},
      {"SIG_SETMASK", SIG_SETMASK},
      {"SIGHUP", SIGHUP},
      {"SIGINT", SIGINT},
      {"SIGQUIT", SIGQUIT},
      {"SIGILL", SIGILL},
      {"SIGTRAP", SIGTRAP},
      {"SIGIOT", SIGIOT},
      {"SIGABRT", SIGABRT},
      {"SIGFPE", SIGFPE},
      {"SIGKILL", SIGKILL},
      {"SIGBUS", SIGBUS},
      {"SIGSEGV", SIGSEGV},
      {"SIGSYS", SIGSYS},
      {"SIGPIPE", SIGPIPE},
      {"SIGALRM", SIGALRM},
      {"SIGTERM", SIGTERM},
      {"SIGUSR1", SIGUSR1},
      {"SIGUSR2", SIGUSR2},
      {"SIGCLD", SIGCHLD},
      {"SIGCHLD", SIGCHLD},
      {"SIGPWR", SIGPWR},
      {"SIGIO", SIGIO},
      {"SIGURG", SIGURG},
      {"SIGWINCH", SIGWINCH},
      {"SIGPOLL", SIGPOLL},
      {"SIGSTOP", SIGSTOP},
      {"SIGTSTP", SIGTSTP},
      {"SIGCONT", SIGCONT},
      {"SIGTTIN", SIGTTIN},
      {"SIGTTOU", SIGTTOU},
      {"SIGVTALRM", SIGVTALRM},
      {"SIGPROF", SIGPROF},
      {"SIGXCPU", SIGXCPU},
      {"SIGXFSZ", SIGXFSZ},
      {"SIGRTMIN", SIGRTMIN},
      {"SIGRTMAX", SIGRTMAX},
      {"SIGSTKFLT", SIGSTKFLT},
      {"ITIMER_REAL", ITIMER_REAL},
      {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
      {"ITIMER_PROF", ITIMER_PROF},
  };
  for (const Constant& c : constants) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

// signal_get_set_handlers: the handlers of the signals as the process received them, and the
// SIGINT handler raising KeyboardInterrupt when SIGINT has its default action.
int get_set_handlers(Object* m) {
  for (int signum = 1; signum < kNsig; ++signum) {
    sighandler c_handler = os_getsig(signum);
    Object* func;
    if (c_handler == SIG_DFL) {
      func = default_handler;
    } else if (c_handler == SIG_IGN) {
      func = ignore_handler;
    } else if (c_handler == signal_handler && get_handler(signum)) {
      continue;  // already ours (the module ran before)
    } else {
      func = none();  // none of our business
    }
    Object* old = set_handler(signum, new_ref(func));
    xdecref(old);
  }
  if (get_handler(SIGINT) == default_handler) {
    Object* int_handler = dict_get_item_string(module_get_dict(m), "default_int_handler");
    if (!int_handler) {
      errors::set_string(exc_KeyError, "default_int_handler");
      return -1;
    }
    Object* old = set_handler(SIGINT, new_ref(int_handler));
    xdecref(old);
    os_setsig(SIGINT, signal_handler);
  }
  return 0;
}

int signal_exec(Object* m) {
  if (!main_thread_known) {
    main_thread = runtime::get_thread_ident();
    main_thread_known = true;
  }
  if (!default_handler) {
    default_handler = long_from_long(reinterpret_cast<long>(SIG_DFL));
    ignore_handler = long_from_long(reinterpret_cast<long>(SIG_IGN));
    if (!default_handler || !ignore_handler) return -1;
    itimer_error = new_exception("signal.itimer_error", exc_OSError, nullptr);
    if (!itimer_error) return -1;
    if (structseq_init_type(&siginfo_type, &siginfo_desc) < 0) return -1;
  }
  if (add_constants(m) < 0) return -1;
  if (module_add_object_ref(m, "SIG_DFL", default_handler) < 0 ||
      module_add_object_ref(m, "SIG_IGN", ignore_handler) < 0 ||
      module_add_object_ref(m, "ItimerError", itimer_error) < 0 ||
      module_add_object_ref(m, "struct_siginfo", &siginfo_type) < 0) {
    return -1;
  }
  if (is_main_thread()) return get_set_handlers(m);
  return 0;
}

ModuleDef signal_def = {
    "_signal",
    "This module provides mechanisms to use signal handlers in Python.",
    signal_methods, signal_exec};

}  // namespace

ModuleDef* module_def() { return &signal_def; }

bool is_main_thread() {
  return !main_thread_known || runtime::get_thread_ident() == main_thread;
}

bool signals_tripped() { return is_tripped.load(std::memory_order_relaxed) != 0; }

int check_signals() {
  if (!can_handle_signals()) return 0;
  return check_signals_tstate();
}

int set_interrupt_ex(int signum) {
  if (signum < 1 || signum >= kNsig) return -1;
  Object* func = get_handler(signum);
  if (!compare_handler(func, ignore_handler) && !compare_handler(func, default_handler)) {
    trip_signal(signum);
  }
  return 0;
}

void after_fork() {
  is_tripped.store(0);
  for (int i = 1; i < kNsig; ++i) handlers[i].tripped.store(0);
}

int install_handlers() {
  main_thread = runtime::get_thread_ident();
  main_thread_known = true;
  os_setsig(SIGPIPE, SIG_IGN);
  os_setsig(SIGXFSZ, SIG_IGN);
  // The module's exec installs the SIGINT handler. It is imported through the import system
  // (which start-up has set up by now), so that it gets its __spec__ as any import gives.
  Ref<> m = Ref<>::steal(imp::import_module("_signal"));
  return m ? 0 : -1;
}

}  // namespace cppy::modules::_signal
