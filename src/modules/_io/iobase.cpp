// _io._IOBase and _io._RawIOBase: Modules/_io/iobase.c.
#include <cstdarg>
#include <cstring>
#include <string>

#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "objects/buffer.h"
#include "gc/gc.h"
#include "modules/_io/_iomodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"

// The dict and weakref offsets of the IOBaseObject prefix.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::modules::_io {

using namespace objects;

namespace detail {

Object* call_method(Object* obj, const char* name, ...) {
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  Object* args[8];
  int k = 0;
  va_list va;
  va_start(va, name);
  for (Object* a = va_arg(va, Object*); a && k < 8; a = va_arg(va, Object*)) args[k++] = a;
  va_end(va);
  Object* stack[9];
  stack[0] = obj;
  for (int i = 0; i < k; ++i) stack[i + 1] = args[i];
  return vectorcall_method(n.get(), stack, static_cast<size_t>(k + 1), nullptr);
}

int check_closed(Object* obj) {
  Ref<> closed = Ref<>::steal(object_getattr_string(obj, "closed"));
  if (!closed) return -1;
  int r = object_is_true(closed.get());
  if (r < 0) return -1;
  if (r) {
    errors::set_string(exc_ValueError, "I/O operation on closed file.");
    return -1;
  }
  return 0;
}

static Object* check_capability(Object* obj, const char* method, const char* message) {
  Ref<> res = Ref<>::steal(call_method(obj, method, nullptr));
  if (!res) return nullptr;
  if (res.get() != true_object()) return unsupported(message);
  return res.release();
}
Object* check_readable(Object* obj) {
  return check_capability(obj, "readable", "File or stream is not readable.");
}
Object* check_writable(Object* obj) {
  return check_capability(obj, "writable", "File or stream is not writable.");
}
Object* check_seekable(Object* obj) {
  return check_capability(obj, "seekable", "File or stream is not seekable.");
}

// The exporter's memory through the buffer protocol (bytes, bytearray, memoryview, array...).
// The view is released at once: the caller holds a reference to o and uses the memory before
// returning to Python code, so the exporter cannot be resized in between (CPython keeps the
// Py_buffer for the duration of the call).
bool get_read_buffer(Object* o, const char** data, ssize* n) {
  if (bytes_check(o)) {
    *data = bytes_as_string(o);
    *n = bytes_size(o);
    return true;
  }
  Buffer view;
  if (object_get_buffer(o, &view, kBufSimple) < 0) return false;
  *data = static_cast<const char*>(view.buf);
  *n = view.len;
  buffer_release(&view);
  return true;
}

bool get_write_buffer(Object* o, char** data, ssize* n, const char* fname, const char* argname) {
  Buffer view;
  if (object_get_buffer(o, &view, kBufWritable) < 0) {
    errors::clear();  // _PyArg_BadArgument replaces whatever the getbuffer raised
    errors::format(exc_TypeError, "%.200s() %.200s must be read-write bytes-like object, not %.50s",
                   fname, argname, o == none() ? "None" : o->type->name);
    return false;
  }
  *data = static_cast<char*>(view.buf);
  *n = view.len;
  buffer_release(&view);
  return true;
}

bool convert_ssize(Object* o, ssize* out) {
  if (!o || o == none()) {
    *out = -1;
    return true;
  }
  if (!index_check(o)) {
    errors::format(exc_TypeError, "argument should be integer or None, not '%.200s'",
                   o->type->name);
    return false;
  }
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  ssize v = number_as_ssize(i.get(), exc_OverflowError);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

bool str_arg_to_cstr(Object* o, const char** out) {
  ssize n = 0;
  *out = str_as_utf8(o, &n);
  if (!*out) return false;
  if (std::strlen(*out) != static_cast<size_t>(n)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  return true;
}

// iobase_finalize: close() unless closed; _finalizing = True first when the object allows.
void finalize(Object* self) {
  Object* saved = errors::get_raised_exception();
  Ref<> closed = Ref<>::steal(object_getattr_string(self, "closed"));
  int is_closed = -1;
  if (closed) is_closed = object_is_true(closed.get());
  if (is_closed < 0) {
    errors::clear();
  } else if (!is_closed) {
    if (object_setattr_string(self, "_finalizing", true_object()) < 0) errors::clear();
    Ref<> r = Ref<>::steal(call_method(self, "close", nullptr));
    if (!r) errors::format_unraisable("Exception ignored while finalizing file %R", self);
  }
  errors::set_raised_exception(saved);
}

bool dealloc_prologue(Object* self) {
  // iobase_dealloc: the finalizer runs first and may resurrect.
  if (self->type->finalize && object_call_finalizer_from_dealloc(self) < 0) return true;
  gc::untrack(self);
  auto* io = static_cast<IOBaseObject*>(self);
  if (io->weakreflist) object_clear_weakrefs(self);
  return false;
}

void dealloc_epilogue(Object* self) {
  auto* io = static_cast<IOBaseObject*>(self);
  clear(io->dict);
  TypeObject* tp = self->type;
  tp->free(self);
  // No decref of a heap type here: the _io types are static, so a heap type reaching this is a
  // class-statement subclass, whose subtype_dealloc drops the instance's type reference.
  (void)tp;
}

}  // namespace detail

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define VARARGS(f) reinterpret_cast<void*>(f), kMethVarargs

// iobase_is_closed: the "__IOBase_closed" attribute.
int iobase_is_closed(Object* self) {
  Ref<> name = Ref<>::steal(str_from_cstr("__IOBase_closed"));
  Object* res = nullptr;
  int r = object_get_optional_attr(self, name.get(), &res);
  xdecref(res);
  return r;
}

Object* iobase_unsupported_seek(Object*, Object* const*, ssize) { return unsupported("seek"); }
Object* iobase_tell(Object* self, Object*) {
  Ref<> zero = Ref<>::steal(long_from_long(0));
  Ref<> one = Ref<>::steal(long_from_long(1));
  return detail::call_method(self, "seek", zero.get(), one.get(), nullptr);
}
Object* iobase_truncate(Object*, Object* const*, ssize) { return unsupported("truncate"); }

Object* iobase_flush(Object* self, Object*) {
  int closed = iobase_is_closed(self);
  if (closed < 0) return nullptr;
  if (closed) return errors::format(exc_ValueError, "I/O operation on closed file.");
  return return_none();
}

Object* iobase_closed_get(Object* self, void*) {
  int closed = iobase_is_closed(self);
  if (closed < 0) return nullptr;
  return new_ref(closed ? true_object() : false_object());
}

Object* iobase_close(Object* self, Object*) {
  int closed = iobase_is_closed(self);
  if (closed < 0) return nullptr;
  if (closed) return return_none();
  Ref<> res = Ref<>::steal(detail::call_method(self, "flush", nullptr));
  Object* exc = res ? nullptr : errors::get_raised_exception();
  if (object_setattr_string(self, "__IOBase_closed", true_object()) < 0) {
    xdecref(exc);
    return nullptr;
  }
  if (exc) {
    errors::set_raised_exception(exc);
    return nullptr;
  }
  return return_none();
}

Object* iobase_check_closed_m(Object* self, Object* const*, ssize) {
  if (detail::check_closed(self) < 0) return nullptr;
  return return_none();
}
Object* iobase_check_seekable_m(Object* self, Object* const*, ssize) {
  return detail::check_seekable(self);
}
Object* iobase_check_readable_m(Object* self, Object* const*, ssize) {
  return detail::check_readable(self);
}
Object* iobase_check_writable_m(Object* self, Object* const*, ssize) {
  return detail::check_writable(self);
}

Object* iobase_false(Object*, Object*) { return new_ref(false_object()); }

Object* iobase_enter(Object* self, Object*) {
  if (detail::check_closed(self) < 0) return nullptr;
  return new_ref(self);
}
Object* iobase_exit(Object* self, Object* const*, ssize) {
  return detail::call_method(self, "close", nullptr);
}
Object* iobase_fileno(Object*, Object*) { return unsupported("fileno"); }
Object* iobase_isatty(Object* self, Object*) {
  if (detail::check_closed(self) < 0) return nullptr;
  return new_ref(false_object());
}

// _io__IOBase_readline_impl.
Object* iobase_readline(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("readline", nargs, 0, 1)) return nullptr;
  ssize limit = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &limit)) return nullptr;
  Ref<> peek_name = Ref<>::steal(str_from_cstr("peek"));
  Object* peek = nullptr;
  if (object_get_optional_attr(self, peek_name.get(), &peek) < 0) return nullptr;
  Ref<> peek_ref = Ref<>::steal(peek);
  std::string buffer;
  while (limit < 0 || static_cast<ssize>(buffer.size()) < limit) {
    ssize nreadahead = 1;
    if (peek) {
      Ref<> one = Ref<>::steal(long_from_long(1));
      Ref<> readahead = Ref<>::steal(object_call_one_arg(peek, one.get()));
      if (!readahead) return nullptr;
      if (!bytes_check(readahead.get())) {
        return errors::format(exc_OSError, "peek() should have returned a bytes object, not '%.200s'",
                              readahead->type->name);
      }
      ssize rn = bytes_size(readahead.get());
      if (rn > 0) {
        const char* buf = bytes_as_string(readahead.get());
        ssize n = 0;
        if (limit >= 0) {
          do {
            if (n >= rn || static_cast<ssize>(buffer.size()) + n >= limit) break;
            if (buf[n++] == '\n') break;
          } while (true);
        } else {
          do {
            if (n >= rn) break;
            if (buf[n++] == '\n') break;
          } while (true);
        }
        nreadahead = n;
      }
    }
    Ref<> size = Ref<>::steal(long_from_ssize(nreadahead));
    Ref<> b = Ref<>::steal(detail::call_method(self, "read", size.get(), nullptr));
    if (!b) return nullptr;
    if (b.get() == none()) break;
    if (!bytes_check(b.get())) {
      return errors::format(exc_OSError, "read() should have returned a bytes object, not '%.200s'",
                            b->type->name);
    }
    if (bytes_size(b.get()) == 0) break;
    buffer.append(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
    if (buffer.back() == '\n') break;
  }
  return bytes_from_string_and_size(buffer.data(), static_cast<ssize>(buffer.size()));
}

