// The posix module: Modules/posixmodule.c, the calls os, shutil, pathlib, tempfile and glob
// use. Paths are str (encoded as UTF-8 with surrogateescape, the file-system encoding of
// CPython on Linux), bytes or os.PathLike; results follow the type of the argument.
#include "modules/posix/posixmodule.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

extern char** environ;

namespace cppy::modules::posix {

using namespace objects;

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

// ---- arguments -------------------------------------------------------------------------

// The arguments of a FASTCALL_KW function by parameter name: the first `required` are
// required, those past max_positional keyword-only; parsed by objects::unpack_keywords_impl
// (_PyArg_UnpackKeywords) with CPython's messages.
struct Args {
  const char* func;
  std::vector<Object*> values;
  bool parse(Object* const* args, ssize nargs, Object* kwnames,
             std::initializer_list<const char*> names, ssize required, ssize max_positional) {
    std::vector<const char*> keywords(names);
    keywords.push_back(nullptr);
    values.assign(names.size(), nullptr);
    ArgParser parser{func, keywords.data(), int(required), int(max_positional), 0};
    return unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, values.data()) == 0;
  }
  Object* operator[](size_t i) const { return values[i]; }
};

bool as_int(Object* o, int* out) {
  if (float_check(o)) {
    errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  if (v > INT_MAX || v < INT_MIN) {
    errors::format(exc_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                            : "signed integer is less than minimum");
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

// The file-system encoding: UTF-8 with surrogateescape (PyUnicode_EncodeFSDefault).
bool encode_fs(Object* s, std::string* out) {
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (p) {
    out->assign(p, static_cast<size_t>(n));
    return true;
  }
  errors::clear();
  // Lone surrogates U+DC80..U+DCFF stand for the undecodable bytes; other code points are
  // written as UTF-8.
  out->clear();
  ssize len = str_length(s);
  for (ssize i = 0; i < len; ++i) {
    UCS4 c = str_read_char(s, i);
    if (c >= 0xDC80 && c <= 0xDCFF) {
      out->push_back(static_cast<char>(c - 0xDC00));
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      str_as_utf8(s);  // raises the codec's UnicodeEncodeError for this surrogate
      return false;
    } else if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return true;
}

Object* decode_fs(const char* s, size_t n) {
  return str_decode_utf8(s, static_cast<ssize>(n), "surrogateescape");
}

}  // namespace

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

namespace {

// path_t: a converted path argument.
struct Path {
  std::string narrow;
  Object* object = nullptr;  // the argument as given (borrowed)
  bool is_bytes = false;
  int fd = -1;
  bool null = false;
};

// path_converter: str, bytes, os.PathLike, or (when allow_fd) an int file descriptor.
bool convert_path(const char* func, const char* argname, Object* o, Path* p, bool allow_fd,
                  bool nullable = false) {
  p->object = o;
  if (nullable && (!o || o == none())) {
    p->null = true;
    return true;
  }
  if (allow_fd && long_check(o)) {
    return as_int(o, &p->fd);
  }
  bool is_str = str_check(o), is_bytes = bytes_check(o);
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

// path_error / PyErr_SetFromErrnoWithFilenameObjects.
Object* path_error2(Object* filename, Object* filename2) {
  int e = errno;
  Ref<> num = Ref<>::steal(long_from_long(e));
  Ref<> msg = Ref<>::steal(str_from_cstr(std::strerror(e)));
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
Object* path_error(const Path& p) { return path_error2(p.object, nullptr); }
Object* posix_error() { return path_error2(nullptr, nullptr); }

Object* path_result(const Path& p, const char* s, size_t n) {
  if (p.is_bytes) return bytes_from_string_and_size(s, static_cast<ssize>(n));
  return decode_fs(s, n);
}

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

// posix_do_stat.
Object* do_stat(const char* func, Object* const* args, ssize nargs, Object* kwnames,
                bool default_follow, bool allow_fd) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"path", "dir_fd", "follow_symlinks"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path(func, "path", a[0], &p, allow_fd)) return nullptr;
  if (a[1] && a[1] != none()) {
    return errors::format(exc_NotImplementedError, "dir_fd unavailable on this platform");
  }
  bool follow = default_follow;
  if (a[2]) {
    int t = object_is_true(a[2]);
    if (t < 0) return nullptr;
    follow = t;
  }
  struct stat st;
  int rc;
  if (p.fd >= 0) rc = fstat(p.fd, &st);
  else if (follow) rc = stat(p.narrow.c_str(), &st);
  else rc = lstat(p.narrow.c_str(), &st);
  if (rc != 0) return path_error(p);
  return stat_from_struct(st);
}

Object* posix_stat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_stat("stat", args, nargs, kwnames, true, true);
}
Object* posix_lstat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_stat("lstat", args, nargs, kwnames, false, false);
}
Object* posix_fstat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"fstat", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0) return posix_error();
  return stat_from_struct(st);
}

