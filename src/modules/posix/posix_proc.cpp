// The process and system parts of Modules/posixmodule.c: ids, fork and its hooks
// (os_fork_impl, os_register_at_fork_impl, run_at_forkers), exec, wait and the W* macros,
// posix_spawn, kill, system, times, uname, sysconf/confstr/pathconf with their name tables
// (conv_confname), scheduling and priorities, openpty.
#include <fcntl.h>
#include <pty.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "imp/import.h"
#include "modules/posix/posix_internal.h"
#include "modules/posix/posixmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/setobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pystate.h"
#include "vm/ceval_gil.h"

extern char** environ;

namespace cppy::modules::posix {

using namespace objects;

namespace {

// ---- ids -------------------------------------------------------------------------------

Object* posix_getpid(Object*, Object*) { return long_from_long(::getpid()); }
Object* posix_getppid(Object*, Object*) { return long_from_long(::getppid()); }
Object* posix_getuid(Object*, Object*) { return long_from_long(::getuid()); }
Object* posix_geteuid(Object*, Object*) { return long_from_long(::geteuid()); }
Object* posix_getgid(Object*, Object*) { return long_from_long(::getgid()); }
Object* posix_getegid(Object*, Object*) { return long_from_long(::getegid()); }
Object* posix_getpgrp(Object*, Object*) { return long_from_long(::getpgrp()); }

Object* posix_setpgrp(Object*, Object*) {
  if (::setpgid(0, 0) < 0) return posix_error();
  return return_none_ref();
}
Object* posix_setsid(Object*, Object*) {
  if (::setsid() < 0) return posix_error();
  return return_none_ref();
}

bool pid_arg(Object* o, pid_t* out) {
  int v;
  if (!as_int(o, &v)) return false;
  *out = v;
  return true;
}

Object* posix_getpgid(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"getpgid", {}};
  if (!a.parse(args, nargs, kwnames, {"pid"}, 1, 1)) return nullptr;
  pid_t pid;
  if (!pid_arg(a[0], &pid)) return nullptr;
  pid_t r = ::getpgid(pid);
  if (r < 0) return posix_error();
  return long_from_long(r);
}
Object* posix_getsid(Object*, Object* arg) {
  pid_t pid;
  if (!pid_arg(arg, &pid)) return nullptr;
  pid_t r = ::getsid(pid);
  if (r < 0) return posix_error();
  return long_from_long(r);
}
Object* posix_setpgid(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setpgid", nargs, 2, 2)) return nullptr;
  pid_t pid, pgrp;
  if (!pid_arg(args[0], &pid) || !pid_arg(args[1], &pgrp)) return nullptr;
  if (::setpgid(pid, pgrp) < 0) return posix_error();
  return return_none_ref();
}
Object* posix_tcgetpgrp(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  pid_t r = ::tcgetpgrp(fd);
  if (r < 0) return posix_error();
  return long_from_long(r);
}
Object* posix_tcsetpgrp(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("tcsetpgrp", nargs, 2, 2)) return nullptr;
  int fd;
  pid_t pgid;
  if (!as_int(args[0], &fd) || !pid_arg(args[1], &pgid)) return nullptr;
  if (::tcsetpgrp(fd, pgid) < 0) return posix_error();
  return return_none_ref();
}

// The uid/gid setters: one int (-1 allowed where the call takes it).
template <int (*F)(unsigned)>
Object* set_id(Object* arg) {
  int v;
  if (!as_int(arg, &v)) return nullptr;
  if (F(static_cast<unsigned>(v)) < 0) return posix_error();
  return return_none_ref();
}
int do_setuid(unsigned v) { return ::setuid(v); }
int do_setgid(unsigned v) { return ::setgid(v); }
int do_seteuid(unsigned v) { return ::seteuid(v); }
int do_setegid(unsigned v) { return ::setegid(v); }
Object* posix_setuid(Object*, Object* a) { return set_id<do_setuid>(a); }
Object* posix_setgid(Object*, Object* a) { return set_id<do_setgid>(a); }
Object* posix_seteuid(Object*, Object* a) { return set_id<do_seteuid>(a); }
Object* posix_setegid(Object*, Object* a) { return set_id<do_setegid>(a); }

Object* posix_setreuid(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setreuid", nargs, 2, 2)) return nullptr;
  int r, e;
  if (!as_int(args[0], &r) || !as_int(args[1], &e)) return nullptr;
  if (::setreuid(static_cast<uid_t>(r), static_cast<uid_t>(e)) < 0) return posix_error();
  return return_none_ref();
}
Object* posix_setregid(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setregid", nargs, 2, 2)) return nullptr;
  int r, e;
  if (!as_int(args[0], &r) || !as_int(args[1], &e)) return nullptr;
  if (::setregid(static_cast<gid_t>(r), static_cast<gid_t>(e)) < 0) return posix_error();
  return return_none_ref();
}

Object* triple(long long a, long long b, long long c) {
  Ref<> x = Ref<>::steal(long_from_long_long(a));
  Ref<> y = Ref<>::steal(long_from_long_long(b));
  Ref<> z = Ref<>::steal(long_from_long_long(c));
  if (!x || !y || !z) return nullptr;
  return tuple_pack(3, x.get(), y.get(), z.get());
}
Object* posix_getresuid(Object*, Object*) {
  uid_t r, e, s;
  if (::getresuid(&r, &e, &s) < 0) return posix_error();
  return triple(r, e, s);
}
Object* posix_getresgid(Object*, Object*) {
  gid_t r, e, s;
  if (::getresgid(&r, &e, &s) < 0) return posix_error();
  return triple(r, e, s);
}

Object* posix_getgroups(Object*, Object*) {
  int n = ::getgroups(0, nullptr);
  if (n < 0) return posix_error();
  std::vector<gid_t> groups(static_cast<size_t>(n) + 1);
  n = ::getgroups(n, groups.data());
  if (n < 0) return posix_error();
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (int i = 0; i < n; ++i) {
    Ref<> g = Ref<>::steal(long_from_long_long(groups[static_cast<size_t>(i)]));
    if (!g || list_append(list.get(), g.get()) < 0) return nullptr;
  }
  return list.release();
}

// os_getlogin_impl.
Object* posix_getlogin(Object*, Object*) {
  char buf[LOGIN_NAME_MAX + 1];
  errno = 0;
  int e = ::getlogin_r(buf, sizeof buf);
  if (e != 0) {
    if (e == ENOENT || e == ENXIO || e == ENOTTY || e == 0) {
      errno = e;
    }
    if (e) return errno_error(e);
    return errors::format(exc_OSError, "unable to determine login name");
  }
  return decode_fs(buf, std::strlen(buf));
}

Object* posix_ctermid(Object*, Object*) {
  char buf[L_ctermid];
  const char* r = ::ctermid(buf);
  if (!r) return posix_error();
  return decode_fs(buf, std::strlen(buf));
}

// ---- signals and processes -------------------------------------------------------------

