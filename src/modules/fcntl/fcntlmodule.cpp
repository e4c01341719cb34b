// The fcntl module: Modules/fcntlmodule.c of CPython 3.14 for Linux (fcntl, ioctl, flock,
// lockf and the constants glibc's headers define). System calls interrupted by a signal run
// its handler and are retried (PEP 475).
#include "modules/fcntl/fcntlmodule.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "modules/argconv.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/fileobject.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::fcntl_ {

using namespace objects;

namespace {

constexpr size_t kBufSize = 1024;  // FCNTL_BUFSZ

// PyObject_AsFileDescriptor (the fileobject converter of the clinic signatures).
bool as_fd(Object* o, int* fd) {
  *fd = object_as_file_descriptor(o);
  return *fd >= 0;
}

bool as_int(Object* o, int* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}

// The bytes of a buffer or str argument (the "s#" / Py_buffer cases).
bool arg_bytes(Object* arg, std::string* out) {
  if (str_check(arg)) {
    ssize n;
    const char* p = str_as_utf8(arg, &n);
    if (!p) return false;
    out->assign(p, static_cast<size_t>(n));
    return true;
  }
  BufferHolder view;
  if (view.get(arg) < 0) return false;
  out->assign(view.data(), static_cast<size_t>(view.size()));
  return true;
}

// fcntl_fcntl_impl: fcntl(fd, cmd, arg=0).
Object* fcntl_fcntl(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("fcntl", nargs, 2, 3)) return nullptr;
  int fd, code;
  if (!as_fd(args[0], &fd) || !as_int(args[1], &code)) return nullptr;
  Object* arg = nargs > 2 ? args[2] : nullptr;
  if (arg && !long_check(arg) && !float_check(arg)) {
    if (!str_check(arg) && !object_check_buffer(arg)) {
      return errors::format(exc_TypeError,
                            "fcntl() argument 3 must be an integer, a bytes-like object, or a "
                            "string, not %T",
                            arg);
    }
    std::string data;
    if (!arg_bytes(arg, &data)) return nullptr;
    if (data.size() > kBufSize) {
      errors::set_string(exc_ValueError, "fcntl argument 3 is too long");
      return nullptr;
    }
    char buf[kBufSize];
    std::memcpy(buf, data.data(), data.size());
    int ret;
    for (;;) {
      ret = ::fcntl(fd, code, buf);
      if (ret >= 0 || errno != EINTR) break;
      if (_signal::check_signals() < 0) return nullptr;
    }
    if (ret < 0) return errors::set_from_errno(exc_OSError);
    return bytes_from_string_and_size(buf, static_cast<ssize>(data.size()));
  }
  int int_arg = 0;
  if (arg && !as_int(arg, &int_arg)) return nullptr;
  int ret;
  for (;;) {
    ret = ::fcntl(fd, code, int_arg);
    if (ret >= 0 || errno != EINTR) break;
    if (_signal::check_signals() < 0) return nullptr;
  }
  if (ret < 0) return errors::set_from_errno(exc_OSError);
  return long_from_long(ret);
}

// fcntl_ioctl_impl: ioctl(fd, request, arg=0, mutate_flag=True).
Object* fcntl_ioctl(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("ioctl", nargs, 2, 4)) return nullptr;
  int fd;
  if (!as_fd(args[0], &fd)) return nullptr;
  unsigned long long request;
  if (!u64_mask_converter(args[1], &request)) return nullptr;
  Object* arg = nargs > 2 ? args[2] : nullptr;
  int mutate = 1;
  if (nargs > 3 && (mutate = object_is_true(args[3])) < 0) return nullptr;
  if (arg && !long_check(arg) && !float_check(arg)) {
    // A writable buffer is changed in place when mutate_flag is true.
    BufferHolder view;
    if (!str_check(arg) && view.get(arg, kBufWritable) == 0 && mutate) {
      char buf[kBufSize + 1];
      char* target = view.mutable_data();
      size_t len = static_cast<size_t>(view.size());
      bool copied = len <= kBufSize;
      if (copied) {
        std::memcpy(buf, target, len);
        buf[len] = '\0';
        target = buf;
      }
      int ret = ::ioctl(fd, request, target);
      if (copied) std::memcpy(view.mutable_data(), buf, len);
      if (ret < 0) return errors::set_from_errno(exc_OSError);
      return long_from_long(ret);
    }
    errors::clear();
    if (!str_check(arg) && !object_check_buffer(arg)) {
      return errors::format(exc_TypeError,
                            "ioctl() argument 3 must be an integer, a bytes-like object, or a "
                            "string, not %T",
                            arg);
    }
    std::string data;
    if (!arg_bytes(arg, &data)) return nullptr;
    if (data.size() > kBufSize) {
      errors::set_string(exc_ValueError, "ioctl argument 3 is too long");
      return nullptr;
    }
    char buf[kBufSize + 1];
    std::memcpy(buf, data.data(), data.size());
    buf[data.size()] = '\0';
    if (::ioctl(fd, request, buf) < 0) return errors::set_from_errno(exc_OSError);
    return bytes_from_string_and_size(buf, static_cast<ssize>(data.size()));
  }
  int int_arg = 0;
  if (arg && !as_int(arg, &int_arg)) return nullptr;
  int ret = ::ioctl(fd, request, int_arg);
  if (ret < 0) return errors::set_from_errno(exc_OSError);
  return long_from_long(ret);
}