// ---- file descriptors --------------------------------------------------------------------

Object* posix_open(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"open", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 2, 3)) return nullptr;
  Path p;
  if (!convert_path("open", "path", a[0], &p, false)) return nullptr;
  int flags, mode = 0777;
  if (!as_int(a[1], &flags)) return nullptr;
  if (a[2] && !as_int(a[2], &mode)) return nullptr;
  flags |= O_CLOEXEC;
  int fd;
  do {
    fd = ::open(p.narrow.c_str(), flags, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return path_error(p);
  return long_from_long(fd);
}

Object* posix_close(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"close", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  if (::close(fd) < 0 && errno != EINTR) return posix_error();
  return new_ref(none());
}

Object* posix_read(Object*, Object* const* args, ssize nargs) {
  if (nargs != 2) {
    return errors::format(exc_TypeError, "read expected 2 arguments, got %zd", nargs);
  }
  int fd;
  ssize n;
  if (!as_int(args[0], &fd) || !as_ssize(args[1], &n)) return nullptr;
  if (n < 0) {
    errno = EINVAL;
    return posix_error();
  }
  std::string buf(static_cast<size_t>(n), '\0');
  ssize got;
  do {
    got = ::read(fd, buf.data(), static_cast<size_t>(n));
  } while (got < 0 && errno == EINTR);
  if (got < 0) return posix_error();
  return bytes_from_string_and_size(buf.data(), got);
}

Object* posix_write(Object*, Object* const* args, ssize nargs) {
  if (nargs != 2) {
    return errors::format(exc_TypeError, "write expected 2 arguments, got %zd", nargs);
  }
  int fd;
  if (!as_int(args[0], &fd)) return nullptr;
  // Any bytes-like object (Py_buffer): subprocess writes memoryview slices.
  BufferHolder data;
  if (data.get(args[1]) < 0) return nullptr;
  ssize w;
  for (;;) {
    w = ::write(fd, data.data(), static_cast<size_t>(data.size()));
    if (w >= 0 || errno != EINTR) break;
    // Interrupted by a signal: its handler runs, then the write is retried (PEP 475).
    if (_signal::check_signals() < 0) return nullptr;
  }
  if (w < 0) return posix_error();
  return long_from_ssize(w);
}

Object* posix_lseek(Object*, Object* const* args, ssize nargs) {
  if (nargs != 3) {
    return errors::format(exc_TypeError, "lseek expected 3 arguments, got %zd", nargs);
  }
  int fd, how;
  if (!as_int(args[0], &fd)) return nullptr;
  long long pos = long_as_long_long(args[1]);
  if (pos == -1 && errors::occurred()) return nullptr;
  if (!as_int(args[2], &how)) return nullptr;
  off_t r = ::lseek(fd, static_cast<off_t>(pos), how);
  if (r < 0) return posix_error();
  return long_from_long_long(r);
}

Object* posix_isatty(Object*, Object* arg) {
  int fd;
  if (!as_int(arg, &fd)) return nullptr;
  return bool_from_long(::isatty(fd));
}

Object* posix_device_encoding(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"device_encoding", {}};
  if (!a.parse(args, nargs, kwnames, {"fd"}, 1, 1)) return nullptr;
  int fd;
  if (!as_int(a[0], &fd)) return nullptr;
  if (::isatty(fd)) return str_from_cstr("UTF-8");
  return new_ref(none());
}

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

