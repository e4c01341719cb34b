// The posix module: Modules/posixmodule.c, the calls os, shutil, pathlib, tempfile, glob and
// subprocess use. Paths are str (encoded as UTF-8 with surrogateescape, the file-system
// encoding of CPython on Linux), bytes or os.PathLike; results follow the type of the
// argument. This file: argument converters, stat, file descriptors, files and directories,
// the environment, and the module's definition; posix_scandir.cpp and posix_proc.cpp hold the
// rest.
#include "modules/posix/posixmodule.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "modules/posix/posix_internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/fileobject.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pytime.h"
#include "vm/ceval_gil.h"

extern char** environ;

namespace cppy::modules::posix {

using namespace objects;

// ---- arguments -------------------------------------------------------------------------

bool Args::parse(Object* const* args, ssize nargs, Object* kwnames,
                 std::initializer_list<const char*> names, ssize required,
                 ssize max_positional) {
  std::vector<const char*> keywords(names);
  keywords.push_back(nullptr);
  values.assign(names.size(), nullptr);
  ArgParser parser{func, keywords.data(), int(required), int(max_positional), 0};
  return unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, values.data()) == 0;
}

Object* return_none_ref() { return new_ref(none()); }

bool eintr_retry(bool failed, bool* async_err) {
  if (!failed || errno != EINTR) return false;
  if (_signal::check_signals() < 0) {
    *async_err = true;
    return false;
  }
  return true;
}