Object* posix_kill(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("kill", nargs, 2, 2)) return nullptr;
  pid_t pid;
  int sig;
  if (!pid_arg(args[0], &pid) || !as_int(args[1], &sig)) return nullptr;
  if (::kill(pid, sig) < 0) return posix_error();
  return return_none_ref();
}
Object* posix_killpg(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("killpg", nargs, 2, 2)) return nullptr;
  pid_t pgid;
  int sig;
  if (!pid_arg(args[0], &pgid) || !as_int(args[1], &sig)) return nullptr;
  if (::killpg(pgid, sig) < 0) return posix_error();
  return return_none_ref();
}

Object* posix_abort(Object*, Object*) { ::abort(); }

Object* posix_exit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"_exit", {}};
  if (!a.parse(args, nargs, kwnames, {"status"}, 1, 1)) return nullptr;
  int status;
  if (!as_int(a[0], &status)) return nullptr;
  ::_exit(status);
}

// The hooks of os.register_at_fork (interp->before_forkers and friends).
Object* before_forkers = nullptr;
Object* after_forkers_parent = nullptr;
Object* after_forkers_child = nullptr;

// run_at_forkers: before hooks run last-registered first.
void run_at_forkers(Object* list, bool reverse) {
  if (!list) return;
  Ref<> copy = Ref<>::steal(list_get_slice(list, 0, list_size(list)));
  if (!copy) {
    errors::write_unraisable(nullptr);
    return;
  }
  if (reverse) list_reverse(copy.get());
  for (ssize i = 0; i < list_size(copy.get()); ++i) {
    Object* func = list_item(copy.get(), i);
    Ref<> r = Ref<>::steal(object_call_no_args(func));
    if (!r) errors::format_unraisable("Exception ignored in fork hook %R", func);
  }
}

bool add_forker(Object** list, Object* func) {
  if (!func) return true;
  if (!*list) {
    *list = list_new(0);
    if (!*list) return false;
  }
  return list_append(*list, func) == 0;
}

// register_at_fork(*, before=None, after_in_child=None, after_in_parent=None).
Object* posix_register_at_fork(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"register_at_fork", {}};
  if (!a.parse(args, nargs, kwnames, {"before", "after_in_child", "after_in_parent"}, 0, 0))
    return nullptr;
  Object* before = a[0] && a[0] != none() ? a[0] : nullptr;
  Object* child = a[1] && a[1] != none() ? a[1] : nullptr;
  Object* parent = a[2] && a[2] != none() ? a[2] : nullptr;
  if (!before && !child && !parent) {
    return errors::format(exc_TypeError, "At least one argument is required.");
  }
  const char* names[] = {"before", "after_in_child", "after_in_parent"};
  Object* funcs[] = {before, child, parent};
  for (int i = 0; i < 3; ++i) {
    if (funcs[i] && !callable_check(funcs[i])) {
      return errors::format(exc_TypeError, "'%s' must be callable, not %s", names[i],
                            type_short_name(funcs[i]->type));
    }
  }
  if (!add_forker(&before_forkers, before) || !add_forker(&after_forkers_child, child) ||
      !add_forker(&after_forkers_parent, parent))
    return nullptr;
  return return_none_ref();
}

// os_fork_impl with PyOS_BeforeFork / PyOS_AfterFork_Parent / PyOS_AfterFork_Child.
Object* posix_fork(Object*, Object*) {
  run_at_forkers(before_forkers, true);
  pid_t pid = ::fork();
  int saved = errno;
  if (pid == 0) {
    runtime::thread_states_after_fork(runtime::thread_state());
    run_at_forkers(after_forkers_child, false);
  } else {
    run_at_forkers(after_forkers_parent, false);
  }
  if (pid < 0) {
    errno = saved;
    return posix_error();
  }
  return long_from_long(pid);
}

// fsconvert_strdup over an argv list or tuple.
bool argv_converter(const char* func, Object* argv, std::vector<std::string>* out,
                    const char* type_msg, const char* empty_msg, const char* first_msg) {
  if (!list_check(argv) && !tuple_check(argv)) {
    errors::format(exc_TypeError, type_msg, func);
    return false;
  }
  ssize n = sequence_size(argv);
  if (n < 1) {
    errors::format(exc_ValueError, empty_msg, func);
    return false;
  }
  for (ssize i = 0; i < n; ++i) {
    Ref<> item = Ref<>::steal(sequence_get_item(argv, i));
    if (!item) return false;
    Path p;
    Ref<> fs = Ref<>::steal(fspath(item.get()));
    if (!fs) return false;
    std::string s;
    if (str_check(fs.get())) {
      if (!encode_fs(fs.get(), &s)) return false;
    } else {
      s.assign(bytes_as_string(fs.get()), static_cast<size_t>(bytes_size(fs.get())));
    }
    if (s.find('\0') != std::string::npos) {
      errors::format(exc_ValueError, "embedded null byte");
      return false;
    }
    if (i == 0 && s.empty()) {
      errors::format(exc_ValueError, first_msg, func);
      return false;
    }
    out->push_back(std::move(s));
  }
  return true;
}

// parse_envlist: KEY=VALUE strings from a mapping.
bool env_converter(Object* env, std::vector<std::string>* out) {
  Ref<> keys = Ref<>::steal(mapping_keys(env));
  if (!keys) return false;
  Ref<> vals = Ref<>::steal(mapping_values(env));
  if (!vals) return false;
  if (!list_check(keys.get()) || !list_check(vals.get())) {
    errors::format(exc_TypeError, "env.keys() or env.values() is not a list");
    return false;
  }
  for (ssize i = 0; i < list_size(keys.get()); ++i) {
    std::string k, v;
    Object* ko = list_item(keys.get(), i);
    Object* vo = list_item(vals.get(), i);
    for (auto [o, s] : {std::pair<Object*, std::string*>{ko, &k}, {vo, &v}}) {
      Ref<> fs = Ref<>::steal(fspath(o));
      if (!fs) return false;
      if (str_check(fs.get())) {
        if (!encode_fs(fs.get(), s)) return false;
      } else {
        s->assign(bytes_as_string(fs.get()), static_cast<size_t>(bytes_size(fs.get())));
      }
      if (s->find('\0') != std::string::npos) {
        errors::format(exc_ValueError, "embedded null byte");
        return false;
      }
    }
    if (k.empty() || k.find('=', 1) != std::string::npos) {
      errors::format(exc_ValueError, "illegal environment variable name");
      return false;
    }
    out->push_back(k + "=" + v);
  }
  return true;
}

std::vector<char*> c_array(std::vector<std::string>& v) {
  std::vector<char*> r;
  for (std::string& s : v) r.push_back(s.data());
  r.push_back(nullptr);
  return r;
}