Object* iobase_iter(Object* self) {
  if (detail::check_closed(self) < 0) return nullptr;
  return new_ref(self);
}

Object* iobase_iternext(Object* self) {
  Ref<> line = Ref<>::steal(detail::call_method(self, "readline", nullptr));
  if (!line) return nullptr;
  ssize n = object_size(line.get());
  if (n < 0) return nullptr;
  if (n == 0) return nullptr;  // exhausted, no error
  return line.release();
}

// _io__IOBase_readlines_impl.
Object* iobase_readlines(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("readlines", nargs, 0, 1)) return nullptr;
  ssize hint = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &hint)) return nullptr;
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  if (hint <= 0) {
    Ref<> it = Ref<>::steal(object_get_iter(self));
    if (!it) return nullptr;
    if (list_extend(result.get(), it.get()) < 0) return nullptr;
    return result.release();
  }
  Ref<> it = Ref<>::steal(object_get_iter(self));
  if (!it) return nullptr;
  ssize length = 0;
  for (;;) {
    Ref<> line = Ref<>::steal(iter_next(it.get()));
    if (!line) {
      if (errors::occurred()) return nullptr;
      break;
    }
    if (list_append(result.get(), line.get()) < 0) return nullptr;
    ssize n = object_size(line.get());
    if (n < 0) return nullptr;
    length += n;
    if (length > hint) break;
  }
  return result.release();
}