bool as_int(Object* o, int* out) {
  if (float_check(o)) {
    errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  int overflow = 0;
  long v = long_as_long_and_overflow(i.get(), &overflow);
  if (v == -1 && errors::occurred()) return false;
  if (overflow || v > INT_MAX || v < INT_MIN) {
    errors::format(exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

bool as_ssize(Object* o, ssize* out) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  *out = number_as_ssize(i.get(), exc_OverflowError);
  return !(*out == -1 && errors::occurred());
}

// _fd_converter.
bool fd_converter(Object* o, int* fd) {
  if (bool_check(o)) {
    if (errors::warn_ex(exc_RuntimeWarning,
                        "bool is used as a file descriptor", 1) < 0)
      return false;
  }
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  int overflow = 0;
  long v = long_as_long_and_overflow(i.get(), &overflow);
  if (v == -1 && errors::occurred()) return false;
  if (overflow > 0 || v > INT_MAX) {
    errors::format(exc_OverflowError, "fd is greater than maximum");
    return false;
  }
  if (overflow < 0 || v < INT_MIN) {
    errors::format(exc_OverflowError, "fd is less than minimum");
    return false;
  }
  *fd = static_cast<int>(v);
  return true;
}

// PyObject_AsFileDescriptor.
bool fildes_converter(Object* o, int* fd) {
  *fd = object_as_file_descriptor(o);
  return *fd >= 0;
}

// dir_fd_converter.
bool dir_fd_converter(Object* o, int* fd) {
  if (!o || o == none()) {
    *fd = AT_FDCWD;
    return true;
  }
  if (long_check(o) || (!float_check(o) && o->type->as_number && o->type->as_number->index)) {
    return fd_converter(o, fd);
  }
  errors::format(exc_TypeError, "argument should be integer or None, not %.200s",
                 type_short_name(o->type));
  return false;
}

bool bool_arg(Object* o, bool* out) {
  if (!o) return true;
  int t = object_is_true(o);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

// The file-system encoding: UTF-8 with surrogateescape (PyUnicode_EncodeFSDefault).
bool encode_fs(Object* s, std::string* out) {
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (p) {
    out->assign(p, static_cast<size_t>(n));
    return true;
  }
  errors::clear();
  Ref<> b = Ref<>::steal(str_encode(s, "utf-8", "surrogateescape"));
  if (!b) return false;
  out->assign(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
  return true;
}

Object* decode_fs(const char* s, size_t n) {
  return str_decode_utf8(s, static_cast<ssize>(n), "surrogateescape");
}

// PyOS_FSPath.
Object* fspath(Object* path) {
  if (str_check(path) || bytes_check(path)) return new_ref(path);
  Ref<> name = Ref<>::steal(str_from_cstr("__fspath__"));
  Ref<> func = Ref<>::steal(lookup_special(path, name.get()));
  if (!func || func.get() == none()) {
    if (errors::occurred()) return nullptr;
    return errors::format(exc_TypeError,
                          "expected str, bytes or os.PathLike object, not %.200s",
                          type_short_name(path->type));
  }
  Ref<> r = Ref<>::steal(object_call_no_args(func.get()));
  if (!r) return nullptr;
  if (!str_check(r.get()) && !bytes_check(r.get())) {
    return errors::format(exc_TypeError,
                          "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                          type_short_name(path->type), type_short_name(r->type));
  }
  return r.release();
}

// path_converter.
bool convert_path(const char* func, const char* argname, Object* o, Path* p, bool allow_fd,
                  bool nullable) {
  p->object = o;
  if (nullable && (!o || o == none())) {
    p->null = true;
    p->narrow = ".";
    return true;
  }
  bool is_str = str_check(o), is_bytes = bytes_check(o);
  if (allow_fd && !is_str && !is_bytes && !float_check(o) && o->type->as_number &&
      o->type->as_number->index) {
    return fd_converter(o, &p->fd);
  }
  Ref<> r;
  if (!is_str && !is_bytes) {
    Ref<> name = Ref<>::steal(str_from_cstr("__fspath__"));
    Ref<> meth = Ref<>::steal(lookup_special(o, name.get()));
    if (!meth || meth.get() == none()) {
      if (errors::occurred()) return false;
      errors::format(exc_TypeError, "%s: %s should be %s, not %.200s", func, argname,
                     allow_fd ? (nullable ? "string, bytes, os.PathLike, integer or None"
                                          : "string, bytes, os.PathLike or integer")
                              : (nullable ? "string, bytes, os.PathLike or None"
                                          : "string, bytes or os.PathLike"),
                     type_short_name(o->type));
      return false;
    }
    r = Ref<>::steal(object_call_no_args(meth.get()));
    if (!r) return false;
    if (!str_check(r.get()) && !bytes_check(r.get())) {
      errors::format(exc_TypeError,
                     "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     type_short_name(o->type), type_short_name(r->type));
      return false;
    }
    o = r.get();
    is_str = str_check(o);
    is_bytes = !is_str;
  }
  if (is_str) {
    if (!encode_fs(o, &p->narrow)) return false;
  } else {
    p->narrow.assign(bytes_as_string(o), static_cast<size_t>(bytes_size(o)));
    p->is_bytes = true;
  }
  if (p->narrow.find('\0') != std::string::npos) {
    errors::format(exc_ValueError, "%s: embedded null character in %s", func, argname);
    return false;
  }
  return true;
}

// PyErr_SetFromErrnoWithFilenameObjects.
Object* errno_error2(int e, Object* filename, Object* filename2) {
  Ref<> num = Ref<>::steal(long_from_long(e));
  const char* s = std::strerror(e);
  Ref<> msg = Ref<>::steal(decode_fs(s, std::strlen(s)));
  Ref<> args;
  if (filename2) {
    args = Ref<>::steal(tuple_pack(5, num.get(), msg.get(), filename, none(), filename2));
  } else if (filename) {
    args = Ref<>::steal(tuple_pack(3, num.get(), msg.get(), filename));
  } else {
    args = Ref<>::steal(tuple_pack(2, num.get(), msg.get()));
  }
  if (!args) return nullptr;
  errors::set_object(exc_OSError, args.get());
  return nullptr;
}
Object* errno_error(int e, Object* filename) { return errno_error2(e, filename, nullptr); }
Object* path_error2(Object* filename, Object* filename2) {
  return errno_error2(errno, filename, filename2);
}
Object* path_error(const Path& p) { return path_error2(p.object, nullptr); }
Object* posix_error() { return path_error2(nullptr, nullptr); }

Object* path_result(const Path& p, const char* s, size_t n) {
  if (p.is_bytes) return bytes_from_string_and_size(s, static_cast<ssize>(n));
  return decode_fs(s, n);
}

bool path_and_dir_fd_invalid(const char* func, int fd, int dir_fd) {
  if (fd != -1 && dir_fd != AT_FDCWD) {
    errors::format(exc_ValueError, "%s: can't specify dir_fd without matching path", func);
    return true;
  }
  return false;
}
bool dir_fd_and_fd_invalid(const char* func, int dir_fd, int fd) {
  if (dir_fd != AT_FDCWD && fd != -1) {
    errors::format(exc_ValueError, "%s: can't specify both dir_fd and fd", func);
    return true;
  }
  return false;
}
bool fd_and_follow_symlinks_invalid(const char* func, bool is_fd, bool follow_symlinks) {
  if (is_fd && !follow_symlinks) {
    errors::format(exc_ValueError, "%s: cannot use fd and follow_symlinks together", func);
    return true;
  }
  return false;
}

namespace {

// _Py_Uid_Converter / _Py_Gid_Converter: an int, -1 meaning "unchanged".
bool id_converter(Object* o, long long* out, const char* what) {
  if (float_check(o)) {
    errors::format(exc_TypeError, "%s should be integer, not %.200s", what,
                   type_short_name(o->type));
    return false;
  }
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "%s should be integer, not %.200s", what,
                     type_short_name(o->type));
    }
    return false;
  }
  int overflow = 0;
  long long v = long_as_long_and_overflow(i.get(), &overflow);
  if (v == -1 && errors::occurred()) return false;
  if (overflow > 0 || v > 0xFFFFFFFFLL) {
    errors::format(exc_OverflowError, "%s is greater than maximum", what);
    return false;
  }
  if (overflow < 0 || v < -1) {
    errors::format(exc_OverflowError, "%s is less than minimum", what);
    return false;
  }
  *out = v;
  return true;
}

// The off_t converter (Py_off_t_converter).
bool off_converter(Object* o, off_t* out) {
  if (float_check(o)) {
    errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  long long v = long_as_long_long(i.get());
  if (v == -1 && errors::occurred()) return false;
  *out = static_cast<off_t>(v);
  return true;
}

// The mode/flags converters of clinic ('int').
bool int_arg(Object* o, int* out, int dflt) {
  if (!o) {
    *out = dflt;
    return true;
  }
  return as_int(o, out);
}

Object* long_from_dev(dev_t d) { return long_from_unsigned_long_long(d); }

// _Py_Dev_Converter.
bool dev_converter(Object* o, dev_t* out) {
  if (float_check(o)) {
    errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  if (long_sign_of(i.get()) < 0) {
    errors::format(exc_OverflowError, "can't convert negative int to unsigned");
    return false;
  }
  int overflow = 0;
  long v = long_as_long_and_overflow(i.get(), &overflow);
  if (v == -1 && errors::occurred()) return false;
  if (overflow) {
    errors::format(exc_OverflowError, "Python int too large to convert to C unsigned long long");
    return false;
  }
  *out = static_cast<dev_t>(v);
  return true;
}

}  // namespace

namespace {

// ---- stat ------------------------------------------------------------------------------

TypeObject stat_result_type{};
StructSeqField stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {kStructSeqUnnamedField, "integer time of last access"},
    {kStructSeqUnnamedField, "integer time of last modification"},
    {kStructSeqUnnamedField, "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {nullptr, nullptr}};
StructSeqDesc stat_result_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
    "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
    "or st_flags, they are available as attributes only.\n\n"
    "See os.stat for more information.",
    stat_result_fields, 10};
newfunc structseq_new_slot = nullptr;

// statresult_new: the float times default to the integer ones.
Object* statresult_new(TypeObject* type, Object* args, Object* kwds) {
  Ref<> r = Ref<>::steal(structseq_new_slot(type, args, kwds));
  if (!r) return nullptr;
  for (int i = 7; i <= 9; ++i) {
    if (structseq_get_item(r.get(), i + 3) == none()) {
      decref(structseq_get_item(r.get(), i + 3));
      structseq_set_item(r.get(), i + 3, new_ref(structseq_get_item(r.get(), i)));
    }
  }
  return r.release();
}

TypeObject statvfs_result_type{};
StructSeqField statvfs_result_fields[] = {
    {"f_bsize", ""},  {"f_frsize", ""}, {"f_blocks", ""}, {"f_bfree", ""},
    {"f_bavail", ""}, {"f_files", ""},  {"f_ffree", ""},  {"f_favail", ""},
    {"f_flag", ""},   {"f_namemax", ""}, {"f_fsid", ""},  {nullptr, nullptr}};
StructSeqDesc statvfs_result_desc = {
    "os.statvfs_result",
    "statvfs_result: Result from statvfs or fstatvfs.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n"
    "or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n"
    "See os.statvfs for more information.",
    statvfs_result_fields, 10};

TypeObject terminal_size_type{};
StructSeqField terminal_size_fields[] = {{"columns", "width of the terminal window in characters"},
                                         {"lines", "height of the terminal window in characters"},
                                         {nullptr, nullptr}};
StructSeqDesc terminal_size_desc = {
    "os.terminal_size",
    "A tuple of (columns, lines) for holding terminal window size", terminal_size_fields, 2};

// fill_time: the integer seconds, the float seconds and the nanoseconds.
void fill_time(Object* v, int index, time_t sec, long nsec) {
  Object* s = long_from_long_long(sec);
  Object* f = float_from_double(static_cast<double>(sec) + nsec * 1e-9);
  // sec * 10**9 + nsec, in 64 bits while it fits (until the year 2262).
  long long total_ns = 0;
  Object* total;
  if (!__builtin_mul_overflow(static_cast<long long>(sec), 1000000000LL, &total_ns) &&
      !__builtin_add_overflow(total_ns, static_cast<long long>(nsec), &total_ns)) {
    total = long_from_long_long(total_ns);
  } else {
    Ref<> big = Ref<>::steal(long_from_long_long(sec));
    Ref<> billion = Ref<>::steal(long_from_long(1000000000));
    Ref<> scaled = Ref<>::steal(number_multiply(big.get(), billion.get()));
    Ref<> ns = Ref<>::steal(long_from_long(nsec));
    total = scaled && ns ? number_add(scaled.get(), ns.get()) : nullptr;
  }
  structseq_set_item(v, index, s);
  structseq_set_item(v, index + 3, f);
  structseq_set_item(v, index + 6, total);
}

}  // namespace

// _pystat_fromstructstat.
Object* stat_from_struct(const struct stat& st) {
  Ref<> v = Ref<>::steal(structseq_new(&stat_result_type));
  if (!v) return nullptr;
  Object* o = v.get();
  structseq_set_item(o, 0, long_from_long(st.st_mode));
  structseq_set_item(o, 1, long_from_unsigned_long_long(st.st_ino));
  structseq_set_item(o, 2, long_from_unsigned_long_long(st.st_dev));
  structseq_set_item(o, 3, long_from_long_long(static_cast<long long>(st.st_nlink)));
  structseq_set_item(o, 4, long_from_long_long(st.st_uid));
  structseq_set_item(o, 5, long_from_long_long(st.st_gid));
  structseq_set_item(o, 6, long_from_long_long(st.st_size));
  fill_time(o, 7, st.st_atim.tv_sec, st.st_atim.tv_nsec);
  fill_time(o, 8, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  fill_time(o, 9, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
  structseq_set_item(o, 16, long_from_long_long(st.st_blksize));
  structseq_set_item(o, 17, long_from_long_long(st.st_blocks));
  structseq_set_item(o, 18, long_from_unsigned_long_long(st.st_rdev));
  for (int i = 0; i < 19; ++i)
    if (!structseq_get_item(o, i)) return nullptr;
  return v.release();
}

namespace {

// _pystatvfs_fromstructstatvfs.
Object* statvfs_from_struct(const struct statvfs& st) {
  Ref<> v = Ref<>::steal(structseq_new(&statvfs_result_type));
  if (!v) return nullptr;
  unsigned long long vals[] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree,
                               st.f_bavail, st.f_files, st.f_ffree, st.f_favail,
                               st.f_flag, st.f_namemax, st.f_fsid};
  for (int i = 0; i < 11; ++i) {
    Object* item = long_from_unsigned_long_long(vals[i]);
    if (!item) return nullptr;
    structseq_set_item(v.get(), i, item);
  }
  return v.release();
}

// os_stat_impl / posix_do_stat.
Object* do_stat(const char* func, Object* const* args, ssize nargs, Object* kwnames,
                bool default_follow, bool allow_fd) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"path", "dir_fd", "follow_symlinks"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path(func, "path", a[0], &p, allow_fd)) return nullptr;
  int dir_fd;
  if (!dir_fd_converter(a[1], &dir_fd)) return nullptr;
  bool follow = default_follow;
  if (!bool_arg(a[2], &follow)) return nullptr;
  if (path_and_dir_fd_invalid("stat", p.fd, dir_fd) ||
      dir_fd_and_fd_invalid("stat", dir_fd, p.fd) ||
      fd_and_follow_symlinks_invalid("stat", p.fd >= 0, follow))
    return nullptr;
  struct stat st;
  int rc;
  {
    vm::AllowThreads nogil;
    if (p.fd >= 0) rc = ::fstat(p.fd, &st);
    else if (dir_fd != AT_FDCWD || !follow)
      rc = ::fstatat(dir_fd, p.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    else rc = ::stat(p.c_str(), &st);
  }
  if (rc != 0) return path_error(p);
  return stat_from_struct(st);
}

Object* posix_stat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_stat("stat", args, nargs, kwnames, true, true);
}
Object* posix_lstat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  // lstat(path, *, dir_fd=None)
  Args a{"lstat", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "dir_fd"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path("lstat", "path", a[0], &p, false)) return nullptr;
  int dir_fd;
  if (!dir_fd_converter(a[1], &dir_fd)) return nullptr;
  struct stat st;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::fstatat(dir_fd, p.c_str(), &st, AT_SYMLINK_NOFOLLOW);
  }
  if (rc != 0) return path_error(p);
  return stat_from_struct(st);
}
Object* posix_fstat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fstat", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  struct stat st;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::fstat(fd, &st);
  }
  if (rc != 0) return posix_error();
  return stat_from_struct(st);
}

// statvfs(path): path may be a file descriptor.
Object* posix_statvfs(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"statvfs", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path("statvfs", "path", a[0], &p, true)) return nullptr;
  struct statvfs st;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = p.fd >= 0 ? ::fstatvfs(p.fd, &st) : ::statvfs(p.c_str(), &st);
  }
  if (rc != 0) return path_error(p);
  return statvfs_from_struct(st);
}
Object* posix_fstatvfs(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  struct statvfs st;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::fstatvfs(fd, &st);
  }
  if (rc != 0) return posix_error();
  return statvfs_from_struct(st);
}

