// _io.FileIO: Modules/_io/fileio.c (raw unbuffered file-descriptor I/O).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "gc/gc.h"
#include "modules/_io/_iomodule.h"
#include "modules/posix/posixmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"

namespace cppy::modules::_io {

using namespace objects;

// The parts of FileIO the buffered classes use directly (fileio.c's functions behind
// _PyFileIO_*): declared in bufferedio.cpp as well.
struct FileIOObject : IOBaseObject {
  int fd;
  bool created;
  bool readable;
  bool writable;
  bool appending;
  signed char seekable;  // -1 unknown
  bool closefd;
  bool finalizing;
  ssize blksize;
  ssize estimated_size;  // st_size at open, -1 unknown
};

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

inline FileIOObject* fio(Object* o) { return static_cast<FileIOObject*>(o); }

std::nullptr_t err_closed() {
  return errors::format(exc_ValueError, "I/O operation on closed file");
}
std::nullptr_t err_mode(const char* action) {
  return unsupported(std::string("File not open for ").append(action).c_str());
}

std::nullptr_t errno_error(Object* filename = nullptr) {
  int e = errno;
  Ref<> num = Ref<>::steal(long_from_long(e));
  Ref<> msg = Ref<>::steal(str_from_cstr(std::strerror(e)));
  Ref<> args = filename ? Ref<>::steal(tuple_pack(3, num.get(), msg.get(), filename))
                        : Ref<>::steal(tuple_pack(2, num.get(), msg.get()));
  if (args) errors::set_object(exc_OSError, args.get());
  return nullptr;
}

const char* mode_string(FileIOObject* self) {
  if (self->created) return self->readable ? "xb+" : "xb";
  if (self->appending) return self->readable ? "ab+" : "ab";
  if (self->readable) return self->writable ? "rb+" : "rb";
  return "wb";
}

Object* fileio_new(TypeObject* type, Object*, Object*) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  FileIOObject* f = fio(self);
  f->fd = -1;
  f->seekable = -1;
  f->closefd = true;
  f->blksize = 0;
  f->estimated_size = -1;
  return self;
}

// internal_close.
int internal_close(FileIOObject* self) {
  int fd = self->fd;
  int err = 0;
  self->fd = -1;
  if (fd >= 0 && ::close(fd) < 0) err = errno;
  if (err) {
    errno = err;
    errno_error();
    return -1;
  }
  return 0;
}

