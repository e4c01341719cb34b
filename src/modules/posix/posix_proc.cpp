// The process and descriptor functions of Modules/posixmodule.c that subprocess needs: pipe,
// pipe2, dup, dup2, kill, killpg, waitpid, waitstatus_to_exitcode, the W* status macros,
// get/set_inheritable, get/set_blocking (with _Py_set_inheritable / _Py_get_blocking of
// Python/fileutils.c). Added to the posix module by its exec (add_process_functions).
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <utility>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "modules/posix/posixmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"

namespace cppy::modules::posix {

using namespace objects;

namespace {

Object* posix_error() { return errors::set_from_errno(exc_OSError); }

bool as_int(Object* o, int* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}

bool parse(const char* fname, const char* const* kw, int minpos, int maxpos, Object* const* args,
           ssize nargs, Object* kwnames, Object** out) {
  ArgParser parser = {fname, kw, minpos, maxpos, 0};
  return unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, out) == 0;
}

Object* int_pair(long a, long b) {
  Ref<> x = Ref<>::steal(long_from_long(a));
  Ref<> y = Ref<>::steal(long_from_long(b));
  if (!x || !y) return nullptr;
  return tuple_pack(2, x.get(), y.get());
}

// os_pipe_impl: both ends non-inheritable (O_CLOEXEC, PEP 446).
Object* posix_pipe(Object*, Object*) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return posix_error();
  return int_pair(fds[0], fds[1]);
}

// os_pipe2_impl.
Object* posix_pipe2(Object*, Object* arg) {
  int flags;
  if (!as_int(arg, &flags)) return nullptr;
  int fds[2];
  if (::pipe2(fds, flags) < 0) return posix_error();
  return int_pair(fds[0], fds[1]);
}

// os_dup_impl (_Py_dup): the copy is non-inheritable.
Object* posix_dup(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return posix_error();
  return long_from_long(r);
}

// os_dup2_impl: dup2(fd, fd2, inheritable=True) -> fd2.
Object* posix_dup2(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"fd", "fd2", "inheritable", nullptr};
  Object* a[3] = {};
  if (!parse("dup2", kw, 2, 3, args, nargs, kwnames, a)) return nullptr;
  int fd, fd2, inheritable = 1;
  if (!as_int(a[0], &fd) || !as_int(a[1], &fd2)) return nullptr;
  if (a[2] && (inheritable = object_is_true(a[2])) < 0) return nullptr;
  int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return posix_error();
  return long_from_long(r);
}

// os_kill_impl / os_killpg_impl.
Object* posix_kill(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("kill", nargs, 2, 2)) return nullptr;
  int pid, sig;
  if (!as_int(args[0], &pid) || !as_int(args[1], &sig)) return nullptr;
  if (::kill(pid, sig) < 0) return posix_error();
  // The signal may be for this process: its handler runs now (os_kill_impl does the same).
  if (_signal::check_signals() < 0) return nullptr;
  return return_none();
}

Object* posix_killpg(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("killpg", nargs, 2, 2)) return nullptr;
  int pgid, sig;
  if (!as_int(args[0], &pgid) || !as_int(args[1], &sig)) return nullptr;
  if (::killpg(pgid, sig) < 0) return posix_error();
  return return_none();
}

// os_waitpid_impl: retried after EINTR unless a signal handler raised (PEP 475).
Object* posix_waitpid(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("waitpid", nargs, 2, 2)) return nullptr;
  int pid, options;
  if (!as_int(args[0], &pid) || !as_int(args[1], &options)) return nullptr;
  int status = 0;
  pid_t res;
  for (;;) {
    res = ::waitpid(pid, &status, options);
    if (res >= 0 || errno != EINTR) break;
    if (_signal::check_signals() < 0) return nullptr;
  }
  if (res < 0) return posix_error();
  return int_pair(res, status);
}