// fcntl_flock_impl.
Object* fcntl_flock(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("flock", nargs, 2, 2)) return nullptr;
  int fd, code;
  if (!as_fd(args[0], &fd) || !as_int(args[1], &code)) return nullptr;
  int ret;
  for (;;) {
    ret = ::flock(fd, code);
    if (ret >= 0 || errno != EINTR) break;
    if (_signal::check_signals() < 0) return nullptr;
  }
  if (ret < 0) return errors::set_from_errno(exc_OSError);
  return return_none();
}

// fcntl_lockf_impl: lockf(fd, cmd, len=0, start=0, whence=0) through fcntl's record locks.
Object* fcntl_lockf(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("lockf", nargs, 2, 5)) return nullptr;
  int fd, code, whence = 0;
  if (!as_fd(args[0], &fd) || !as_int(args[1], &code)) return nullptr;
  long long len = 0, start = 0;
  if (nargs > 2 && (len = long_as_long_long(args[2])) == -1 && errors::occurred()) return nullptr;
  if (nargs > 3 && (start = long_as_long_long(args[3])) == -1 && errors::occurred()) {
    return nullptr;
  }
  if (nargs > 4 && !as_int(args[4], &whence)) return nullptr;
  struct flock l;
  std::memset(&l, 0, sizeof l);
  if (code == LOCK_UN) {
    l.l_type = F_UNLCK;
  } else if (code & LOCK_SH) {
    l.l_type = F_RDLCK;
  } else if (code & LOCK_EX) {
    l.l_type = F_WRLCK;
  } else {
    errors::set_string(exc_ValueError, "unrecognized lockf argument");
    return nullptr;
  }
  l.l_start = static_cast<off_t>(start);
  l.l_len = static_cast<off_t>(len);
  l.l_whence = static_cast<short>(whence);
  int ret;
  for (;;) {
    ret = ::fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l);
    if (ret >= 0 || errno != EINTR) break;
    if (_signal::check_signals() < 0) return nullptr;
  }
  if (ret < 0) return errors::set_from_errno(exc_OSError);
  return return_none();
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

MethodDef fcntl_methods[] = {
    {"fcntl", FASTCALL(fcntl_fcntl),
     "fcntl($module, fd, cmd, arg=0, /)\n--\n\nPerform the operation `cmd` on file descriptor "
     "fd."},
    {"ioctl", FASTCALL(fcntl_ioctl),
     "ioctl($module, fd, request, arg=0, mutate_flag=True, /)\n--\n\nPerform the operation "
     "`request` on file descriptor `fd`."},
    {"flock", FASTCALL(fcntl_flock),
     "flock($module, fd, operation, /)\n--\n\nPerform the lock operation `operation` on file "
     "descriptor `fd`."},
    {"lockf", FASTCALL(fcntl_lockf),
     "lockf($module, fd, cmd, len=0, start=0, whence=0, /)\n--\n\nA wrapper around the fcntl() "
     "locking calls."},
    {nullptr, nullptr, 0, nullptr}};

