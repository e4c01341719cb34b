// _io.BytesIO: Modules/_io/bytesio.c.
#include <cstdlib>
#include <cstring>

#include "errors/errors.h"
#include "objects/memoryobject.h"
#include "objects/buffer.h"
#include "gc/gc.h"
#include "modules/_io/_iomodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"

namespace cppy::modules::_io {

using namespace objects;

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

struct BytesIOObject : IOBaseObject {
  char* buf;          // malloc'ed; null once closed
  ssize capacity;
  ssize string_size;
  ssize pos;
  ssize exports;
  bool closed;
};

inline BytesIOObject* bio(Object* o) { return static_cast<BytesIOObject*>(o); }

bool check_closed(BytesIOObject* self) {
  if (self->closed) {
    errors::set_string(exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

bool check_exports(BytesIOObject* self) {
  if (self->exports > 0) {
    errors::set_string(exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

bool reserve(BytesIOObject* self, ssize size) {
  if (size <= self->capacity) return true;
  ssize cap = self->capacity ? self->capacity : 16;
  while (cap < size) cap = cap + (cap >> 1) + 16;
  char* p = static_cast<char*>(std::realloc(self->buf, static_cast<size_t>(cap)));
  if (!p) {
    errors::no_memory();
    return false;
  }
  self->buf = p;
  self->capacity = cap;
  return true;
}

// write_bytes: writes at pos, zero-filling a gap past the end.
ssize write_bytes(BytesIOObject* self, const char* data, ssize len) {
  if (!check_exports(self)) return -1;
  if (len == 0) return 0;
  ssize endpos = self->pos + len;
  if (!reserve(self, endpos)) return -1;
  if (self->pos > self->string_size)
    std::memset(self->buf + self->string_size, 0, static_cast<size_t>(self->pos - self->string_size));
  std::memcpy(self->buf + self->pos, data, static_cast<size_t>(len));
  self->pos = endpos;
  if (endpos > self->string_size) self->string_size = endpos;
  return len;
}

Object* bytesio_new(TypeObject* type, Object*, Object*) {
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  BytesIOObject* b = bio(self);
  b->buf = nullptr;
  b->capacity = 0;
  b->string_size = 0;
  b->pos = 0;
  b->exports = 0;
  b->closed = false;
  return self;
}

// _io_BytesIO___init___impl(initial_bytes=b'').
int bytesio_init(Object* self, Object* args, Object* kwargs) {
  static const char* const kw[] = {"initial_bytes", nullptr};
  ArgParser p{"BytesIO", kw, 0, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords_tuple(p, args, kwargs, a) < 0) return -1;
  BytesIOObject* b = bio(self);
  if (!check_exports(b)) return -1;
  b->string_size = 0;
  b->pos = 0;
  b->closed = false;
  if (a[0] && a[0] != none()) {
    const char* data;
    ssize n;
    if (!detail::get_read_buffer(a[0], &data, &n)) return -1;
    if (write_bytes(b, data, n) < 0) return -1;
    b->pos = 0;
  }
  return 0;
}

Object* bytesio_getvalue(Object* self, Object*) {
  if (!check_closed(bio(self))) return nullptr;
  return bytes_from_string_and_size(bio(self)->buf, bio(self)->string_size);
}

// _io._BytesIOBuffer (bytesiobuf): the exporter behind getbuffer()'s memoryview. Each view
// counts as an export of its BytesIO, which cannot be resized while one is alive.
struct BytesIOBufObject : Object {
  Object* source;  // the BytesIO
};

int bytesiobuf_getbuffer(Object* o, Buffer* view, int flags) {
  BytesIOObject* b = bio(static_cast<BytesIOBufObject*>(o)->source);
  if (!view) {
    errors::set_string(exc_BufferError, "bytesiobuf_getbuffer: NULL view in getbuffer");
    return -1;
  }
  if (!b->buf && !reserve(b, 1)) return -1;
  if (buffer_fill_info(view, o, b->buf, b->string_size, 0, flags) < 0) return -1;
  b->exports++;
  return 0;
}

void bytesiobuf_releasebuffer(Object* o, Buffer*) {
  bio(static_cast<BytesIOBufObject*>(o)->source)->exports--;
}

void bytesiobuf_dealloc(Object* o) {
  gc::untrack(o);
  clear(static_cast<BytesIOBufObject*>(o)->source);
  o->type->free(o);
}

int bytesiobuf_traverse(Object* o, visitproc visit, void* arg) {
  Object* source = static_cast<BytesIOBufObject*>(o)->source;
  return source ? visit(source, arg) : 0;
}

BufferProcs bytesiobuf_as_buffer = {bytesiobuf_getbuffer, bytesiobuf_releasebuffer};

TypeObject bytesiobuf_type = [] {
  TypeObject t = static_type("_io._BytesIOBuffer", sizeof(BytesIOBufObject), 0, kTpflagsHaveGc);
  t.dealloc = bytesiobuf_dealloc;
  t.traverse = bytesiobuf_traverse;
  t.as_buffer = &bytesiobuf_as_buffer;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

// _io_BytesIO_getbuffer_impl: a memoryview of the contents that writes through.
Object* bytesio_getbuffer(Object* self, Object*) {
  if (!check_closed(bio(self))) return nullptr;
  if (type_ready(&bytesiobuf_type) < 0) return nullptr;
  Ref<> buf = Ref<>::steal(bytesiobuf_type.alloc(&bytesiobuf_type, 0));
  if (!buf) return nullptr;
  static_cast<BytesIOBufObject*>(buf.get())->source = new_ref(self);
  return memoryview_from_object(buf.get());
}

Object* bool_result(bool v) { return new_ref(v ? true_object() : false_object()); }

Object* bytesio_true(Object* self, Object*) {
  if (!check_closed(bio(self))) return nullptr;
  return bool_result(true);
}
Object* bytesio_isatty(Object* self, Object*) {
  if (!check_closed(bio(self))) return nullptr;
  return bool_result(false);
}
Object* bytesio_flush(Object* self, Object*) {
  if (!check_closed(bio(self))) return nullptr;
  return return_none();
}
Object* bytesio_tell(Object* self, Object*) {
  if (!check_closed(bio(self))) return nullptr;
  return long_from_ssize(bio(self)->pos);
}

// read_bytes: size bytes from pos (clamped).
Object* read_bytes(BytesIOObject* self, ssize size) {
  ssize avail = self->string_size - self->pos;
  if (avail < 0) avail = 0;
  if (size < 0 || size > avail) size = avail;
  Object* r = bytes_from_string_and_size(self->buf ? self->buf + self->pos : "", size);
  if (r) self->pos += size;
  return r;
}

Object* bytesio_read(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize size = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &size)) return nullptr;
  if (!check_closed(bio(self))) return nullptr;
  return read_bytes(bio(self), size);
}
Object* bytesio_read1(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("read1", nargs, 0, 1)) return nullptr;
  ssize size = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &size)) return nullptr;
  if (!check_closed(bio(self))) return nullptr;
  return read_bytes(bio(self), size);
}

// scan_eol: the length of the next line from pos, at most size (size < 0: no limit).
ssize scan_eol(BytesIOObject* self, ssize size) {
  if (self->pos >= self->string_size) return 0;
  ssize maxlen = self->string_size - self->pos;
  if (size < 0 || size > maxlen) size = maxlen;
  const char* start = self->buf + self->pos;
  const void* nl = std::memchr(start, '\n', static_cast<size_t>(size));
  if (nl) return static_cast<const char*>(nl) - start + 1;
  return size;
}

Object* bytesio_readline(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("readline", nargs, 0, 1)) return nullptr;
  ssize size = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &size)) return nullptr;
  if (!check_closed(bio(self))) return nullptr;
  ssize n = scan_eol(bio(self), size);
  return read_bytes(bio(self), n);
}

