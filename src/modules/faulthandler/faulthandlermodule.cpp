// The faulthandler module: Modules/faulthandler.c and the dump helpers of Python/traceback.c
// (_Py_DumpTraceback, dump_frame, _Py_DumpASCII, _Py_DumpDecimal, _Py_DumpHexadecimal).
#include "modules/faulthandler/faulthandlermodule.h"

#include <errno.h>
#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pystate.h"
#include "runtime/pytime.h"
#include "runtime/thread.h"
#include "sys/sysmodule.h"
#include "vm/frame.h"

namespace cppy::modules::faulthandler {

using namespace objects;

namespace {

// --- signal-safe output (Python/traceback.c) -------------------------------------------------

constexpr unsigned kMaxFrameDepth = 100;
constexpr ssize kMaxStringLength = 500;

// _Py_write_noraise: write(), retried on EINTR, errors ignored.
void write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= size_t(w);
  }
}
void puts_fd(int fd, const char* s) { write_all(fd, s, std::strlen(s)); }

// _Py_DumpDecimal.
void dump_decimal(int fd, size_t value) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = char('0' + value % 10);
    value /= 10;
  } while (value);
  write_all(fd, p, size_t(buf + sizeof buf - p));
}

// _Py_DumpHexadecimal: value in width hex digits (at least), lowercase.
void dump_hexadecimal(int fd, uintptr_t value, int width) {
  char buf[2 * sizeof(uintptr_t) + 1];
  char* end = buf + sizeof buf;
  char* p = end;
  int n = 0;
  do {
    *--p = "0123456789abcdef"[value & 15];
    value >>= 4;
    ++n;
  } while ((value || n < width) && p > buf);
  write_all(fd, p, size_t(end - p));
}

// _Py_DumpASCII: printable ASCII as is, other characters as \xHH, \uHHHH or \UHHHHHHHH,
// truncated after 500 characters with "...".
void dump_ascii(int fd, Object* text) {
  if (!text || !str_check(text)) {
    puts_fd(fd, "???");
    return;
  }
  ssize size = str_length(text);
  bool truncated = size > kMaxStringLength;
  if (truncated) size = kMaxStringLength;
  unsigned kind = str_kind(text);
  const void* data = str_data(text);
  for (ssize i = 0; i < size; ++i) {
    UCS4 ch = str_read(kind, data, i);
    if (ch >= ' ' && ch <= 126) {
      char c = char(ch);
      write_all(fd, &c, 1);
    } else if (ch <= 0xff) {
      puts_fd(fd, "\\x");
      dump_hexadecimal(fd, ch, 2);
    } else if (ch <= 0xffff) {
      puts_fd(fd, "\\u");
      dump_hexadecimal(fd, ch, 4);
    } else {
      puts_fd(fd, "\\U");
      dump_hexadecimal(fd, ch, 8);
    }
  }
  if (truncated) puts_fd(fd, "...");
}

// dump_frame: '  File "name", line N in func'.
void dump_frame(int fd, vm::Frame* frame) {
  CodeObject* code = vm::frame_code(frame);
  puts_fd(fd, "  File \"");
  dump_ascii(fd, code->co_filename);
  puts_fd(fd, "\", line ");
  int lineno = code_addr2line(code, vm::frame_lasti(frame) * 2);
  if (lineno >= 0) {
    dump_decimal(fd, size_t(lineno));
  } else {
    puts_fd(fd, "???");
  }
  puts_fd(fd, " in ");
  dump_ascii(fd, code->co_name);
  puts_fd(fd, "\n");
}

// dump_traceback: the frames of ts, innermost first.
void dump_traceback(int fd, runtime::ThreadState* ts, bool write_header) {
  if (write_header) puts_fd(fd, "Stack (most recent call first):\n");
  vm::Frame* frame = ts ? ts->current_frame : nullptr;
  if (!frame) {
    puts_fd(fd, "  <no Python frame>\n");
    return;
  }
  unsigned depth = 0;
  for (; frame; frame = frame->previous) {
    if (frame->owner == vm::kOwnedByCStack) continue;  // trampoline frames
    if (depth >= kMaxFrameDepth) {
      puts_fd(fd, "  ...\n");
      break;
    }
    dump_frame(fd, frame);
    ++depth;
  }
}