// all_ins: the constants of the platform.
int fcntl_exec(Object* m) {
  const std::pair<const char*, long> consts[] = {
      {"LOCK_SH", LOCK_SH}, {"LOCK_EX", LOCK_EX}, {"LOCK_NB", LOCK_NB}, {"LOCK_UN", LOCK_UN},
      {"F_DUPFD", F_DUPFD}, {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC}, {"F_GETFD", F_GETFD},
      {"F_SETFD", F_SETFD}, {"F_GETFL", F_GETFL}, {"F_SETFL", F_SETFL}, {"F_GETLK", F_GETLK},
      {"F_SETLK", F_SETLK}, {"F_SETLKW", F_SETLKW}, {"F_GETOWN", F_GETOWN},
      {"F_SETOWN", F_SETOWN}, {"F_RDLCK", F_RDLCK}, {"F_WRLCK", F_WRLCK}, {"F_UNLCK", F_UNLCK},
      {"FD_CLOEXEC", FD_CLOEXEC}, {"FASYNC", FASYNC},
#ifdef F_GETLK64
      {"F_GETLK64", F_GETLK64}, {"F_SETLK64", F_SETLK64}, {"F_SETLKW64", F_SETLKW64},
#endif
#ifdef F_GETSIG
      {"F_GETSIG", F_GETSIG}, {"F_SETSIG", F_SETSIG},
#endif
#ifdef F_NOTIFY
      {"F_NOTIFY", F_NOTIFY}, {"DN_ACCESS", DN_ACCESS}, {"DN_MODIFY", DN_MODIFY},
      {"DN_CREATE", DN_CREATE}, {"DN_DELETE", DN_DELETE}, {"DN_RENAME", DN_RENAME},
      {"DN_ATTRIB", DN_ATTRIB}, {"DN_MULTISHOT", static_cast<long>(DN_MULTISHOT)},
#endif
#ifdef F_GETLEASE
      {"F_GETLEASE", F_GETLEASE}, {"F_SETLEASE", F_SETLEASE},
#endif
#ifdef F_SETPIPE_SZ
      {"F_SETPIPE_SZ", F_SETPIPE_SZ}, {"F_GETPIPE_SZ", F_GETPIPE_SZ},
#endif
#ifdef F_OFD_GETLK
      {"F_OFD_GETLK", F_OFD_GETLK}, {"F_OFD_SETLK", F_OFD_SETLK},
      {"F_OFD_SETLKW", F_OFD_SETLKW},
#endif
#ifdef F_ADD_SEALS
      {"F_ADD_SEALS", F_ADD_SEALS}, {"F_GET_SEALS", F_GET_SEALS},
      {"F_SEAL_SEAL", F_SEAL_SEAL}, {"F_SEAL_SHRINK", F_SEAL_SHRINK},
      {"F_SEAL_GROW", F_SEAL_GROW}, {"F_SEAL_WRITE", F_SEAL_WRITE},
#endif
#ifdef F_SEAL_FUTURE_WRITE
      {"F_SEAL_FUTURE_WRITE", F_SEAL_FUTURE_WRITE},
#endif
#ifdef F_GETOWN_EX
      {"F_GETOWN_EX", F_GETOWN_EX}, {"F_SETOWN_EX", F_SETOWN_EX},
      {"F_OWNER_TID", F_OWNER_TID}, {"F_OWNER_PID", F_OWNER_PID},
      {"F_OWNER_PGRP", F_OWNER_PGRP},
#endif
#ifdef F_GET_RW_HINT
      {"F_GET_RW_HINT", F_GET_RW_HINT}, {"F_SET_RW_HINT", F_SET_RW_HINT},
      {"F_GET_FILE_RW_HINT", F_GET_FILE_RW_HINT}, {"F_SET_FILE_RW_HINT", F_SET_FILE_RW_HINT},
      {"RWH_WRITE_LIFE_NOT_SET", RWH_WRITE_LIFE_NOT_SET},
      {"RWH_WRITE_LIFE_NONE", RWH_WRITE_LIFE_NONE},
      {"RWH_WRITE_LIFE_SHORT", RWH_WRITE_LIFE_SHORT},
      {"RWH_WRITE_LIFE_MEDIUM", RWH_WRITE_LIFE_MEDIUM},
      {"RWH_WRITE_LIFE_LONG", RWH_WRITE_LIFE_LONG},
      {"RWH_WRITE_LIFE_EXTREME", RWH_WRITE_LIFE_EXTREME},
#endif
  };
  for (auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long(c.second));
    if (!v || module_add_object_ref(m, c.first, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef fcntl_def = {
    "fcntl",
    "This module performs file control and I/O control on file\ndescriptors.  It is an "
    "interface to the fcntl() and ioctl() Unix\nroutines.  File descriptors can be obtained "
    "with the fileno() method of\na file or socket object.",
    fcntl_methods, fcntl_exec};

}  // namespace

ModuleDef* module_def() { return &fcntl_def; }

}  // namespace cppy::modules::fcntl_