// _io_FileIO___init___impl.
int fileio_init(Object* self_obj, Object* args, Object* kwargs) {
  static const char* const kw[] = {"file", "mode", "closefd", "opener", nullptr};
  ArgParser p{"FileIO", kw, 1, 4, 0};
  Object* a[4] = {};
  if (unpack_keywords_tuple(p, args, kwargs, a) < 0) return -1;
  FileIOObject* self = fio(self_obj);
  Object* nameobj = a[0];
  const char* mode = "r";
  if (a[1]) {
    if (!str_check(a[1])) {
      bad_argument("FileIO", "'mode'", "str", a[1]);
      return -1;
    }
    if (!detail::str_arg_to_cstr(a[1], &mode)) return -1;
  }
  bool closefd = true;
  if (a[2]) {
    int r = object_is_true(a[2]);
    if (r < 0) return -1;
    closefd = r != 0;
  }
  Object* opener = a[3] ? a[3] : none();

  if (self->fd >= 0) {
    if (self->closefd) {
      if (internal_close(self) < 0) return -1;
    } else {
      self->fd = -1;
    }
  }

  int fd = -1;
  if (long_check(nameobj)) {
    if (type_check(nameobj, &bool_type)) {
      if (errors::warn_ex(exc_RuntimeWarning, "bool is used as a file descriptor", 1) < 0)
        return -1;
    }
    long v = long_as_long(nameobj);
    if (v == -1 && errors::occurred()) return -1;
    if (v < 0) {
      errors::set_string(exc_ValueError, "negative file descriptor");
      return -1;
    }
    if (v > INT_MAX) {
      errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
      return -1;
    }
    fd = static_cast<int>(v);
  }
  std::string path;
  if (fd < 0) {
    Ref<> fs = Ref<>::steal(posix::fspath(nameobj));
    if (!fs) return -1;
    if (bytes_check(fs.get())) {
      path.assign(bytes_as_string(fs.get()), static_cast<size_t>(bytes_size(fs.get())));
    } else {
      // PyUnicode_FSConverter: UTF-8 with surrogateescape.
      Ref<> b = Ref<>::steal(str_encode(fs.get(), "utf-8", "surrogateescape"));
      if (!b) return -1;
      path.assign(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
    }
    if (path.find('\0') != std::string::npos) {
      errors::set_string(exc_ValueError, "embedded null byte");
      return -1;
    }
  }

  bool rwa = false, plus = false;
  int flags = 0;
  self->created = self->readable = self->writable = self->appending = false;
  for (const char* s = mode; *s; ++s) {
    switch (*s) {
      case 'x':
        if (rwa) goto bad_mode;
        rwa = true;
        self->created = self->writable = true;
        flags |= O_EXCL | O_CREAT;
        break;
      case 'r':
        if (rwa) goto bad_mode;
        rwa = true;
        self->readable = true;
        break;
      case 'w':
        if (rwa) goto bad_mode;
        rwa = true;
        self->writable = true;
        flags |= O_CREAT | O_TRUNC;
        break;
      case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        self->writable = self->appending = true;
        flags |= O_APPEND | O_CREAT;
        break;
      case 'b': break;
      case '+':
        if (plus) goto bad_mode;
        self->readable = self->writable = true;
        plus = true;
        break;
      default:
        errors::format(exc_ValueError, "invalid mode: %.200s", mode);
        return -1;
    }
  }
  if (!rwa) goto bad_mode;
  if (self->readable && self->writable)
    flags |= O_RDWR;
  else if (self->readable)
    flags |= O_RDONLY;
  else
    flags |= O_WRONLY;
  flags |= O_CLOEXEC;

  if (fd >= 0) {
    self->fd = fd;
    self->closefd = closefd;
  } else {
    self->closefd = true;
    if (!closefd) {
      errors::set_string(exc_ValueError, "Cannot use closefd=False with file name");
      return -1;
    }
    if (opener == none()) {
      do {
        self->fd = ::open(path.c_str(), flags, 0666);
      } while (self->fd < 0 && errno == EINTR);
      if (self->fd < 0) {
        errno_error(nameobj);
        return -1;
      }
    } else {
      Ref<> fl = Ref<>::steal(long_from_long(flags));
      Ref<> fdobj = Ref<>::steal(object_call_function_obj_args(opener, nameobj, fl.get(), nullptr));
      if (!fdobj) return -1;
      if (!long_check(fdobj.get())) {
        errors::set_string(exc_TypeError, "expected integer from opener");
        return -1;
      }
      long v = long_as_long(fdobj.get());
      if (v == -1 && errors::occurred()) return -1;
      if (v < 0) {
        errors::format(exc_ValueError, "opener returned %d", static_cast<int>(v));
        return -1;
      }
      self->fd = static_cast<int>(v);
    }
  }
  {
    self->blksize = kDefaultBufferSize;
    struct stat st;
    if (::fstat(self->fd, &st) < 0) {
      // Tolerate EBADF on an fd given by the caller, as CPython does not: report it.
      if (errno == EBADF) {
        errno_error();
        goto error;
      }
    } else {
      if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        errno_error(nameobj);
        goto error;
      }
      if (st.st_blksize > 1) self->blksize = static_cast<ssize>(st.st_blksize);
      self->estimated_size = static_cast<ssize>(st.st_size);
    }
  }
  if (object_setattr_string(self_obj, "name", nameobj) < 0) goto error;
  if (self->appending) {
    // For consistent behaviour, explicitly seek to the end of file.
    if (::lseek(self->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
      errno_error();
      goto error;
    }
  }
  return 0;

bad_mode:
  errors::set_string(exc_ValueError,
                     "Must have exactly one of create/read/write/append mode and at most one plus");
  return -1;
error:
  if (!self->closefd) {
    self->fd = -1;
  } else {
    Object* exc = errors::get_raised_exception();
    internal_close(self);
    errors::clear();
    errors::set_raised_exception(exc);
  }
  return -1;
}

Object* fileio_fileno(Object* self, Object*) {
  if (fio(self)->fd < 0) return err_closed();
  return long_from_long(fio(self)->fd);
}
Object* fileio_readable(Object* self, Object*) {
  if (fio(self)->fd < 0) return err_closed();
  return new_ref(fio(self)->readable ? true_object() : false_object());
}
Object* fileio_writable(Object* self, Object*) {
  if (fio(self)->fd < 0) return err_closed();
  return new_ref(fio(self)->writable ? true_object() : false_object());
}
Object* fileio_seekable(Object* self, Object*) {
  FileIOObject* f = fio(self);
  if (f->fd < 0) return err_closed();
  if (f->seekable < 0) {
    off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
    f->seekable = pos < 0 ? 0 : 1;
  }
  return new_ref(f->seekable ? true_object() : false_object());
}

}  // namespace