// write_thread_id + dump_traceback for the calling thread ("Current thread 0x... [name]").
void dump_current_thread(int fd, runtime::ThreadState* ts) {
  puts_fd(fd, "Current thread 0x");
  dump_hexadecimal(fd, uintptr_t(pthread_self()), int(sizeof(unsigned long) * 2));
  char name[100];
  if (pthread_getname_np(pthread_self(), name, sizeof name) == 0 && name[0]) {
    puts_fd(fd, " [");
    puts_fd(fd, name);
    puts_fd(fd, "]");
  }
  puts_fd(fd, " (most recent call first):\n");
  dump_traceback(fd, ts, false);
}

// _Py_DumpStack: the C stack through backtrace(), one "Binary file" line a frame.
void dump_c_stack_fd(int fd) {
  puts_fd(fd, "Current thread's C stack trace (most recent call first):\n");
  void* callstack[32];
  int frames = backtrace(callstack, 32);
  if (frames == 0) {
    puts_fd(fd, "  <system returned no stack trace>\n");
    return;
  }
  backtrace_symbols_fd(callstack, frames, fd);
  if (frames == 32) puts_fd(fd, "  <truncated rest of calls>\n");
}

// --- state -------------------------------------------------------------------------------------

struct FaultHandler {
  int signum;
  const char* name;
  bool enabled;
  struct sigaction previous;
};

FaultHandler g_handlers[] = {
    {SIGBUS, "Bus error", false, {}},
    {SIGILL, "Illegal instruction", false, {}},
    {SIGFPE, "Floating-point exception", false, {}},
    {SIGABRT, "Aborted", false, {}},
    // Last, so that it is the default when the search fails.
    {SIGSEGV, "Segmentation fault", false, {}},
};

struct FatalError {
  Object* file = nullptr;  // strong: keeps the file (and its fd) alive
  int fd = 2;
  bool all_threads = true;
  bool c_stack = true;
  volatile sig_atomic_t enabled = 0;
  runtime::ThreadState* main_thread = nullptr;
};
FatalError g_fatal;

stack_t g_alt_stack = {};

struct UserSignal {
  bool enabled = false;
  Object* file = nullptr;
  int fd = -1;
  bool all_threads = true;
  bool chain = false;
  struct sigaction previous = {};
};
UserSignal g_user_signals[NSIG];

// The thread state a signal handler dumps: the faulting thread's when it has one.
runtime::ThreadState* signal_thread_state() {
  runtime::ThreadState* ts = runtime::thread_state();
  return ts ? ts : g_fatal.main_thread;
}

void dump_for_signal(int fd, bool all_threads) {
  static volatile sig_atomic_t reentrant = 0;
  if (reentrant) return;
  reentrant = 1;
  runtime::ThreadState* ts = signal_thread_state();
  if (all_threads) {
    dump_current_thread(fd, ts);
  } else {
    dump_traceback(fd, ts, true);
  }
  reentrant = 0;
}

void disable_fatal_handler(FaultHandler* h) {
  if (!h->enabled) return;
  h->enabled = false;
  sigaction(h->signum, &h->previous, nullptr);
}

// faulthandler_fatal_error: reports, restores the previous handler and raises the signal
// again so that it runs (SA_NODEFER).
void fatal_error_handler(int signum) {
  int fd = g_fatal.fd;
  int saved_errno = errno;
  if (!g_fatal.enabled) return;
  FaultHandler* handler = nullptr;
  for (FaultHandler& h : g_handlers)
    if (h.signum == signum) handler = &h;
  if (handler) {
    disable_fatal_handler(handler);
    puts_fd(fd, "Fatal Python error: ");
    puts_fd(fd, handler->name);
    puts_fd(fd, "\n\n");
  } else {
    puts_fd(fd, "Fatal Python error from unexpected signum: ");
    dump_decimal(fd, size_t(signum));
    puts_fd(fd, "\n\n");
  }
  dump_for_signal(fd, g_fatal.all_threads);
  if (g_fatal.c_stack) {
    puts_fd(fd, "\n");
    dump_c_stack_fd(fd);
  }
  errno = saved_errno;
  raise(signum);
}