// ---- file descriptors --------------------------------------------------------------------

// os_open_impl: the descriptor is non-inheritable (O_CLOEXEC).
Object* posix_open(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"open", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 2, 3)) return nullptr;
  Path p;
  if (!convert_path("open", "path", a[0], &p, false)) return nullptr;
  int flags, mode, dir_fd;
  if (!as_int(a[1], &flags) || !int_arg(a[2], &mode, 0777) || !dir_fd_converter(a[3], &dir_fd))
    return nullptr;
  flags |= O_CLOEXEC;
  int fd;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    fd = ::openat(dir_fd, p.c_str(), flags, mode);
  } while (eintr_retry(fd < 0, &async_err));
  if (async_err) return nullptr;
  if (fd < 0) return path_error(p);
  return long_from_long(fd);
}

Object* posix_close(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"close", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  if (::close(fd) < 0 && errno != EINTR) return posix_error();
  return return_none_ref();
}

// closerange(fd_low, fd_high, /): errors are ignored.
Object* posix_closerange(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("closerange", nargs, 2, 2)) return nullptr;
  int lo, hi;
  if (!as_int(args[0], &lo) || !as_int(args[1], &hi)) return nullptr;
  if (lo < 0) lo = 0;
  for (int fd = lo; fd < hi; ++fd) ::close(fd);
  return return_none_ref();
}

Object* posix_read(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 2, 2)) return nullptr;
  int fd;
  ssize n;
  if (!as_int(args[0], &fd) || !as_ssize(args[1], &n)) return nullptr;
  if (n < 0) {
    errno = EINVAL;
    return posix_error();
  }
  std::string buf(static_cast<size_t>(n), '\0');
  ssize got;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    got = ::read(fd, buf.data(), static_cast<size_t>(n));
  } while (eintr_retry(got < 0, &async_err));
  if (async_err) return nullptr;
  if (got < 0) return posix_error();
  return bytes_from_string_and_size(buf.data(), got);
}

// os_readinto_impl: readinto(fd, buffer, /) reads into a writable buffer (3.14).
Object* posix_readinto(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("readinto", nargs, 2, 2)) return nullptr;
  int fd;
  if (!as_int(args[0], &fd)) return nullptr;
  BufferHolder buf;
  if (buf.get(args[1], kBufWritable) < 0) {
    errors::clear();
    return errors::format(exc_TypeError,
                          "readinto() argument 2 must be read-write bytes-like object, not %.50s",
                          args[1] == none() ? "None" : args[1]->type->name);
  }
  ssize got;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    got = ::read(fd, buf.mutable_data(), static_cast<size_t>(buf.size()));
  } while (eintr_retry(got < 0, &async_err));
  if (async_err) return nullptr;
  if (got < 0) return posix_error();
  return long_from_ssize(got);
}

// pread(fd, length, offset, /).
Object* posix_pread(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("pread", nargs, 3, 3)) return nullptr;
  int fd;
  ssize n;
  off_t off;
  if (!as_int(args[0], &fd) || !as_ssize(args[1], &n) || !off_converter(args[2], &off))
    return nullptr;
  if (n < 0) {
    errno = EINVAL;
    return posix_error();
  }
  std::string buf(static_cast<size_t>(n), '\0');
  ssize got;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    got = ::pread(fd, buf.data(), static_cast<size_t>(n), off);
  } while (eintr_retry(got < 0, &async_err));
  if (async_err) return nullptr;
  if (got < 0) return posix_error();
  return bytes_from_string_and_size(buf.data(), got);
}

Object* posix_write(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("write", nargs, 2, 2)) return nullptr;
  int fd;
  if (!as_int(args[0], &fd)) return nullptr;
  BufferHolder data;
  if (data.get(args[1]) < 0) return nullptr;
  ssize w;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    w = ::write(fd, data.data(), static_cast<size_t>(data.size()));
  } while (eintr_retry(w < 0, &async_err));
  if (async_err) return nullptr;
  if (w < 0) return posix_error();
  return long_from_ssize(w);
}

Object* posix_pwrite(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("pwrite", nargs, 3, 3)) return nullptr;
  int fd;
  off_t off;
  if (!as_int(args[0], &fd)) return nullptr;
  BufferHolder data;
  if (data.get(args[1]) < 0) return nullptr;
  if (!off_converter(args[2], &off)) return nullptr;
  ssize w;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    w = ::pwrite(fd, data.data(), static_cast<size_t>(data.size()), off);
  } while (eintr_retry(w < 0, &async_err));
  if (async_err) return nullptr;
  if (w < 0) return posix_error();
  return long_from_ssize(w);
}

Object* posix_lseek(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("lseek", nargs, 3, 3)) return nullptr;
  int fd, how;
  off_t pos;
  if (!as_int(args[0], &fd) || !off_converter(args[1], &pos) || !as_int(args[2], &how))
    return nullptr;
  off_t r;
  {
    vm::AllowThreads nogil;
    r = ::lseek(fd, pos, how);
  }
  if (r < 0) return posix_error();
  return long_from_long_long(r);
}

Object* posix_isatty(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  return bool_from_long(::isatty(fd));
}

Object* posix_ttyname(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  char buf[256];
  int e = ::ttyname_r(fd, buf, sizeof buf);
  if (e) return errno_error(e);
  return decode_fs(buf, std::strlen(buf));
}

Object* posix_device_encoding(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"device_encoding", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  if (::isatty(fd)) return str_from_cstr("UTF-8");
  return return_none_ref();
}