Object* posix_listdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"listdir", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 0, 1)) return nullptr;
  Path p;
  if (!a[0] || a[0] == none()) {
    p.narrow = ".";
  } else if (!convert_path("listdir", "path", a[0], &p, true)) {
    return nullptr;
  }
  DIR* dir = p.fd >= 0 ? fdopendir(dup(p.fd)) : opendir(p.narrow.c_str());
  if (!dir) return path_error(p);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) {
    closedir(dir);
    return nullptr;
  }
  errno = 0;
  while (struct dirent* ep = readdir(dir)) {
    const char* n = ep->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    Ref<> item = Ref<>::steal(path_result(p, n, std::strlen(n)));
    if (!item || list_append(list.get(), item.get()) < 0) {
      closedir(dir);
      return nullptr;
    }
    errno = 0;
  }
  int e = errno;
  if (p.fd >= 0) rewinddir(dir);
  closedir(dir);
  if (e) {
    errno = e;
    return path_error(p);
  }
  return list.release();
}

Object* posix_mkdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"mkdir", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "mode", "dir_fd"}, 1, 2)) return nullptr;
  Path p;
  if (!convert_path("mkdir", "path", a[0], &p, false)) return nullptr;
  int mode = 0777;
  if (a[1] && !as_int(a[1], &mode)) return nullptr;
  if (::mkdir(p.narrow.c_str(), static_cast<mode_t>(mode)) < 0) return path_error(p);
  return new_ref(none());
}

// rmdir, unlink, remove: one path argument.
template <int (*F)(const char*)>
Object* one_path_call(const char* func, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"path", "dir_fd"}, 1, 1)) return nullptr;
  Path p;
  if (!convert_path(func, "path", a[0], &p, false)) return nullptr;
  if (F(p.narrow.c_str()) < 0) return path_error(p);
  return new_ref(none());
}
Object* posix_rmdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return one_path_call<::rmdir>("rmdir", args, nargs, kwnames);
}
Object* posix_unlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return one_path_call<::unlink>("unlink", args, nargs, kwnames);
}
Object* posix_remove(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return one_path_call<::unlink>("remove", args, nargs, kwnames);
}
Object* posix_chdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return one_path_call<::chdir>("chdir", args, nargs, kwnames);
}

Object* do_rename(const char* func, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{func, {}};
  if (!a.parse(args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2))
    return nullptr;
  Path src, dst;
  if (!convert_path(func, "src", a[0], &src, false) ||
      !convert_path(func, "dst", a[1], &dst, false))
    return nullptr;
  if (src.is_bytes != dst.is_bytes) {
    return errors::format(exc_TypeError, "%s: src and dst must be the same type", func);
  }
  if (::rename(src.narrow.c_str(), dst.narrow.c_str()) < 0) return path_error2(a[0], a[1]);
  return new_ref(none());
}
Object* posix_rename(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_rename("rename", args, nargs, kwnames);
}
Object* posix_replace(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return do_rename("replace", args, nargs, kwnames);
}

Object* posix_access(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"access", {}};
  if (!a.parse(args, nargs, kwnames,
               {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, 2))
    return nullptr;
  Path p;
  if (!convert_path("access", "path", a[0], &p, false)) return nullptr;
  int mode;
  if (!as_int(a[1], &mode)) return nullptr;
  return bool_from_long(::access(p.narrow.c_str(), mode) == 0);
}

Object* posix_chmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"chmod", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 2))
    return nullptr;
  Path p;
  if (!convert_path("chmod", "path", a[0], &p, true)) return nullptr;
  int mode;
  if (!as_int(a[1], &mode)) return nullptr;
  int rc = p.fd >= 0 ? ::fchmod(p.fd, static_cast<mode_t>(mode))
                     : ::chmod(p.narrow.c_str(), static_cast<mode_t>(mode));
  if (rc < 0) return path_error(p);
  return new_ref(none());
}

// utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True).
Object* posix_utime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"utime", {}};
  if (!a.parse(args, nargs, kwnames, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, 2))
    return nullptr;
  Path p;
  if (!convert_path("utime", "path", a[0], &p, true)) return nullptr;
  struct timespec ts[2];
  struct timespec* tsp = nullptr;
  Object* times = a[1] && a[1] != none() ? a[1] : nullptr;
  Object* ns = a[2];
  if (times && ns) {
    return errors::format(exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  }
  if (times) {
    if (!tuple_check(times) || tuple_size(times) != 2) {
      return errors::format(exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
    }
    for (int i = 0; i < 2; ++i) {
      double d = float_check(tuple_item(times, i)) ? float_as_double(tuple_item(times, i))
                                                   : static_cast<double>(long_as_long_long(tuple_item(times, i)));
      if (errors::occurred()) return nullptr;
      double whole = static_cast<double>(static_cast<long long>(d));
      if (whole > d) whole -= 1;
      ts[i].tv_sec = static_cast<time_t>(whole);
      ts[i].tv_nsec = static_cast<long>((d - whole) * 1e9);
    }
    tsp = ts;
  } else if (ns) {
    if (!tuple_check(ns) || tuple_size(ns) != 2) {
      return errors::format(exc_TypeError, "utime: 'ns' must be a tuple of two ints");
    }
    for (int i = 0; i < 2; ++i) {
      long long v = long_as_long_long(tuple_item(ns, i));
      if (v == -1 && errors::occurred()) return nullptr;
      long long sec = v / 1000000000, rem = v % 1000000000;
      if (rem < 0) {
        rem += 1000000000;
        --sec;
      }
      ts[i].tv_sec = static_cast<time_t>(sec);
      ts[i].tv_nsec = static_cast<long>(rem);
    }
    tsp = ts;
  }
  int rc = p.fd >= 0 ? ::futimens(p.fd, tsp) : ::utimensat(AT_FDCWD, p.narrow.c_str(), tsp, 0);
  if (rc < 0) return path_error(p);
  return new_ref(none());
}

// ---- process and misc ----------------------------------------------------------------

Object* posix_getpid(Object*, Object*) { return long_from_long(::getpid()); }
Object* posix_getppid(Object*, Object*) { return long_from_long(::getppid()); }
// os_cpu_count_impl: the number of online processors, None when unknown.
Object* posix_cpu_count(Object*, Object*) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n >= 1 ? long_from_long(n) : return_none();
}
Object* posix_getuid(Object*, Object*) { return long_from_long(::getuid()); }
Object* posix_geteuid(Object*, Object*) { return long_from_long(::geteuid()); }
Object* posix_getgid(Object*, Object*) { return long_from_long(::getgid()); }
Object* posix_getegid(Object*, Object*) { return long_from_long(::getegid()); }

Object* posix_umask(Object*, Object* arg) {
  int mask;
  if (!as_int(arg, &mask)) return nullptr;
  return long_from_long(::umask(static_cast<mode_t>(mask)));
}

Object* posix_exit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"_exit", {}};
  if (!a.parse(args, nargs, kwnames, {"status"}, 1, 1)) return nullptr;
  int status;
  if (!as_int(a[0], &status)) return nullptr;
  ::_exit(status);
}