// faulthandler_allocate_stack: the handlers run on an alternate stack, so that a stack
// overflow can still be reported.
int allocate_alt_stack() {
  if (g_alt_stack.ss_sp) return 0;
  size_t size = SIGSTKSZ * 2 + 64 * 1024;
  g_alt_stack.ss_sp = std::malloc(size);
  g_alt_stack.ss_size = size;
  g_alt_stack.ss_flags = 0;
  if (!g_alt_stack.ss_sp) {
    errors::no_memory();
    return -1;
  }
  if (sigaltstack(&g_alt_stack, nullptr) != 0) {
    std::free(g_alt_stack.ss_sp);
    g_alt_stack.ss_sp = nullptr;
    errors::set_from_errno(exc_OSError);
    return -1;
  }
  return 0;
}

// faulthandler_enable: installs the fatal-signal handlers.
int enable_handlers() {
  if (g_fatal.enabled) return 0;
  g_fatal.enabled = 1;
  if (allocate_alt_stack() < 0) return -1;
  for (FaultHandler& h : g_handlers) {
    struct sigaction action = {};
    action.sa_handler = fatal_error_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER | SA_ONSTACK;
    if (sigaction(h.signum, &action, &h.previous) != 0) {
      errors::set_from_errno(exc_RuntimeError);
      return -1;
    }
    h.enabled = true;
  }
  return 0;
}

void disable_handlers() {
  if (g_fatal.enabled) {
    g_fatal.enabled = 0;
    for (FaultHandler& h : g_handlers) disable_fatal_handler(&h);
  }
  clear(g_fatal.file);
}

// faulthandler_get_fileno: None is sys.stderr, an int is a file descriptor, anything else
// gives its fileno() (and is flushed). *file_out receives a strong reference to keep (null
// for an int).
int get_fileno(Object* file, Object** file_out) {
  *file_out = nullptr;
  Ref<> f;
  if (!file || file == none()) {
    Object* err = sys::get_object("stderr");
    if (!err) {
      errors::set_string(exc_RuntimeError, "lost sys.stderr");
      return -1;
    }
    if (err == none()) {
      errors::set_string(exc_RuntimeError, "sys.stderr is None");
      return -1;
    }
    f = Ref<>::borrow(err);
  } else if (long_check(file)) {
    if (bool_check(file) &&
        errors::warn_ex(exc_RuntimeWarning, "bool is used as a file descriptor", 1) < 0)
      return -1;
    long fd = long_as_long(file);
    if (fd == -1 && errors::occurred()) return -1;
    if (fd < 0 || fd > INT32_MAX) {
      errors::set_string(exc_ValueError, "file is not a valid file descriptor");
      return -1;
    }
    return int(fd);
  } else {
    f = Ref<>::borrow(file);
  }
  Ref<> result = Ref<>::steal(call_method_no_args(f.get(), str_intern_from_cstr("fileno")));
  if (!result) return -1;
  long fd = -1;
  if (long_check(result.get())) {
    long v = long_as_long(result.get());
    if (v == -1 && errors::occurred()) errors::clear();
    if (v >= 0 && v < INT32_MAX) fd = v;
  }
  if (fd == -1) {
    errors::set_string(exc_RuntimeError, "file.fileno() is not a valid file descriptor");
    return -1;
  }
  Ref<> flushed = Ref<>::steal(call_method_no_args(f.get(), str_intern_from_cstr("flush")));
  if (!flushed) errors::clear();
  *file_out = f.release();
  return int(fd);
}

bool bool_arg(Object* o, bool* out) {
  if (!o) return true;
  int v = object_is_true(o);
  if (v < 0) return false;
  *out = v != 0;
  return true;
}

// --- module functions ---------------------------------------------------------------------

Object* fh_dump_traceback(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"file", "all_threads", nullptr};
  static const ArgParser parser = {"dump_traceback", kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  bool all_threads = true;
  if (!bool_arg(a[1], &all_threads)) return nullptr;
  Object* keep = nullptr;
  int fd = get_fileno(a[0], &keep);
  if (fd < 0) return nullptr;
  Ref<> file = Ref<>::steal(keep);
  if (all_threads) {
    dump_current_thread(fd, runtime::thread_state());
  } else {
    dump_traceback(fd, runtime::thread_state(), true);
  }
  if (modules::_signal::check_signals() < 0) return nullptr;
  return new_ref(none());
}

