// The _posixsubprocess module: Modules/_posixsubprocess.c of CPython 3.14 (fork_exec with
// fork(): every argument is converted before the fork, so the child only makes system calls
// until exec, except for preexec_fn). Errors in the child reach the parent through
// errpipe_write as "OSError:<hex errno>:<noexec|noexec:chdir|>" as subprocess.py reads them.
#include "modules/_posixsubprocess/posixsubprocess.h"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "modules/posix/posixmodule.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_posixsubprocess {

using namespace objects;

namespace {

// PyUnicode_FSConverter: a path-like object as bytes (str through the filesystem encoding).
bool fs_converter(Object* o, std::string* out) {
  Ref<> path = Ref<>::steal(posix::fspath(o));
  if (!path) return false;
  if (bytes_check(path.get())) {
    out->assign(bytes_as_string(path.get()), static_cast<size_t>(bytes_size(path.get())));
  } else {
    Ref<> b = Ref<>::steal(str_encode(path.get(), "utf-8", "surrogateescape"));
    if (!b) return false;
    out->assign(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
  }
  if (out->find('\0') != std::string::npos) {
    errors::set_string(exc_ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// A sequence of path-like objects as C strings (argv, executable_list, env).
bool convert_sequence(Object* seq, std::vector<std::string>* out) {
  Ref<> fast = Ref<>::steal(sequence_fast(seq, "expected a sequence"));
  if (!fast) return false;
  ssize n = list_check(fast.get()) ? list_size(fast.get()) : tuple_size(fast.get());
  for (ssize i = 0; i < n; ++i) {
    Object* item = list_check(fast.get()) ? list_get_item(fast.get(), i)
                                          : tuple_item(fast.get(), i);
    std::string s;
    if (!fs_converter(item, &s)) return false;
    out->push_back(std::move(s));
  }
  return true;
}

std::vector<char*> c_array(std::vector<std::string>& v) {
  std::vector<char*> a;
  for (std::string& s : v) a.push_back(s.data());
  a.push_back(nullptr);
  return a;
}

bool as_int(Object* o, int* out) {
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}

// convert_fds_to_keep_to_c: a sorted tuple of non-negative ints.
bool convert_fds_to_keep(Object* py_fds_to_keep, std::vector<int>* out) {
  if (!tuple_check(py_fds_to_keep)) {
    errors::set_string(exc_TypeError, "pass_fds must be a tuple");
    return false;
  }
  ssize n = tuple_size(py_fds_to_keep);
  long prev_fd = -1;
  for (ssize i = 0; i < n; ++i) {
    Object* fdobj = tuple_item(py_fds_to_keep, i);
    long fd = long_check(fdobj) ? long_as_long(fdobj) : -1;
    if (fd == -1 && errors::occurred()) errors::clear();
    if (!long_check(fdobj) || fd < 0 || fd < prev_fd || fd > INT_MAX) {
      errors::set_string(exc_ValueError, "bad value(s) in fds_to_keep");
      return false;
    }
    prev_fd = fd;
    out->push_back(static_cast<int>(fd));
  }
  return true;
}

// _Py_set_inheritable_async_safe.
int set_inheritable(int fd, bool inheritable) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return -1;
  int new_flags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (new_flags == flags) return 0;
  return fcntl(fd, F_SETFD, new_flags);
}

// close_open_fds: every descriptor from 3 up except those to keep (close_range, or
// /proc/self/fd's entries read with getdents64, async-signal-safe either way).
void close_open_fds(const int* keep, size_t nkeep) {
  int start = 3;
  for (size_t i = 0; i <= nkeep; ++i) {
    int end = i < nkeep ? keep[i] - 1 : INT_MAX;
    if (end >= start) {
#ifdef SYS_close_range
      if (syscall(SYS_close_range, start, end, 0) < 0) {
        for (int fd = start; fd <= end && fd < 65536; ++fd) close(fd);
      }
#else
      for (int fd = start; fd <= end && fd < 65536; ++fd) close(fd);
#endif
    }
    if (i < nkeep) start = keep[i] + 1;
  }
}

void write_noraise(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s += w;
    n -= static_cast<size_t>(w);
  }
}

struct ChildArgs {
  char* const* exec_array;
  char* const* argv;
  char* const* envp;
  const char* cwd;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  int close_fds, restore_signals, call_setsid;
  pid_t pgid_to_set;
  gid_t gid;
  bool have_gid;
  const std::vector<gid_t>* extra_groups;
  bool have_groups;
  uid_t uid;
  bool have_uid;
  int child_umask;
  const int* fds_to_keep;
  size_t nkeep;
  Object* preexec_fn;
};

// child_exec: runs in the child after fork(); never returns.
[[noreturn]] void child_exec(const ChildArgs& a) {
  int saved_errno = 0;
  const char* err_msg = "noexec";
  bool reached_preexec = false;
  int p2cread = a.p2cread, c2pwrite = a.c2pwrite, errwrite = a.errwrite;
#define POSIX_CALL(call) \
  do {                   \
    if ((call) == -1) goto error; \
  } while (0)
  // The descriptors to keep become inheritable, except the error pipe.
  for (size_t i = 0; i < a.nkeep; ++i) {
    if (a.fds_to_keep[i] == a.errpipe_write) continue;
    POSIX_CALL(set_inheritable(a.fds_to_keep[i], true));
  }
  // Close the parent's ends of the pipes.
  if (a.p2cwrite != -1) POSIX_CALL(close(a.p2cwrite));
  if (a.c2pread != -1) POSIX_CALL(close(a.c2pread));
  if (a.errread != -1) POSIX_CALL(close(a.errread));
  POSIX_CALL(close(a.errpipe_read));
  // When duping, an fd that is 0, 1 or 2 could be overwritten (#12607).
  if (c2pwrite == 0) {
    POSIX_CALL(c2pwrite = dup(c2pwrite));
    POSIX_CALL(set_inheritable(c2pwrite, false));
  }
  while (errwrite == 0 || errwrite == 1) {
    POSIX_CALL(errwrite = dup(errwrite));
    POSIX_CALL(set_inheritable(errwrite, false));
  }
  // dup2() clears FD_CLOEXEC, but not when it is a no-op (issue #10806).
  if (p2cread == 0) {
    POSIX_CALL(set_inheritable(p2cread, true));
  } else if (p2cread != -1) {
    POSIX_CALL(dup2(p2cread, 0));
  }
  if (c2pwrite == 1) {
    POSIX_CALL(set_inheritable(c2pwrite, true));
  } else if (c2pwrite != -1) {
    POSIX_CALL(dup2(c2pwrite, 1));
  }
  if (errwrite == 2) {
    POSIX_CALL(set_inheritable(errwrite, true));
  } else if (errwrite != -1) {
    POSIX_CALL(dup2(errwrite, 2));
  }
  if (a.cwd) {
    if (chdir(a.cwd) == -1) {
      err_msg = "noexec:chdir";
      goto error;
    }
  }
  if (a.child_umask >= 0) umask(static_cast<mode_t>(a.child_umask));
  if (a.restore_signals) {
    // _Py_RestoreSignals: what start-up ignored goes back to the default.
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (a.call_setsid) POSIX_CALL(setsid());
  if (a.pgid_to_set >= 0) POSIX_CALL(setpgid(0, a.pgid_to_set));
  if (a.have_groups) {
    POSIX_CALL(setgroups(a.extra_groups->size(), a.extra_groups->data()));
  }
  if (a.have_gid) POSIX_CALL(setregid(a.gid, a.gid));
  if (a.have_uid) POSIX_CALL(setreuid(a.uid, a.uid));
  reached_preexec = true;
  if (a.preexec_fn != none()) {
    // Python code in the child, as CPython allows (not async-signal-safe there either).
    Object* result = object_call(a.preexec_fn, tuple_empty(), nullptr);
    if (!result) {
      err_msg = "Exception occurred in preexec_fn.";
      errno = 0;
      goto error;
    }
    decref(result);
  }
  if (a.close_fds) close_open_fds(a.fds_to_keep, a.nkeep);
  // The PATH search of Lib/os.py's _execvpe over subprocess's executable_list.
  for (int i = 0; a.exec_array[i]; ++i) {
    if (a.envp) {
      execve(a.exec_array[i], a.argv, a.envp);
    } else {
      execv(a.exec_array[i], a.argv);
    }
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  // Report the first exec error, not the last.
  if (saved_errno) errno = saved_errno;
  err_msg = "";
error:
  saved_errno = errno;
  if (saved_errno) {
    char hex_errno[sizeof(saved_errno) * 2 + 1];
    char* cur = hex_errno + sizeof(hex_errno);
    static const char kHex[] = "0123456789abcdef";
    write_noraise(a.errpipe_write, "OSError:", 8);
    while (saved_errno != 0 && cur != hex_errno) {
      *--cur = kHex[saved_errno % 16];
      saved_errno /= 16;
    }
    write_noraise(a.errpipe_write, cur, static_cast<size_t>(hex_errno + sizeof(hex_errno) - cur));
    write_noraise(a.errpipe_write, ":", 1);
    if (!reached_preexec || err_msg[0] == 'n') {
      // Before exec: "noexec" (or "noexec:chdir") tells the parent the filename is not the
      // executable's.
      write_noraise(a.errpipe_write, err_msg, std::strlen(err_msg));
    }
  } else {
    write_noraise(a.errpipe_write, "SubprocessError:0:", 18);
    write_noraise(a.errpipe_write, err_msg, std::strlen(err_msg));
  }
  _exit(255);
#undef POSIX_CALL
}

bool optional_id(Object* o, long* out, bool* have) {
  *have = false;
  if (o == none()) return true;
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  *have = true;
  return true;
}

// subprocess_fork_exec_impl.
Object* fork_exec(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("fork_exec", nargs, 22, 22)) return nullptr;
  Object* process_args = args[0];
  Object* executable_list = args[1];
  int close_fds = object_is_true(args[2]);
  if (close_fds < 0) return nullptr;
  Object* py_fds_to_keep = args[3];
  Object* cwd_obj = args[4];
  Object* env_list = args[5];
  int fds[8];
  for (int i = 0; i < 8; ++i) {
    if (!as_int(args[6 + i], &fds[i])) return nullptr;
  }
  int restore_signals = object_is_true(args[14]);
  int call_setsid = object_is_true(args[15]);
  if (restore_signals < 0 || call_setsid < 0) return nullptr;
  int pgid_to_set;
  if (!as_int(args[16], &pgid_to_set)) return nullptr;
  Object* gid_object = args[17];
  Object* extra_groups_packed = args[18];
  Object* uid_object = args[19];
  int child_umask;
  if (!as_int(args[20], &child_umask)) return nullptr;
  Object* preexec_fn = args[21];

  if (close_fds && fds[6] < 3) {
    errors::set_string(exc_ValueError, "errpipe_write must be >= 3");
    return nullptr;
  }
  std::vector<int> fds_to_keep;
  if (!convert_fds_to_keep(py_fds_to_keep, &fds_to_keep)) return nullptr;

  std::vector<std::string> argv_s, exec_s, env_s;
  if (process_args != none() && !convert_sequence(process_args, &argv_s)) return nullptr;
  if (!convert_sequence(executable_list, &exec_s)) return nullptr;
  if (env_list != none() && !convert_sequence(env_list, &env_s)) return nullptr;
  std::string cwd;
  bool have_cwd = cwd_obj != none();
  if (have_cwd && !fs_converter(cwd_obj, &cwd)) return nullptr;

  std::vector<gid_t> extra_groups;
  bool have_groups = extra_groups_packed != none();
  if (have_groups) {
    if (!list_check(extra_groups_packed)) {
      errors::set_string(exc_TypeError, "setgroups argument must be a list");
      return nullptr;
    }
    for (ssize i = 0; i < list_size(extra_groups_packed); ++i) {
      long g = long_as_long(list_get_item(extra_groups_packed, i));
      if (g == -1 && errors::occurred()) return nullptr;
      extra_groups.push_back(static_cast<gid_t>(g));
    }
  }
  long gid = -1, uid = -1;
  bool have_gid, have_uid;
  if (!optional_id(gid_object, &gid, &have_gid) || !optional_id(uid_object, &uid, &have_uid)) {
    return nullptr;
  }

  std::vector<char*> argv = c_array(argv_s);
  std::vector<char*> exec_array = c_array(exec_s);
  std::vector<char*> envp = c_array(env_s);
  ChildArgs a;
  a.exec_array = exec_array.data();
  a.argv = process_args != none() ? argv.data() : nullptr;
  a.envp = env_list != none() ? envp.data() : nullptr;
  a.cwd = have_cwd ? cwd.c_str() : nullptr;
  a.p2cread = fds[0];
  a.p2cwrite = fds[1];
  a.c2pread = fds[2];
  a.c2pwrite = fds[3];
  a.errread = fds[4];
  a.errwrite = fds[5];
  a.errpipe_read = fds[6];
  a.errpipe_write = fds[7];
  a.close_fds = close_fds;
  a.restore_signals = restore_signals;
  a.call_setsid = call_setsid;
  a.pgid_to_set = pgid_to_set;
  a.gid = static_cast<gid_t>(gid);
  a.have_gid = have_gid;
  a.extra_groups = &extra_groups;
  a.have_groups = have_groups;
  a.uid = static_cast<uid_t>(uid);
  a.have_uid = have_uid;
  a.child_umask = child_umask;
  a.fds_to_keep = fds_to_keep.data();
  a.nkeep = fds_to_keep.size();
  a.preexec_fn = preexec_fn;

  pid_t pid = fork();
  if (pid == 0) {
    if (preexec_fn != none()) _signal::after_fork();  // PyOS_AfterFork_Child's part
    child_exec(a);
  }
  if (pid == -1) return errors::set_from_errno(exc_OSError);
  return long_from_long(pid);
}

MethodDef methods[] = {
    {"fork_exec", reinterpret_cast<void*>(fork_exec), kMethFastcall,
     "fork_exec($module, args, executable_list, close_fds, pass_fds, cwd,\n          env, "
     "p2cread, p2cwrite, c2pread, c2pwrite,\n          errread, errwrite, errpipe_read, "
     "errpipe_write,\n          restore_signals, call_setsid, pgid_to_set,\n          gid, "
     "extra_groups, uid, child_umask, preexec_fn, /)\n--\n\nSpawn a fresh new child process."},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef def = {"_posixsubprocess",
                 "A POSIX helper for the subprocess module.", methods, nullptr};

}  // namespace

ModuleDef* module_def() { return &def; }

}  // namespace cppy::modules::_posixsubprocess