// execv(path, argv, /).
Object* posix_execv(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("execv", nargs, 2, 2)) return nullptr;
  Path p;
  if (!convert_path("execv", "path", args[0], &p, false)) return nullptr;
  std::vector<std::string> argv;
  if (!argv_converter("execv", args[1], &argv, "%s() arg 2 must be a tuple or list",
                      "%s() arg 2 must not be empty", "%s() arg 2 first element cannot be empty"))
    return nullptr;
  std::vector<char*> cargv = c_array(argv);
  ::execv(p.c_str(), cargv.data());
  return posix_error();
}

// execve(path, argv, env): path may be a file descriptor (fexecve).
Object* posix_execve(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"execve", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "argv", "env"}, 3, 3)) return nullptr;
  Path p;
  if (!convert_path("execve", "path", a[0], &p, true)) return nullptr;
  std::vector<std::string> argv, envs;
  if (!argv_converter("execve", a[1], &argv, "%s: argv must be a tuple or list",
                      "%s: argv must not be empty", "%s: argv first element cannot be empty"))
    return nullptr;
  if (!mapping_check(a[2])) {
    return errors::format(exc_TypeError, "execve: environment must be a mapping object");
  }
  if (!env_converter(a[2], &envs)) return nullptr;
  std::vector<char*> cargv = c_array(argv), cenv = c_array(envs);
  if (p.fd >= 0) ::fexecve(p.fd, cargv.data(), cenv.data());
  else ::execve(p.c_str(), cargv.data(), cenv.data());
  return path_error(p);
}

Object* pid_status(pid_t pid, int status) {
  Ref<> a = Ref<>::steal(long_from_long(pid));
  Ref<> b = Ref<>::steal(long_from_long(status));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

// waitpid(pid, options, /): retried on EINTR.
Object* posix_waitpid(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("waitpid", nargs, 2, 2)) return nullptr;
  pid_t pid;
  int options;
  if (!pid_arg(args[0], &pid) || !as_int(args[1], &options)) return nullptr;
  int status = 0;
  pid_t r;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    r = ::waitpid(pid, &status, options);
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  if (r < 0) return posix_error();
  return pid_status(r, status);
}
Object* posix_wait(Object*, Object*) {
  int status = 0;
  pid_t r;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    r = ::wait(&status);
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  if (r < 0) return posix_error();
  return pid_status(r, status);
}

// wait_helper: (pid, status, resource.struct_rusage).
Object* wait_helper(pid_t pid, int status, const struct rusage& ru) {
  if (pid < 0) return posix_error();
  Ref<> resource = Ref<>::steal(imp::import_module("resource"));
  if (!resource) return nullptr;
  Ref<> cls = Ref<>::steal(object_getattr_string(resource.get(), "struct_rusage"));
  if (!cls) return nullptr;
  double ut = static_cast<double>(ru.ru_utime.tv_sec) + ru.ru_utime.tv_usec * 1e-6;
  double st = static_cast<double>(ru.ru_stime.tv_sec) + ru.ru_stime.tv_usec * 1e-6;
  long longs[] = {ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt,
                  ru.ru_majflt, ru.ru_nswap, ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd,
                  ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw};
  Ref<> fields = Ref<>::steal(tuple_new(16));
  if (!fields) return nullptr;
  tuple_set_item(fields.get(), 0, float_from_double(ut));
  tuple_set_item(fields.get(), 1, float_from_double(st));
  for (int i = 0; i < 14; ++i) tuple_set_item(fields.get(), i + 2, long_from_long(longs[i]));
  for (int i = 0; i < 16; ++i)
    if (!tuple_item(fields.get(), i)) return nullptr;
  Ref<> usage = Ref<>::steal(object_call_function_obj_args(cls.get(), fields.get(), nullptr));
  if (!usage) return nullptr;
  Ref<> a = Ref<>::steal(long_from_long(pid));
  Ref<> b = Ref<>::steal(long_from_long(status));
  if (!a || !b) return nullptr;
  return tuple_pack(3, a.get(), b.get(), usage.get());
}
Object* posix_wait3(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"wait3", {}};
  if (!a.parse(args, nargs, kwnames, {"options"}, 1, 1)) return nullptr;
  int options;
  if (!as_int(a[0], &options)) return nullptr;
  struct rusage ru;
  int status = 0;
  pid_t r;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    r = ::wait3(&status, options, &ru);
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  return wait_helper(r, status, ru);
}
Object* posix_wait4(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"wait4", {}};
  if (!a.parse(args, nargs, kwnames, {"pid", "options"}, 2, 2)) return nullptr;
  pid_t pid;
  int options;
  if (!pid_arg(a[0], &pid) || !as_int(a[1], &options)) return nullptr;
  struct rusage ru;
  int status = 0;
  pid_t r;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    r = ::wait4(pid, &status, options, &ru);
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  return wait_helper(r, status, ru);
}

// os_waitstatus_to_exitcode_impl.
Object* posix_waitstatus_to_exitcode(Object*, Object* const* args, ssize nargs,
                                     Object* kwnames) {
  Args a{"waitstatus_to_exitcode", {}};
  if (!a.parse(args, nargs, kwnames, {"status"}, 1, 1)) return nullptr;
  int status;
  if (!as_int(a[0], &status)) return nullptr;
  if (WIFEXITED(status)) {
    int code = WEXITSTATUS(status);
    if (code < 0) return errors::format(exc_ValueError, "invalid WEXITSTATUS: %i", code);
    return long_from_long(code);
  }
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig <= 0) return errors::format(exc_ValueError, "invalid WTERMSIG: %i", sig);
    return long_from_long(-sig);
  }
  if (WIFSTOPPED(status)) {
    return errors::format(exc_ValueError, "process stopped by delivery of signal %i",
                          WSTOPSIG(status));
  }
  return errors::format(exc_ValueError, "invalid wait status: %i", status);
}

// The W* macros over a wait status.
template <int (*F)(int)>
Object* wait_macro(const char* func, Object* const* args, ssize nargs, Object* kwnames,
                   bool boolean) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"status"}, 1, 1)) return nullptr;
  int status;
  if (!as_int(a[0], &status)) return nullptr;
  int r = F(status);
  return boolean ? bool_from_long(r) : long_from_long(r);
}
int w_ifexited(int s) { return WIFEXITED(s); }
int w_exitstatus(int s) { return WEXITSTATUS(s); }
int w_ifsignaled(int s) { return WIFSIGNALED(s); }
int w_termsig(int s) { return WTERMSIG(s); }
int w_ifstopped(int s) { return WIFSTOPPED(s); }
int w_stopsig(int s) { return WSTOPSIG(s); }
int w_coredump(int s) { return WCOREDUMP(s); }
int w_ifcontinued(int s) { return WIFCONTINUED(s); }
#define WAIT_FN(name, impl, boolean)                                                     \
  Object* posix_##name(Object*, Object* const* args, ssize nargs, Object* kwnames) {     \
    return wait_macro<impl>(#name, args, nargs, kwnames, boolean);                       \
  }