Object* iobase_writelines(Object* self, Object* lines) {
  if (detail::check_closed(self) < 0) return nullptr;
  Ref<> it = Ref<>::steal(object_get_iter(lines));
  if (!it) return nullptr;
  for (;;) {
    Ref<> line = Ref<>::steal(iter_next(it.get()));
    if (!line) {
      if (errors::occurred()) return nullptr;
      break;
    }
    Ref<> r = Ref<>::steal(detail::call_method(self, "write", line.get(), nullptr));
    if (!r) return nullptr;
  }
  return return_none();
}

int iobase_traverse(Object* self, visitproc visit, void* arg) {
  auto* io = static_cast<IOBaseObject*>(self);
  if (io->dict)
    if (int r = visit(io->dict, arg)) return r;
  return 0;
}
int iobase_clear(Object* self) {
  clear(static_cast<IOBaseObject*>(self)->dict);
  return 0;
}
void iobase_dealloc(Object* self) {
  if (detail::dealloc_prologue(self)) return;
  detail::dealloc_epilogue(self);
}

MethodDef iobase_methods[] = {
    {"seek", FASTCALL(iobase_unsupported_seek), nullptr},
    {"tell", NOARGS(iobase_tell), nullptr},
    {"truncate", FASTCALL(iobase_truncate), nullptr},
    {"flush", NOARGS(iobase_flush), nullptr},
    {"close", NOARGS(iobase_close), nullptr},
    {"seekable", NOARGS(iobase_false), nullptr},
    {"readable", NOARGS(iobase_false), nullptr},
    {"writable", NOARGS(iobase_false), nullptr},
    {"_checkClosed", FASTCALL(iobase_check_closed_m), nullptr},
    {"_checkSeekable", FASTCALL(iobase_check_seekable_m), nullptr},
    {"_checkReadable", FASTCALL(iobase_check_readable_m), nullptr},
    {"_checkWritable", FASTCALL(iobase_check_writable_m), nullptr},
    {"fileno", NOARGS(iobase_fileno), nullptr},
    {"isatty", NOARGS(iobase_isatty), nullptr},
    {"__enter__", NOARGS(iobase_enter), nullptr},
    {"__exit__", FASTCALL(iobase_exit), nullptr},
    {"readline", FASTCALL(iobase_readline), nullptr},
    {"readlines", FASTCALL(iobase_readlines), nullptr},
    {"writelines", METH_O(iobase_writelines), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef iobase_getset[] = {
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {"closed", iobase_closed_get, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// --- _RawIOBase ---------------------------------------------------------------------------

Object* builtin_type(const char* name) {
  Object* b = builtins::builtins_module();
  if (!b) return errors::format(exc_SystemError, "no builtins");
  return object_getattr_string(b, name);
}

// _io__RawIOBase_read_impl: readinto() a bytearray of n bytes.
Object* rawiobase_read(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &n)) return nullptr;
  if (n < 0) return detail::call_method(self, "readall", nullptr);
  Ref<> bytearray = Ref<>::steal(builtin_type("bytearray"));
  if (!bytearray) return nullptr;
  Ref<> size = Ref<>::steal(long_from_ssize(n));
  Ref<> b = Ref<>::steal(object_call_one_arg(bytearray.get(), size.get()));
  if (!b) return nullptr;
  Ref<> res = Ref<>::steal(detail::call_method(self, "readinto", b.get(), nullptr));
  if (!res) return nullptr;
  if (res.get() == none()) return res.release();
  ssize got = number_as_ssize(res.get(), exc_ValueError);
  if (got == -1 && errors::occurred()) return nullptr;
  if (got < 0 || got > n) {
    return errors::format(exc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
  }
  Ref<> bytes_t = Ref<>::steal(builtin_type("bytes"));
  if (!bytes_t) return nullptr;
  Ref<> full = Ref<>::steal(object_call_one_arg(bytes_t.get(), b.get()));
  if (!full) return nullptr;
  if (got == n) return full.release();
  return bytes_from_string_and_size(bytes_as_string(full.get()), got);
}

// _io__RawIOBase_readall_impl.
Object* rawiobase_readall(Object* self, Object*) {
  std::string out;
  bool any = false;
  for (;;) {
    Ref<> size = Ref<>::steal(long_from_ssize(kDefaultBufferSize));
    Ref<> data = Ref<>::steal(detail::call_method(self, "read", size.get(), nullptr));
    if (!data) return nullptr;
    if (data.get() == none()) {
      if (!any) return data.release();
      break;
    }
    if (!bytes_check(data.get())) {
      return errors::format(exc_TypeError, "read() should return bytes");
    }
    any = true;
    if (bytes_size(data.get()) == 0) break;
    out.append(bytes_as_string(data.get()), static_cast<size_t>(bytes_size(data.get())));
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

Object* rawiobase_not_implemented(Object*, Object* const*, ssize) {
  errors::set_none(exc_NotImplementedError);
  return nullptr;
}

MethodDef rawiobase_methods[] = {
    {"read", FASTCALL(rawiobase_read), nullptr},
    {"readall", NOARGS(rawiobase_readall), nullptr},
    {"readinto", FASTCALL(rawiobase_not_implemented), nullptr},
    {"write", FASTCALL(rawiobase_not_implemented), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject iobase_type = [] {
  TypeObject t = static_type("_io._IOBase", sizeof(IOBaseObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.dealloc = iobase_dealloc;
  t.doc =
      "The abstract base class for all I/O classes.\n\nThis class provides dummy "
      "implementations for many methods that\nderived classes can override selectively; the "
      "default implementations\nrepresent a file that cannot be read, written or seeked.\n\n"
      "Even though IOBase does not declare read, readinto, or write because\ntheir signatures "
      "will vary, implementations and clients should\nconsider those methods part of the "
      "interface. Also, implementations\nmay raise UnsupportedOperation when operations they do "
      "not support are\ncalled.\n\nThe basic type used for binary data read from or written to "
      "a file is\nbytes. Other bytes-like objects are accepted as method arguments too.\nIn "
      "some cases (such as readinto), a writable object is required. Text\nI/O classes work "
      "with str data.\n\nNote that calling any method (except additional calls to close(),\n"
      "which are ignored) on a closed stream should raise a ValueError.\n\nIOBase (and its "
      "subclasses) support the iterator protocol, meaning\nthat an IOBase object can be "
      "iterated over yielding the lines in a\nstream.\n\nIOBase also supports the :keyword:`with` "
      "statement. In this example,\nfp is closed after the suite of the with statement is "
      "complete:\n\nwith open('spam.txt', 'r') as fp:\n    fp.write('Spam and eggs!')\n";
  t.traverse = iobase_traverse;
  t.clear = iobase_clear;
  t.weaklistoffset = static_cast<ssize>(offsetof(IOBaseObject, weakreflist));
  t.iter = iobase_iter;
  t.iternext = iobase_iternext;
  t.methods = iobase_methods;
  t.getset = iobase_getset;
  t.dictoffset = static_cast<ssize>(offsetof(IOBaseObject, dict));
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  t.finalize = detail::finalize;
  return t;
}();

TypeObject rawiobase_type = [] {
  TypeObject t = static_type("_io._RawIOBase", sizeof(IOBaseObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &iobase_type;
  t.doc = "Base class for raw binary I/O.";
  t.methods = rawiobase_methods;
  return t;
}();

}  // namespace cppy::modules::_io