// os_dup_impl: the copy is non-inheritable.
Object* posix_dup(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return posix_error();
  return long_from_long(r);
}

// dup2(fd, fd2, inheritable=True).
Object* posix_dup2(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"dup2", {}};
  if (!a.parse(args, nargs, kwnames, {"fd", "fd2", "inheritable"}, 2, 3)) return nullptr;
  int fd, fd2;
  bool inheritable = true;
  if (!as_int(a[0], &fd) || !as_int(a[1], &fd2) || !bool_arg(a[2], &inheritable))
    return nullptr;
  int r;
  if (!inheritable && fd != fd2) {
    r = ::dup3(fd, fd2, O_CLOEXEC);
  } else {
    r = ::dup2(fd, fd2);
  }
  if (r < 0) return posix_error();
  return long_from_long(r);
}

int pipe_pair(int* fds, int flags) {
  return ::pipe2(fds, flags);
}

Object* fd_pair(int* fds) {
  Ref<> a = Ref<>::steal(long_from_long(fds[0]));
  Ref<> b = Ref<>::steal(long_from_long(fds[1]));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

Object* posix_pipe(Object*, Object*) {
  int fds[2];
  if (pipe_pair(fds, O_CLOEXEC) < 0) return posix_error();
  return fd_pair(fds);
}
Object* posix_pipe2(Object*, Object* arg) {
  int flags;
  if (!as_int(arg, &flags)) return nullptr;
  int fds[2];
  if (pipe_pair(fds, flags) < 0) return posix_error();
  return fd_pair(fds);
}

Object* posix_get_inheritable(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return posix_error();
  return bool_from_long(!(flags & FD_CLOEXEC));
}
Object* posix_set_inheritable(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_inheritable", nargs, 2, 2)) return nullptr;
  int fd, inh;
  if (!as_int(args[0], &fd) || !as_int(args[1], &inh)) return nullptr;
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return posix_error();
  int nf = inh ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (nf != flags && ::fcntl(fd, F_SETFD, nf) < 0) return posix_error();
  return return_none_ref();
}
Object* posix_get_blocking(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return posix_error();
  return bool_from_long(!(flags & O_NONBLOCK));
}
Object* posix_set_blocking(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("set_blocking", nargs, 2, 2)) return nullptr;
  int fd, blocking;
  if (!as_int(args[0], &fd)) return nullptr;
  int t = object_is_true(args[1]);
  if (t < 0) return nullptr;
  blocking = t;
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return posix_error();
  int nf = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (nf != flags && ::fcntl(fd, F_SETFL, nf) < 0) return posix_error();
  return return_none_ref();
}

// fsync(fd) / fdatasync(fd): fd may be an object with fileno().
Object* posix_fsync(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fsync", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!fildes_converter(a[0], &fd)) return nullptr;
  int rc;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    rc = ::fsync(fd);
  } while (eintr_retry(rc < 0, &async_err));
  if (async_err) return nullptr;
  if (rc < 0) return posix_error();
  return return_none_ref();
}
Object* posix_fdatasync(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fdatasync", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!fildes_converter(a[0], &fd)) return nullptr;
  int rc;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    rc = ::fdatasync(fd);
  } while (eintr_retry(rc < 0, &async_err));
  if (async_err) return nullptr;
  if (rc < 0) return posix_error();
  return return_none_ref();
}
Object* posix_sync(Object*, Object*) {
  {
    vm::AllowThreads nogil;
    ::sync();
  }
  return return_none_ref();
}

// truncate(path, length): path may be a file descriptor.
Object* posix_truncate(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"truncate", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "length"}, 2, 2)) return nullptr;
  Path p;
  off_t len;
  if (!convert_path("truncate", "path", a[0], &p, true) || !off_converter(a[1], &len))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = p.fd >= 0 ? ::ftruncate(p.fd, len) : ::truncate(p.c_str(), len);
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}
Object* posix_ftruncate(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("ftruncate", nargs, 2, 2)) return nullptr;
  int fd;
  off_t len;
  if (!as_int(args[0], &fd) || !off_converter(args[1], &len)) return nullptr;
  int rc;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    rc = ::ftruncate(fd, len);
  } while (eintr_retry(rc < 0, &async_err));
  if (async_err) return nullptr;
  if (rc < 0) return posix_error();
  return return_none_ref();
}

// posix_fallocate(fd, offset, len, /): the error number is the result, not errno.
Object* posix_posix_fallocate(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("posix_fallocate", nargs, 3, 3)) return nullptr;
  int fd;
  off_t off, len;
  if (!as_int(args[0], &fd) || !off_converter(args[1], &off) || !off_converter(args[2], &len))
    return nullptr;
  int e;
  do {
    vm::AllowThreads nogil;
    e = ::posix_fallocate(fd, off, len);
  } while (e == EINTR);
  if (e) return errno_error(e);
  return return_none_ref();
}

// lockf(fd, command, length, /).
Object* posix_lockf(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("lockf", nargs, 3, 3)) return nullptr;
  int fd, cmd;
  off_t len;
  if (!as_int(args[0], &fd) || !as_int(args[1], &cmd) || !off_converter(args[2], &len))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::lockf(fd, cmd, len);
  }
  if (rc < 0) return posix_error();
  return return_none_ref();
}

// sendfile(out_fd, in_fd, offset, count): offset None uses and advances in_fd's position.
Object* posix_sendfile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"sendfile", {}};
  if (!a.parse(args, nargs, kwnames, {"out_fd", "in_fd", "offset", "count"}, 4, 4))
    return nullptr;
  int out_fd, in_fd;
  ssize count;
  if (!as_int(a[0], &out_fd) || !as_int(a[1], &in_fd) || !as_ssize(a[3], &count))
    return nullptr;
  if (count < 0) {
    return errors::format(exc_ValueError, "count must be non-negative");  // unreachable on CPython's size_t
  }
  off_t off = 0;
  bool have_off = a[2] != none();
  if (have_off && !off_converter(a[2], &off)) return nullptr;
  ssize_t r;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    r = ::sendfile(out_fd, in_fd, have_off ? &off : nullptr, static_cast<size_t>(count));
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  if (r < 0) return posix_error();
  return long_from_ssize(r);
}

// copy_file_range(src, dst, count, offset_src=None, offset_dst=None).
Object* posix_copy_file_range(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"copy_file_range", {}};
  if (!a.parse(args, nargs, kwnames, {"src", "dst", "count", "offset_src", "offset_dst"}, 3, 5))
    return nullptr;
  int src, dst;
  ssize count;
  if (!as_int(a[0], &src) || !as_int(a[1], &dst) || !as_ssize(a[2], &count)) return nullptr;
  if (count < 0) return errors::format(exc_ValueError, "count must be non-negative");
  off_t off_src = 0, off_dst = 0;
  bool has_src = a[3] && a[3] != none(), has_dst = a[4] && a[4] != none();
  if ((has_src && !off_converter(a[3], &off_src)) || (has_dst && !off_converter(a[4], &off_dst)))
    return nullptr;
  ssize_t r;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    r = ::copy_file_range(src, has_src ? &off_src : nullptr, dst, has_dst ? &off_dst : nullptr,
                          static_cast<size_t>(count), 0);
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  if (r < 0) return posix_error();
  return long_from_ssize(r);
}

}  // namespace

namespace {

// ---- directories and names -----------------------------------------------------------

Object* posix_getcwd(Object*, Object*) {
  std::vector<char> buf(PATH_MAX + 1);
  if (!::getcwd(buf.data(), buf.size())) return posix_error();
  return decode_fs(buf.data(), std::strlen(buf.data()));
}
Object* posix_getcwdb(Object*, Object*) {
  std::vector<char> buf(PATH_MAX + 1);
  if (!::getcwd(buf.data(), buf.size())) return posix_error();
  return bytes_from_string_and_size(buf.data(), static_cast<ssize>(std::strlen(buf.data())));
}

// chdir(path): path may be a file descriptor (fchdir).
Object* posix_chdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"chdir", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path("chdir", "path", a[0], &p, true)) return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = p.fd >= 0 ? ::fchdir(p.fd) : ::chdir(p.c_str());
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}
Object* posix_fchdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fchdir", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!fildes_converter(a[0], &fd)) return nullptr;
  if (::fchdir(fd) < 0) return posix_error();
  return return_none_ref();
}