WAIT_FN(WIFEXITED, w_ifexited, true)
WAIT_FN(WEXITSTATUS, w_exitstatus, false)
WAIT_FN(WIFSIGNALED, w_ifsignaled, true)
WAIT_FN(WTERMSIG, w_termsig, false)
WAIT_FN(WIFSTOPPED, w_ifstopped, true)
WAIT_FN(WSTOPSIG, w_stopsig, false)
WAIT_FN(WCOREDUMP, w_coredump, true)
WAIT_FN(WIFCONTINUED, w_ifcontinued, true)

// system(command).
Object* posix_system(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"system", {}};
  if (!a.parse(args, nargs, kwnames, {"command"}, 1, 1)) return nullptr;
  std::string cmd;
  Ref<> fs = Ref<>::steal(fspath(a[0]));
  if (!fs) return nullptr;
  if (str_check(fs.get())) {
    if (!encode_fs(fs.get(), &cmd)) return nullptr;
  } else {
    cmd.assign(bytes_as_string(fs.get()), static_cast<size_t>(bytes_size(fs.get())));
  }
  if (cmd.find('\0') != std::string::npos) {
    return errors::format(exc_ValueError, "embedded null byte");
  }
  int r;
  {
    vm::AllowThreads nogil;
    r = ::system(cmd.c_str());
  }
  return long_from_long(r);
}

// posix_spawn / posix_spawnp (py_posix_spawn): the file actions are tuples
// (POSIX_SPAWN_OPEN, fd, path, flags, mode), (POSIX_SPAWN_CLOSE, fd),
// (POSIX_SPAWN_DUP2, fd, new_fd), (POSIX_SPAWN_CLOSEFROM, fd).
enum { kSpawnOpen = 0, kSpawnClose = 1, kSpawnDup2 = 2, kSpawnCloseFrom = 3 };

bool sigset_from(const char* func, Object* iterable, sigset_t* set) {
  sigemptyset(set);
  Ref<> it = Ref<>::steal(object_get_iter(iterable));
  if (!it) return false;
  Object* item;
  int r;
  while ((r = iter_next_item(it.get(), &item)) > 0) {
    Ref<> owned = Ref<>::steal(item);
    long sig = long_as_long(item);
    if (sig == -1 && errors::occurred()) return false;
    if (sig <= 0 || sig >= NSIG) {
      errors::format(exc_ValueError, "signal number %ld out of range [1; %i]", sig, NSIG - 1);
      return false;
    }
    sigaddset(set, static_cast<int>(sig));
  }
  (void)func;
  return r == 0;
}

Object* do_posix_spawn(const char* func, bool use_path, Object* const* args, ssize nargs,
                       Object* kwnames) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames,
               {"", "", "", "file_actions", "setpgroup", "resetids", "setsid", "setsigmask",
                "setsigdef", "scheduler"},
               3, 3))
    return nullptr;
  Path p;
  if (!convert_path(func, "path", a[0], &p, false)) return nullptr;
  std::vector<std::string> argv, envs;
  if (!argv_converter(func, a[1], &argv, "%s: argv must be a tuple or list",
                      "%s: argv must not be empty", "%s: argv first element cannot be empty"))
    return nullptr;
  // env=None (3.13) spawns with the current environment.
  bool inherit_env = a[2] == none();
  if (!inherit_env && !mapping_check(a[2])) {
    return errors::format(exc_TypeError, "%s: environment must be a mapping object", func);
  }
  if (!inherit_env && !env_converter(a[2], &envs)) return nullptr;
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  struct Cleanup {
    posix_spawn_file_actions_t* a;
    posix_spawnattr_t* t;
    ~Cleanup() {
      posix_spawn_file_actions_destroy(a);
      posix_spawnattr_destroy(t);
    }
  } cleanup{&actions, &attr};
  std::vector<std::string> open_paths;  // kept alive until the spawn
  open_paths.reserve(64);
  if (a[3] && a[3] != none()) {
    Ref<> seq = Ref<>::steal(sequence_fast(a[3], "file_actions must be a sequence or None"));
    if (!seq) return nullptr;
    ssize n = sequence_size(seq.get());
    open_paths.reserve(static_cast<size_t>(n));
    for (ssize i = 0; i < n; ++i) {
      Ref<> fa = Ref<>::steal(sequence_get_item(seq.get(), i));
      if (!fa) return nullptr;
      if (!tuple_check(fa.get()) || tuple_size(fa.get()) == 0) {
        return errors::format(exc_TypeError, "Each file_actions element must be a non-empty tuple");
      }
      long tag = long_as_long(tuple_item(fa.get(), 0));
      if (tag == -1 && errors::occurred()) return nullptr;
      ssize sz = tuple_size(fa.get());
      int rc = 0;
      auto int_at = [&](ssize k, int* out) { return as_int(tuple_item(fa.get(), k), out); };
      if (tag == kSpawnOpen) {
        if (sz != 5) return errors::format(exc_TypeError, "A open file_action tuple must have 5 elements");
        int fd, flags, mode;
        Path op;
        if (!int_at(1, &fd) || !convert_path(func, "path", tuple_item(fa.get(), 2), &op, false) ||
            !int_at(3, &flags) || !int_at(4, &mode))
          return nullptr;
        open_paths.push_back(op.narrow);
        rc = posix_spawn_file_actions_addopen(&actions, fd, open_paths.back().c_str(), flags,
                                              static_cast<mode_t>(mode));
      } else if (tag == kSpawnClose) {
        if (sz != 2) return errors::format(exc_TypeError, "A close file_action tuple must have 2 elements");
        int fd;
        if (!int_at(1, &fd)) return nullptr;
        rc = posix_spawn_file_actions_addclose(&actions, fd);
      } else if (tag == kSpawnDup2) {
        if (sz != 3) return errors::format(exc_TypeError, "A dup2 file_action tuple must have 3 elements");
        int fd, fd2;
        if (!int_at(1, &fd) || !int_at(2, &fd2)) return nullptr;
        rc = posix_spawn_file_actions_adddup2(&actions, fd, fd2);
      } else if (tag == kSpawnCloseFrom) {
        if (sz != 2) return errors::format(exc_TypeError, "A closefrom file_action tuple must have 2 elements");
        int fd;
        if (!int_at(1, &fd)) return nullptr;
        rc = posix_spawn_file_actions_addclosefrom_np(&actions, fd);
      } else {
        return errors::format(exc_TypeError, "Unknown file_actions identifier");
      }
      if (rc) return errno_error(rc);
    }
  }
  short flags = 0;
  if (a[4] && a[4] != none()) {
    int pg;
    if (!as_int(a[4], &pg)) return nullptr;
    flags |= POSIX_SPAWN_SETPGROUP;
    posix_spawnattr_setpgroup(&attr, pg);
  }
  bool resetids = false, setsid_ = false;
  if (!bool_arg(a[5], &resetids) || !bool_arg(a[6], &setsid_)) return nullptr;
  if (resetids) flags |= POSIX_SPAWN_RESETIDS;
  if (setsid_) flags |= POSIX_SPAWN_SETSID;
  if (a[7]) {
    sigset_t set;
    if (!sigset_from(func, a[7], &set)) return nullptr;
    posix_spawnattr_setsigmask(&attr, &set);
    flags |= POSIX_SPAWN_SETSIGMASK;
  }
  if (a[8]) {
    sigset_t set;
    if (!sigset_from(func, a[8], &set)) return nullptr;
    posix_spawnattr_setsigdefault(&attr, &set);
    flags |= POSIX_SPAWN_SETSIGDEF;
  }
  if (a[9] && a[9] != none()) {
    return errors::format(exc_NotImplementedError, "%s: scheduler unavailable on this platform",
                          func);
  }
  posix_spawnattr_setflags(&attr, flags);
  std::vector<char*> cargv = c_array(argv), cenv = c_array(envs);
  char** envp = inherit_env ? environ : cenv.data();
  pid_t pid;
  int err;
  {
    vm::AllowThreads nogil;
    err = use_path ? ::posix_spawnp(&pid, p.c_str(), &actions, &attr, cargv.data(), envp)
                   : ::posix_spawn(&pid, p.c_str(), &actions, &attr, cargv.data(), envp);
  }
  if (err) return errno_error(err, p.object);
  return long_from_long(pid);
}
Object* posix_posix_spawn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_posix_spawn("posix_spawn", false, args, nargs, kwnames);
}
Object* posix_posix_spawnp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_posix_spawn("posix_spawnp", true, args, nargs, kwnames);
}

