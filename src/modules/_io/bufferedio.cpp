// _io._BufferedIOBase, BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair:
// Modules/_io/bufferedio.c. The buffer keeps read-ahead data [rpos, rlen) and pending writes
// separately; a BufferedRandom flushes its writes before reading and drops its read-ahead
// (rewinding the raw stream) before writing, which is what CPython's shared buffer amounts to.
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_io/_iomodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"

namespace cppy::modules::_io {

using namespace objects;

// fileio.cpp: the raw calls of an exact FileIO (-2 would block, -1 error).
ssize fileio_raw_read(Object* self, char* buf, ssize n);
ssize fileio_raw_write(Object* self, const char* buf, ssize n);

namespace {

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

// --- _BufferedIOBase ----------------------------------------------------------------------

Object* bufferediobase_detach(Object*, Object*) { return unsupported("detach"); }
Object* bufferediobase_read(Object*, Object* const*, ssize) { return unsupported("read"); }
Object* bufferediobase_read1(Object*, Object* const*, ssize) { return unsupported("read1"); }
Object* bufferediobase_write(Object*, Object*) { return unsupported("write"); }

// _bufferediobase_readinto_generic.
Object* readinto_generic(Object* self, Object* buffer, bool readinto1) {
  char* data;
  ssize len;
  if (!detail::get_write_buffer(buffer, &data, &len, readinto1 ? "readinto1" : "readinto"))
    return nullptr;
  Ref<> n = Ref<>::steal(long_from_ssize(len));
  Ref<> b = Ref<>::steal(detail::call_method(self, readinto1 ? "read1" : "read", n.get(), nullptr));
  if (!b) return nullptr;
  if (!bytes_check(b.get())) {
    return errors::format(exc_TypeError, "read() should return bytes");
  }
  ssize got = bytes_size(b.get());
  if (got > len) {
    return errors::format(exc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                          len, got);
  }
  std::memcpy(data, bytes_as_string(b.get()), static_cast<size_t>(got));
  return long_from_ssize(got);
}
Object* bufferediobase_readinto(Object* self, Object* b) { return readinto_generic(self, b, false); }
Object* bufferediobase_readinto1(Object* self, Object* b) { return readinto_generic(self, b, true); }

MethodDef bufferediobase_methods[] = {
    {"detach", NOARGS(bufferediobase_detach), nullptr},
    {"read", FASTCALL(bufferediobase_read), nullptr},
    {"read1", FASTCALL(bufferediobase_read1), nullptr},
    {"readinto", METH_O(bufferediobase_readinto), nullptr},
    {"readinto1", METH_O(bufferediobase_readinto1), nullptr},
    {"write", METH_O(bufferediobase_write), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- Buffered -----------------------------------------------------------------------------

struct BufferedObject : IOBaseObject {
  Object* raw;
  bool ok;
  bool detached;
  bool readable;
  bool writable;
  bool fast_fileio;  // raw is an exact FileIO: call it directly
  bool finalizing;
  ssize buffer_size;
  std::string* rbuf;  // read-ahead; data in [rpos, rbuf->size())
  ssize rpos;
  std::string* wbuf;  // pending writes
  ssize abs_pos;      // raw position, -1 unknown
};

inline BufferedObject* bf(Object* o) { return static_cast<BufferedObject*>(o); }

ssize readahead(BufferedObject* self) {
  return self->rbuf ? static_cast<ssize>(self->rbuf->size()) - self->rpos : 0;
}

bool check_initialized(BufferedObject* self) {
  if (!self->ok) {
    if (self->detached)
      errors::set_string(exc_ValueError, "raw stream has been detached");
    else
      errors::set_string(exc_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

// buffered_closed: raw.closed.
int raw_closed(BufferedObject* self) {
  Ref<> c = Ref<>::steal(object_getattr_string(self->raw, "closed"));
  if (!c) return -1;
  return object_is_true(c.get());
}

// CHECK_CLOSED: an error when the raw stream is closed and nothing is buffered to read.
bool check_closed(BufferedObject* self, const char* msg) {
  int c = raw_closed(self);
  if (c < 0) return false;
  if (c && readahead(self) == 0) {
    errors::set_string(exc_ValueError, msg);
    return false;
  }
  return true;
}

// _buffered_raw_tell.
long long raw_tell(BufferedObject* self) {
  Ref<> r = Ref<>::steal(detail::call_method(self->raw, "tell", nullptr));
  if (!r) return -1;
  Ref<> i = Ref<>::steal(number_index(r.get()));
  if (!i) return -1;
  long long n = long_as_long_long(i.get());
  if (n == -1 && errors::occurred()) return -1;
  if (n < 0) {
    errors::format(exc_OSError, "Raw stream returned invalid position %lld", n);
    return -1;
  }
  self->abs_pos = static_cast<ssize>(n);
  return n;
}

// _buffered_raw_seek.
long long raw_seek(BufferedObject* self, long long target, int whence) {
  Ref<> t = Ref<>::steal(long_from_long_long(target));
  Ref<> w = Ref<>::steal(long_from_long(whence));
  Ref<> r = Ref<>::steal(detail::call_method(self->raw, "seek", t.get(), w.get(), nullptr));
  if (!r) return -1;
  Ref<> i = Ref<>::steal(number_index(r.get()));
  if (!i) return -1;
  long long n = long_as_long_long(i.get());
  if (n == -1 && errors::occurred()) return -1;
  if (n < 0) {
    errors::format(exc_OSError, "Raw stream returned invalid position %lld", n);
    return -1;
  }
  self->abs_pos = static_cast<ssize>(n);
  return n;
}

// _bufferedreader_raw_read: bytes read into buf, 0 at EOF, -2 would block, -1 error.
ssize raw_read(BufferedObject* self, char* buf, ssize n) {
  if (self->fast_fileio) {
    ssize r = fileio_raw_read(self->raw, buf, n);
    if (r == -2) errors::clear();
    if (r > 0 && self->abs_pos >= 0) self->abs_pos += r;
    return r;
  }
  Ref<> size = Ref<>::steal(long_from_ssize(n));
  Ref<> res = Ref<>::steal(detail::call_method(self->raw, "read", size.get(), nullptr));
  if (!res) return -1;
  if (res.get() == none()) return -2;
  if (!bytes_check(res.get())) {
    errors::format(exc_TypeError, "read() should return bytes");
    return -1;
  }
  ssize got = bytes_size(res.get());
  if (got > n) {
    errors::format(exc_OSError,
                   "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                   got, n);
    return -1;
  }
  std::memcpy(buf, bytes_as_string(res.get()), static_cast<size_t>(got));
  if (got > 0 && self->abs_pos >= 0) self->abs_pos += got;
  return got;
}

// _bufferedwriter_raw_write.
ssize raw_write(BufferedObject* self, const char* buf, ssize n) {
  if (self->fast_fileio) {
    ssize r = fileio_raw_write(self->raw, buf, n);
    if (r == -2) errors::clear();
    if (r > 0 && self->abs_pos >= 0) self->abs_pos += r;
    return r;
  }
  Ref<> b = Ref<>::steal(bytes_from_string_and_size(buf, n));
  if (!b) return -1;
  Ref<> res = Ref<>::steal(detail::call_method(self->raw, "write", b.get(), nullptr));
  if (!res) return -1;
  if (res.get() == none()) return -2;
  ssize w = number_as_ssize(res.get(), exc_ValueError);
  if (w == -1 && errors::occurred()) return -1;
  if (w < 0 || w > n) {
    errors::format(exc_OSError,
                   "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                   w, n);
    return -1;
  }
  if (w > 0 && self->abs_pos >= 0) self->abs_pos += w;
  return w;
}

// _bufferedwriter_flush_unlocked: writes out every pending byte.
bool flush_writes(BufferedObject* self) {
  if (!self->wbuf) return true;
  std::string& w = *self->wbuf;
  size_t done = 0;
  while (done < w.size()) {
    ssize n = raw_write(self, w.data() + done, static_cast<ssize>(w.size() - done));
    if (n == -2) {
      w.erase(0, done);
      errors::set_string(exc_BlockingIOError, "write could not complete without blocking");
      return false;
    }
    if (n < 0) {
      w.erase(0, done);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  w.clear();
  return true;
}

// Drops the read-ahead, moving the raw stream back to the logical position.
bool drop_readahead(BufferedObject* self) {
  ssize ahead = readahead(self);
  if (self->rbuf) {
    self->rbuf->clear();
    self->rpos = 0;
  }
  if (ahead > 0) {
    if (raw_seek(self, -ahead, 1) < 0) return false;
  }
  return true;
}

Object* buffered_simple_flush(Object* self, Object*) {
  if (!check_initialized(bf(self))) return nullptr;
  return detail::call_method(bf(self)->raw, "flush", nullptr);
}

// buffered_flush: writes pending data; a reader-writer also rewinds its read-ahead.
Object* buffered_flush(Object* self_obj, Object*) {
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  if (!check_closed(self, "flush of closed file")) return nullptr;
  if (!flush_writes(self)) return nullptr;
  if (self->readable && !drop_readahead(self)) return nullptr;
  return return_none();
}

Object* buffered_closed_get(Object* self, void*) {
  if (!check_initialized(bf(self))) return nullptr;
  return object_getattr_string(bf(self)->raw, "closed");
}

// buffered_close.
Object* buffered_close(Object* self_obj, Object*) {
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  int r = raw_closed(self);
  if (r < 0) return nullptr;
  if (r > 0) return return_none();
  if (self->finalizing) {
    Ref<> w = Ref<>::steal(detail::call_method(self->raw, "_dealloc_warn", self_obj, nullptr));
    if (!w) errors::clear();
  }
  Ref<> res = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  Object* exc = res ? nullptr : errors::get_raised_exception();
  res = Ref<>::steal(detail::call_method(self->raw, "close", nullptr));
  if (self->rbuf) {
    self->rbuf->clear();
    self->rpos = 0;
  }
  if (exc) {
    if (!res) {
      errors::chain_exceptions1(exc);
    } else {
      errors::set_raised_exception(exc);
    }
    return nullptr;
  }
  return res.release();
}

Object* buffered_detach(Object* self_obj, Object*) {
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  Ref<> r = Ref<>::steal(detail::call_method(self_obj, "flush", nullptr));
  if (!r) return nullptr;
  Object* raw = self->raw;
  self->raw = nullptr;
  self->detached = true;
  self->ok = false;
  return raw;
}

#define FORWARD(fname, method)                                   \
  Object* fname(Object* self, Object*) {                         \
    if (!check_initialized(bf(self))) return nullptr;            \
    return detail::call_method(bf(self)->raw, method, nullptr);  \
  }
FORWARD(buffered_seekable, "seekable")
FORWARD(buffered_readable, "readable")
FORWARD(buffered_writable, "writable")
FORWARD(buffered_fileno, "fileno")
FORWARD(buffered_isatty, "isatty")
#undef FORWARD

Object* buffered_name_get(Object* self, void*) {
  if (!check_initialized(bf(self))) return nullptr;
  return object_getattr_string(bf(self)->raw, "name");
}
Object* buffered_mode_get(Object* self, void*) {
  if (!check_initialized(bf(self))) return nullptr;
  return object_getattr_string(bf(self)->raw, "mode");
}
Object* buffered_raw_get(Object* self, void*) {
  if (!check_initialized(bf(self))) return nullptr;
  return new_ref(bf(self)->raw);
}
Object* buffered_finalizing_get(Object* self, void*) {
  return new_ref(bf(self)->finalizing ? true_object() : false_object());
}
int buffered_finalizing_set(Object* self, Object* v, void*) {
  int r = v ? object_is_true(v) : 0;
  if (r < 0) return -1;
  bf(self)->finalizing = r != 0;
  return 0;
}

Object* buffered_dealloc_warn(Object* self, Object* source) {
  if (bf(self)->ok && bf(self)->raw) {
    Ref<> r = Ref<>::steal(detail::call_method(bf(self)->raw, "_dealloc_warn", source, nullptr));
    if (!r) errors::clear();
  }
  return return_none();
}

Object* buffered_repr(Object* self) {
  const char* tn = self->type->name;
  Ref<> nm = Ref<>::steal(str_from_cstr("name"));
  Object* name = nullptr;
  if (object_get_optional_attr(self, nm.get(), &name) < 0) {
    if (!errors::exception_matches(exc_ValueError)) return nullptr;
    errors::clear();
  }
  if (!name) return str_from_format("<%s>", tn);
  Ref<> n = Ref<>::steal(name);
  if (object_print_repr_enter(self) > 0) {
    return errors::format(exc_RuntimeError, "reentrant call inside %s.__repr__", tn);
  }
  Object* r = str_from_format("<%s name=%R>", tn, n.get());
  object_print_repr_leave(self);
  return r;
}

Object* buffered_getstate(Object* self, Object*) {
  return errors::format(exc_TypeError, "cannot pickle '%.100s' instances", type_short_name(self->type));
}

Object* buffered_sizeof(Object* self, Object*) {
  return long_from_ssize(static_cast<ssize>(sizeof(BufferedObject)) + bf(self)->buffer_size);
}

Object* buffered_tell(Object* self_obj, Object*) {
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  long long pos = raw_tell(self);
  if (pos == -1 && errors::occurred()) return nullptr;
  pos -= readahead(self);
  if (self->wbuf) pos += static_cast<long long>(self->wbuf->size());
  if (pos < 0) pos = 0;
  return long_from_long_long(pos);
}

Object* buffered_seek(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  int whence = 0;
  if (nargs > 1) {
    long w = long_as_long(args[1]);
    if (w == -1 && errors::occurred()) return nullptr;
    whence = static_cast<int>(w);
  }
  if (whence < 0 || whence > 2) {
    return errors::format(exc_ValueError, "whence value %d unsupported", whence);
  }
  if (!check_closed(self, "seek of closed file")) return nullptr;
  Ref<> s = Ref<>::steal(detail::check_seekable(self->raw));
  if (!s) return nullptr;
  Ref<> ti = Ref<>::steal(number_index(args[0]));
  if (!ti) return nullptr;
  long long target = long_as_long_long(ti.get());
  if (target == -1 && errors::occurred()) return nullptr;
  // Seeks inside the read-ahead move the position only.
  if (whence != 2 && readahead(self) > 0 && (!self->wbuf || self->wbuf->empty())) {
    long long current = self->abs_pos >= 0 ? self->abs_pos : raw_tell(self);
    if (current < 0 && errors::occurred()) return nullptr;
    long long avail = readahead(self);
    long long logical = current - avail;
    long long offset = whence == 0 ? target - logical : target;
    long long buf_start = -self->rpos;
    if (offset >= buf_start && offset <= avail) {
      self->rpos += static_cast<ssize>(offset);
      return long_from_long_long(logical + offset);
    }
  }
  if (!flush_writes(self)) return nullptr;
  if (whence == 1) target -= readahead(self);
  if (self->rbuf) {
    self->rbuf->clear();
    self->rpos = 0;
  }
  long long n = raw_seek(self, target, whence);
  if (n < 0) return nullptr;
  return long_from_long_long(n);
}

Object* buffered_truncate(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  if (!check_closed(self, "truncate of closed file")) return nullptr;
  if (!self->writable) return unsupported("truncate");
  if (!flush_writes(self)) return nullptr;
  if (self->readable && !drop_readahead(self)) return nullptr;
  Object* pos = nargs > 0 ? args[0] : none();
  Ref<> r = Ref<>::steal(detail::call_method(self->raw, "truncate", pos, nullptr));
  if (!r) return nullptr;
  if (raw_tell(self) < 0 && errors::occurred()) errors::clear();
  return r.release();
}

// Fills the read-ahead with one raw read; returns the bytes read (0 EOF, -2 block, -1 error).
ssize fill_buffer(BufferedObject* self) {
  if (self->rpos > 0) {
    self->rbuf->erase(0, static_cast<size_t>(self->rpos));
    self->rpos = 0;
  }
  size_t old = self->rbuf->size();
  ssize want = self->buffer_size - static_cast<ssize>(old);
  if (want <= 0) want = self->buffer_size;
  self->rbuf->resize(old + static_cast<size_t>(want));
  ssize n = raw_read(self, self->rbuf->data() + old, want);
  self->rbuf->resize(old + static_cast<size_t>(n > 0 ? n : 0));
  return n;
}

bool prepare_read(BufferedObject* self, const char* msg) {
  if (!check_initialized(self)) return false;
  if (!self->readable) {
    unsupported("read");
    return false;
  }
  if (!check_closed(self, msg)) return false;
  if (self->writable && !flush_writes(self)) return false;
  return true;
}

Object* take(BufferedObject* self, ssize n) {
  Object* r = bytes_from_string_and_size(self->rbuf->data() + self->rpos, n);
  if (r) self->rpos += n;
  return r;
}

// _bufferedreader_read_all.
Object* read_all(BufferedObject* self) {
  std::string out(self->rbuf->data() + self->rpos, static_cast<size_t>(readahead(self)));
  self->rbuf->clear();
  self->rpos = 0;
  Ref<> nm = Ref<>::steal(str_from_cstr("readall"));
  Object* readall = nullptr;
  if (object_get_optional_attr(self->raw, nm.get(), &readall) < 0) return nullptr;
  if (readall) {
    Ref<> f = Ref<>::steal(readall);
    Ref<> data = Ref<>::steal(object_call_no_args(f.get()));
    if (!data) return nullptr;
    if (data.get() != none() && !bytes_check(data.get())) {
      return errors::format(exc_TypeError, "readall() should return bytes");
    }
    self->abs_pos = -1;
    if (data.get() == none()) {
      if (out.empty()) return data.release();
    } else {
      out.append(bytes_as_string(data.get()), static_cast<size_t>(bytes_size(data.get())));
    }
    return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
  }
  for (;;) {
    Ref<> data = Ref<>::steal(detail::call_method(self->raw, "read", nullptr));
    if (!data) return nullptr;
    if (data.get() == none()) {
      if (out.empty()) return data.release();
      break;
    }
    if (!bytes_check(data.get())) return errors::format(exc_TypeError, "read() should return bytes");
    if (bytes_size(data.get()) == 0) break;
    out.append(bytes_as_string(data.get()), static_cast<size_t>(bytes_size(data.get())));
  }
  self->abs_pos = -1;
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

Object* buffered_read(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &n)) return nullptr;
  BufferedObject* self = bf(self_obj);
  if (n < -1) return errors::format(exc_ValueError, "read length must be non-negative or -1");
  if (!prepare_read(self, "read of closed file")) return nullptr;
  if (n == -1) return read_all(self);
  if (readahead(self) >= n) return take(self, n);
  std::string out(self->rbuf->data() + self->rpos, static_cast<size_t>(readahead(self)));
  self->rbuf->clear();
  self->rpos = 0;
  ssize remaining = n - static_cast<ssize>(out.size());
  while (remaining > 0) {
    if (remaining >= self->buffer_size) {
      // Large reads go straight to the raw stream, a multiple of the buffer size at a time.
      ssize r = remaining - remaining % self->buffer_size;
      size_t old = out.size();
      out.resize(old + static_cast<size_t>(r));
      ssize got = raw_read(self, out.data() + old, r);
      out.resize(old + static_cast<size_t>(got > 0 ? got : 0));
      if (got == 0) break;
      if (got == -2) {
        if (out.empty()) return return_none();
        break;
      }
      if (got < 0) return nullptr;
      remaining -= got;
      continue;
    }
    ssize got = fill_buffer(self);
    if (got == -1) return nullptr;
    if (got == -2) {
      if (out.empty()) return return_none();
      break;
    }
    if (got == 0) break;
    ssize k = readahead(self) < remaining ? readahead(self) : remaining;
    out.append(self->rbuf->data() + self->rpos, static_cast<size_t>(k));
    self->rpos += k;
    remaining -= k;
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

Object* buffered_read1(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("read1", nargs, 0, 1)) return nullptr;
  ssize n = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &n)) return nullptr;
  BufferedObject* self = bf(self_obj);
  if (!prepare_read(self, "read of closed file")) return nullptr;
  if (n < 0) n = self->buffer_size;
  if (n == 0) return bytes_from_string_and_size(nullptr, 0);
  ssize have = readahead(self);
  if (have > 0) return take(self, have < n ? have : n);
  self->rbuf->clear();
  self->rpos = 0;
  if (n > self->buffer_size) {
    std::string buf(static_cast<size_t>(n), '\0');
    ssize got = raw_read(self, buf.data(), n);
    if (got == -2) return return_none();
    if (got < 0) return nullptr;
    return bytes_from_string_and_size(buf.data(), got);
  }
  ssize got = fill_buffer(self);
  if (got == -1) return nullptr;
  if (got == -2) return return_none();
  have = readahead(self);
  return take(self, have < n ? have : n);
}

Object* buffered_peek(Object* self_obj, Object* const*, ssize nargs) {
  if (!check_positional("peek", nargs, 0, 1)) return nullptr;
  BufferedObject* self = bf(self_obj);
  if (!prepare_read(self, "peek of closed file")) return nullptr;
  if (readahead(self) == 0) {
    ssize got = fill_buffer(self);
    if (got == -1) return nullptr;
  }
  return bytes_from_string_and_size(self->rbuf->data() + self->rpos, readahead(self));
}

Object* buffered_readinto(Object* self, Object* b) { return readinto_generic(self, b, false); }
Object* buffered_readinto1(Object* self, Object* b) { return readinto_generic(self, b, true); }

// _buffered_readline.
Object* readline_impl(BufferedObject* self, ssize limit) {
  std::string out;
  for (;;) {
    ssize have = readahead(self);
    const char* start = self->rbuf->data() + self->rpos;
    ssize scan = have;
    if (limit >= 0 && static_cast<ssize>(out.size()) + scan > limit)
      scan = limit - static_cast<ssize>(out.size());
    const void* nl = std::memchr(start, '\n', static_cast<size_t>(scan));
    if (nl) {
      ssize k = static_cast<const char*>(nl) - start + 1;
      out.append(start, static_cast<size_t>(k));
      self->rpos += k;
      break;
    }
    out.append(start, static_cast<size_t>(scan));
    self->rpos += scan;
    if (limit >= 0 && static_cast<ssize>(out.size()) >= limit) break;
    ssize got = fill_buffer(self);
    if (got == -1) return nullptr;
    if (got <= 0) break;
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

Object* buffered_readline(Object* self_obj, Object* const* args, ssize nargs) {
  if (!check_positional("readline", nargs, 0, 1)) return nullptr;
  ssize limit = -1;
  if (nargs > 0 && !detail::convert_ssize(args[0], &limit)) return nullptr;
  BufferedObject* self = bf(self_obj);
  if (!prepare_read(self, "readline of closed file")) return nullptr;
  return readline_impl(self, limit);
}

Object* buffered_iternext(Object* self_obj) {
  BufferedObject* self = bf(self_obj);
  Ref<> line;
  if (type_check_exact(self_obj, &bufferedreader_type) ||
      type_check_exact(self_obj, &bufferedrandom_type)) {
    if (!prepare_read(self, "readline of closed file")) return nullptr;
    line = Ref<>::steal(readline_impl(self, -1));
  } else {
    line = Ref<>::steal(detail::call_method(self_obj, "readline", nullptr));
    if (line && !bytes_check(line.get())) {
      return errors::format(exc_OSError, "readline() should have returned a bytes object, not '%.200s'",
                            line->type->name);
    }
  }
  if (!line) return nullptr;
  if (bytes_size(line.get()) == 0) return nullptr;
  return line.release();
}

Object* buffered_write(Object* self_obj, Object* b) {
  BufferedObject* self = bf(self_obj);
  if (!check_initialized(self)) return nullptr;
  const char* data;
  ssize n;
  if (!detail::get_read_buffer(b, &data, &n)) return nullptr;
  int c = raw_closed(self);
  if (c < 0) return nullptr;
  if (c) return errors::format(exc_ValueError, "write to closed file");
  if (self->readable && readahead(self) > 0 && !drop_readahead(self)) return nullptr;
  self->wbuf->append(data, static_cast<size_t>(n));
  if (static_cast<ssize>(self->wbuf->size()) >= self->buffer_size) {
    if (!flush_writes(self)) return nullptr;
  }
  return long_from_ssize(n);
}

// _io__Buffered___init__ / BufferedReader / BufferedWriter / BufferedRandom (raw,
// buffer_size=DEFAULT_BUFFER_SIZE).
int buffered_init_common(Object* self_obj, Object* args, Object* kwargs, const char* fname,
                         bool readable, bool writable) {
  static const char* const kw[] = {"raw", "buffer_size", nullptr};
  ArgParser p{fname, kw, 1, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_tuple(p, args, kwargs, a) < 0) return -1;
  BufferedObject* self = bf(self_obj);
  self->ok = false;
  self->detached = false;
  if (writable && readable) {
    Ref<> s = Ref<>::steal(detail::check_seekable(a[0]));
    if (!s) return -1;
  }
  if (readable) {
    Ref<> r = Ref<>::steal(detail::check_readable(a[0]));
    if (!r) return -1;
  }
  if (writable) {
    Ref<> w = Ref<>::steal(detail::check_writable(a[0]));
    if (!w) return -1;
  }
  ssize size = kDefaultBufferSize;
  if (a[1]) {
    Ref<> i = Ref<>::steal(number_index(a[1]));
    if (!i) return -1;
    size = number_as_ssize(i.get(), exc_OverflowError);
    if (size == -1 && errors::occurred()) return -1;
  }
  if (size <= 0) {
    errors::set_string(exc_ValueError, "buffer size must be strictly positive");
    return -1;
  }
  xsetref(self->raw, new_ref(a[0]));
  self->buffer_size = size;
  self->readable = readable;
  self->writable = writable;
  if (!self->rbuf) self->rbuf = new std::string();
  if (!self->wbuf) self->wbuf = new std::string();
  self->rbuf->clear();
  self->wbuf->clear();
  self->rpos = 0;
  self->abs_pos = -1;
  self->fast_fileio = type_check_exact(a[0], &fileio_type);
  self->ok = true;
  if (raw_tell(self) < 0) errors::clear();
  return 0;
}
int bufferedreader_init(Object* self, Object* args, Object* kwargs) {
  return buffered_init_common(self, args, kwargs, "BufferedReader", true, false);
}
int bufferedwriter_init(Object* self, Object* args, Object* kwargs) {
  return buffered_init_common(self, args, kwargs, "BufferedWriter", false, true);
}
int bufferedrandom_init(Object* self, Object* args, Object* kwargs) {
  return buffered_init_common(self, args, kwargs, "BufferedRandom", true, true);
}

int buffered_traverse(Object* self, visitproc visit, void* arg) {
  BufferedObject* b = bf(self);
  if (b->raw)
    if (int r = visit(b->raw, arg)) return r;
  if (b->dict)
    if (int r = visit(b->dict, arg)) return r;
  return 0;
}
int buffered_clear(Object* self) {
  bf(self)->ok = false;
  clear(bf(self)->raw);
  clear(bf(self)->dict);
  return 0;
}
void buffered_dealloc(Object* self) {
  bf(self)->finalizing = true;
  if (detail::dealloc_prologue(self)) return;
  BufferedObject* b = bf(self);
  b->ok = false;
  clear(b->raw);
  delete b->rbuf;
  delete b->wbuf;
  b->rbuf = b->wbuf = nullptr;
  detail::dealloc_epilogue(self);
}

MethodDef bufferedreader_methods[] = {
    {"detach", NOARGS(buffered_detach), nullptr},
    {"flush", NOARGS(buffered_simple_flush), nullptr},
    {"close", NOARGS(buffered_close), nullptr},
    {"seekable", NOARGS(buffered_seekable), nullptr},
    {"readable", NOARGS(buffered_readable), nullptr},
    {"fileno", NOARGS(buffered_fileno), nullptr},
    {"isatty", NOARGS(buffered_isatty), nullptr},
    {"_dealloc_warn", METH_O(buffered_dealloc_warn), nullptr},
    {"read", FASTCALL(buffered_read), nullptr},
    {"peek", FASTCALL(buffered_peek), nullptr},
    {"read1", FASTCALL(buffered_read1), nullptr},
    {"readinto", METH_O(buffered_readinto), nullptr},
    {"readinto1", METH_O(buffered_readinto1), nullptr},
    {"readline", FASTCALL(buffered_readline), nullptr},
    {"seek", FASTCALL(buffered_seek), nullptr},
    {"tell", NOARGS(buffered_tell), nullptr},
    {"truncate", FASTCALL(buffered_truncate), nullptr},
    {"__sizeof__", NOARGS(buffered_sizeof), nullptr},
    {"__getstate__", NOARGS(buffered_getstate), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

MethodDef bufferedwriter_methods[] = {
    {"close", NOARGS(buffered_close), nullptr},
    {"detach", NOARGS(buffered_detach), nullptr},
    {"seekable", NOARGS(buffered_seekable), nullptr},
    {"writable", NOARGS(buffered_writable), nullptr},
    {"fileno", NOARGS(buffered_fileno), nullptr},
    {"isatty", NOARGS(buffered_isatty), nullptr},
    {"_dealloc_warn", METH_O(buffered_dealloc_warn), nullptr},
    {"write", METH_O(buffered_write), nullptr},
    {"truncate", FASTCALL(buffered_truncate), nullptr},
    {"flush", NOARGS(buffered_flush), nullptr},
    {"seek", FASTCALL(buffered_seek), nullptr},
    {"tell", NOARGS(buffered_tell), nullptr},
    {"__sizeof__", NOARGS(buffered_sizeof), nullptr},
    {"__getstate__", NOARGS(buffered_getstate), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

MethodDef bufferedrandom_methods[] = {
    {"close", NOARGS(buffered_close), nullptr},
    {"detach", NOARGS(buffered_detach), nullptr},
    {"seekable", NOARGS(buffered_seekable), nullptr},
    {"readable", NOARGS(buffered_readable), nullptr},
    {"writable", NOARGS(buffered_writable), nullptr},
    {"fileno", NOARGS(buffered_fileno), nullptr},
    {"isatty", NOARGS(buffered_isatty), nullptr},
    {"_dealloc_warn", METH_O(buffered_dealloc_warn), nullptr},
    {"flush", NOARGS(buffered_flush), nullptr},
    {"seek", FASTCALL(buffered_seek), nullptr},
    {"tell", NOARGS(buffered_tell), nullptr},
    {"truncate", FASTCALL(buffered_truncate), nullptr},
    {"read", FASTCALL(buffered_read), nullptr},
    {"read1", FASTCALL(buffered_read1), nullptr},
    {"readinto", METH_O(buffered_readinto), nullptr},
    {"readinto1", METH_O(buffered_readinto1), nullptr},
    {"readline", FASTCALL(buffered_readline), nullptr},
    {"peek", FASTCALL(buffered_peek), nullptr},
    {"write", METH_O(buffered_write), nullptr},
    {"__sizeof__", NOARGS(buffered_sizeof), nullptr},
    {"__getstate__", NOARGS(buffered_getstate), nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef buffered_getset[] = {
    {"closed", buffered_closed_get, nullptr, nullptr, nullptr},
    {"name", buffered_name_get, nullptr, nullptr, nullptr},
    {"mode", buffered_mode_get, nullptr, nullptr, nullptr},
    {"raw", buffered_raw_get, nullptr, nullptr, nullptr},
    {"_finalizing", buffered_finalizing_get, buffered_finalizing_set, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// The three buffered types take object.__new__ (their __init__ sets the state up) and only
// the readable ones iterate (BufferedWriter's iteration is _IOBase's).
TypeObject make_buffered_type(const char* name, const char* doc, MethodDef* methods,
                              initproc init, bool readable) {
  TypeObject t = static_type(name, sizeof(BufferedObject), 0, kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &bufferediobase_type;
  t.dealloc = buffered_dealloc;
  t.repr = buffered_repr;
  t.doc = doc;
  t.traverse = buffered_traverse;
  t.clear = buffered_clear;
  if (readable) t.iternext = buffered_iternext;
  t.methods = methods;
  t.getset = buffered_getset;
  t.init = init;
  return t;
}

// --- BufferedRWPair -----------------------------------------------------------------------

struct RWPairObject : IOBaseObject {
  Object* reader;
  Object* writer;
};
inline RWPairObject* rw(Object* o) { return static_cast<RWPairObject*>(o); }

int rwpair_init(Object* self, Object* args, Object* kwargs) {
  if (kwargs && dict_size(kwargs) > 0) {
    errors::set_string(exc_TypeError, "BufferedRWPair() takes no keyword arguments");
    return -1;
  }
  ssize nargs = tuple_size(args);
  if (!check_positional("BufferedRWPair", nargs, 2, 3)) return -1;
  Object* reader = tuple_item(args, 0);
  Object* writer = tuple_item(args, 1);
  Ref<> r = Ref<>::steal(detail::check_readable(reader));
  if (!r) return -1;
  Ref<> w = Ref<>::steal(detail::check_writable(writer));
  if (!w) return -1;
  Ref<> size = nargs > 2 ? Ref<>::borrow(tuple_item(args, 2))
                         : Ref<>::steal(long_from_ssize(kDefaultBufferSize));
  Ref<> rargs = Ref<>::steal(tuple_pack(2, reader, size.get()));
  Ref<> wargs = Ref<>::steal(tuple_pack(2, writer, size.get()));
  if (!rargs || !wargs) return -1;
  Ref<> br = Ref<>::steal(object_call(&bufferedreader_type, rargs.get(), nullptr));
  if (!br) return -1;
  Ref<> bw = Ref<>::steal(object_call(&bufferedwriter_type, wargs.get(), nullptr));
  if (!bw) return -1;
  xsetref(rw(self)->reader, br.release());
  xsetref(rw(self)->writer, bw.release());
  return 0;
}

Object* rwpair_forward(Object* target, const char* method, Object* arg) {
  if (!target) {
    errors::set_string(exc_ValueError, "I/O operation on uninitialized object");
    return nullptr;
  }
  return detail::call_method(target, method, arg, nullptr);
}

#define RW_READ(fn, method)                                                  \
  Object* fn(Object* self, Object* const* args, ssize nargs) {               \
    return rwpair_forward(rw(self)->reader, method, nargs > 0 ? args[0] : nullptr); \
  }
RW_READ(rwpair_read, "read")
RW_READ(rwpair_peek, "peek")
RW_READ(rwpair_read1, "read1")
#undef RW_READ
Object* rwpair_readinto(Object* self, Object* b) { return rwpair_forward(rw(self)->reader, "readinto", b); }
Object* rwpair_readinto1(Object* self, Object* b) { return rwpair_forward(rw(self)->reader, "readinto1", b); }
Object* rwpair_write(Object* self, Object* b) { return rwpair_forward(rw(self)->writer, "write", b); }
Object* rwpair_flush(Object* self, Object*) { return rwpair_forward(rw(self)->writer, "flush", nullptr); }
Object* rwpair_readable(Object* self, Object*) { return rwpair_forward(rw(self)->reader, "readable", nullptr); }
Object* rwpair_writable(Object* self, Object*) { return rwpair_forward(rw(self)->writer, "writable", nullptr); }

Object* rwpair_close(Object* self, Object*) {
  Ref<> r = Ref<>::steal(rwpair_forward(rw(self)->writer, "close", nullptr));
  Object* exc = r ? nullptr : errors::get_raised_exception();
  r = Ref<>::steal(rwpair_forward(rw(self)->reader, "close", nullptr));
  if (exc) {
    if (!r) {
      errors::chain_exceptions1(exc);
    } else {
      errors::set_raised_exception(exc);
    }
    return nullptr;
  }
  return r.release();
}

Object* rwpair_isatty(Object* self, Object*) {
  Ref<> r = Ref<>::steal(rwpair_forward(rw(self)->writer, "isatty", nullptr));
  if (!r) return nullptr;
  if (r.get() != false_object()) return r.release();
  return rwpair_forward(rw(self)->reader, "isatty", nullptr);
}

Object* rwpair_closed_get(Object* self, void*) {
  if (!rw(self)->writer) {
    errors::set_string(exc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
    return nullptr;
  }
  return object_getattr_string(rw(self)->writer, "closed");
}

int rwpair_traverse(Object* self, visitproc visit, void* arg) {
  for (Object* o : {rw(self)->reader, rw(self)->writer, rw(self)->dict})
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}
int rwpair_clear(Object* self) {
  clear(rw(self)->reader);
  clear(rw(self)->writer);
  clear(rw(self)->dict);
  return 0;
}
void rwpair_dealloc(Object* self) {
  gc::untrack(self);
  if (rw(self)->weakreflist) object_clear_weakrefs(self);
  clear(rw(self)->reader);
  clear(rw(self)->writer);
  detail::dealloc_epilogue(self);
}

MethodDef rwpair_methods[] = {
    {"read", FASTCALL(rwpair_read), nullptr},
    {"peek", FASTCALL(rwpair_peek), nullptr},
    {"read1", FASTCALL(rwpair_read1), nullptr},
    {"readinto", METH_O(rwpair_readinto), nullptr},
    {"readinto1", METH_O(rwpair_readinto1), nullptr},
    {"write", METH_O(rwpair_write), nullptr},
    {"flush", NOARGS(rwpair_flush), nullptr},
    {"readable", NOARGS(rwpair_readable), nullptr},
    {"writable", NOARGS(rwpair_writable), nullptr},
    {"close", NOARGS(rwpair_close), nullptr},
    {"isatty", NOARGS(rwpair_isatty), nullptr},
    {nullptr, nullptr, 0, nullptr},
};
GetSetDef rwpair_getset[] = {
    {"closed", rwpair_closed_get, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject bufferediobase_type = [] {
  TypeObject t = static_type("_io._BufferedIOBase", sizeof(IOBaseObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &iobase_type;
  t.doc = "Base class for buffered IO objects.\n\nThe main difference with RawIOBase is that "
          "the read() method\nsupports omitting the size argument, and does not have a default\n"
          "implementation that defers to readinto().\n\nIn addition, read(), readinto() and "
          "write() may raise\nBlockingIOError if the underlying raw stream is in non-blocking\n"
          "mode and not ready; unlike their raw counterparts, they will never\nreturn None.\n\n"
          "A typical implementation should not inherit from a RawIOBase\nimplementation, but "
          "wrap one.\n";
  t.methods = bufferediobase_methods;
  return t;
}();

TypeObject bufferedreader_type = make_buffered_type(
    "_io.BufferedReader",
    "BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nCreate a new buffered reader "
    "using the given readable raw IO object.",
    bufferedreader_methods, bufferedreader_init, true);
TypeObject bufferedwriter_type = make_buffered_type(
    "_io.BufferedWriter",
    "BufferedWriter(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffer for a writeable "
    "sequential RawIO object.\n\nThe constructor creates a BufferedWriter for the given "
    "writeable raw\nstream. If the buffer_size is not given, it defaults to\n"
    "DEFAULT_BUFFER_SIZE.",
    bufferedwriter_methods, bufferedwriter_init, false);
TypeObject bufferedrandom_type = make_buffered_type(
    "_io.BufferedRandom",
    "BufferedRandom(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffered interface to random "
    "access streams.\n\nThe constructor creates a reader and writer for a seekable stream,\n"
    "raw, given in the first argument. If the buffer_size is omitted it\ndefaults to "
    "DEFAULT_BUFFER_SIZE.",
    bufferedrandom_methods, bufferedrandom_init, true);

TypeObject bufferedrwpair_type = [] {
  TypeObject t = static_type("_io.BufferedRWPair", sizeof(RWPairObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.base = &bufferediobase_type;
  t.dealloc = rwpair_dealloc;
  t.doc = "BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)\n--\n\nA buffered "
          "reader and writer object together.\n\nA buffered reader object and buffered writer "
          "object put together to\nform a sequential IO object that can read and write. This is "
          "typically\nused with a socket or two-way pipe.\n\nreader and writer are RawIOBase "
          "objects that are readable and\nwriteable respectively. If the buffer_size is omitted "
          "it defaults to\nDEFAULT_BUFFER_SIZE.";
  t.traverse = rwpair_traverse;
  t.clear = rwpair_clear;
  t.methods = rwpair_methods;
  t.getset = rwpair_getset;
  t.init = rwpair_init;
  return t;
}();

}  // namespace cppy::modules::_io
