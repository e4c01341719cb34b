// See stdprinter.h. Objects/fileobject.c: stdprinter_write, stdprinter_fileno, the closed,
// encoding, mode and newlines attributes.
#include "vm/stdprinter.h"

#include <unistd.h>

#include <cstdio>
#include <string_view>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"
#include "sys/sysmodule.h"
#include "vm/pythonrun.h"

namespace cppy::vm {

using namespace objects;

namespace {

struct StdPrinterObject : Object {
  int fd;
};

int fd_of(Object* self) { return static_cast<StdPrinterObject*>(self)->fd; }

void stdprinter_dealloc(Object* o) { gc::object_free(o); }

// stdprinter_write: only str; written as UTF-8 (surrogates backslash-escaped); returns the
// number of characters.
Object* stdprinter_write(Object* self, Object* const* args, ssize nargs) {
  if (nargs != 1) {
    return errors::format(exc_TypeError, "write() takes exactly one argument (%zd given)",
                          nargs);
  }
  Object* s = args[0];
  if (!str_check(s)) {
    return errors::format(exc_TypeError, "write() argument must be str, not %.100s",
                          s->type->name);
  }
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (!p) {
    errors::clear();
    Ref<> b = Ref<>::steal(str_encode(s, "utf-8", "backslashreplace"));
    if (!b) return nullptr;
    write_std_stream(fd_of(self), std::string_view(bytes_as_string(b.get()),
                                                   size_t(bytes_size(b.get()))));
    return long_from_ssize(str_length(s));
  }
  write_std_stream(fd_of(self), std::string_view(p, size_t(n)));
  return long_from_ssize(str_length(s));
}

Object* stdprinter_fileno(Object* self, Object*) { return long_from_long(fd_of(self)); }
Object* stdprinter_flush(Object* self, Object*) {
  std::fflush(fd_of(self) == 2 ? stderr : stdout);
  return return_none();
}
Object* stdprinter_isatty(Object* self, Object*) {
  return bool_from_bool(isatty(fd_of(self)) != 0);
}
Object* stdprinter_repr(Object* self) {
  return str_from_format("<stdprinter(fd=%d) object at %p>", fd_of(self),
                         static_cast<void*>(self));
}

Object* get_closed(Object*, void*) { return new_ref(py_false()); }
Object* get_mode(Object*, void*) { return str_from_cstr("w"); }
Object* get_encoding(Object*, void*) { return str_from_cstr("utf-8"); }
Object* get_none(Object*, void*) { return return_none(); }

MethodDef stdprinter_methods[] = {
    {"fileno", reinterpret_cast<void*>(stdprinter_fileno), kMethNoArgs, nullptr},
    {"flush", reinterpret_cast<void*>(stdprinter_flush), kMethNoArgs, nullptr},
    {"isatty", reinterpret_cast<void*>(stdprinter_isatty), kMethNoArgs, nullptr},
    {"write", reinterpret_cast<void*>(stdprinter_write), kMethFastcall, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef stdprinter_getsetlist[] = {
    {"closed", get_closed, nullptr, "True if the file is closed", nullptr},
    {"encoding", get_encoding, nullptr, "Encoding of the file", nullptr},
    {"mode", get_mode, nullptr, "String giving the file mode", nullptr},
    {"newlines", get_none, nullptr, "Line endings translated so far", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject stdprinter_type = [] {
  TypeObject t = static_type("stderrprinter", sizeof(StdPrinterObject));
  t.dealloc = stdprinter_dealloc;
  t.repr = stdprinter_repr;
  t.getattro = object_generic_getattr;
  t.methods = stdprinter_methods;
  t.getset = stdprinter_getsetlist;
  return t;
}();

Object* stdprinter_new(int fd) {
  if (fd != 1 && fd != 2) {
    errors::bad_internal_call();
    return nullptr;
  }
  if (!(stdprinter_type.flags & kTpflagsReady) && type_ready(&stdprinter_type) < 0)
    return nullptr;
  auto* o = static_cast<StdPrinterObject*>(gc::object_malloc(sizeof(StdPrinterObject)));
  if (!o) return errors::no_memory();
  o->refcnt = 1;
  o->type = &stdprinter_type;
  o->fd = fd;
  return o;
}

int stdprinter_fd(Object* o) { return o->type == &stdprinter_type ? fd_of(o) : -1; }

int install_preliminary_std_streams() {
  struct {
    const char* name;
    const char* dunder;
    int fd;
  } streams[] = {{"stdout", "__stdout__", 1}, {"stderr", "__stderr__", 2}};
  for (auto& s : streams) {
    Object* cur = sys::get_object(s.name);
    if (cur && cur != none()) continue;
    Ref<> p = Ref<>::steal(stdprinter_new(s.fd));
    if (!p || sys::set_object(s.name, p.get()) < 0 || sys::set_object(s.dunder, p.get()) < 0)
      return -1;
  }
  return 0;
}

}  // namespace cppy::vm