// ---- the system ------------------------------------------------------------------------

TypeObject times_result_type{};
StructSeqField times_result_fields[] = {
    {"user", "user time"},
    {"system", "system time"},
    {"children_user", "user time of children"},
    {"children_system", "system time of children"},
    {"elapsed", "elapsed time since an arbitrary point in the past"},
    {nullptr, nullptr}};
StructSeqDesc times_result_desc = {
    "posix.times_result",
    "times_result: Result from os.times().\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (user, system, children_user, children_system, elapsed),\n"
    "or via the attributes user, system, children_user, children_system,\n"
    "and elapsed.\n\n"
    "See os.times for more information.",
    times_result_fields, 5};

TypeObject uname_result_type{};
StructSeqField uname_result_fields[] = {
    {"sysname", "operating system name"},
    {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"},
    {"version", "operating system version"},
    {"machine", "hardware identifier"},
    {nullptr, nullptr}};
StructSeqDesc uname_result_desc = {
    "posix.uname_result",
    "uname_result: Result from os.uname().\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (sysname, nodename, release, version, machine),\n"
    "or via the attributes sysname, nodename, release, version, and machine.\n\n"
    "See os.uname for more information.",
    uname_result_fields, 5};

Object* posix_times(Object*, Object*) {
  struct tms t;
  clock_t c = ::times(&t);
  if (c == static_cast<clock_t>(-1)) return posix_error();
  double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  Ref<> r = Ref<>::steal(structseq_new(&times_result_type));
  if (!r) return nullptr;
  double vals[] = {t.tms_utime / ticks, t.tms_stime / ticks, t.tms_cutime / ticks,
                   t.tms_cstime / ticks, c / ticks};
  for (int i = 0; i < 5; ++i) {
    Object* v = float_from_double(vals[i]);
    if (!v) return nullptr;
    structseq_set_item(r.get(), i, v);
  }
  return r.release();
}

Object* posix_uname(Object*, Object*) {
  struct utsname u;
  if (::uname(&u) < 0) return posix_error();
  Ref<> r = Ref<>::steal(structseq_new(&uname_result_type));
  if (!r) return nullptr;
  const char* vals[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  for (int i = 0; i < 5; ++i) {
    Object* v = decode_fs(vals[i], std::strlen(vals[i]));
    if (!v) return nullptr;
    structseq_set_item(r.get(), i, v);
  }
  return r.release();
}

// os_cpu_count_impl: the number of online processors, None when unknown.
Object* posix_cpu_count(Object*, Object*) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n >= 1 ? long_from_long(n) : return_none_ref();
}

Object* posix_sched_getaffinity(Object*, Object* arg) {
  pid_t pid;
  if (!pid_arg(arg, &pid)) return nullptr;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(pid, sizeof set, &set) < 0) return posix_error();
  Ref<> r = Ref<>::steal(set_new(nullptr));
  if (!r) return nullptr;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (!CPU_ISSET(cpu, &set)) continue;
    Ref<> c = Ref<>::steal(long_from_long(cpu));
    if (!c || set_add(r.get(), c.get()) < 0) return nullptr;
  }
  return r.release();
}
Object* posix_sched_yield(Object*, Object*) {
  {
    vm::AllowThreads nogil;
    ::sched_yield();
  }
  return return_none_ref();
}

Object* posix_getloadavg(Object*, Object*) {
  double l[3];
  if (::getloadavg(l, 3) != 3) {
    return errors::format(exc_OSError, "Load averages are unobtainable");
  }
  Ref<> a = Ref<>::steal(float_from_double(l[0]));
  Ref<> b = Ref<>::steal(float_from_double(l[1]));
  Ref<> c = Ref<>::steal(float_from_double(l[2]));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(3, a.get(), b.get(), c.get());
}

Object* posix_nice(Object*, Object* arg) {
  int inc;
  if (!as_int(arg, &inc)) return nullptr;
  errno = 0;
  int r = ::nice(inc);
  if (r == -1 && errno != 0) return posix_error();
  return long_from_long(r);
}
Object* posix_getpriority(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("getpriority", nargs, 2, 2)) return nullptr;
  int which, who;
  if (!as_int(args[0], &which) || !as_int(args[1], &who)) return nullptr;
  errno = 0;
  int r = ::getpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who));
  if (r == -1 && errno != 0) return posix_error();
  return long_from_long(r);
}
Object* posix_setpriority(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setpriority", nargs, 3, 3)) return nullptr;
  int which, who, prio;
  if (!as_int(args[0], &which) || !as_int(args[1], &who) || !as_int(args[2], &prio))
    return nullptr;
  if (::setpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who), prio) < 0)
    return posix_error();
  return return_none_ref();
}

// openpty(): both descriptors non-inheritable.
Object* posix_openpty(Object*, Object*) {
  int master, slave;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) < 0) return posix_error();
  ::fcntl(master, F_SETFD, FD_CLOEXEC);
  ::fcntl(slave, F_SETFD, FD_CLOEXEC);
  Ref<> a = Ref<>::steal(long_from_long(master));
  Ref<> b = Ref<>::steal(long_from_long(slave));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

// ---- sysconf, confstr, pathconf ----------------------------------------------------------

struct ConfName {
  const char* name;
  int value;
};