// os_waitstatus_to_exitcode_impl.
Object* posix_waitstatus_to_exitcode(Object*, Object* const* args, ssize nargs,
                                     Object* kwnames) {
  static const char* const kw[] = {"status", nullptr};
  Object* a[1] = {};
  if (!parse("waitstatus_to_exitcode", kw, 1, 1, args, nargs, kwnames, a)) return nullptr;
  int status;
  if (!as_int(a[0], &status)) return nullptr;
  int exitcode;
  if (WIFEXITED(status)) {
    exitcode = WEXITSTATUS(status);
    // Sanity check to provide warranty on the function behavior.
    if (exitcode < 0) {
      return errors::format(exc_ValueError, "invalid WEXITSTATUS: %i", exitcode);
    }
  } else if (WIFSIGNALED(status)) {
    int signum = WTERMSIG(status);
    if (signum <= 0) return errors::format(exc_ValueError, "invalid WTERMSIG: %i", signum);
    exitcode = -signum;
  } else if (WIFSTOPPED(status)) {
    // Status only received if the process is being traced or waitpid() was called with
    // WUNTRACED.
    return errors::format(exc_ValueError, "process stopped by delivery of signal %i",
                          WSTOPSIG(status));
  } else {
    return errors::format(exc_ValueError, "invalid wait status: %i", status);
  }
  return long_from_long(exitcode);
}

// The W* macros: each takes status (positional or keyword).
template <int (*F)(int), bool kBool>
Object* wait_macro(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"status", nullptr};
  Object* a[1] = {};
  if (!parse("W", kw, 1, 1, args, nargs, kwnames, a)) return nullptr;
  int status;
  if (!as_int(a[0], &status)) return nullptr;
  int r = F(status);
  if (kBool) return new_ref(r ? py_true() : py_false());
  return long_from_long(r);
}
int f_wifexited(int s) { return WIFEXITED(s); }
int f_wexitstatus(int s) { return WEXITSTATUS(s); }
int f_wifsignaled(int s) { return WIFSIGNALED(s); }
int f_wtermsig(int s) { return WTERMSIG(s); }
int f_wifstopped(int s) { return WIFSTOPPED(s); }
int f_wstopsig(int s) { return WSTOPSIG(s); }
int f_wcoredump(int s) { return WCOREDUMP(s); }
int f_wifcontinued(int s) { return WIFCONTINUED(s); }

// os_get_inheritable_impl (_Py_get_inheritable).
Object* posix_get_inheritable(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  int flags = ::fcntl(fd, F_GETFD, 0);
  if (flags < 0) return posix_error();
  return new_ref((flags & FD_CLOEXEC) ? py_false() : py_true());
}

// os_set_inheritable_impl (_Py_set_inheritable).
Object* posix_set_inheritable(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_inheritable", nargs, 2, 2)) return nullptr;
  int fd, inheritable;
  if (!as_int(args[0], &fd) || !as_int(args[1], &inheritable)) return nullptr;
  int flags = ::fcntl(fd, F_GETFD, 0);
  if (flags < 0) return posix_error();
  int new_flags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (new_flags != flags && ::fcntl(fd, F_SETFD, new_flags) < 0) return posix_error();
  return return_none();
}

// os_get_blocking_impl (_Py_get_blocking).
Object* posix_get_blocking(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0) return posix_error();
  return new_ref((flags & O_NONBLOCK) ? py_false() : py_true());
}