Object* fh_dump_c_stack(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"file", nullptr};
  static const ArgParser parser = {"dump_c_stack", kw, 0, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  Object* keep = nullptr;
  int fd = get_fileno(a[0], &keep);
  if (fd < 0) return nullptr;
  Ref<> file = Ref<>::steal(keep);
  dump_c_stack_fd(fd);
  if (modules::_signal::check_signals() < 0) return nullptr;
  return new_ref(none());
}

Object* fh_enable(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"file", "all_threads", "c_stack", nullptr};
  static const ArgParser parser = {"enable", kw, 0, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  bool all_threads = true, c_stack = true;
  if (!bool_arg(a[1], &all_threads) || !bool_arg(a[2], &c_stack)) return nullptr;
  Object* keep = nullptr;
  int fd = get_fileno(a[0], &keep);
  if (fd < 0) return nullptr;
  xsetref(g_fatal.file, keep);
  g_fatal.fd = fd;
  g_fatal.all_threads = all_threads;
  g_fatal.c_stack = c_stack;
  g_fatal.main_thread = runtime::thread_state();
  if (enable_handlers() < 0) return nullptr;
  return new_ref(none());
}

Object* fh_disable(Object*, Object*) {
  if (!g_fatal.enabled) return new_ref(false_object());
  disable_handlers();
  return new_ref(true_object());
}

Object* fh_is_enabled(Object*, Object*) {
  return new_ref(g_fatal.enabled ? true_object() : false_object());
}

// --- dump_traceback_later: the watchdog thread -----------------------------------------------

struct Watchdog {
  std::mutex mutex;
  std::condition_variable cancelled_cv;
  bool cancelled = false;
  std::thread thread;
  Object* file = nullptr;
  int fd = 2;
  long long timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  std::string header;
  runtime::ThreadState* target = nullptr;
};
Watchdog g_watchdog;

// faulthandler_thread: waits for the timeout or the cancellation; dumps on timeout.
void watchdog_main() {
  sigset_t set;
  sigfillset(&set);
  pthread_sigmask(SIG_SETMASK, &set, nullptr);
  std::unique_lock<std::mutex> lock(g_watchdog.mutex);
  for (;;) {
    bool cancelled = g_watchdog.cancelled_cv.wait_for(
        lock, std::chrono::microseconds(g_watchdog.timeout_us),
        [] { return g_watchdog.cancelled; });
    if (cancelled) return;
    write_all(g_watchdog.fd, g_watchdog.header.data(), g_watchdog.header.size());
    puts_fd(g_watchdog.fd, "Thread 0x");
    dump_hexadecimal(g_watchdog.fd, 0, int(sizeof(unsigned long) * 2));
    puts_fd(g_watchdog.fd, " (most recent call first):\n");
    dump_traceback(g_watchdog.fd, g_watchdog.target, false);
    if (g_watchdog.exit) _exit(1);
    if (!g_watchdog.repeat) return;
  }
}

void cancel_watchdog() {
  if (!g_watchdog.thread.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(g_watchdog.mutex);
    g_watchdog.cancelled = true;
  }
  g_watchdog.cancelled_cv.notify_all();
  g_watchdog.thread.join();
  clear(g_watchdog.file);
}

// format_timeout: "Timeout (H:MM:SS[.ffffff])!\n".
std::string format_timeout(long long us) {
  unsigned long sec = (unsigned long)(us / 1000000);
  us %= 1000000;
  unsigned long min = sec / 60;
  sec %= 60;
  unsigned long hour = min / 60;
  min %= 60;
  char buf[100];
  if (us != 0) {
    std::snprintf(buf, sizeof buf, "Timeout (%lu:%02lu:%02lu.%06u)!\n", hour, min, sec,
                  unsigned(us));
  } else {
    std::snprintf(buf, sizeof buf, "Timeout (%lu:%02lu:%02lu)!\n", hour, min, sec);
  }
  return buf;
}