const ConfName kPathconfNames[] = {
    {"PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN}, {"PC_ASYNC_IO", _PC_ASYNC_IO},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
    {"PC_LINK_MAX", _PC_LINK_MAX}, {"PC_MAX_CANON", _PC_MAX_CANON},
    {"PC_MAX_INPUT", _PC_MAX_INPUT}, {"PC_NAME_MAX", _PC_NAME_MAX},
    {"PC_NO_TRUNC", _PC_NO_TRUNC}, {"PC_PATH_MAX", _PC_PATH_MAX},
    {"PC_PIPE_BUF", _PC_PIPE_BUF}, {"PC_PRIO_IO", _PC_PRIO_IO},
    {"PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE},
    {"PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE},
    {"PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE},
    {"PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN}, {"PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF},
    {"PC_SYMLINK_MAX", _PC_SYMLINK_MAX}, {"PC_SYNC_IO", _PC_SYNC_IO},
    {"PC_VDISABLE", _PC_VDISABLE}, {"PC_2_SYMLINKS", _PC_2_SYMLINKS},
};

const ConfName kConfstrNames[] = {
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
    {"CS_PATH", _CS_PATH},
};

const ConfName kSysconfNames[] = {
    {"SC_2_CHAR_TERM", _SC_2_CHAR_TERM}, {"SC_2_C_BIND", _SC_2_C_BIND},
    {"SC_2_C_DEV", _SC_2_C_DEV}, {"SC_2_C_VERSION", _SC_2_C_VERSION},
    {"SC_2_FORT_DEV", _SC_2_FORT_DEV}, {"SC_2_FORT_RUN", _SC_2_FORT_RUN},
    {"SC_2_LOCALEDEF", _SC_2_LOCALEDEF}, {"SC_2_SW_DEV", _SC_2_SW_DEV},
    {"SC_2_UPE", _SC_2_UPE}, {"SC_2_VERSION", _SC_2_VERSION},
    {"SC_AIO_LISTIO_MAX", _SC_AIO_LISTIO_MAX}, {"SC_AIO_MAX", _SC_AIO_MAX},
    {"SC_AIO_PRIO_DELTA_MAX", _SC_AIO_PRIO_DELTA_MAX}, {"SC_ARG_MAX", _SC_ARG_MAX},
    {"SC_ASYNCHRONOUS_IO", _SC_ASYNCHRONOUS_IO}, {"SC_ATEXIT_MAX", _SC_ATEXIT_MAX},
    {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES}, {"SC_BC_BASE_MAX", _SC_BC_BASE_MAX},
    {"SC_BC_DIM_MAX", _SC_BC_DIM_MAX}, {"SC_BC_SCALE_MAX", _SC_BC_SCALE_MAX},
    {"SC_BC_STRING_MAX", _SC_BC_STRING_MAX}, {"SC_CHARCLASS_NAME_MAX", _SC_CHARCLASS_NAME_MAX},
    {"SC_CHAR_BIT", _SC_CHAR_BIT}, {"SC_CHAR_MAX", _SC_CHAR_MAX},
    {"SC_CHAR_MIN", _SC_CHAR_MIN}, {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK}, {"SC_COLL_WEIGHTS_MAX", _SC_COLL_WEIGHTS_MAX},
    {"SC_DELAYTIMER_MAX", _SC_DELAYTIMER_MAX}, {"SC_EQUIV_CLASS_MAX", _SC_EQUIV_CLASS_MAX},
    {"SC_EXPR_NEST_MAX", _SC_EXPR_NEST_MAX}, {"SC_FSYNC", _SC_FSYNC},
    {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX}, {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX},
    {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX}, {"SC_INT_MAX", _SC_INT_MAX},
    {"SC_INT_MIN", _SC_INT_MIN}, {"SC_IOV_MAX", _SC_IOV_MAX},
    {"SC_JOB_CONTROL", _SC_JOB_CONTROL}, {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX}, {"SC_LONG_BIT", _SC_LONG_BIT},
    {"SC_MAPPED_FILES", _SC_MAPPED_FILES}, {"SC_MB_LEN_MAX", _SC_MB_LEN_MAX},
    {"SC_MEMLOCK", _SC_MEMLOCK}, {"SC_MEMLOCK_RANGE", _SC_MEMLOCK_RANGE},
    {"SC_MEMORY_PROTECTION", _SC_MEMORY_PROTECTION}, {"SC_MESSAGE_PASSING", _SC_MESSAGE_PASSING},
    {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ}, {"SC_MQ_OPEN_MAX", _SC_MQ_OPEN_MAX},
    {"SC_MQ_PRIO_MAX", _SC_MQ_PRIO_MAX}, {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_NL_ARGMAX", _SC_NL_ARGMAX}, {"SC_NL_LANGMAX", _SC_NL_LANGMAX},
    {"SC_NL_MSGMAX", _SC_NL_MSGMAX}, {"SC_NL_NMAX", _SC_NL_NMAX},
    {"SC_NL_SETMAX", _SC_NL_SETMAX}, {"SC_NL_TEXTMAX", _SC_NL_TEXTMAX},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF}, {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_NZERO", _SC_NZERO}, {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_PAGESIZE", _SC_PAGESIZE}, {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
    {"SC_PASS_MAX", _SC_PASS_MAX}, {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_PII", _SC_PII}, {"SC_PII_INTERNET", _SC_PII_INTERNET},
    {"SC_PII_INTERNET_DGRAM", _SC_PII_INTERNET_DGRAM},
    {"SC_PII_INTERNET_STREAM", _SC_PII_INTERNET_STREAM}, {"SC_PII_OSI", _SC_PII_OSI},
    {"SC_PII_OSI_CLTS", _SC_PII_OSI_CLTS}, {"SC_PII_OSI_COTS", _SC_PII_OSI_COTS},
    {"SC_PII_OSI_M", _SC_PII_OSI_M}, {"SC_PII_SOCKET", _SC_PII_SOCKET},
    {"SC_PII_XTI", _SC_PII_XTI}, {"SC_POLL", _SC_POLL},
    {"SC_PRIORITIZED_IO", _SC_PRIORITIZED_IO}, {"SC_PRIORITY_SCHEDULING", _SC_PRIORITY_SCHEDULING},
    {"SC_REALTIME_SIGNALS", _SC_REALTIME_SIGNALS}, {"SC_RE_DUP_MAX", _SC_RE_DUP_MAX},
    {"SC_RTSIG_MAX", _SC_RTSIG_MAX}, {"SC_SAVED_IDS", _SC_SAVED_IDS},
    {"SC_SCHAR_MAX", _SC_SCHAR_MAX}, {"SC_SCHAR_MIN", _SC_SCHAR_MIN},
    {"SC_SELECT", _SC_SELECT}, {"SC_SEMAPHORES", _SC_SEMAPHORES},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX}, {"SC_SEM_VALUE_MAX", _SC_SEM_VALUE_MAX},
    {"SC_SHARED_MEMORY_OBJECTS", _SC_SHARED_MEMORY_OBJECTS}, {"SC_SHRT_MAX", _SC_SHRT_MAX},
    {"SC_SHRT_MIN", _SC_SHRT_MIN}, {"SC_SIGQUEUE_MAX", _SC_SIGQUEUE_MAX},
    {"SC_SSIZE_MAX", _SC_SSIZE_MAX}, {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_SYNCHRONIZED_IO", _SC_SYNCHRONIZED_IO}, {"SC_THREADS", _SC_THREADS},
    {"SC_THREAD_ATTR_STACKADDR", _SC_THREAD_ATTR_STACKADDR},
    {"SC_THREAD_ATTR_STACKSIZE", _SC_THREAD_ATTR_STACKSIZE},
    {"SC_THREAD_DESTRUCTOR_ITERATIONS", _SC_THREAD_DESTRUCTOR_ITERATIONS},
    {"SC_THREAD_KEYS_MAX", _SC_THREAD_KEYS_MAX},
    {"SC_THREAD_PRIORITY_SCHEDULING", _SC_THREAD_PRIORITY_SCHEDULING},
    {"SC_THREAD_PRIO_INHERIT", _SC_THREAD_PRIO_INHERIT},
    {"SC_THREAD_PRIO_PROTECT", _SC_THREAD_PRIO_PROTECT},
    {"SC_THREAD_PROCESS_SHARED", _SC_THREAD_PROCESS_SHARED},
    {"SC_THREAD_SAFE_FUNCTIONS", _SC_THREAD_SAFE_FUNCTIONS},
    {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN}, {"SC_THREAD_THREADS_MAX", _SC_THREAD_THREADS_MAX},
    {"SC_TIMERS", _SC_TIMERS}, {"SC_TIMER_MAX", _SC_TIMER_MAX},
    {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX}, {"SC_TZNAME_MAX", _SC_TZNAME_MAX},
    {"SC_T_IOV_MAX", _SC_T_IOV_MAX}, {"SC_UCHAR_MAX", _SC_UCHAR_MAX},
    {"SC_UINT_MAX", _SC_UINT_MAX}, {"SC_UIO_MAXIOV", _SC_UIO_MAXIOV},
    {"SC_ULONG_MAX", _SC_ULONG_MAX}, {"SC_USHRT_MAX", _SC_USHRT_MAX},
    {"SC_VERSION", _SC_VERSION}, {"SC_WORD_BIT", _SC_WORD_BIT},
    {"SC_XBS5_ILP32_OFF32", _SC_XBS5_ILP32_OFF32},
    {"SC_XBS5_ILP32_OFFBIG", _SC_XBS5_ILP32_OFFBIG},
    {"SC_XBS5_LP64_OFF64", _SC_XBS5_LP64_OFF64},
    {"SC_XBS5_LPBIG_OFFBIG", _SC_XBS5_LPBIG_OFFBIG}, {"SC_XOPEN_CRYPT", _SC_XOPEN_CRYPT},
    {"SC_XOPEN_ENH_I18N", _SC_XOPEN_ENH_I18N}, {"SC_XOPEN_LEGACY", _SC_XOPEN_LEGACY},
    {"SC_XOPEN_REALTIME", _SC_XOPEN_REALTIME},
    {"SC_XOPEN_REALTIME_THREADS", _SC_XOPEN_REALTIME_THREADS}, {"SC_XOPEN_SHM", _SC_XOPEN_SHM},
    {"SC_XOPEN_UNIX", _SC_XOPEN_UNIX}, {"SC_XOPEN_VERSION", _SC_XOPEN_VERSION},
    {"SC_XOPEN_XCU_VERSION", _SC_XOPEN_XCU_VERSION},
    {"SC_XOPEN_XPG2", _SC_XOPEN_XPG2}, {"SC_XOPEN_XPG3", _SC_XOPEN_XPG3},
    {"SC_XOPEN_XPG4", _SC_XOPEN_XPG4},
};

// conv_confname: an int, or a name of the table.
template <size_t N>
bool conv_confname(Object* arg, const ConfName (&table)[N], int* out) {
  if (long_check(arg)) return as_int(arg, out);
  if (!str_check(arg)) {
    errors::format(exc_TypeError, "configuration names must be strings or integers");
    return false;
  }
  const char* s = str_as_utf8(arg);
  if (!s) return false;
  for (const ConfName& c : table) {
    if (std::strcmp(c.name, s) == 0) {
      *out = c.value;
      return true;
    }
  }
  errors::format(exc_ValueError, "unrecognized configuration name");
  return false;
}

Object* posix_sysconf(Object*, Object* arg) {
  int name;
  if (!conv_confname(arg, kSysconfNames, &name)) return nullptr;
  errno = 0;
  long r = ::sysconf(name);
  if (r == -1 && errno != 0) return posix_error();
  return long_from_long(r);
}

Object* posix_confstr(Object*, Object* arg) {
  int name;
  if (!conv_confname(arg, kConfstrNames, &name)) return nullptr;
  errno = 0;
  size_t len = ::confstr(name, nullptr, 0);
  if (len == 0) {
    if (errno) return posix_error();
    return return_none_ref();
  }
  std::string buf(len, '\0');
  ::confstr(name, buf.data(), len);
  return decode_fs(buf.data(), len - 1);
}

Object* posix_fpathconf(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fpathconf", {}};
  if (!a.parse(args, nargs, kwnames, {"fd", "name"}, 2, 2)) return nullptr;
  int fd, name;
  if (!fildes_converter(a[0], &fd) || !conv_confname(a[1], kPathconfNames, &name))
    return nullptr;
  errno = 0;
  long r = ::fpathconf(fd, name);
  if (r == -1 && errno != 0) return posix_error();
  return long_from_long(r);
}

Object* posix_pathconf(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"pathconf", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "name"}, 2, 2)) return nullptr;
  Path p;
  int name;
  if (!convert_path("pathconf", "path", a[0], &p, true) ||
      !conv_confname(a[1], kPathconfNames, &name))
    return nullptr;
  errno = 0;
  long r = p.fd >= 0 ? ::fpathconf(p.fd, name) : ::pathconf(p.c_str(), name);
  if (r == -1 && errno != 0) return path_error(p);
  return long_from_long(r);
}

template <size_t N>
int add_names(Object* m, const char* attr, const ConfName (&table)[N]) {
  Ref<> d = Ref<>::steal(dict_new());
  if (!d) return -1;
  for (const ConfName& c : table) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || dict_set_item_string(d.get(), c.name, v.get()) < 0) return -1;
  }
  return module_add_object_ref(m, attr, d.get());
}

MethodDef proc_methods[] = {
    {"getpid", POSIX_NOARGS(posix_getpid), nullptr},
    {"getppid", POSIX_NOARGS(posix_getppid), nullptr},
    {"getuid", POSIX_NOARGS(posix_getuid), nullptr},
    {"geteuid", POSIX_NOARGS(posix_geteuid), nullptr},
    {"getgid", POSIX_NOARGS(posix_getgid), nullptr},
    {"getegid", POSIX_NOARGS(posix_getegid), nullptr},
    {"getpgrp", POSIX_NOARGS(posix_getpgrp), nullptr},
    {"setpgrp", POSIX_NOARGS(posix_setpgrp), nullptr},
    {"setsid", POSIX_NOARGS(posix_setsid), nullptr},
    {"getpgid", POSIX_FASTCALL_KW(posix_getpgid), nullptr},
    {"getsid", POSIX_METH_O(posix_getsid), nullptr},
    {"setpgid", POSIX_FASTCALL(posix_setpgid), nullptr},
    {"tcgetpgrp", POSIX_METH_O(posix_tcgetpgrp), nullptr},
    {"tcsetpgrp", POSIX_FASTCALL(posix_tcsetpgrp), nullptr},
    {"setuid", POSIX_METH_O(posix_setuid), nullptr},
    {"setgid", POSIX_METH_O(posix_setgid), nullptr},
    {"seteuid", POSIX_METH_O(posix_seteuid), nullptr},
    {"setegid", POSIX_METH_O(posix_setegid), nullptr},
    {"setreuid", POSIX_FASTCALL(posix_setreuid), nullptr},
    {"setregid", POSIX_FASTCALL(posix_setregid), nullptr},
    {"getresuid", POSIX_NOARGS(posix_getresuid), nullptr},
    {"getresgid", POSIX_NOARGS(posix_getresgid), nullptr},
    {"getgroups", POSIX_NOARGS(posix_getgroups), nullptr},
    {"getlogin", POSIX_NOARGS(posix_getlogin), nullptr},
    {"ctermid", POSIX_NOARGS(posix_ctermid), nullptr},
    {"kill", POSIX_FASTCALL(posix_kill), nullptr},
    {"killpg", POSIX_FASTCALL(posix_killpg), nullptr},
    {"abort", POSIX_NOARGS(posix_abort), nullptr},
    {"_exit", POSIX_FASTCALL_KW(posix_exit), nullptr},
    {"register_at_fork", POSIX_FASTCALL_KW(posix_register_at_fork), nullptr},
    {"fork", POSIX_NOARGS(posix_fork), nullptr},
    {"execv", POSIX_FASTCALL(posix_execv), nullptr},
    {"execve", POSIX_FASTCALL_KW(posix_execve), nullptr},
    {"waitpid", POSIX_FASTCALL(posix_waitpid), nullptr},
    {"wait", POSIX_NOARGS(posix_wait), nullptr},
    {"wait3", POSIX_FASTCALL_KW(posix_wait3), nullptr},
    {"wait4", POSIX_FASTCALL_KW(posix_wait4), nullptr},
    {"waitstatus_to_exitcode", POSIX_FASTCALL_KW(posix_waitstatus_to_exitcode), nullptr},
    {"WIFEXITED", POSIX_FASTCALL_KW(posix_WIFEXITED), nullptr},
    {"WEXITSTATUS", POSIX_FASTCALL_KW(posix_WEXITSTATUS), nullptr},
    {"WIFSIGNALED", POSIX_FASTCALL_KW(posix_WIFSIGNALED), nullptr},
    {"WTERMSIG", POSIX_FASTCALL_KW(posix_WTERMSIG), nullptr},
    {"WIFSTOPPED", POSIX_FASTCALL_KW(posix_WIFSTOPPED), nullptr},
    {"WSTOPSIG", POSIX_FASTCALL_KW(posix_WSTOPSIG), nullptr},
    {"WCOREDUMP", POSIX_FASTCALL_KW(posix_WCOREDUMP), nullptr},
    {"WIFCONTINUED", POSIX_FASTCALL_KW(posix_WIFCONTINUED), nullptr},
    {"system", POSIX_FASTCALL_KW(posix_system), nullptr},
    {"posix_spawn", POSIX_FASTCALL_KW(posix_posix_spawn), nullptr},
    {"posix_spawnp", POSIX_FASTCALL_KW(posix_posix_spawnp), nullptr},
    {"times", POSIX_NOARGS(posix_times), nullptr},
    {"uname", POSIX_NOARGS(posix_uname), nullptr},
    {"cpu_count", POSIX_NOARGS(posix_cpu_count),
     "cpu_count($module, /)\n--\n\nReturn the number of logical CPUs in the system.\n\nReturn "
     "None if indeterminable."},
    {"sched_getaffinity", POSIX_METH_O(posix_sched_getaffinity), nullptr},
    {"sched_yield", POSIX_NOARGS(posix_sched_yield), nullptr},
    {"getloadavg", POSIX_NOARGS(posix_getloadavg), nullptr},
    {"nice", POSIX_METH_O(posix_nice), nullptr},
    {"getpriority", POSIX_FASTCALL(posix_getpriority), nullptr},
    {"setpriority", POSIX_FASTCALL(posix_setpriority), nullptr},
    {"openpty", POSIX_NOARGS(posix_openpty), nullptr},
    {"sysconf", POSIX_METH_O(posix_sysconf), nullptr},
    {"confstr", POSIX_METH_O(posix_confstr), nullptr},
    {"fpathconf", POSIX_FASTCALL_KW(posix_fpathconf), nullptr},
    {"pathconf", POSIX_FASTCALL_KW(posix_pathconf), nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// The process and system functions with their constants, name tables and result types, added
// by the module's exec.
int add_process_functions(Object* m) {
  if (module_add_functions(m, proc_methods) < 0) return -1;
  struct IntConst {
    const char* name;
    long value;
  };
  static const IntConst kConsts[] = {
      {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
      {"WEXITED", WEXITED}, {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT},
      {"P_PID", P_PID}, {"P_PGID", P_PGID}, {"P_ALL", P_ALL},
      {"CLD_EXITED", CLD_EXITED}, {"CLD_KILLED", CLD_KILLED}, {"CLD_DUMPED", CLD_DUMPED},
      {"CLD_TRAPPED", CLD_TRAPPED}, {"CLD_STOPPED", CLD_STOPPED},
      {"CLD_CONTINUED", CLD_CONTINUED},
      {"SCHED_OTHER", SCHED_OTHER}, {"SCHED_FIFO", SCHED_FIFO}, {"SCHED_RR", SCHED_RR},
      {"SCHED_BATCH", SCHED_BATCH}, {"SCHED_IDLE", SCHED_IDLE},
      {"SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK},
      {"POSIX_SPAWN_OPEN", kSpawnOpen}, {"POSIX_SPAWN_CLOSE", kSpawnClose},
      {"POSIX_SPAWN_DUP2", kSpawnDup2}, {"POSIX_SPAWN_CLOSEFROM", kSpawnCloseFrom},
  };
  for (const IntConst& c : kConsts) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  if (add_names(m, "pathconf_names", kPathconfNames) < 0 ||
      add_names(m, "confstr_names", kConfstrNames) < 0 ||
      add_names(m, "sysconf_names", kSysconfNames) < 0)
    return -1;
  if (structseq_init_type(&times_result_type, &times_result_desc) < 0 ||
      structseq_init_type(&uname_result_type, &uname_result_desc) < 0)
    return -1;
  if (module_add_object_ref(m, "times_result", &times_result_type) < 0) return -1;
  return module_add_object_ref(m, "uname_result", &uname_result_type);
}

}  // namespace cppy::modules::posix