Object* bytesio_readlines(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("readlines", nargs, 0, 1)) return nullptr;
  ssize maxsize = -1;
  if (nargs > 0 && args[0] != none()) {
    if (!long_check(args[0])) {
      return errors::format(exc_TypeError, "integer argument expected, got '%s'",
                            args[0]->type->name);
    }
    maxsize = long_as_ssize(args[0]);
    if (maxsize == -1 && errors::occurred()) return nullptr;
  }
  if (!check_closed(bio(self))) return nullptr;
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  ssize size = 0;
  ssize n;
  while ((n = scan_eol(bio(self), -1)) != 0) {
    Ref<> line = Ref<>::steal(read_bytes(bio(self), n));
    if (!line || list_append(result.get(), line.get()) < 0) return nullptr;
    size += n;
    if (maxsize > 0 && size >= maxsize) break;
  }
  return result.release();
}

Object* bytesio_readinto(Object* self, Object* buffer) {
  char* data;
  ssize len;
  if (!detail::get_write_buffer(buffer, &data, &len)) return nullptr;
  BytesIOObject* b = bio(self);
  if (!check_closed(b)) return nullptr;
  ssize avail = b->string_size - b->pos;
  if (avail < 0) avail = 0;
  if (len > avail) len = avail;
  if (len > 0) std::memcpy(data, b->buf + b->pos, static_cast<size_t>(len));
  b->pos += len;
  return long_from_ssize(len);
}