// The raw operations, for BufferedReader/Writer's fast path over a FileIO (-1 with errno set
// and -2 for "would block" are returned as CPython's _bufferedreader_raw_read distinguishes).
ssize fileio_raw_read(Object* self, char* buf, ssize n) {
  ssize r;
  for (;;) {
    r = ::read(fio(self)->fd, buf, static_cast<size_t>(n));
    if (r >= 0 || errno != EINTR) break;
    // _Py_read: a signal's handler runs (KeyboardInterrupt ends the read), then it retries.
    if (modules::_signal::check_signals() < 0) return -1;
  }
  if (r < 0) {
    if (errno == EAGAIN) return -2;
    errno_error();
    return -1;
  }
  return r;
}
ssize fileio_raw_write(Object* self, const char* buf, ssize n) {
  ssize r;
  for (;;) {
    r = ::write(fio(self)->fd, buf, static_cast<size_t>(n));
    if (r >= 0 || errno != EINTR) break;
    // _Py_write: as _Py_read.
    if (modules::_signal::check_signals() < 0) return -1;
  }
  if (r < 0) {
    if (errno == EAGAIN) return -2;
    errno_error();
    return -1;
  }
  return r;
}

namespace {

Object* fileio_readinto(Object* self, Object* buffer) {
  FileIOObject* f = fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->readable) return err_mode("reading");
  char* data;
  ssize n;
  if (!detail::get_write_buffer(buffer, &data, &n, "readinto", "argument 1")) return nullptr;
  ssize r = fileio_raw_read(self, data, n);
  if (r == -2) return return_none();
  if (r < 0) return nullptr;
  return long_from_ssize(r);
}

// _io_FileIO_readall_impl.
Object* fileio_readall(Object* self, Object*) {
  FileIOObject* f = fio(self);
  if (f->fd < 0) return err_closed();
  std::string out;
  ssize bufsize = f->estimated_size > 0 ? f->estimated_size + 1 : 8192;
  if (f->estimated_size > 0) {
    off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && pos < f->estimated_size) bufsize = f->estimated_size - pos + 1;
  }
  for (;;) {
    size_t old = out.size();
    out.resize(old + static_cast<size_t>(bufsize));
    ssize r = fileio_raw_read(self, out.data() + old, bufsize);
    if (r == -2) {
      out.resize(old);
      if (old == 0) {
        errors::clear();
        return return_none();
      }
      break;
    }
    if (r < 0) return nullptr;
    out.resize(old + static_cast<size_t>(r));
    if (r == 0) break;
    if (bufsize < 65536 * 16) bufsize = bufsize + (bufsize >> 3) + 6 < 8192 ? 8192 : bufsize * 2;
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

Object* fileio_read(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize size = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &size)) return nullptr;
  FileIOObject* f = fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->readable) return err_mode("reading");
  if (size < 0) return fileio_readall(self, nullptr);
  std::string buf(static_cast<size_t>(size), '\0');
  ssize r = fileio_raw_read(self, buf.data(), size);
  if (r == -2) {
    errors::clear();
    return return_none();
  }
  if (r < 0) return nullptr;
  return bytes_from_string_and_size(buf.data(), r);
}

Object* fileio_write(Object* self, Object* b) {
  FileIOObject* f = fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->writable) return err_mode("writing");
  const char* data;
  ssize n;
  if (!detail::get_read_buffer(b, &data, &n)) return nullptr;
  ssize r = fileio_raw_write(self, data, n);
  if (r == -2) {
    errors::clear();
    return return_none();
  }
  if (r < 0) return nullptr;
  return long_from_ssize(r);
}

// portable_lseek.
Object* portable_lseek(FileIOObject* self, Object* posobj, int whence, bool suppress_pipe_error) {
  off_t pos = 0;
  if (posobj) {
    if (float_check(posobj)) {
      return errors::format(exc_TypeError, "an integer is required");
    }
    Ref<> i = Ref<>::steal(number_index(posobj));
    if (!i) return nullptr;
    pos = static_cast<off_t>(long_as_long_long(i.get()));
    if (pos == -1 && errors::occurred()) return nullptr;
  }
  off_t res = ::lseek(self->fd, pos, whence);
  if (self->seekable < 0) self->seekable = res >= 0;
  if (res < 0) {
    if (suppress_pipe_error && errno == ESPIPE) {
      res = 0;
    } else {
      return errno_error();
    }
  }
  return long_from_long_long(res);
}

