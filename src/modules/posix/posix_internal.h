// Shared pieces of the posix module's sources (Modules/posixmodule.c is split in
// posixmodule.cpp: paths, stat, files and directories; posix_scandir.cpp: scandir and
// DirEntry; posix_proc.cpp: processes, the system's names and limits).
#pragma once

#include <sys/stat.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::modules::posix {

using objects::Object;
using objects::ssize;

#define POSIX_NOARGS(f) reinterpret_cast<void*>(f), objects::kMethNoArgs
#define POSIX_METH_O(f) reinterpret_cast<void*>(f), objects::kMethO
#define POSIX_FASTCALL(f) reinterpret_cast<void*>(f), objects::kMethFastcall
#define POSIX_FASTCALL_KW(f) \
  reinterpret_cast<void*>(f), objects::kMethFastcall | objects::kMethKeywords

// The arguments of a FASTCALL_KW function by parameter name: the first `required` are
// required, those past max_positional keyword-only; parsed by objects::unpack_keywords_impl
// (_PyArg_UnpackKeywords) with CPython's messages. Absent optional arguments are null.
struct Args {
  const char* func;
  std::vector<Object*> values;
  bool parse(Object* const* args, ssize nargs, Object* kwnames,
             std::initializer_list<const char*> names, ssize required, ssize max_positional);
  Object* operator[](size_t i) const { return values[i]; }
};

// Argument Clinic's int converter (PyLong_AsInt: "Python int too large to convert to C int").
bool as_int(Object* o, int* out);
// The Py_ssize_t converter.
bool as_ssize(Object* o, ssize* out);
// _fd_converter: an int file descriptor ("fd is greater than maximum").
bool fd_converter(Object* o, int* fd);
// _PyLong_FileDescriptor_Converter (PyObject_AsFileDescriptor): an int or an object with
// fileno().
bool fildes_converter(Object* o, int* fd);
// dir_fd_converter: None is AT_FDCWD.
bool dir_fd_converter(Object* o, int* fd);
// A bool keyword (the 'p' converter); an absent argument keeps *out.
bool bool_arg(Object* o, bool* out);

// The PEP 475 loop condition of a call that failed with EINTR: the signal handlers run
// (_signal::check_signals), and the call is retried unless one raised (*async_err).
bool eintr_retry(bool failed, bool* async_err);

// PyUnicode_EncodeFSDefault / PyUnicode_DecodeFSDefaultAndSize: UTF-8 with surrogateescape.
bool encode_fs(Object* s, std::string* out);
Object* decode_fs(const char* s, size_t n);

// path_t: a converted path argument.
struct Path {
  std::string narrow;
  Object* object = nullptr;  // the argument as given (borrowed)
  bool is_bytes = false;
  int fd = -1;
  bool null = false;
  const char* c_str() const { return narrow.c_str(); }
};

// path_converter: str, bytes, os.PathLike, or (when allow_fd) an int file descriptor; with
// nullable, None (and an absent argument) give p->null.
bool convert_path(const char* func, const char* argname, Object* o, Path* p, bool allow_fd,
                  bool nullable = false);

// path_error (PyErr_SetFromErrnoWithFilenameObjects): OSError or its errno subclass; the
// filenames may be null. Always nullptr.
Object* path_error2(Object* filename, Object* filename2);
Object* path_error(const Path& p);
Object* posix_error();
// The same with an explicit errno value.
Object* errno_error(int e, Object* filename = nullptr);

// A name built from the directory of p: bytes when p was bytes, else str.
Object* path_result(const Path& p, const char* s, size_t n);

// The checks shared by the *at functions (posixmodule.c's helpers of the same names); each
// returns true (with ValueError / NotImplementedError set) when the combination is refused.
bool path_and_dir_fd_invalid(const char* func, int fd, int dir_fd);
bool dir_fd_and_fd_invalid(const char* func, int dir_fd, int fd);
bool fd_and_follow_symlinks_invalid(const char* func, bool is_fd, bool follow_symlinks);

// _pystat_fromstructstat.
Object* stat_from_struct(const struct stat& st);

Object* return_none_ref();

// The functions and the exec parts of the other sources.
extern objects::MethodDef scandir_methods[];
int scandir_exec(Object* m);

}  // namespace cppy::modules::posix