// truncate(size=None): to size (default the position); the position is unchanged.
Object* bytesio_truncate(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
  BytesIOObject* b = bio(self);
  if (!check_closed(b)) return nullptr;
  if (!check_exports(b)) return nullptr;
  ssize size = b->pos;
  if (nargs > 0 && args[0] != none()) {
    if (!detail::convert_ssize(args[0], &size)) return nullptr;
  }
  if (size < 0) return errors::format(exc_ValueError, "negative size value %zd", size);
  if (size < b->string_size) b->string_size = size;
  return long_from_ssize(size);
}

Object* bytesio_iter(Object* self) {
  if (!check_closed(bio(self))) return nullptr;
  return new_ref(self);
}

Object* bytesio_iternext(Object* self) {
  if (!check_closed(bio(self))) return nullptr;
  ssize n = scan_eol(bio(self), -1);
  if (n == 0) return nullptr;
  return read_bytes(bio(self), n);
}

Object* bytesio_seek(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  Ref<> pi = Ref<>::steal(number_index(args[0]));
  if (!pi) return nullptr;
  ssize pos = number_as_ssize(pi.get(), exc_OverflowError);
  if (pos == -1 && errors::occurred()) return nullptr;
  int whence = 0;
  if (nargs > 1) {
    Ref<> wi = Ref<>::steal(number_index(args[1]));
    if (!wi) return nullptr;
    whence = static_cast<int>(long_as_long(wi.get()));
    if (whence == -1 && errors::occurred()) return nullptr;
  }
  BytesIOObject* b = bio(self);
  if (!check_closed(b)) return nullptr;
  if (pos < 0 && whence == 0) return errors::format(exc_ValueError, "negative seek value %zd", pos);
  if (whence == 1) {
    if (pos > PTRDIFF_MAX - b->pos) return errors::format(exc_OverflowError, "new position too large");
    pos += b->pos;
  } else if (whence == 2) {
    if (pos > PTRDIFF_MAX - b->string_size)
      return errors::format(exc_OverflowError, "new position too large");
    pos += b->string_size;
  } else if (whence != 0) {
    return errors::format(exc_ValueError, "invalid whence (%i, should be 0, 1 or 2)", whence);
  }
  if (pos < 0) pos = 0;
  b->pos = pos;
  return long_from_ssize(pos);
}

Object* bytesio_write(Object* self, Object* data) {
  BytesIOObject* b = bio(self);
  if (!check_closed(b)) return nullptr;
  const char* p;
  ssize n;
  if (!detail::get_read_buffer(data, &p, &n)) return nullptr;
  ssize w = write_bytes(b, p, n);
  if (w < 0) return nullptr;
  return long_from_ssize(w);
}

Object* bytesio_writelines(Object* self, Object* lines) {
  Ref<> it = Ref<>::steal(object_get_iter(lines));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    Ref<> r = Ref<>::steal(bytesio_write(self, item.get()));
    if (!r) return nullptr;
  }
  return return_none();
}

Object* bytesio_close(Object* self, Object*) {
  BytesIOObject* b = bio(self);
  if (!check_exports(b)) return nullptr;
  b->closed = true;
  std::free(b->buf);
  b->buf = nullptr;
  b->capacity = 0;
  return return_none();
}

Object* bytesio_closed_get(Object* self, void*) { return bool_result(bio(self)->closed); }

// __getstate__: (value, position, dict copy or None).
Object* bytesio_getstate(Object* self, Object*) {
  Ref<> value = Ref<>::steal(bytesio_getvalue(self, nullptr));
  if (!value) return nullptr;
  Ref<> pos = Ref<>::steal(long_from_ssize(bio(self)->pos));
  Ref<> d;
  if (bio(self)->dict) {
    d = Ref<>::steal(dict_copy(bio(self)->dict));
  } else {
    d = Ref<>::borrow(none());
  }
  if (!pos || !d) return nullptr;
  return tuple_pack(3, value.get(), pos.get(), d.get());
}