Object* fileio_seek(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  int whence = 0;
  if (nargs > 1) {
    if (float_check(args[1])) {
      return errors::format(exc_TypeError, "'float' object cannot be interpreted as an integer");
    }
    long w = long_as_long(args[1]);
    if (w == -1 && errors::occurred()) return nullptr;
    whence = static_cast<int>(w);
  }
  if (fio(self)->fd < 0) return err_closed();
  return portable_lseek(fio(self), args[0], whence, false);
}

Object* fileio_tell(Object* self, Object*) {
  if (fio(self)->fd < 0) return err_closed();
  return portable_lseek(fio(self), nullptr, SEEK_CUR, false);
}

Object* fileio_truncate(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
  FileIOObject* f = fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->writable) return err_mode("writing");
  Ref<> posobj;
  if (nargs > 0 && args[0] != none()) {
    posobj = Ref<>::borrow(args[0]);
  } else {
    posobj = Ref<>::steal(portable_lseek(f, nullptr, SEEK_CUR, false));
    if (!posobj) return nullptr;
  }
  Ref<> i = Ref<>::steal(number_index(posobj.get()));
  if (!i) return nullptr;
  long long pos = long_as_long_long(i.get());
  if (pos == -1 && errors::occurred()) return nullptr;
  if (::ftruncate(f->fd, static_cast<off_t>(pos)) != 0) return errno_error();
  f->estimated_size = static_cast<ssize>(pos);
  return posobj.release();
}

Object* fileio_isatty(Object* self, Object*) {
  if (fio(self)->fd < 0) return err_closed();
  return new_ref(::isatty(fio(self)->fd) ? true_object() : false_object());
}

Object* fileio_isatty_open_only(Object* self, Object*) { return fileio_isatty(self, nullptr); }

// _io_FileIO_close_impl: _RawIOBase.close (flush + closed flag) then close the fd.
Object* fileio_close(Object* self, Object*) {
  FileIOObject* f = fio(self);
  // The base close: flush() and the __IOBase_closed flag.
  Ref<> name = Ref<>::steal(str_from_cstr("close"));
  Object* base_close = type_lookup(&iobase_type, name.get());
  Ref<> res;
  if (base_close) res = Ref<>::steal(object_call_one_arg(base_close, self));
  Object* exc = res ? nullptr : errors::get_raised_exception();
  if (!f->closefd) {
    f->fd = -1;
  } else {
    if (f->finalizing && f->fd >= 0) {
      // _dealloc_warn: a ResourceWarning for an unclosed file (ignored by default).
    }
    if (internal_close(f) < 0) {
      if (exc) {
        errors::chain_exceptions1(exc);
        exc = nullptr;
      }
      return nullptr;
    }
  }
  if (exc) {
    errors::set_raised_exception(exc);
    return nullptr;
  }
  return return_none();
}

Object* fileio_repr(Object* self) {
  FileIOObject* f = fio(self);
  const char* type_name = self->type->name;
  if (f->fd < 0) return str_from_format("<%s [closed]>", type_name);
  if (object_print_repr_enter(self) > 0) {
    return errors::format(exc_RuntimeError, "reentrant call inside %s.__repr__", type_name);
  }
  Ref<> nm = Ref<>::steal(str_from_cstr("name"));
  Object* nameobj = nullptr;
  int r = object_get_optional_attr(self, nm.get(), &nameobj);
  Object* res = nullptr;
  if (r >= 0) {
    if (!nameobj) {
      res = str_from_format("<%s fd=%d mode='%s' closefd=%s>", type_name, f->fd, mode_string(f),
                            f->closefd ? "True" : "False");
    } else {
      res = str_from_format("<%s name=%R mode='%s' closefd=%s>", type_name, nameobj,
                            mode_string(f), f->closefd ? "True" : "False");
      decref(nameobj);
    }
  }
  object_print_repr_leave(self);
  return res;
}