Object* posix_urandom(Object*, Object* arg) {
  ssize n;
  if (!as_ssize(arg, &n)) return nullptr;
  if (n < 0) return errors::format(exc_ValueError, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t r = ::getrandom(buf.data() + done, buf.size() - done, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return posix_error();
    }
    done += static_cast<size_t>(r);
  }
  return bytes_from_string_and_size(buf.data(), n);
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
  if (nargs > 1) {
    return errors::format(exc_TypeError, "get_terminal_size expected at most 1 argument, got %zd",
                          nargs);
  }
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

// The W* macros over a wait status.
template <int (*F)(int)>
Object* wait_macro(const char* func, Object* const* args, ssize nargs, Object* kwnames, bool boolean) {
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

MethodDef posix_methods[] = {
    {"stat", FASTCALL_KW(posix_stat), nullptr},
    {"lstat", FASTCALL_KW(posix_lstat), nullptr},
    {"fstat", FASTCALL_KW(posix_fstat), nullptr},
    {"open", FASTCALL_KW(posix_open), nullptr},
    {"close", FASTCALL_KW(posix_close), nullptr},
    {"read", FASTCALL(posix_read), nullptr},
    {"write", FASTCALL(posix_write), nullptr},
    {"lseek", FASTCALL(posix_lseek), nullptr},
    {"isatty", METH_O(posix_isatty), nullptr},
    {"device_encoding", FASTCALL_KW(posix_device_encoding), nullptr},
    {"getcwd", NOARGS(posix_getcwd), nullptr},
    {"getcwdb", NOARGS(posix_getcwdb), nullptr},
    {"listdir", FASTCALL_KW(posix_listdir), nullptr},
    {"mkdir", FASTCALL_KW(posix_mkdir), nullptr},
    {"rmdir", FASTCALL_KW(posix_rmdir), nullptr},
    {"unlink", FASTCALL_KW(posix_unlink), nullptr},
    {"remove", FASTCALL_KW(posix_remove), nullptr},
    {"chdir", FASTCALL_KW(posix_chdir), nullptr},
    {"rename", FASTCALL_KW(posix_rename), nullptr},
    {"replace", FASTCALL_KW(posix_replace), nullptr},
    {"access", FASTCALL_KW(posix_access), nullptr},
    {"chmod", FASTCALL_KW(posix_chmod), nullptr},
    {"utime", FASTCALL_KW(posix_utime), nullptr},
    {"getpid", NOARGS(posix_getpid), nullptr},
    {"getppid", NOARGS(posix_getppid), nullptr},
    {"cpu_count", NOARGS(posix_cpu_count),
     "Return the number of logical CPUs in the system.\n\nReturn None if indeterminable."},
    {"getuid", NOARGS(posix_getuid), nullptr},
    {"geteuid", NOARGS(posix_geteuid), nullptr},
    {"getgid", NOARGS(posix_getgid), nullptr},
    {"getegid", NOARGS(posix_getegid), nullptr},
    {"umask", METH_O(posix_umask), nullptr},
    {"_exit", FASTCALL_KW(posix_exit), nullptr},
    {"urandom", METH_O(posix_urandom), nullptr},
    {"fspath", FASTCALL_KW(posix_fspath), nullptr},
    {"strerror", METH_O(posix_strerror), nullptr},
    {"get_terminal_size", FASTCALL(posix_get_terminal_size), nullptr},
    {"WIFEXITED", FASTCALL_KW(posix_WIFEXITED), nullptr},
    {"WEXITSTATUS", FASTCALL_KW(posix_WEXITSTATUS), nullptr},
    {"WIFSIGNALED", FASTCALL_KW(posix_WIFSIGNALED), nullptr},
    {"WTERMSIG", FASTCALL_KW(posix_WTERMSIG), nullptr},
    {"WIFSTOPPED", FASTCALL_KW(posix_WIFSTOPPED), nullptr},
    {"WSTOPSIG", FASTCALL_KW(posix_WSTOPSIG), nullptr},
    {"WCOREDUMP", FASTCALL_KW(posix_WCOREDUMP), nullptr},
    {"WIFCONTINUED", FASTCALL_KW(posix_WIFCONTINUED), nullptr},
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
const IntConst kConstants[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
    {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY}, {"O_CLOEXEC", O_CLOEXEC},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
    {"O_ASYNC", O_ASYNC}, {"O_RSYNC", O_RSYNC}, {"O_FSYNC", O_FSYNC},
    {"O_LARGEFILE", O_LARGEFILE},
#ifdef O_NOATIME
    {"O_NOATIME", O_NOATIME},
#endif
#ifdef O_PATH
    {"O_PATH", O_PATH},
#endif
#ifdef O_TMPFILE
    {"O_TMPFILE", O_TMPFILE},
#endif
#ifdef O_DIRECT
    {"O_DIRECT", O_DIRECT},
#endif
    {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
#ifdef SEEK_DATA
    {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
#endif
    {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
    {"EX_OK", 0}, {"TMP_MAX", TMP_MAX}, {"NGROUPS_MAX", NGROUPS_MAX},
};

// posixmodule_exec (the parts cppy has).
int posix_exec(Object* m) {
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
  if (structseq_init_type(&terminal_size_type, &terminal_size_desc) < 0) return -1;
  if (module_add_object_ref(m, "stat_result", &stat_result_type) < 0) return -1;
  if (module_add_object_ref(m, "terminal_size", &terminal_size_type) < 0) return -1;
  if (module_add_object_ref(m, "error", exc_OSError) < 0) return -1;
  if (add_process_functions(m) < 0) return -1;
  // _have_functions: the HAVE_* features os.supports_* are computed from.
  Ref<> have = Ref<>::steal(list_new(0));
  if (!have) return -1;
  for (const char* f : {"HAVE_FCHMOD", "HAVE_FUTIMENS", "HAVE_LSTAT"}) {
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