Object* posix_chroot(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"chroot", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path("chroot", "path", a[0], &p, false)) return nullptr;
  if (::chroot(p.c_str()) < 0) return path_error(p);
  return return_none_ref();
}

// _posix_listdir: names of path (None is '.'), or of the directory open on an fd.
Object* posix_listdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"listdir", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 0, 1)) return nullptr;
  Path p;
  if (!convert_path("listdir", "path", a[0], &p, true, true)) return nullptr;
  DIR* dir;
  if (p.fd >= 0) {
    int fd2 = ::dup(p.fd);
    if (fd2 < 0) return posix_error();
    dir = ::fdopendir(fd2);
    if (!dir) {
      int e = errno;
      ::close(fd2);
      return errno_error(e);
    }
  } else {
    vm::AllowThreads nogil;
    dir = ::opendir(p.c_str());
  }
  if (!dir) return path_error(p);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) {
    ::closedir(dir);
    return nullptr;
  }
  int e = 0;
  for (;;) {
    errno = 0;
    struct dirent* ep;
    {
      vm::AllowThreads nogil;
      ep = ::readdir(dir);
    }
    if (!ep) {
      e = errno;
      break;
    }
    const char* n = ep->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    Ref<> item = Ref<>::steal(path_result(p, n, std::strlen(n)));
    if (!item || list_append(list.get(), item.get()) < 0) {
      ::closedir(dir);
      return nullptr;
    }
  }
  if (p.fd >= 0) ::rewinddir(dir);
  ::closedir(dir);
  if (e) {
    errno = e;
    return p.fd >= 0 ? posix_error() : path_error(p);
  }
  return list.release();
}

Object* posix_mkdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"mkdir", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "mode", "dir_fd"}, 1, 2)) return nullptr;
  Path p;
  if (!convert_path("mkdir", "path", a[0], &p, false)) return nullptr;
  int mode, dir_fd;
  if (!int_arg(a[1], &mode, 0777) || !dir_fd_converter(a[2], &dir_fd)) return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::mkdirat(dir_fd, p.c_str(), static_cast<mode_t>(mode));
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}

// rmdir, unlink, remove: (path, *, dir_fd=None) through unlinkat.
Object* unlink_call(const char* func, Object* const* args, ssize nargs, Object* kwnames,
                    int flags) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"path", "dir_fd"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path(func, "path", a[0], &p, false)) return nullptr;
  int dir_fd;
  if (!dir_fd_converter(a[1], &dir_fd)) return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::unlinkat(dir_fd, p.c_str(), flags);
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}
Object* posix_rmdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unlink_call("rmdir", args, nargs, kwnames, AT_REMOVEDIR);
}
Object* posix_unlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unlink_call("unlink", args, nargs, kwnames, 0);
}
Object* posix_remove(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unlink_call("remove", args, nargs, kwnames, 0);
}

// internal_rename: (src, dst, *, src_dir_fd=None, dst_dir_fd=None).
Object* do_rename(const char* func, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2))
    return nullptr;
  Path src, dst;
  int src_dir_fd, dst_dir_fd;
  if (!convert_path(func, "src", a[0], &src, false) ||
      !convert_path(func, "dst", a[1], &dst, false) || !dir_fd_converter(a[2], &src_dir_fd) ||
      !dir_fd_converter(a[3], &dst_dir_fd))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::renameat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str());
  }
  if (rc < 0) return path_error2(a[0], a[1]);
  return return_none_ref();
}
Object* posix_rename(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_rename("rename", args, nargs, kwnames);
}
Object* posix_replace(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_rename("replace", args, nargs, kwnames);
}

// link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=(os.name != 'nt')).
Object* posix_link(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"link", {}};
  if (!a.parse(args, nargs, kwnames,
               {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2, 2))
    return nullptr;
  Path src, dst;
  int src_dir_fd, dst_dir_fd;
  if (!convert_path("link", "src", a[0], &src, false) ||
      !convert_path("link", "dst", a[1], &dst, false) || !dir_fd_converter(a[2], &src_dir_fd) ||
      !dir_fd_converter(a[3], &dst_dir_fd))
    return nullptr;
  bool follow = true;
  if (!bool_arg(a[4], &follow)) return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::linkat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str(),
                  follow ? AT_SYMLINK_FOLLOW : 0);
  }
  if (rc < 0) return path_error2(a[0], a[1]);
  return return_none_ref();
}

// symlink(src, dst, target_is_directory=False, *, dir_fd=None).
Object* posix_symlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"symlink", {}};
  if (!a.parse(args, nargs, kwnames, {"src", "dst", "target_is_directory", "dir_fd"}, 2, 3))
    return nullptr;
  Path src, dst;
  int dir_fd;
  bool is_dir = false;
  if (!convert_path("symlink", "src", a[0], &src, false) ||
      !convert_path("symlink", "dst", a[1], &dst, false) || !bool_arg(a[2], &is_dir) ||
      !dir_fd_converter(a[3], &dir_fd))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::symlinkat(src.c_str(), dir_fd, dst.c_str());
  }
  if (rc < 0) return path_error2(a[0], a[1]);
  return return_none_ref();
}

// readlink(path, *, dir_fd=None): bytes for a bytes path.
Object* posix_readlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"readlink", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "dir_fd"}, 1, 1)) return nullptr;
  Path p;
  int dir_fd;
  if (!convert_path("readlink", "path", a[0], &p, false) || !dir_fd_converter(a[1], &dir_fd))
    return nullptr;
  std::vector<char> buf(PATH_MAX + 1);
  ssize_t n;
  {
    vm::AllowThreads nogil;
    n = ::readlinkat(dir_fd, p.c_str(), buf.data(), buf.size());
  }
  if (n < 0) return path_error(p);
  return path_result(p, buf.data(), static_cast<size_t>(n));
}

// access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True).
Object* posix_access(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"access", {}};
  if (!a.parse(args, nargs, kwnames,
               {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, 2))
    return nullptr;
  Path p;
  if (!convert_path("access", "path", a[0], &p, false)) return nullptr;
  int mode, dir_fd;
  bool effective = false, follow = true;
  if (!as_int(a[1], &mode) || !dir_fd_converter(a[2], &dir_fd) || !bool_arg(a[3], &effective) ||
      !bool_arg(a[4], &follow))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    if (dir_fd != AT_FDCWD || effective || !follow) {
      int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
      rc = ::faccessat(dir_fd, p.c_str(), mode, flags);
    } else {
      rc = ::access(p.c_str(), mode);
    }
  }
  return bool_from_long(rc == 0);
}

// chmod(path, mode, *, dir_fd=None, follow_symlinks=True).
Object* posix_chmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"chmod", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 2))
    return nullptr;
  Path p;
  if (!convert_path("chmod", "path", a[0], &p, true)) return nullptr;
  int mode, dir_fd;
  bool follow = true;
  if (!as_int(a[1], &mode) || !dir_fd_converter(a[2], &dir_fd) || !bool_arg(a[3], &follow))
    return nullptr;
  if (dir_fd_and_fd_invalid("chmod", dir_fd, p.fd) ||
      fd_and_follow_symlinks_invalid("chmod", p.fd >= 0, follow))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    if (p.fd >= 0) rc = ::fchmod(p.fd, static_cast<mode_t>(mode));
    else if (dir_fd != AT_FDCWD || !follow)
      rc = ::fchmodat(dir_fd, p.c_str(), static_cast<mode_t>(mode),
                      follow ? 0 : AT_SYMLINK_NOFOLLOW);
    else rc = ::chmod(p.c_str(), static_cast<mode_t>(mode));
  }
  if (rc < 0) {
    if (!follow && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
      return errors::format(exc_NotImplementedError,
                            "chmod: follow_symlinks unavailable on this platform");
    }
    return path_error(p);
  }
  return return_none_ref();
}
Object* posix_fchmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fchmod", {}};
  if (!a.parse(args, nargs, kwnames, {"fd", "mode"}, 2, 2)) return nullptr;
  int fd, mode;
  if (!as_int(a[0], &fd) || !as_int(a[1], &mode)) return nullptr;
  int rc;
  bool async_err = false;
  do {
    rc = ::fchmod(fd, static_cast<mode_t>(mode));
  } while (eintr_retry(rc < 0, &async_err));
  if (async_err) return nullptr;
  if (rc < 0) return posix_error();
  return return_none_ref();
}

// chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True).
Object* posix_chown(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"chown", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, 3))
    return nullptr;
  Path p;
  long long uid, gid;
  int dir_fd;
  bool follow = true;
  if (!convert_path("chown", "path", a[0], &p, true) || !id_converter(a[1], &uid, "uid") ||
      !id_converter(a[2], &gid, "gid") || !dir_fd_converter(a[3], &dir_fd) ||
      !bool_arg(a[4], &follow))
    return nullptr;
  if (dir_fd_and_fd_invalid("chown", dir_fd, p.fd) ||
      fd_and_follow_symlinks_invalid("chown", p.fd >= 0, follow))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    if (p.fd >= 0) rc = ::fchown(p.fd, static_cast<uid_t>(uid), static_cast<gid_t>(gid));
    else if (dir_fd != AT_FDCWD || !follow)
      rc = ::fchownat(dir_fd, p.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid),
                      follow ? 0 : AT_SYMLINK_NOFOLLOW);
    else rc = ::chown(p.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid));
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}
Object* posix_lchown(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"lchown", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "uid", "gid"}, 3, 3)) return nullptr;
  Path p;
  long long uid, gid;
  if (!convert_path("lchown", "path", a[0], &p, false) || !id_converter(a[1], &uid, "uid") ||
      !id_converter(a[2], &gid, "gid"))
    return nullptr;
  if (::lchown(p.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid)) < 0)
    return path_error(p);
  return return_none_ref();
}
Object* posix_fchown(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fchown", {}};
  if (!a.parse(args, nargs, kwnames, {"fd", "uid", "gid"}, 3, 3)) return nullptr;
  int fd;
  long long uid, gid;
  if (!as_int(a[0], &fd) || !id_converter(a[1], &uid, "uid") || !id_converter(a[2], &gid, "gid"))
    return nullptr;
  if (::fchown(fd, static_cast<uid_t>(uid), static_cast<gid_t>(gid)) < 0) return posix_error();
  return return_none_ref();
}

// _PyTime_ObjectToTimespec with _PyTime_ROUND_FLOOR: an int or a float of seconds.
bool object_to_timespec(Object* o, struct timespec* ts) {
  time_t sec;
  long nsec;
  if (runtime::object_to_timespec(o, &sec, &nsec, runtime::TimeRound::kFloor) < 0) return false;
  ts->tv_sec = sec;
  ts->tv_nsec = nsec;
  return true;
}

// utime(path, times=None, *, ns=<unrepresentable>, dir_fd=None, follow_symlinks=True).
Object* posix_utime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"utime", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, 2))
    return nullptr;
  Path p;
  if (!convert_path("utime", "path", a[0], &p, true)) return nullptr;
  int dir_fd;
  bool follow = true;
  if (!dir_fd_converter(a[3], &dir_fd) || !bool_arg(a[4], &follow)) return nullptr;
  struct timespec ts[2];
  struct timespec* tsp = nullptr;
  Object* times = a[1] && a[1] != none() ? a[1] : nullptr;
  Object* ns = a[2];
  if (times && ns) {
    return errors::format(exc_ValueError,
                          "utime: you may specify either 'times' or 'ns' but not both");
  }
  if (times) {
    if (!tuple_check(times) || tuple_size(times) != 2) {
      return errors::format(exc_TypeError,
                            "utime: 'times' must be either a tuple of two ints or None");
    }
    for (int i = 0; i < 2; ++i)
      if (!object_to_timespec(tuple_item(times, i), &ts[i])) return nullptr;
    tsp = ts;
  } else if (ns) {
    if (!tuple_check(ns) || tuple_size(ns) != 2) {
      return errors::format(exc_TypeError, "utime: 'ns' must be a tuple of two ints");
    }
    for (int i = 0; i < 2; ++i) {
      // split_py_long_to_s_and_ns: divmod by 10**9.
      Ref<> billion = Ref<>::steal(long_from_long(1000000000));
      Ref<> qr = Ref<>::steal(number_divmod(tuple_item(ns, i), billion.get()));
      if (!qr) return nullptr;
      if (!tuple_check(qr.get()) || tuple_size(qr.get()) != 2) {
        return errors::format(exc_TypeError, "%.200s.__divmod__() must return a 2-tuple, not %.200s",
                              type_short_name(tuple_item(ns, i)->type), type_short_name(qr->type));
      }
      long long sec = long_as_long_long(tuple_item(qr.get(), 0));
      if (sec == -1 && errors::occurred()) return nullptr;
      long rem = long_as_long(tuple_item(qr.get(), 1));
      if (rem == -1 && errors::occurred()) return nullptr;
      ts[i].tv_sec = static_cast<time_t>(sec);
      ts[i].tv_nsec = rem;
    }
    tsp = ts;
  }
  if (path_and_dir_fd_invalid("utime", p.fd, dir_fd) ||
      dir_fd_and_fd_invalid("utime", dir_fd, p.fd) ||
      fd_and_follow_symlinks_invalid("utime", p.fd >= 0, follow))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = p.fd >= 0 ? ::futimens(p.fd, tsp)
                   : ::utimensat(dir_fd, p.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}

// mkfifo(path, mode=0o666, *, dir_fd=None).
Object* posix_mkfifo(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"mkfifo", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "mode", "dir_fd"}, 1, 2)) return nullptr;
  Path p;
  int mode, dir_fd;
  if (!convert_path("mkfifo", "path", a[0], &p, false) || !int_arg(a[1], &mode, 0666) ||
      !dir_fd_converter(a[2], &dir_fd))
    return nullptr;
  int rc;
  bool async_err = false;
  do {
    vm::AllowThreads nogil;
    rc = ::mkfifoat(dir_fd, p.c_str(), static_cast<mode_t>(mode));
  } while (eintr_retry(rc < 0, &async_err));
  if (async_err) return nullptr;
  if (rc < 0) return path_error(p);
  return return_none_ref();
}

// mknod(path, mode=0o600, device=0, *, dir_fd=None).
Object* posix_mknod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"mknod", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "mode", "device", "dir_fd"}, 1, 3)) return nullptr;
  Path p;
  int mode, dir_fd;
  dev_t dev = 0;
  if (!convert_path("mknod", "path", a[0], &p, false) || !int_arg(a[1], &mode, 0600) ||
      (a[2] && !dev_converter(a[2], &dev)) || !dir_fd_converter(a[3], &dir_fd))
    return nullptr;
  int rc;
  {
    vm::AllowThreads nogil;
    rc = ::mknodat(dir_fd, p.c_str(), static_cast<mode_t>(mode), dev);
  }
  if (rc < 0) return path_error(p);
  return return_none_ref();
}

Object* posix_major(Object*, Object* arg) {
  dev_t d;
  if (!dev_converter(arg, &d)) return nullptr;
  return long_from_unsigned_long_long(major(d));
}
Object* posix_minor(Object*, Object* arg) {
  dev_t d;
  if (!dev_converter(arg, &d)) return nullptr;
  return long_from_unsigned_long_long(minor(d));
}
Object* posix_makedev(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("makedev", nargs, 2, 2)) return nullptr;
  dev_t ma, mi;
  if (!dev_converter(args[0], &ma) || !dev_converter(args[1], &mi)) return nullptr;
  return long_from_dev(makedev(ma, mi));
}

Object* posix_umask(Object*, Object* arg) {
  int mask;
  if (!as_int(arg, &mask)) return nullptr;
  return long_from_long(::umask(static_cast<mode_t>(mask)));
}

