// Objects/fileobject.c: the helpers on file-like objects.
#include "objects/fileobject.h"

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/text_api.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {
Object* interned(const char* s) { return str_intern_from_cstr(s); }
}  // namespace

int object_as_file_descriptor(Object* o) {
  int fd;
  if (long_check(o)) {
    if (bool_check(o) &&
        errors::warn_ex(exc_RuntimeWarning, "bool is used as a file descriptor", 1) < 0)
      return -1;
    fd = long_as_int(o);
  } else {
    Object* meth_raw = nullptr;
    if (object_get_optional_attr(o, interned("fileno"), &meth_raw) < 0) return -1;
    Ref<> meth = Ref<>::steal(meth_raw);
    if (!meth) {
      errors::set_string(exc_TypeError, "argument must be an int, or have a fileno() method.");
      return -1;
    }
    Ref<> fno = Ref<>::steal(object_call_no_args(meth.get()));
    if (!fno) return -1;
    if (!long_check(fno.get())) {
      errors::set_string(exc_TypeError, "fileno() returned a non-integer");
      return -1;
    }
    fd = long_as_int(fno.get());
  }
  if (fd == -1 && errors::occurred()) return -1;
  if (fd < 0) {
    errors::format(exc_ValueError, "file descriptor cannot be a negative integer (%i)", fd);
    return -1;
  }
  return fd;
}

int file_write_object(Object* v, Object* f, int flags) {
  if (!f) {
    errors::set_string(exc_TypeError, "writeobject with NULL file");
    return -1;
  }
  Ref<> writer = Ref<>::steal(object_getattr(f, interned("write")));
  if (!writer) return -1;
  Ref<> value = Ref<>::steal((flags & kPrintRaw) ? object_str(v) : object_repr(v));
  if (!value) return -1;
  Ref<> result = Ref<>::steal(object_call_one_arg(writer.get(), value.get()));
  return result ? 0 : -1;
}

int file_write_string(const char* s, Object* f) {
  if (!f) {
    if (!errors::occurred()) errors::set_string(exc_SystemError, "null file for PyFile_WriteString");
    return -1;
  }
  if (errors::occurred()) return -1;
  Ref<> v = Ref<>::steal(str_from_cstr(s));
  if (!v) return -1;
  return file_write_object(v.get(), f, kPrintRaw);
}

Object* file_get_line(Object* f, int n) {
  if (!f) {
    errors::bad_internal_call();
    return nullptr;
  }
  Ref<> result;
  if (n <= 0) {
    result = Ref<>::steal(call_method_no_args(f, interned("readline")));
  } else {
    Ref<> arg = Ref<>::steal(long_from_long(n));
    if (!arg) return nullptr;
    result = Ref<>::steal(call_method_one_arg(f, interned("readline"), arg.get()));
  }
  if (!result) return nullptr;
  if (!bytes_check(result.get()) && !str_check(result.get())) {
    errors::set_string(exc_TypeError, "object.readline() returned non-string");
    return nullptr;
  }
  if (n < 0 && bytes_check(result.get())) {
    ssize len = bytes_size(result.get());
    if (len == 0) {
      errors::set_string(exc_EOFError, "EOF when reading a line");
      return nullptr;
    }
    if (bytes_as_string(result.get())[len - 1] == '\n')
      return bytes_from_string_and_size(bytes_as_string(result.get()), len - 1);
  }
  if (n < 0 && str_check(result.get())) {
    ssize len = str_length(result.get());
    if (len == 0) {
      errors::set_string(exc_EOFError, "EOF when reading a line");
      return nullptr;
    }
    if (str_read_char(result.get(), len - 1) == '\n') return str_substring(result.get(), 0, len - 1);
  }
  return result.release();
}

}  // namespace cppy::objects