Object* fh_dump_traceback_later(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"timeout", "repeat", "file", "exit", nullptr};
  static const ArgParser parser = {"dump_traceback_later", kw, 1, 4, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  runtime::PyTime timeout;
  if (runtime::time_from_seconds_object(&timeout, a[0], runtime::kRoundTimeout) < 0)
    return nullptr;
  runtime::PyTime timeout_us = runtime::time_as_microseconds(timeout, runtime::kRoundTimeout);
  if (timeout_us <= 0) return errors::format(exc_ValueError, "timeout must be greater than 0");
  // At most LONG_MAX seconds, for format_timeout.
  if (timeout_us > runtime::kTimeoutMaxMicroseconds || timeout_us / 1000000 > LONG_MAX)
    return errors::format(exc_OverflowError, "timeout value is too large");
  bool repeat = false, exit = false;
  if (!bool_arg(a[1], &repeat) || !bool_arg(a[3], &exit)) return nullptr;
  Object* keep = nullptr;
  int fd = get_fileno(a[2], &keep);
  if (fd < 0) return nullptr;
  cancel_watchdog();
  g_watchdog.file = keep;
  g_watchdog.fd = fd;
  g_watchdog.timeout_us = timeout_us;
  g_watchdog.repeat = repeat;
  g_watchdog.exit = exit;
  g_watchdog.header = format_timeout(timeout_us);
  g_watchdog.target = runtime::thread_state();
  g_watchdog.cancelled = false;
  g_watchdog.thread = std::thread(watchdog_main);
  return new_ref(none());
}

Object* fh_cancel_dump_traceback_later(Object*, Object*) {
  cancel_watchdog();
  return new_ref(none());
}

// --- register / unregister: user signals ------------------------------------------------------

int install_user_handler(int signum, bool chain, struct sigaction* previous);

// faulthandler_user: dumps the traceback, then chains to the previous handler if asked.
void user_signal_handler(int signum) {
  UserSignal& user = g_user_signals[signum];
  int saved_errno = errno;
  if (!user.enabled) return;
  dump_for_signal(user.fd, user.all_threads);
  if (user.chain) {
    sigaction(signum, &user.previous, nullptr);
    errno = saved_errno;
    raise(signum);
    saved_errno = errno;
    install_user_handler(signum, true, nullptr);
  }
  errno = saved_errno;
}

int install_user_handler(int signum, bool chain, struct sigaction* previous) {
  struct sigaction action = {};
  action.sa_handler = user_signal_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = (chain ? SA_NODEFER : SA_RESTART) | SA_ONSTACK;
  return sigaction(signum, &action, previous);
}

bool check_signum(int signum) {
  for (const FaultHandler& h : g_handlers) {
    if (h.signum == signum) {
      errors::format(exc_RuntimeError, "signal %i cannot be registered, use enable() instead",
                     signum);
      return false;
    }
  }
  if (signum < 1 || signum >= NSIG) {
    errors::set_string(exc_ValueError, "signal number out of range");
    return false;
  }
  return true;
}