Object* posix_urandom(Object*, Object* arg) {
  ssize n;
  if (!as_ssize(arg, &n)) return nullptr;
  if (n < 0) return errors::format(exc_ValueError, "negative argument not allowed");
  // os_urandom_impl / _PyOS_URandom (Python/bootstrap_hash.c): the bytes object is the
  // buffer, so an impossible size is MemoryError; getrandom() blocks until the pool is
  // ready and is retried on EINTR after the signal handlers ran.
  Ref<> bytes = Ref<>::steal(bytes_from_string_and_size(nullptr, n));
  if (!bytes) return nullptr;
  char* buf = bytes_as_string(bytes.get());
  ssize done = 0;
  while (done < n) {
    ssize_t r = ::getrandom(buf + done, static_cast<size_t>(n - done), 0);
    if (r < 0) {
      if (errno == EINTR) {
        if (_signal::check_signals() < 0) return nullptr;
        continue;
      }
      return posix_error();
    }
    done += static_cast<ssize>(r);
  }
  return bytes.release();
}

// getrandom(size, flags=0).
Object* posix_getrandom(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"getrandom", {}};
  if (!a.parse(args, nargs, kwnames, {"size", "flags"}, 1, 2)) return nullptr;
  ssize n;
  int flags;
  if (!as_ssize(a[0], &n) || !int_arg(a[1], &flags, 0)) return nullptr;
  if (n < 0) {
    errno = EINVAL;
    return posix_error();
  }
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t r;
  bool async_err = false;
  do {
    r = ::getrandom(buf.data(), buf.size(), static_cast<unsigned>(flags));
  } while (eintr_retry(r < 0, &async_err));
  if (async_err) return nullptr;
  if (r < 0) return posix_error();
  return bytes_from_string_and_size(buf.data(), r);
}

Object* posix_fspath(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fspath", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 1, 1)) return nullptr;
  return fspath(a[0]);
}

Object* posix_strerror(Object*, Object* arg) {
  int code;
  if (!as_int(arg, &code)) return nullptr;
  const char* msg = std::strerror(code);
  if (!msg) return errors::format(exc_ValueError, "strerror() argument out of range");
  return decode_fs(msg, std::strlen(msg));
}

// get_terminal_size(fd=STDOUT_FILENO, /).
Object* posix_get_terminal_size(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("get_terminal_size", nargs, 0, 1)) return nullptr;
  int fd = 1;
  if (nargs && !as_int(args[0], &fd)) return nullptr;
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) != 0) return posix_error();
  Ref<> r = Ref<>::steal(structseq_new(&terminal_size_type));
  if (!r) return nullptr;
  structseq_set_item(r.get(), 0, long_from_long(w.ws_col));
  structseq_set_item(r.get(), 1, long_from_long(w.ws_row));
  if (!structseq_get_item(r.get(), 0) || !structseq_get_item(r.get(), 1)) return nullptr;
  return r.release();
}