// os_set_blocking_impl (_Py_set_blocking).
Object* posix_set_blocking(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_blocking", nargs, 2, 2)) return nullptr;
  int fd, blocking;
  if (!as_int(args[0], &fd)) return nullptr;
  if ((blocking = object_is_true(args[1])) < 0) return nullptr;
  int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0) return posix_error();
  int new_flags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (new_flags != flags && ::fcntl(fd, F_SETFL, new_flags) < 0) return posix_error();
  return return_none();
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef proc_methods[] = {
    {"pipe", NOARGS(posix_pipe),
     "pipe($module, /)\n--\n\nCreate a pipe.\n\nReturns a tuple of two file descriptors:\n  "
     "(read_fd, write_fd)"},
    {"pipe2", METH_O(posix_pipe2),
     "pipe2($module, flags, /)\n--\n\nCreate a pipe with flags set atomically."},
    {"dup", METH_O(posix_dup), "dup($module, fd, /)\n--\n\nReturn a duplicate of a file descriptor."},
    {"dup2", FASTCALL_KW(posix_dup2),
     "dup2($module, /, fd, fd2, inheritable=True)\n--\n\nDuplicate file descriptor."},
    {"kill", FASTCALL(posix_kill),
     "kill($module, pid, signal, /)\n--\n\nKill a process with a signal."},
    {"killpg", FASTCALL(posix_killpg),
     "killpg($module, pgid, signal, /)\n--\n\nKill a process group with a signal."},
    {"waitpid", FASTCALL(posix_waitpid),
     "waitpid($module, pid, options, /)\n--\n\nWait for completion of a given child process."},
    {"waitstatus_to_exitcode", FASTCALL_KW(posix_waitstatus_to_exitcode),
     "waitstatus_to_exitcode($module, /, status)\n--\n\nConvert a wait status to an exit code."},
    {"WIFEXITED", FASTCALL_KW((wait_macro<f_wifexited, true>)),
     "WIFEXITED($module, /, status)\n--\n\nReturn True if the process returning status exited "
     "via the exit() system call."},
    {"WEXITSTATUS", FASTCALL_KW((wait_macro<f_wexitstatus, false>)),
     "WEXITSTATUS($module, /, status)\n--\n\nReturn the process return code from status."},
    {"WIFSIGNALED", FASTCALL_KW((wait_macro<f_wifsignaled, true>)),
     "WIFSIGNALED($module, /, status)\n--\n\nReturn True if the process returning status was "
     "terminated by a signal."},
    {"WTERMSIG", FASTCALL_KW((wait_macro<f_wtermsig, false>)),
     "WTERMSIG($module, /, status)\n--\n\nReturn the signal that terminated the process that "
     "provided the status value."},
    {"WIFSTOPPED", FASTCALL_KW((wait_macro<f_wifstopped, true>)),
     "WIFSTOPPED($module, /, status)\n--\n\nReturn True if the process returning status was "
     "stopped."},
    {"WSTOPSIG", FASTCALL_KW((wait_macro<f_wstopsig, false>)),
     "WSTOPSIG($module, /, status)\n--\n\nReturn the signal that stopped the process that "
     "provided the status value."},
    {"WCOREDUMP", FASTCALL_KW((wait_macro<f_wcoredump, true>)),
     "WCOREDUMP($module, status, /)\n--\n\nReturn True if the process returning status was "
     "dumped to a core file."},
    {"WIFCONTINUED", FASTCALL_KW((wait_macro<f_wifcontinued, true>)),
     "WIFCONTINUED($module, /, status)\n--\n\nReturn True if a particular process was continued "
     "from a job control stop."},
    {"get_inheritable", METH_O(posix_get_inheritable),
     "get_inheritable($module, fd, /)\n--\n\nGet the close-on-exe flag of the specified file "
     "descriptor."},
    {"set_inheritable", FASTCALL(posix_set_inheritable),
     "set_inheritable($module, fd, inheritable, /)\n--\n\nSet the inheritable flag of the "
     "specified file descriptor."},
    {"get_blocking", METH_O(posix_get_blocking),
     "get_blocking($module, fd, /)\n--\n\nGet the blocking mode of the file descriptor."},
    {"set_blocking", FASTCALL(posix_set_blocking),
     "set_blocking($module, fd, blocking, /)\n--\n\nSet the blocking mode of the specified file "
     "descriptor."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

int add_process_functions(Object* module) {
  if (module_add_functions(module, proc_methods) < 0) return -1;
  const std::pair<const char*, long> consts[] = {
      {"O_CLOEXEC", O_CLOEXEC}, {"O_NONBLOCK", O_NONBLOCK}, {"O_DIRECT", O_DIRECT},
      {"F_OK", F_OK},           {"WEXITED", WEXITED},       {"WSTOPPED", WSTOPPED},
      {"WNOWAIT", WNOWAIT},
  };
  for (auto& c : consts) {
    if (dict_get_item_string(module_get_dict(module), c.first)) continue;
    Ref<> v = Ref<>::steal(long_from_long(c.second));
    if (!v || module_add_object_ref(module, c.first, v.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace cppy::modules::posix