bool int_arg(Object* o, int* out) {
  int v = long_as_int(o);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

Object* fh_register(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"signum", "file", "all_threads", "chain", nullptr};
  static const ArgParser parser = {"register", kw, 1, 4, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int signum = 0;
  if (!int_arg(a[0], &signum)) return nullptr;
  bool all_threads = true, chain = false;
  if (!bool_arg(a[2], &all_threads) || !bool_arg(a[3], &chain)) return nullptr;
  if (!check_signum(signum)) return nullptr;
  Object* keep = nullptr;
  int fd = get_fileno(a[1], &keep);
  if (fd < 0) return nullptr;
  UserSignal& user = g_user_signals[signum];
  if (!user.enabled) {
    if (allocate_alt_stack() < 0 || install_user_handler(signum, chain, &user.previous) != 0) {
      if (!errors::occurred()) errors::set_from_errno(exc_OSError);
      xdecref(keep);
      return nullptr;
    }
  }
  xsetref(user.file, keep);
  user.fd = fd;
  user.all_threads = all_threads;
  user.chain = chain;
  user.enabled = true;
  return new_ref(none());
}

Object* fh_unregister(Object*, Object* arg) {
  int signum = 0;
  if (!int_arg(arg, &signum) || !check_signum(signum)) return nullptr;
  UserSignal& user = g_user_signals[signum];
  if (!user.enabled) return new_ref(false_object());
  user.enabled = false;
  sigaction(signum, &user.previous, nullptr);
  clear(user.file);
  user.fd = -1;
  return new_ref(true_object());
}

// --- crash helpers (for tests) ------------------------------------------------------------------

// faulthandler_suppress_crash_report: no core dump.
void suppress_crash_report() {
  struct rlimit rl;
  if (getrlimit(RLIMIT_CORE, &rl) == 0) {
    rl.rlim_cur = 0;
    setrlimit(RLIMIT_CORE, &rl);
  }
}

Object* fh_sigsegv(Object*, Object* const*, ssize) {
  suppress_crash_report();
  raise(SIGSEGV);
  return new_ref(none());
}

Object* fh_read_null(Object*, Object*) {
  suppress_crash_report();
  raise(SIGSEGV);  // faulthandler_read_null: a read through a null pointer faults
  return new_ref(none());
}

Object* fh_sigabrt(Object*, Object*) {
  suppress_crash_report();
  std::abort();
}

Object* fh_sigfpe(Object*, Object*) {
  suppress_crash_report();
  raise(SIGFPE);
  return new_ref(none());
}

Object* fh_fatal_error_c_thread(Object*, Object*) {
  suppress_crash_report();
  std::thread([] {
    std::fputs("Fatal Python error: faulthandler_fatal_error_thread: in new thread\n", stderr);
    std::fflush(stderr);
    std::abort();
  }).join();
  return new_ref(none());
}

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef faulthandler_methods[] = {
    {"dump_traceback", FASTCALL_KW(fh_dump_traceback),
     "Dump the traceback of the current thread, or of all threads if all_threads is True, into "
     "file."},
    {"dump_c_stack", FASTCALL_KW(fh_dump_c_stack), "Dump the C stack of the current thread."},
    {"enable", FASTCALL_KW(fh_enable), "Enable the fault handler."},
    {"disable", reinterpret_cast<void*>(fh_disable), kMethNoArgs, "Disable the fault handler."},
    {"is_enabled", reinterpret_cast<void*>(fh_is_enabled), kMethNoArgs,
     "Check if the handler is enabled."},
    {"dump_traceback_later", FASTCALL_KW(fh_dump_traceback_later),
     "Dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not "
     "safe."},
    {"cancel_dump_traceback_later", reinterpret_cast<void*>(fh_cancel_dump_traceback_later),
     kMethNoArgs, "Cancel the previous call to dump_traceback_later()."},
    {"register", FASTCALL_KW(fh_register),
     "Register a handler for the signal 'signum': dump the traceback of the current thread, or "
     "of all threads if all_threads is True, into file."},
    {"unregister", reinterpret_cast<void*>(fh_unregister), kMethO,
     "Unregister the handler of the signal 'signum' registered by register()."},
    {"_read_null", reinterpret_cast<void*>(fh_read_null), kMethNoArgs,
     "Read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform."},
    {"_sigsegv", reinterpret_cast<void*>(fh_sigsegv), kMethFastcall,
     "Raise a SIGSEGV signal."},
    {"_fatal_error_c_thread", reinterpret_cast<void*>(fh_fatal_error_c_thread), kMethNoArgs,
     "Call Py_FatalError() in a new C thread."},
    {"_sigabrt", reinterpret_cast<void*>(fh_sigabrt), kMethNoArgs, "Raise a SIGABRT signal."},
    {"_sigfpe", reinterpret_cast<void*>(fh_sigfpe), kMethNoArgs, "Raise a SIGFPE signal."},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef faulthandler_def = {"faulthandler", "faulthandler module.", faulthandler_methods,
                              nullptr};

}  // namespace

ModuleDef* module_def() { return &faulthandler_def; }

int enable_at_startup() {
  g_fatal.fd = 2;
  g_fatal.all_threads = true;
  g_fatal.c_stack = true;
  g_fatal.main_thread = runtime::thread_state();
  return enable_handlers();
}

// _Py_FatalError_DumpTracebacks for the calling thread: "Current thread 0x... (most recent
// call first):" and its frames.
void dump_fatal_traceback(int fd) { dump_current_thread(fd, runtime::thread_state()); }

}  // namespace cppy::modules::faulthandler