// PyUnicode_FSConverter for the environment: str (encoded) or bytes.
bool fs_converter(const char* func, Object* o, std::string* out) {
  Path p;
  if (str_check(o) || bytes_check(o)) {
    if (str_check(o)) {
      if (!encode_fs(o, out)) return false;
    } else {
      out->assign(bytes_as_string(o), static_cast<size_t>(bytes_size(o)));
    }
  } else {
    Ref<> r = Ref<>::steal(fspath(o));
    if (!r) return false;
    return fs_converter(func, r.get(), out);
  }
  if (out->find('\0') != std::string::npos) {
    errors::format(exc_ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// putenv(name, value, /).
Object* posix_putenv(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("putenv", nargs, 2, 2)) return nullptr;
  std::string name, value;
  if (!fs_converter("putenv", args[0], &name) || !fs_converter("putenv", args[1], &value))
    return nullptr;
  if (name.find('=') != std::string::npos) {
    return errors::format(exc_ValueError, "illegal environment variable name");
  }
  if (::setenv(name.c_str(), value.c_str(), 1) < 0) return posix_error();
  return return_none_ref();
}
// unsetenv(name, /).
Object* posix_unsetenv(Object*, Object* arg) {
  std::string name;
  if (!fs_converter("unsetenv", arg, &name)) return nullptr;
  if (::unsetenv(name.c_str()) < 0) return posix_error();
  return return_none_ref();
}

}  // namespace

namespace {

MethodDef posix_methods[] = {
    {"stat", POSIX_FASTCALL_KW(posix_stat), nullptr},
    {"lstat", POSIX_FASTCALL_KW(posix_lstat), nullptr},
    {"fstat", POSIX_FASTCALL_KW(posix_fstat), nullptr},
    {"statvfs", POSIX_FASTCALL_KW(posix_statvfs), nullptr},
    {"fstatvfs", POSIX_METH_O(posix_fstatvfs), nullptr},
    {"open", POSIX_FASTCALL_KW(posix_open), nullptr},
    {"close", POSIX_FASTCALL_KW(posix_close), nullptr},
    {"closerange", POSIX_FASTCALL(posix_closerange), nullptr},
    {"read", POSIX_FASTCALL(posix_read), nullptr},
    {"readinto", POSIX_FASTCALL(posix_readinto), nullptr},
    {"pread", POSIX_FASTCALL(posix_pread), nullptr},
    {"write", POSIX_FASTCALL(posix_write), nullptr},
    {"pwrite", POSIX_FASTCALL(posix_pwrite), nullptr},
    {"lseek", POSIX_FASTCALL(posix_lseek), nullptr},
    {"isatty", POSIX_METH_O(posix_isatty), nullptr},
    {"ttyname", POSIX_METH_O(posix_ttyname), nullptr},
    {"device_encoding", POSIX_FASTCALL_KW(posix_device_encoding), nullptr},
    {"dup", POSIX_METH_O(posix_dup), nullptr},
    {"dup2", POSIX_FASTCALL_KW(posix_dup2), nullptr},
    {"pipe", POSIX_NOARGS(posix_pipe), nullptr},
    {"pipe2", POSIX_METH_O(posix_pipe2), nullptr},
    {"get_inheritable", POSIX_METH_O(posix_get_inheritable), nullptr},
    {"set_inheritable", POSIX_FASTCALL(posix_set_inheritable), nullptr},
    {"get_blocking", POSIX_METH_O(posix_get_blocking), nullptr},
    {"set_blocking", POSIX_FASTCALL(posix_set_blocking), nullptr},
    {"fsync", POSIX_FASTCALL_KW(posix_fsync), nullptr},
    {"fdatasync", POSIX_FASTCALL_KW(posix_fdatasync), nullptr},
    {"sync", POSIX_NOARGS(posix_sync), nullptr},
    {"truncate", POSIX_FASTCALL_KW(posix_truncate), nullptr},
    {"ftruncate", POSIX_FASTCALL(posix_ftruncate), nullptr},
    {"posix_fallocate", POSIX_FASTCALL(posix_posix_fallocate), nullptr},
    {"lockf", POSIX_FASTCALL(posix_lockf), nullptr},
    {"sendfile", POSIX_FASTCALL_KW(posix_sendfile), nullptr},
    {"copy_file_range", POSIX_FASTCALL_KW(posix_copy_file_range), nullptr},
    {"getcwd", POSIX_NOARGS(posix_getcwd), nullptr},
    {"getcwdb", POSIX_NOARGS(posix_getcwdb), nullptr},
    {"chdir", POSIX_FASTCALL_KW(posix_chdir), nullptr},
    {"fchdir", POSIX_FASTCALL_KW(posix_fchdir), nullptr},
    {"chroot", POSIX_FASTCALL_KW(posix_chroot), nullptr},
    {"listdir", POSIX_FASTCALL_KW(posix_listdir), nullptr},
    {"mkdir", POSIX_FASTCALL_KW(posix_mkdir), nullptr},
    {"rmdir", POSIX_FASTCALL_KW(posix_rmdir), nullptr},
    {"unlink", POSIX_FASTCALL_KW(posix_unlink), nullptr},
    {"remove", POSIX_FASTCALL_KW(posix_remove), nullptr},
    {"rename", POSIX_FASTCALL_KW(posix_rename), nullptr},
    {"replace", POSIX_FASTCALL_KW(posix_replace), nullptr},
    {"link", POSIX_FASTCALL_KW(posix_link), nullptr},
    {"symlink", POSIX_FASTCALL_KW(posix_symlink), nullptr},
    {"readlink", POSIX_FASTCALL_KW(posix_readlink), nullptr},
    {"access", POSIX_FASTCALL_KW(posix_access), nullptr},
    {"chmod", POSIX_FASTCALL_KW(posix_chmod), nullptr},
    {"fchmod", POSIX_FASTCALL_KW(posix_fchmod), nullptr},
    {"chown", POSIX_FASTCALL_KW(posix_chown), nullptr},
    {"lchown", POSIX_FASTCALL_KW(posix_lchown), nullptr},
    {"fchown", POSIX_FASTCALL_KW(posix_fchown), nullptr},
    {"utime", POSIX_FASTCALL_KW(posix_utime), nullptr},
    {"mkfifo", POSIX_FASTCALL_KW(posix_mkfifo), nullptr},
    {"mknod", POSIX_FASTCALL_KW(posix_mknod), nullptr},
    {"major", POSIX_METH_O(posix_major), nullptr},
    {"minor", POSIX_METH_O(posix_minor), nullptr},
    {"makedev", POSIX_FASTCALL(posix_makedev), nullptr},
    {"umask", POSIX_METH_O(posix_umask), nullptr},
    {"urandom", POSIX_METH_O(posix_urandom), nullptr},
    {"getrandom", POSIX_FASTCALL_KW(posix_getrandom), nullptr},
    {"fspath", POSIX_FASTCALL_KW(posix_fspath), nullptr},
    {"strerror", POSIX_METH_O(posix_strerror), nullptr},
    {"get_terminal_size", POSIX_FASTCALL(posix_get_terminal_size), nullptr},
    {"putenv", POSIX_FASTCALL(posix_putenv), nullptr},
    {"unsetenv", POSIX_METH_O(posix_unsetenv), nullptr},
    {nullptr, nullptr, 0, nullptr}};

// convertenviron: os.environ's raw data, bytes to bytes on POSIX.
Object* convert_environ() {
  Ref<> d = Ref<>::steal(dict_new());
  if (!d) return nullptr;
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Ref<> k = Ref<>::steal(bytes_from_string_and_size(*e, eq - *e));
    Ref<> v = Ref<>::steal(bytes_from_cstr(eq + 1));
    if (!k || !v) return nullptr;
    if (dict_get_item(d.get(), k.get())) continue;  // the first definition wins
    if (dict_set_item(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  return d.release();
}

struct IntConst {
  const char* name;
  long value;
};
// all_ins: the constants of the file and directory calls.
const IntConst kConstants[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"NGROUPS_MAX", NGROUPS_MAX}, {"TMP_MAX", TMP_MAX},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_NDELAY", O_NDELAY}, {"O_NONBLOCK", O_NONBLOCK}, {"O_APPEND", O_APPEND},
    {"O_DSYNC", O_DSYNC}, {"O_RSYNC", O_RSYNC}, {"O_SYNC", O_SYNC}, {"O_NOCTTY", O_NOCTTY},
    {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
    {"O_LARGEFILE", O_LARGEFILE}, {"O_PATH", O_PATH}, {"O_TMPFILE", O_TMPFILE},
    {"O_ACCMODE", O_ACCMODE}, {"O_FSYNC", O_FSYNC},
    {"SEEK_HOLE", SEEK_HOLE}, {"SEEK_DATA", SEEK_DATA},
    {"O_CLOEXEC", O_CLOEXEC}, {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_NOATIME", O_NOATIME},
    {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_PGRP", PRIO_PGRP}, {"PRIO_USER", PRIO_USER},
    {"EX_OK", EX_OK}, {"EX_USAGE", EX_USAGE}, {"EX_DATAERR", EX_DATAERR},
    {"EX_NOINPUT", EX_NOINPUT}, {"EX_NOUSER", EX_NOUSER}, {"EX_NOHOST", EX_NOHOST},
    {"EX_UNAVAILABLE", EX_UNAVAILABLE}, {"EX_SOFTWARE", EX_SOFTWARE}, {"EX_OSERR", EX_OSERR},
    {"EX_OSFILE", EX_OSFILE}, {"EX_CANTCREAT", EX_CANTCREAT}, {"EX_IOERR", EX_IOERR},
    {"EX_TEMPFAIL", EX_TEMPFAIL}, {"EX_PROTOCOL", EX_PROTOCOL}, {"EX_NOPERM", EX_NOPERM},
    {"EX_CONFIG", EX_CONFIG},
    {"ST_RDONLY", ST_RDONLY}, {"ST_NOSUID", ST_NOSUID}, {"ST_NODEV", ST_NODEV},
    {"ST_NOEXEC", ST_NOEXEC}, {"ST_SYNCHRONOUS", ST_SYNCHRONOUS},
    {"ST_MANDLOCK", ST_MANDLOCK}, {"ST_WRITE", ST_WRITE}, {"ST_APPEND", ST_APPEND},
    {"ST_NOATIME", ST_NOATIME}, {"ST_NODIRATIME", ST_NODIRATIME},
    {"ST_RELATIME", ST_RELATIME},
    {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL}, {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
    {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM}, {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
    {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED}, {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED},
    {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
    {"GRND_RANDOM", GRND_RANDOM}, {"GRND_NONBLOCK", GRND_NONBLOCK},
};

// The HAVE_* features os.supports_dir_fd, supports_fd and supports_follow_symlinks are
// computed from (posixmodule.c's have_functions), for the calls this module implements.
const char* const kHaveFunctions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR",    "HAVE_FCHMOD",    "HAVE_FCHMODAT",   "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",  "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT",    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE", "HAVE_FUTIMENS",  "HAVE_LINKAT",    "HAVE_LCHOWN",     "HAVE_LSTAT",
    "HAVE_MKDIRAT",   "HAVE_MKFIFOAT",  "HAVE_MKNODAT",   "HAVE_OPENAT",     "HAVE_READLINKAT",
    "HAVE_RENAMEAT",  "HAVE_SYMLINKAT", "HAVE_UNLINKAT",  "HAVE_UTIMENSAT",  "HAVE_FEXECVE",
};

// posixmodule_exec.
int posix_exec(Object* m) {
  if (module_add_functions(m, scandir_methods) < 0) return -1;
  for (const IntConst& c : kConstants) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  Ref<> env = Ref<>::steal(convert_environ());
  if (!env || module_add_object_ref(m, "environ", env.get()) < 0) return -1;
  if (structseq_init_type(&stat_result_type, &stat_result_desc) < 0) return -1;
  if (!structseq_new_slot) {
    structseq_new_slot = stat_result_type.new_;
    stat_result_type.new_ = statresult_new;
  }
  if (structseq_init_type(&statvfs_result_type, &statvfs_result_desc) < 0) return -1;
  if (structseq_init_type(&terminal_size_type, &terminal_size_desc) < 0) return -1;
  if (module_add_object_ref(m, "stat_result", &stat_result_type) < 0) return -1;
  if (module_add_object_ref(m, "statvfs_result", &statvfs_result_type) < 0) return -1;
  if (module_add_object_ref(m, "terminal_size", &terminal_size_type) < 0) return -1;
  if (module_add_object_ref(m, "error", exc_OSError) < 0) return -1;
  if (scandir_exec(m) < 0 || add_process_functions(m) < 0) return -1;
  Ref<> have = Ref<>::steal(list_new(0));
  if (!have) return -1;
  for (const char* f : kHaveFunctions) {
    Ref<> s = Ref<>::steal(str_from_cstr(f));
    if (!s || list_append(have.get(), s.get()) < 0) return -1;
  }
  return module_add_object_ref(m, "_have_functions", have.get());
}

ModuleDef posix_def = {
    "posix",
    "This module provides access to operating system functionality that is\n"
    "standardized by the C Standard and the POSIX standard (a thinly\n"
    "disguised Unix interface).  Refer to the library manual and\n"
    "corresponding Unix manual entries for more information on calls.",
    posix_methods, posix_exec};

}  // namespace

ModuleDef* module_def() { return &posix_def; }

}  // namespace cppy::modules::posix
