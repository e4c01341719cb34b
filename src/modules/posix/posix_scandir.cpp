// os.scandir and os.DirEntry: the ScandirIterator and DirEntry parts of
// Modules/posixmodule.c (os_scandir_impl, ScandirIterator_iternext, DirEntry_from_posix_info,
// DirEntry_fetch_stat, DirEntry_test_mode).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <new>
#include <string>

#include "errors/errors.h"
#include "modules/posix/posix_internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/genericaliasobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::posix {

using namespace objects;

namespace {

struct DirEntry : Object {
  Object* name;
  Object* path;
  Object* stat;
  Object* lstat;
  unsigned char d_type;
  ino_t d_ino;
  int dir_fd;  // the directory's descriptor for scandir(fd), else AT_FDCWD
};

struct ScandirIterator : Object {
  Path path;  // placement-constructed: its strings live in the object
  Object* path_object;  // the argument (owned), for errors
  DIR* dirp;
  int fd;  // the duplicate scandir(fd) reads, or -1
};

TypeObject direntry_type{};
TypeObject scandir_iterator_type{};

DirEntry* entry(Object* o) { return static_cast<DirEntry*>(o); }
ScandirIterator* iter(Object* o) { return static_cast<ScandirIterator*>(o); }

void direntry_dealloc(Object* o) {
  DirEntry* e = entry(o);
  xdecref(e->name);
  xdecref(e->path);
  xdecref(e->stat);
  xdecref(e->lstat);
  o->type->free(o);
}

// DirEntry_fetch_stat.
Object* direntry_fetch_stat(DirEntry* self, bool follow_symlinks) {
  std::string narrow;
  Object* p = self->path;
  if (bytes_check(p)) {
    narrow.assign(bytes_as_string(p), static_cast<size_t>(bytes_size(p)));
  } else if (!encode_fs(p, &narrow)) {
    return nullptr;
  }
  struct stat st;
  int rc;
  {
    vm::AllowThreads nogil;
    if (self->dir_fd != AT_FDCWD) {
      rc = ::fstatat(self->dir_fd, narrow.c_str(), &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
    } else {
      rc = follow_symlinks ? ::stat(narrow.c_str(), &st) : ::lstat(narrow.c_str(), &st);
    }
  }
  if (rc != 0) return path_error2(self->path, nullptr);
  return stat_from_struct(st);
}

Object* direntry_get_lstat(DirEntry* self) {
  if (!self->lstat) {
    self->lstat = direntry_fetch_stat(self, false);
    if (!self->lstat) return nullptr;
  }
  return new_ref(self->lstat);
}

int direntry_is_symlink_impl(DirEntry* self);

// DirEntry_get_stat.
Object* direntry_get_stat(DirEntry* self, bool follow_symlinks) {
  if (!follow_symlinks) return direntry_get_lstat(self);
  if (!self->stat) {
    int r = direntry_is_symlink_impl(self);
    if (r < 0) return nullptr;
    self->stat = r ? direntry_fetch_stat(self, true) : direntry_get_lstat(self);
    if (!self->stat) return nullptr;
  }
  return new_ref(self->stat);
}

// DirEntry_test_mode: 1, 0 or -1.
int direntry_test_mode(DirEntry* self, bool follow_symlinks, mode_t mode_bits) {
  int is_symlink = direntry_is_symlink_impl(self);
  if (is_symlink < 0) return -1;
  bool need_stat = self->d_type == DT_UNKNOWN || (follow_symlinks && is_symlink);
  if (need_stat) {
    Ref<> st = Ref<>::steal(direntry_get_stat(self, follow_symlinks));
    if (!st) {
      if (errors::exception_matches(exc_FileNotFoundError)) {
        // A file that is gone is neither a file nor a directory.
        errors::clear();
        return 0;
      }
      return -1;
    }
    Ref<> mode = Ref<>::steal(object_getattr_string(st.get(), "st_mode"));
    if (!mode) return -1;
    long m = long_as_long(mode.get());
    if (m == -1 && errors::occurred()) return -1;
    return (static_cast<mode_t>(m) & S_IFMT) == mode_bits;
  }
  if (is_symlink) return 0;
  if (mode_bits == S_IFDIR) return self->d_type == DT_DIR;
  return self->d_type == DT_REG;
}

int direntry_is_symlink_impl(DirEntry* self) {
  if (self->d_type != DT_UNKNOWN) return self->d_type == DT_LNK;
  return direntry_test_mode(self, false, S_IFLNK);
}

// The (*, follow_symlinks=True) methods.
bool follow_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                bool* follow) {
  Args a{fname, {}};
  if (!a.parse(args, nargs, kwnames, {"follow_symlinks"}, 0, 0)) return false;
  return bool_arg(a[0], follow);
}

Object* direntry_is_dir(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool follow = true;
  if (!follow_arg("is_dir", args, nargs, kwnames, &follow)) return nullptr;
  int r = direntry_test_mode(entry(self), follow, S_IFDIR);
  return r < 0 ? nullptr : bool_from_long(r);
}
Object* direntry_is_file(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool follow = true;
  if (!follow_arg("is_file", args, nargs, kwnames, &follow)) return nullptr;
  int r = direntry_test_mode(entry(self), follow, S_IFREG);
  return r < 0 ? nullptr : bool_from_long(r);
}
Object* direntry_is_symlink(Object* self, Object*) {
  int r = direntry_is_symlink_impl(entry(self));
  return r < 0 ? nullptr : bool_from_long(r);
}
Object* direntry_is_junction(Object*, Object*) { return bool_from_long(0); }
Object* direntry_stat(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool follow = true;
  if (!follow_arg("stat", args, nargs, kwnames, &follow)) return nullptr;
  return direntry_get_stat(entry(self), follow);
}
Object* direntry_inode(Object* self, Object*) {
  return long_from_unsigned_long_long(entry(self)->d_ino);
}
Object* direntry_fspath(Object* self, Object*) { return new_ref(entry(self)->path); }
Object* direntry_repr(Object* self) {
  return str_from_format("<DirEntry %R>", entry(self)->name);
}

MethodDef direntry_methods[] = {
    {"is_dir", POSIX_FASTCALL_KW(direntry_is_dir),
     "is_dir($self, /, *, follow_symlinks=True)\n--\n\nReturn True if the entry is a directory; "
     "cached per entry."},
    {"is_file", POSIX_FASTCALL_KW(direntry_is_file),
     "is_file($self, /, *, follow_symlinks=True)\n--\n\nReturn True if the entry is a file; "
     "cached per entry."},
    {"is_symlink", POSIX_NOARGS(direntry_is_symlink),
     "is_symlink($self, /)\n--\n\nReturn True if the entry is a symbolic link; cached per "
     "entry."},
    {"is_junction", POSIX_NOARGS(direntry_is_junction),
     "is_junction($self, /)\n--\n\nReturn True if the entry is a junction; cached per entry."},
    {"stat", POSIX_FASTCALL_KW(direntry_stat),
     "stat($self, /, *, follow_symlinks=True)\n--\n\nReturn stat_result object for the entry; "
     "cached per entry."},
    {"inode", POSIX_NOARGS(direntry_inode),
     "inode($self, /)\n--\n\nReturn inode of the entry; cached per entry."},
    {"__fspath__", POSIX_NOARGS(direntry_fspath),
     "__fspath__($self, /)\n--\n\nReturns the path for the entry."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef direntry_members[] = {
    {"name", kMemberObject, static_cast<ssize>(offsetof(DirEntry, name)), kMemberReadonly,
     "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", kMemberObject, static_cast<ssize>(offsetof(DirEntry, path)), kMemberReadonly,
     "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {nullptr, 0, 0, 0, nullptr}};

// DirEntry_from_posix_info.
Object* direntry_from_posix_info(ScandirIterator* it, const char* name, size_t name_len,
                                 ino_t d_ino, unsigned char d_type) {
  DirEntry* e = static_cast<DirEntry*>(type_generic_alloc(&direntry_type, 0));
  if (!e) return nullptr;
  e->name = e->path = e->stat = e->lstat = nullptr;
  e->d_type = d_type;
  e->d_ino = d_ino;
  // The caller's descriptor, not the iterator's duplicate: entries outlive the iterator.
  e->dir_fd = it->path.fd >= 0 ? it->path.fd : AT_FDCWD;
  Ref<> owner = Ref<>::steal(e);
  const Path& p = it->path;
  e->name = path_result(p, name, name_len);
  if (!e->name) return nullptr;
  if (it->fd >= 0) {
    e->path = new_ref(e->name);
  } else {
    // join_path_filename: "." for an absent path, a '/' unless the path ends with one.
    std::string joined = p.null ? std::string(".") : p.narrow;
    if (!joined.empty() && joined.back() != '/') joined.push_back('/');
    joined.append(name, name_len);
    e->path = path_result(p, joined.data(), joined.size());
    if (!e->path) return nullptr;
  }
  return owner.release();
}

void scandir_closedir(ScandirIterator* it) {
  DIR* d = it->dirp;
  if (!d) return;
  it->dirp = nullptr;
  vm::AllowThreads nogil;
  if (it->fd >= 0) ::rewinddir(d);
  ::closedir(d);
}

Object* scandir_iternext(Object* self) {
  ScandirIterator* it = iter(self);
  if (!it->dirp) return nullptr;
  for (;;) {
    errno = 0;
    struct dirent* ep;
    {
      vm::AllowThreads nogil;
      ep = ::readdir(it->dirp);
    }
    if (!ep) {
      if (errno != 0) {
        int e = errno;
        scandir_closedir(it);
        return errno_error(e, it->fd >= 0 ? nullptr : it->path_object);
      }
      break;
    }
    const char* n = ep->d_name;
    size_t len = std::strlen(n);
    if (n[0] == '.' && (len == 1 || (len == 2 && n[1] == '.'))) continue;
    return direntry_from_posix_info(it, n, len, ep->d_ino, ep->d_type);
  }
  scandir_closedir(it);
  return nullptr;
}

Object* scandir_close(Object* self, Object*) {
  scandir_closedir(iter(self));
  return return_none_ref();
}
Object* scandir_enter(Object* self, Object*) { return new_ref(self); }
Object* scandir_exit(Object* self, Object* const*, ssize) {
  scandir_closedir(iter(self));
  return return_none_ref();
}

// ScandirIterator_finalize: an iterator dropped while open warns.
void scandir_finalize(Object* self) {
  ScandirIterator* it = iter(self);
  Object* exc = errors::get_raised_exception();
  if (it->dirp) {
    scandir_closedir(it);
    if (errors::resource_warning(self, 1, "unclosed scandir iterator %R", self) < 0) {
      if (errors::exception_matches(exc_Warning)) errors::write_unraisable(self);
      errors::clear();
    }
  }
  errors::set_raised_exception(exc);
}

void scandir_dealloc(Object* self) {
  if (object_call_finalizer_from_dealloc(self) < 0) return;
  ScandirIterator* it = iter(self);
  scandir_closedir(it);
  xdecref(it->path_object);
  it->path.~Path();
  self->type->free(self);
}

MethodDef scandir_iterator_methods[] = {
    {"__enter__", POSIX_NOARGS(scandir_enter), nullptr},
    {"__exit__", POSIX_FASTCALL(scandir_exit), nullptr},
    {"close", POSIX_NOARGS(scandir_close), nullptr},
    {nullptr, nullptr, 0, nullptr}};

// os_scandir_impl: scandir(path=None).
Object* posix_scandir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Args a{"scandir", {}};
  if (!a.parse(args, nargs, kwnames, {"path"}, 0, 1)) return nullptr;
  Path p;
  if (!convert_path("scandir", "path", a[0], &p, true, true)) return nullptr;
  int fd = -1;
  DIR* dirp;
  if (p.fd >= 0) {
    fd = ::fcntl(p.fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return posix_error();
    {
      vm::AllowThreads nogil;
      dirp = ::fdopendir(fd);
    }
    if (!dirp) {
      int e = errno;
      ::close(fd);
      return errno_error(e);
    }
  } else {
    vm::AllowThreads nogil;
    dirp = ::opendir(p.c_str());
  }
  if (!dirp) return path_error(p);
  ScandirIterator* it =
      static_cast<ScandirIterator*>(type_generic_alloc(&scandir_iterator_type, 0));
  if (!it) {
    ::closedir(dirp);
    return nullptr;
  }
  new (&it->path) Path(p);
  it->path.object = nullptr;
  it->path_object = xnew_ref(a[0] ? a[0] : none());
  it->dirp = dirp;
  it->fd = fd;
  return it;
}

}  // namespace

MethodDef scandir_methods[] = {
    {"scandir", POSIX_FASTCALL_KW(posix_scandir),
     "scandir($module, /, path=None)\n--\n\nReturn an iterator of DirEntry objects for given "
     "path.\n\npath can be specified as either str, bytes, or a path-like object.  If path\nis "
     "bytes, the names of yielded DirEntry objects will also be bytes; in\nall other "
     "circumstances they will be str.\n\nIf path is None, uses the path='.'."},
    {nullptr, nullptr, 0, nullptr}};

int scandir_exec(Object* m) {
  if (!direntry_type.name) {
    direntry_type = static_type("posix.DirEntry", sizeof(DirEntry), 0,
                                kTpflagsDisallowInstantiation);
    direntry_type.dealloc = direntry_dealloc;
    direntry_type.repr = direntry_repr;
    direntry_type.methods = direntry_methods;
    direntry_type.members = direntry_members;
    direntry_type.alloc = type_generic_alloc;
    direntry_type.free = object_generic_free;
    scandir_iterator_type = static_type("posix.ScandirIterator", sizeof(ScandirIterator), 0,
                                        kTpflagsDisallowInstantiation);
    scandir_iterator_type.dealloc = scandir_dealloc;
    scandir_iterator_type.iter = object_self_iter;
    scandir_iterator_type.iternext = scandir_iternext;
    scandir_iterator_type.methods = scandir_iterator_methods;
    scandir_iterator_type.finalize = scandir_finalize;
    scandir_iterator_type.alloc = type_generic_alloc;
    scandir_iterator_type.free = object_generic_free;
  }
  if (type_ready(&direntry_type) < 0 || type_ready(&scandir_iterator_type) < 0) return -1;
  return module_add_object_ref(m, "DirEntry", &direntry_type);
}

}  // namespace cppy::modules::posix