Object* bytesio_setstate(Object* self, Object* state) {
  if (!tuple_check(state) || tuple_size(state) < 3) {
    return errors::format(exc_TypeError,
                          "%.200s.__setstate__ argument should be 3-tuple, got %.200s",
                          type_short_name(self->type), state->type->name);
  }
  BytesIOObject* b = bio(self);
  if (!check_exports(b)) return nullptr;
  b->string_size = 0;
  b->pos = 0;
  const char* data;
  ssize n;
  if (!detail::get_read_buffer(tuple_item(state, 0), &data, &n)) return nullptr;
  if (write_bytes(b, data, n) < 0) return nullptr;
  Object* pos = tuple_item(state, 1);
  if (!long_check(pos)) {
    return errors::format(exc_TypeError, "second item of state must be an integer, not %.200s",
                          pos->type->name);
  }
  ssize p = long_as_ssize(pos);
  if (p == -1 && errors::occurred()) return nullptr;
  if (p < 0) return errors::format(exc_ValueError, "position value cannot be negative");
  b->pos = p;
  Object* d = tuple_item(state, 2);
  if (d != none()) {
    if (!dict_check(d)) {
      return errors::format(exc_TypeError, "third item of state should be a dict, got a %.200s",
                            d->type->name);
    }
    if (!b->dict) {
      b->dict = dict_new();
      if (!b->dict) return nullptr;
    }
    if (dict_update(b->dict, d) < 0) return nullptr;
  }
  return return_none();
}

Object* bytesio_sizeof(Object* self, Object*) {
  return long_from_ssize(static_cast<ssize>(sizeof(BytesIOObject)) + bio(self)->capacity);
}

int bytesio_traverse(Object* self, visitproc visit, void* arg) {
  if (bio(self)->dict)
    if (int r = visit(bio(self)->dict, arg)) return r;
  return 0;
}
int bytesio_clear(Object* self) {
  clear(bio(self)->dict);
  return 0;
}
void bytesio_dealloc(Object* self) {
  gc::untrack(self);
  if (bio(self)->weakreflist) object_clear_weakrefs(self);
  std::free(bio(self)->buf);
  bio(self)->buf = nullptr;
  detail::dealloc_epilogue(self);
}

MethodDef bytesio_methods[] = {
    {"readable", NOARGS(bytesio_true), nullptr},
    {"seekable", NOARGS(bytesio_true), nullptr},
    {"writable", NOARGS(bytesio_true), nullptr},
    {"close", NOARGS(bytesio_close), nullptr},
    {"flush", NOARGS(bytesio_flush), nullptr},
    {"isatty", NOARGS(bytesio_isatty), nullptr},
    {"tell", NOARGS(bytesio_tell), nullptr},
    {"write", METH_O(bytesio_write), nullptr},
    {"writelines", METH_O(bytesio_writelines), nullptr},
    {"read1", FASTCALL(bytesio_read1), nullptr},
    {"readinto", METH_O(bytesio_readinto), nullptr},
    {"readline", FASTCALL(bytesio_readline), nullptr},
    {"readlines", FASTCALL(bytesio_readlines), nullptr},
    {"read", FASTCALL(bytesio_read), nullptr},
    {"getbuffer", NOARGS(bytesio_getbuffer), nullptr},
    {"getvalue", NOARGS(bytesio_getvalue), nullptr},
    {"seek", FASTCALL(bytesio_seek), nullptr},
    {"truncate", FASTCALL(bytesio_truncate), nullptr},
    {"__getstate__", NOARGS(bytesio_getstate), nullptr},
    {"__setstate__", METH_O(bytesio_setstate), nullptr},
    {"__sizeof__", NOARGS(bytesio_sizeof), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef bytesio_getset[] = {
    {"closed", bytesio_closed_get, nullptr, "True if the file is closed.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject bytesio_type = [] {
  TypeObject t = static_type("_io.BytesIO", sizeof(BytesIOObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &bufferediobase_type;
  t.dealloc = bytesio_dealloc;
  t.doc = "BytesIO(initial_bytes=b'')\n--\n\nBuffered I/O implementation using an in-memory "
          "bytes buffer.";
  t.traverse = bytesio_traverse;
  t.clear = bytesio_clear;
  t.iter = bytesio_iter;
  t.iternext = bytesio_iternext;
  t.methods = bytesio_methods;
  t.getset = bytesio_getset;
  t.init = bytesio_init;
  t.new_ = bytesio_new;
  return t;
}();

}  // namespace cppy::modules::_io