Object* fileio_closed_get(Object* self, void*) {
  return new_ref(fio(self)->fd < 0 ? true_object() : false_object());
}
Object* fileio_closefd_get(Object* self, void*) {
  return new_ref(fio(self)->closefd ? true_object() : false_object());
}
Object* fileio_mode_get(Object* self, void*) { return str_from_cstr(mode_string(fio(self))); }
Object* fileio_blksize_get(Object* self, void*) { return long_from_ssize(fio(self)->blksize); }
Object* fileio_finalizing_get(Object* self, void*) {
  return new_ref(fio(self)->finalizing ? true_object() : false_object());
}
int fileio_finalizing_set(Object* self, Object* v, void*) {
  if (!v) {
    errors::set_string(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  int r = object_is_true(v);
  if (r < 0) return -1;
  fio(self)->finalizing = r != 0;
  return 0;
}

Object* fileio_getstate(Object* self, Object*) {
  return errors::format(exc_TypeError, "cannot pickle '%.100s' instances", type_short_name(self->type));
}

Object* fileio_dealloc_warn(Object*, Object*) { return return_none(); }

int fileio_traverse(Object* self, visitproc visit, void* arg) {
  if (fio(self)->dict)
    if (int r = visit(fio(self)->dict, arg)) return r;
  return 0;
}
int fileio_clear(Object* self) {
  clear(fio(self)->dict);
  return 0;
}
void fileio_dealloc(Object* self) {
  fio(self)->finalizing = true;
  if (detail::dealloc_prologue(self)) return;
  detail::dealloc_epilogue(self);
}

MethodDef fileio_methods[] = {
    {"read", FASTCALL(fileio_read), nullptr},
    {"readall", NOARGS(fileio_readall), nullptr},
    {"readinto", METH_O(fileio_readinto), nullptr},
    {"write", METH_O(fileio_write), nullptr},
    {"seek", FASTCALL(fileio_seek), nullptr},
    {"tell", NOARGS(fileio_tell), nullptr},
    {"truncate", FASTCALL(fileio_truncate), nullptr},
    {"close", NOARGS(fileio_close), nullptr},
    {"seekable", NOARGS(fileio_seekable), nullptr},
    {"readable", NOARGS(fileio_readable), nullptr},
    {"writable", NOARGS(fileio_writable), nullptr},
    {"fileno", NOARGS(fileio_fileno), nullptr},
    {"isatty", NOARGS(fileio_isatty), nullptr},
    {"_isatty_open_only", NOARGS(fileio_isatty_open_only), nullptr},
    {"_dealloc_warn", METH_O(fileio_dealloc_warn), nullptr},
    {"__getstate__", NOARGS(fileio_getstate), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef fileio_getset[] = {
    {"closed", fileio_closed_get, nullptr, "True if the file is closed", nullptr},
    {"closefd", fileio_closefd_get, nullptr,
     "True if the file descriptor will be closed by close().", nullptr},
    {"mode", fileio_mode_get, nullptr, "String giving the file mode", nullptr},
    {"_blksize", fileio_blksize_get, nullptr, nullptr, nullptr},
    {"_finalizing", fileio_finalizing_get, fileio_finalizing_set, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

bool fileio_is_readable(Object* self) { return fio(self)->readable; }
bool fileio_is_closed(Object* self) { return fio(self)->fd < 0; }

TypeObject fileio_type = [] {
  TypeObject t = static_type("_io.FileIO", sizeof(FileIOObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &rawiobase_type;
  t.dealloc = fileio_dealloc;
  t.repr = fileio_repr;
  t.doc = "FileIO(file, mode='r', closefd=True, opener=None)\n--\n\nOpen a file.\n\nThe mode "
          "can be 'r' (default), 'w', 'x' or 'a' for reading,\nwriting, exclusive creation or "
          "appending.  The file will be created if it\ndoesn't exist when opened for writing or "
          "appending; it will be truncated\nwhen opened for writing.  A FileExistsError will be "
          "raised if it already\nexists when opened for creating. Opening a file for creating "
          "implies\nwriting so this mode behaves in a similar way to 'w'.Add a '+' to the mode\n"
          "to allow simultaneous reading and writing. A custom opener can be used by\npassing a "
          "callable as *opener*. The underlying file descriptor for the file\nobject is then "
          "obtained by calling opener with (*name*, *flags*).\n*opener* must return an open file "
          "descriptor (passing os.open as *opener*\nresults in functionality similar to passing "
          "None).";
  t.traverse = fileio_traverse;
  t.clear = fileio_clear;
  t.methods = fileio_methods;
  t.getset = fileio_getset;
  t.init = fileio_init;
  t.new_ = fileio_new;
  return t;
}();

}  // namespace cppy::modules::_io
