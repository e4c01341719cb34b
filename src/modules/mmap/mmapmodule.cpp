// The mmap module: Modules/mmapmodule.c of CPython 3.14, the Unix half: the mmap type over
// mmap(2)/mremap(2)/msync(2)/madvise(2), with CPython's argument handling and messages.
#include "modules/mmap/mmapmodule.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/moduleobject.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "objects/spec_types.h"
#include "unicode/fastsearch.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::mmap_ {

using namespace objects;

namespace {

enum AccessMode : int { kAccessDefault, kAccessRead, kAccessWrite, kAccessCopy };

// mmap_object.
struct MmapObj : Object {
  char* data;
  ssize size;
  ssize pos;  // relative to offset
  off_t offset;
  ssize exports;
  int fd;
  int flags;
  Object* weakreflist;
  AccessMode access;
  bool trackfd;
};

TypeObject mmap_type{};

MmapObj* M(Object* o) { return static_cast<MmapObj*>(o); }

// _As_Py_ssize_t: the clinic conversion of a Py_ssize_t argument.
bool as_ssize(Object* arg, ssize* out) {
  Ref<> i = Ref<>::steal(number_index(arg));
  if (!i) return false;
  ssize v = long_as_ssize(i.get());
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// The clinic "int" conversion (PyLong_AsInt).
bool as_int(Object* arg, int* out) {
  int v = long_as_int(arg);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// CHECK_VALID.
bool check_valid(MmapObj* self) {
  if (!self->data) {
    errors::set_string(exc_ValueError, "mmap closed or invalid");
    return false;
  }
  return true;
}

// is_writable.
bool is_writable(MmapObj* self) {
  if (self->access != kAccessRead) return true;
  errors::set_string(exc_TypeError, "mmap can't modify a readonly memory map.");
  return false;
}

// is_resizeable.
bool is_resizeable(MmapObj* self) {
  if (self->exports > 0) {
    errors::set_string(exc_BufferError, "mmap can't resize with extant buffers exported.");
    return false;
  }
  if (!self->trackfd) {
    errors::set_string(exc_ValueError, "mmap can't resize with trackfd=False.");
    return false;
  }
  if (self->access == kAccessWrite || self->access == kAccessDefault) return true;
  errors::set_string(exc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
  return false;
}

void mmap_dealloc(Object* op) {
  auto* m = M(op);
  {
    vm::AllowThreads unlocked;
    if (m->fd >= 0) ::close(m->fd);
    if (m->data) ::munmap(m->data, static_cast<size_t>(m->size));
  }
  if (m->weakreflist) object_clear_weakrefs(op);
  TypeObject* tp = op->type;
  tp->free(op);
  // The type is static; a subclass instance's heap type is released by subtype_dealloc
  // (CPython's type_needs_decref: only when the base is not a heap type itself).
}

// mmap_mmap_close_impl.
Object* mmap_close(Object* op, Object*) {
  auto* self = M(op);
  if (self->exports > 0) {
    errors::set_string(exc_BufferError, "cannot close exported pointers exist");
    return nullptr;
  }
  int fd = self->fd;
  char* data = self->data;
  self->fd = -1;
  self->data = nullptr;
  {
    vm::AllowThreads unlocked;
    if (fd >= 0) ::close(fd);
    if (data) ::munmap(data, static_cast<size_t>(self->size));
  }
  return return_none();
}

Object* mmap_read_byte(Object* op, Object*) {
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  if (self->pos >= self->size) {
    errors::set_string(exc_ValueError, "read byte out of range");
    return nullptr;
  }
  return long_from_long(static_cast<unsigned char>(self->data[self->pos++]));
}

// mmap_mmap_readline_impl.
Object* mmap_readline(Object* op, Object*) {
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  ssize remaining = self->pos < self->size ? self->size - self->pos : 0;
  if (!remaining) return bytes_from_string_and_size(nullptr, 0);
  char* start = self->data + self->pos;
  auto* eol = static_cast<char*>(std::memchr(start, '\n', static_cast<size_t>(remaining)));
  if (!eol)
    eol = self->data + self->size;
  else
    ++eol;
  Object* result = bytes_from_string_and_size(start, eol - start);
  if (result) self->pos += eol - start;
  return result;
}

// mmap_mmap_read_impl: n is _Py_convert_optional_to_ssize_t (None: everything).
Object* mmap_read(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("read", nargs, 0, 1)) return nullptr;
  ssize num_bytes = PTRDIFF_MAX;
  if (nargs > 0 && args[0] != none()) {
    if (!index_check(args[0]))
      return errors::format(exc_TypeError, "argument should be integer or None, not '%.200s'",
                            args[0]->type->name);
    num_bytes = number_as_ssize(args[0], exc_OverflowError);
    if (num_bytes == -1 && errors::occurred()) return nullptr;
  }
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  ssize remaining = self->pos < self->size ? self->size - self->pos : 0;
  if (num_bytes < 0 || num_bytes > remaining) num_bytes = remaining;
  Object* result = bytes_from_string_and_size(self->data + self->pos, num_bytes);
  if (result) self->pos += num_bytes;
  return result;
}

// mmap_gfind_lock_held.
Object* gfind(Object* op, Object* const* args, ssize nargs, bool reverse) {
  const char* name = reverse ? "rfind" : "find";
  if (!check_positional(name, nargs, 1, 3)) return nullptr;
  BufferHolder view;
  if (view.get(args[0]) < 0) return nullptr;
  Object* start_obj = nargs > 1 ? args[1] : none();
  Object* end_obj = nargs > 2 ? args[2] : none();
  auto* self = M(op);
  ssize start = self->pos, end = self->size;
  if (!check_valid(self)) return nullptr;
  if (start_obj != none()) {
    if (!as_ssize(start_obj, &start)) return nullptr;
    if (end_obj != none() && !as_ssize(end_obj, &end)) return nullptr;
  }
  if (start < 0) start += self->size;
  if (start < 0) start = 0;
  else if (start > self->size) start = self->size;
  if (end < 0) end += self->size;
  if (end < 0) end = 0;
  else if (end > self->size) end = self->size;
  if (!check_valid(self)) return nullptr;
  if (end < start) return long_from_ssize(-1);
  const auto* hay = reinterpret_cast<const uint8_t*>(self->data + start);
  ssize n = end - start;
  const auto* needle = reinterpret_cast<const uint8_t*>(view.data());
  ssize m = view.size();
  ssize index;
  // _PyBytes_Find / _PyBytes_ReverseFind: the empty needle matches at the edge.
  if (m == 0) {
    index = reverse ? n : 0;
  } else if (m == 1) {
    index = reverse ? unicode::rfind_char(hay, n, needle[0]) : unicode::find_char(hay, n, needle[0]);
  } else {
    index = unicode::fastsearch(hay, n, needle, m, -1,
                                reverse ? unicode::SearchMode::RSearch : unicode::SearchMode::Search);
  }
  return long_from_ssize(index >= 0 ? index + start : -1);
}
Object* mmap_find(Object* op, Object* const* args, ssize nargs) { return gfind(op, args, nargs, false); }
Object* mmap_rfind(Object* op, Object* const* args, ssize nargs) { return gfind(op, args, nargs, true); }

// mmap_mmap_write_impl.
Object* mmap_write(Object* op, Object* arg) {
  BufferHolder data;
  if (data.get(arg) < 0) return nullptr;
  auto* self = M(op);
  if (!check_valid(self) || !is_writable(self)) return nullptr;
  if (self->pos > self->size || self->size - self->pos < data.size()) {
    errors::set_string(exc_ValueError, "data out of range");
    return nullptr;
  }
  std::memcpy(self->data + self->pos, data.data(), static_cast<size_t>(data.size()));
  self->pos += data.size();
  return long_from_ssize(data.size());
}

// mmap_mmap_write_byte_impl (the clinic unsigned_char conversion first).
Object* mmap_write_byte(Object* op, Object* arg) {
  long ival = long_as_long(arg);
  if (ival == -1 && errors::occurred()) return nullptr;
  if (ival < 0) {
    errors::set_string(exc_OverflowError, "unsigned byte integer is less than minimum");
    return nullptr;
  }
  if (ival > UCHAR_MAX) {
    errors::set_string(exc_OverflowError, "unsigned byte integer is greater than maximum");
    return nullptr;
  }
  auto* self = M(op);
  if (!check_valid(self) || !is_writable(self)) return nullptr;
  if (self->pos >= self->size) {
    errors::set_string(exc_ValueError, "write byte out of range");
    return nullptr;
  }
  self->data[self->pos++] = static_cast<char>(ival);
  return return_none();
}

// mmap_mmap_size_impl: the size of the file (fstat of the map's descriptor, EBADF for an
// anonymous map or one made with trackfd=False, as in 3.14).
Object* mmap_size(Object* op, Object*) {
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  struct stat st;
  int r;
  {
    vm::AllowThreads unlocked;
    r = ::fstat(self->fd, &st);
  }
  if (r == -1) return errors::set_from_errno(exc_OSError);
  return long_from_long_long(st.st_size);
}

// mmap_mmap_resize_impl.
Object* mmap_resize(Object* op, Object* arg) {
  ssize new_size;
  if (!as_ssize(arg, &new_size)) return nullptr;
  auto* self = M(op);
  if (!check_valid(self) || !is_resizeable(self)) return nullptr;
  if (new_size < 0 || PTRDIFF_MAX - new_size < self->offset) {
    errors::set_string(exc_ValueError, "new size out of range");
    return nullptr;
  }
  if (self->fd == -1 && !(self->flags & MAP_PRIVATE) && new_size > self->size) {
    errors::set_string(exc_ValueError, "mmap: can't expand a shared anonymous mapping on Linux");
    return nullptr;
  }
  if (self->fd != -1 && ::ftruncate(self->fd, self->offset + new_size) == -1)
    return errors::set_from_errno(exc_OSError);
  void* newmap = ::mremap(self->data, static_cast<size_t>(self->size),
                          static_cast<size_t>(new_size), MREMAP_MAYMOVE);
  if (newmap == MAP_FAILED) return errors::set_from_errno(exc_OSError);
  self->data = static_cast<char*>(newmap);
  self->size = new_size;
  return return_none();
}

Object* mmap_tell(Object* op, Object*) {
  if (!check_valid(M(op))) return nullptr;
  return long_from_unsigned_long_long(static_cast<size_t>(M(op)->pos));
}

// mmap_mmap_flush_impl.
Object* mmap_flush(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("flush", nargs, 0, 2)) return nullptr;
  ssize offset = 0, size = -1;
  if (nargs > 0 && !as_ssize(args[0], &offset)) return nullptr;
  if (nargs > 1 && !as_ssize(args[1], &size)) return nullptr;
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  if (size == -1) size = self->size - offset;
  if (size < 0 || offset < 0 || self->size - offset < size) {
    errors::set_string(exc_ValueError, "flush values out of range");
    return nullptr;
  }
  if (self->access == kAccessRead || self->access == kAccessCopy) return return_none();
  if (::msync(self->data + offset, static_cast<size_t>(size), MS_SYNC) == -1)
    return errors::set_from_errno(exc_OSError);
  return return_none();
}

// mmap_mmap_seek_impl.
Object* mmap_seek(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("seek", nargs, 1, 2)) return nullptr;
  ssize dist;
  int how = 0;
  if (!as_ssize(args[0], &dist)) return nullptr;
  if (nargs > 1 && !as_int(args[1], &how)) return nullptr;
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  ssize where;
  switch (how) {
    case 0:
      where = dist;
      break;
    case 1:
      if (PTRDIFF_MAX - self->pos < dist) goto out_of_range;
      where = self->pos + dist;
      break;
    case 2:
      if (PTRDIFF_MAX - self->size < dist) goto out_of_range;
      where = self->size + dist;
      break;
    default:
      errors::set_string(exc_ValueError, "unknown seek type");
      return nullptr;
  }
  if (where > self->size || where < 0) goto out_of_range;
  self->pos = where;
  return long_from_ssize(self->pos);
out_of_range:
  errors::set_string(exc_ValueError, "seek out of range");
  return nullptr;
}

Object* mmap_seekable(Object*, Object*) { return bool_from_long(1); }

// mmap_mmap_move_impl.
Object* mmap_move(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("move", nargs, 3, 3)) return nullptr;
  ssize dest, src, cnt;
  if (!as_ssize(args[0], &dest) || !as_ssize(args[1], &src) || !as_ssize(args[2], &cnt))
    return nullptr;
  auto* self = M(op);
  if (!check_valid(self) || !is_writable(self)) return nullptr;
  if (dest < 0 || src < 0 || cnt < 0 || self->size - dest < cnt || self->size - src < cnt) {
    errors::set_string(exc_ValueError, "source, destination, or count out of range");
    return nullptr;
  }
  std::memmove(self->data + dest, self->data + src, static_cast<size_t>(cnt));
  return return_none();
}

Object* mmap_closed_get(Object* op, void*) { return bool_from_long(M(op)->data == nullptr); }

Object* mmap_enter(Object* op, Object*) {
  if (!check_valid(M(op))) return nullptr;
  return new_ref(op);
}

Object* mmap_exit(Object* op, Object* const*, ssize nargs) {
  if (!check_positional("__exit__", nargs, 3, 3)) return nullptr;
  return mmap_close(op, nullptr);
}

// mmap__repr__method_lock_held.
Object* mmap_repr(Object* op) {
  auto* m = M(op);
  if (!m->data) return str_from_format("<%s closed=True>", op->type->name);
  const char* access = m->access == kAccessDefault ? "ACCESS_DEFAULT"
                       : m->access == kAccessRead  ? "ACCESS_READ"
                       : m->access == kAccessWrite ? "ACCESS_WRITE"
                                                   : "ACCESS_COPY";
  return str_from_format("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%lld>",
                         op->type->name, access, m->size, m->pos,
                         static_cast<long long>(m->offset));
}

// mmap_mmap_madvise_impl.
Object* mmap_madvise(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("madvise", nargs, 1, 3)) return nullptr;
  int option;
  ssize start = 0, length;
  if (!as_int(args[0], &option)) return nullptr;
  if (nargs > 1 && !as_ssize(args[1], &start)) return nullptr;
  Object* length_obj = nargs > 2 ? args[2] : none();
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  if (length_obj == none()) {
    length = self->size;
  } else if (!as_ssize(length_obj, &length)) {
    return nullptr;
  }
  if (start < 0 || start >= self->size) {
    errors::set_string(exc_ValueError, "madvise start out of bounds");
    return nullptr;
  }
  if (length < 0) {
    errors::set_string(exc_ValueError, "madvise length invalid");
    return nullptr;
  }
  if (PTRDIFF_MAX - start < length) {
    errors::set_string(exc_OverflowError, "madvise length too large");
    return nullptr;
  }
  if (start + length > self->size) length = self->size - start;
  if (::madvise(self->data + start, static_cast<size_t>(length), option) != 0)
    return errors::set_from_errno(exc_OSError);
  return return_none();
}

// The buffer: read-only for ACCESS_READ maps.
int mmap_getbuffer(Object* op, Buffer* view, int flags) {
  auto* self = M(op);
  if (!check_valid(self)) return -1;
  if (buffer_fill_info(view, op, self->data, self->size, self->access == kAccessRead, flags) < 0)
    return -1;
  self->exports++;
  return 0;
}
void mmap_releasebuffer(Object* op, Buffer*) { M(op)->exports--; }
BufferProcs mmap_as_buffer = {mmap_getbuffer, mmap_releasebuffer};

ssize mmap_length(Object* op) {
  if (!check_valid(M(op))) return -1;
  return M(op)->size;
}

Object* mmap_item(Object* op, ssize i) {
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  if (i < 0 || i >= self->size) {
    errors::set_string(exc_IndexError, "mmap index out of range");
    return nullptr;
  }
  return bytes_from_string_and_size(self->data + i, 1);
}

// mmap_subscript_lock_held.
Object* mmap_subscript(Object* op, Object* item) {
  auto* self = M(op);
  if (!check_valid(self)) return nullptr;
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += self->size;
    if (i < 0 || i >= self->size) {
      errors::set_string(exc_IndexError, "mmap index out of range");
      return nullptr;
    }
    return long_from_long(static_cast<unsigned char>(self->data[i]));
  }
  if (!slice_check(item)) {
    errors::set_string(exc_TypeError, "mmap indices must be integers");
    return nullptr;
  }
  ssize start, stop, step;
  if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
  ssize slicelen = slice_adjust_indices(self->size, &start, &stop, step);
  if (!check_valid(self)) return nullptr;
  if (slicelen <= 0) return bytes_from_string_and_size(nullptr, 0);
  if (step == 1) return bytes_from_string_and_size(self->data + start, slicelen);
  std::string buf(static_cast<size_t>(slicelen), '\0');
  ssize cur = start;
  for (ssize i = 0; i < slicelen; cur += step, i++) buf[static_cast<size_t>(i)] = self->data[cur];
  return bytes_from_string_and_size(buf.data(), slicelen);
}

// mmap_ass_item_lock_held.
int mmap_ass_item(Object* op, ssize i, Object* v) {
  auto* self = M(op);
  if (!check_valid(self)) return -1;
  if (i < 0 || i >= self->size) {
    errors::set_string(exc_IndexError, "mmap index out of range");
    return -1;
  }
  if (!v) {
    errors::set_string(exc_TypeError, "mmap object doesn't support item deletion");
    return -1;
  }
  if (!(bytes_check(v) && bytes_size(v) == 1)) {
    errors::set_string(exc_IndexError, "mmap assignment must be length-1 bytes()");
    return -1;
  }
  if (!is_writable(self)) return -1;
  self->data[i] = bytes_as_string(v)[0];
  return 0;
}

// mmap_ass_subscript_lock_held.
int mmap_ass_subscript(Object* op, Object* item, Object* value) {
  auto* self = M(op);
  if (!check_valid(self) || !is_writable(self)) return -1;
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return -1;
    if (i < 0) i += self->size;
    if (i < 0 || i >= self->size) {
      errors::set_string(exc_IndexError, "mmap index out of range");
      return -1;
    }
    if (!value) {
      errors::set_string(exc_TypeError, "mmap doesn't support item deletion");
      return -1;
    }
    if (!index_check(value)) {
      errors::set_string(exc_TypeError, "mmap item value must be an int");
      return -1;
    }
    ssize v = number_as_ssize(value, exc_TypeError);
    if (v == -1 && errors::occurred()) return -1;
    if (v < 0 || v > 255) {
      errors::set_string(exc_ValueError, "mmap item value must be in range(0, 256)");
      return -1;
    }
    if (!check_valid(self)) return -1;
    self->data[i] = static_cast<char>(v);
    return 0;
  }
  if (!slice_check(item)) {
    errors::set_string(exc_TypeError, "mmap indices must be integer");
    return -1;
  }
  ssize start, stop, step;
  if (slice_unpack(item, &start, &stop, &step) < 0) return -1;
  ssize slicelen = slice_adjust_indices(self->size, &start, &stop, step);
  if (!value) {
    errors::set_string(exc_TypeError, "mmap object doesn't support slice deletion");
    return -1;
  }
  BufferHolder vbuf;
  if (vbuf.get(value) < 0) return -1;
  if (vbuf.size() != slicelen) {
    errors::set_string(exc_IndexError, "mmap slice assignment is wrong size");
    return -1;
  }
  if (!check_valid(self)) return -1;
  if (slicelen == 0) return 0;
  if (step == 1) {
    std::memmove(self->data + start, vbuf.data(), static_cast<size_t>(slicelen));
    return 0;
  }
  ssize cur = start;
  for (ssize i = 0; i < slicelen; cur += step, i++) self->data[cur] = vbuf.data()[i];
  return 0;
}

// The keyword half of PyArg_ParseTupleAndKeywords (vgetargskeywords) for a format without a
// function name, as new_mmap_object uses it: its messages say "function".
int parse_tuple_and_keywords(Object* args, Object* kwds, const char* const* keywords, int min,
                             int maxpos, Object** out) {
  int len = 0;
  while (keywords[len]) len++;
  ssize nargs = tuple_size(args);
  ssize nkw = kwds ? dict_size(kwds) : 0;
  if (nargs + nkw > len) {
    errors::format(exc_TypeError, "function takes at most %d %sarguments (%zd given)",
                   nargs > maxpos ? maxpos : len, nargs > maxpos ? "positional " : "",
                   nargs + nkw);
    return -1;
  }
  if (nargs > maxpos) {
    errors::format(exc_TypeError, "function takes at most %d positional arguments (%zd given)",
                   maxpos, nargs);
    return -1;
  }
  for (int i = 0; i < len; i++) {
    Object* v = nullptr;
    if (i < nargs) {
      v = tuple_item(args, i);
    } else if (nkw) {
      v = dict_get_item_string(kwds, keywords[i]);
    }
    if (!v && i < min) {
      errors::format(exc_TypeError, "function missing required argument '%s' (pos %d)",
                     keywords[i], i + 1);
      return -1;
    }
    out[i] = v;
  }
  for (ssize i = 0; i < nargs && nkw; i++) {
    if (dict_get_item_string(kwds, keywords[i])) {
      errors::format(exc_TypeError, "argument for function given by name ('%s') and position (%zd)",
                     keywords[i], i + 1);
      return -1;
    }
  }
  if (nkw) {
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(kwds, &pos, &key, &value)) {
      if (!str_check(key)) {
        errors::set_string(exc_TypeError, "keywords must be strings");
        return -1;
      }
      bool found = false;
      for (int i = 0; i < len && !found; i++) found = str_equal_cstr(key, keywords[i]);
      if (!found) {
        errors::format(exc_TypeError, "this function got an unexpected keyword argument '%U'",
                       key);
        return -1;
      }
    }
  }
  return 0;
}

// new_mmap_object (Unix): mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
// access=ACCESS_DEFAULT, offset=0, *, trackfd=True).
Object* mmap_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kKeywords[] = {"fileno", "length", "flags", "prot",
                                          "access", "offset", "trackfd", nullptr};
  Object* argv[7] = {};
  if (parse_tuple_and_keywords(args, kwds, kKeywords, 2, 6, argv) < 0) return nullptr;
  int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = kAccessDefault;
  ssize map_size;
  long long offset_ll = 0;
  bool trackfd = true;
  if (!as_int(argv[0], &fd)) return nullptr;
  if (!as_ssize(argv[1], &map_size)) return nullptr;
  if (argv[2] && !as_int(argv[2], &flags)) return nullptr;
  if (argv[3] && !as_int(argv[3], &prot)) return nullptr;
  if (argv[4] && !as_int(argv[4], &access)) return nullptr;
  if (argv[5]) {
    Ref<> i = Ref<>::steal(number_index(argv[5]));
    if (!i) return nullptr;
    offset_ll = long_as_long_long(i.get());
    if (offset_ll == -1 && errors::occurred()) return nullptr;
  }
  if (argv[6]) {
    int t = object_is_true(argv[6]);
    if (t < 0) return nullptr;
    trackfd = t != 0;
  }
  off_t offset = static_cast<off_t>(offset_ll);
  if (map_size < 0) {
    errors::set_string(exc_OverflowError, "memory mapped length must be positive");
    return nullptr;
  }
  if (offset < 0) {
    errors::set_string(exc_OverflowError, "memory mapped offset must be positive");
    return nullptr;
  }
  if (access != kAccessDefault && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
    return errors::format(exc_ValueError, "mmap can't specify both access and flags, prot.");
  switch (access) {
    case kAccessRead:
      flags = MAP_SHARED;
      prot = PROT_READ;
      break;
    case kAccessWrite:
      flags = MAP_SHARED;
      prot = PROT_READ | PROT_WRITE;
      break;
    case kAccessCopy:
      flags = MAP_PRIVATE;
      prot = PROT_READ | PROT_WRITE;
      break;
    case kAccessDefault:
      // The access mode follows prot.
      if ((prot & PROT_READ) && (prot & PROT_WRITE)) {
      } else if (prot & PROT_WRITE) {
        access = kAccessWrite;
      } else {
        access = kAccessRead;
      }
      break;
    default:
      return errors::format(exc_ValueError, "mmap invalid access parameter.");
  }
  struct stat status;
  int fstat_result = -1;
  if (fd != -1) {
    vm::AllowThreads unlocked;
    fstat_result = ::fstat(fd, &status);
  }
  if (fd != -1 && fstat_result == 0 && S_ISREG(status.st_mode)) {
    if (map_size == 0) {
      if (status.st_size == 0) {
        errors::set_string(exc_ValueError, "cannot mmap an empty file");
        return nullptr;
      }
      if (offset >= status.st_size) {
        errors::set_string(exc_ValueError, "mmap offset is greater than file size");
        return nullptr;
      }
      map_size = static_cast<ssize>(status.st_size - offset);
    } else if (offset > status.st_size || status.st_size - offset < map_size) {
      errors::set_string(exc_ValueError, "mmap length is greater than file size");
      return nullptr;
    }
  }
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* m = M(obj.get());
  m->data = nullptr;
  m->size = map_size;
  m->pos = 0;
  m->weakreflist = nullptr;
  m->exports = 0;
  m->offset = offset;
  m->trackfd = trackfd;
  m->access = static_cast<AccessMode>(access);
  if (fd == -1) {
    m->fd = -1;
    flags |= MAP_ANONYMOUS;  // mmap(-1, size): anonymous memory
  } else if (trackfd) {
    m->fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);  // _Py_dup: non-inheritable
    if (m->fd == -1) return errors::set_from_errno(exc_OSError);
  } else {
    m->fd = -1;
  }
  m->flags = flags;
  void* data;
  {
    vm::AllowThreads unlocked;
    data = ::mmap(nullptr, static_cast<size_t>(map_size), prot, flags, fd, offset);
  }
  if (data == MAP_FAILED) return errors::set_from_errno(exc_OSError);
  m->data = static_cast<char*>(data);
  return obj.release();
}

MethodDef mmap_methods[] = {
    {"close", reinterpret_cast<void*>(mmap_close), kMethNoArgs, "close($self, /)\n--\n\n"},
    {"find", reinterpret_cast<void*>(mmap_find), kMethFastcall,
     "find($self, view, start=None, end=None, /)\n--\n\n"},
    {"rfind", reinterpret_cast<void*>(mmap_rfind), kMethFastcall,
     "rfind($self, view, start=None, end=None, /)\n--\n\n"},
    {"flush", reinterpret_cast<void*>(mmap_flush), kMethFastcall,
     "flush($self, offset=0, size=-1, /)\n--\n\n"},
    {"madvise", reinterpret_cast<void*>(mmap_madvise), kMethFastcall,
     "madvise($self, option, start=0, length=None, /)\n--\n\n"},
    {"move", reinterpret_cast<void*>(mmap_move), kMethFastcall,
     "move($self, dest, src, count, /)\n--\n\n"},
    {"read", reinterpret_cast<void*>(mmap_read), kMethFastcall, "read($self, n=None, /)\n--\n\n"},
    {"read_byte", reinterpret_cast<void*>(mmap_read_byte), kMethNoArgs,
     "read_byte($self, /)\n--\n\n"},
    {"readline", reinterpret_cast<void*>(mmap_readline), kMethNoArgs,
     "readline($self, /)\n--\n\n"},
    {"resize", reinterpret_cast<void*>(mmap_resize), kMethO, "resize($self, newsize, /)\n--\n\n"},
    {"seek", reinterpret_cast<void*>(mmap_seek), kMethFastcall,
     "seek($self, pos, whence=0, /)\n--\n\n"},
    {"seekable", reinterpret_cast<void*>(mmap_seekable), kMethNoArgs,
     "seekable($self, /)\n--\n\n"},
    {"size", reinterpret_cast<void*>(mmap_size), kMethNoArgs, "size($self, /)\n--\n\n"},
    {"tell", reinterpret_cast<void*>(mmap_tell), kMethNoArgs, "tell($self, /)\n--\n\n"},
    {"write", reinterpret_cast<void*>(mmap_write), kMethO, "write($self, bytes, /)\n--\n\n"},
    {"write_byte", reinterpret_cast<void*>(mmap_write_byte), kMethO,
     "write_byte($self, byte, /)\n--\n\n"},
    {"__enter__", reinterpret_cast<void*>(mmap_enter), kMethNoArgs, "__enter__($self, /)\n--\n\n"},
    {"__exit__", reinterpret_cast<void*>(mmap_exit), kMethFastcall,
     "__exit__($self, exc_type, exc_value, traceback, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef mmap_getset[] = {{"closed", mmap_closed_get, nullptr, nullptr, nullptr},
                           {nullptr, nullptr, nullptr, nullptr, nullptr}};

SequenceMethods mmap_as_sequence = [] {
  SequenceMethods s{};
  s.length = mmap_length;
  s.item = mmap_item;
  s.ass_item = mmap_ass_item;
  return s;
}();

MappingMethods mmap_as_mapping = {mmap_length, mmap_subscript, mmap_ass_subscript};

const char kMmapDoc[] =
    "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
    "Maps length bytes from the file specified by the file handle fileno,\n"
    "and returns a mmap object.  If length is larger than the current size\n"
    "of the file, the file is extended to contain length bytes.  If length\n"
    "is 0, the maximum length of the map is the current size of the file,\n"
    "except that if the file is empty Windows raises an exception (you cannot\n"
    "create an empty mapping on Windows).\n\n"
    "Unix: mmap(fileno, length[, flags[, prot[, access[, offset[, trackfd]]]]])\n\n"
    "Maps length bytes from the file specified by the file descriptor fileno,\n"
    "and returns a mmap object.  If length is 0, the maximum length of the map\n"
    "will be the current size of the file when mmap is called.\n"
    "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n"
    "private copy-on-write mapping, so changes to the contents of the mmap\n"
    "object will be private to this process, and MAP_SHARED creates a mapping\n"
    "that's shared with all other processes mapping the same areas of the file.\n"
    "The default value is MAP_SHARED.\n\n"
    "To map anonymous memory, pass -1 as the fileno (both versions).";

struct IntConstant {
  const char* name;
  long value;
};

// mmap_exec's constants, in its order (those Linux defines).
const IntConstant kConstants[] = {
    {"PROT_EXEC", PROT_EXEC}, {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE},
    {"MAP_SHARED", MAP_SHARED}, {"MAP_PRIVATE", MAP_PRIVATE},
    {"MAP_DENYWRITE", MAP_DENYWRITE}, {"MAP_EXECUTABLE", MAP_EXECUTABLE},
    {"MAP_ANON", MAP_ANONYMOUS}, {"MAP_ANONYMOUS", MAP_ANONYMOUS},
    {"MAP_POPULATE", MAP_POPULATE}, {"MAP_STACK", MAP_STACK},
    {"MAP_NORESERVE", MAP_NORESERVE},
    {"ACCESS_DEFAULT", kAccessDefault}, {"ACCESS_READ", kAccessRead},
    {"ACCESS_WRITE", kAccessWrite}, {"ACCESS_COPY", kAccessCopy},
    {"MADV_NORMAL", MADV_NORMAL}, {"MADV_RANDOM", MADV_RANDOM},
    {"MADV_SEQUENTIAL", MADV_SEQUENTIAL}, {"MADV_WILLNEED", MADV_WILLNEED},
    {"MADV_DONTNEED", MADV_DONTNEED}, {"MADV_REMOVE", MADV_REMOVE},
    {"MADV_DONTFORK", MADV_DONTFORK}, {"MADV_DOFORK", MADV_DOFORK},
    {"MADV_HWPOISON", MADV_HWPOISON}, {"MADV_MERGEABLE", MADV_MERGEABLE},
    {"MADV_UNMERGEABLE", MADV_UNMERGEABLE},
#ifdef MADV_SOFT_OFFLINE
    {"MADV_SOFT_OFFLINE", MADV_SOFT_OFFLINE},
#endif
    {"MADV_HUGEPAGE", MADV_HUGEPAGE}, {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
    {"MADV_DONTDUMP", MADV_DONTDUMP}, {"MADV_DODUMP", MADV_DODUMP},
    {"MADV_FREE", MADV_FREE},
};

int add_int(Object* m, const char* name, long value) {
  Ref<> v = Ref<>::steal(long_from_long(value));
  if (!v) return -1;
  return module_add_object_ref(m, name, v.get());
}

// mmap_exec.
int mmap_exec(Object* m) {
  if (module_add_object_ref(m, "error", exc_OSError) < 0) return -1;
  if (!mmap_type.name) {
    TypeObject t = static_type("mmap.mmap", sizeof(MmapObj), 0,
                               kTpflagsBasetype | kTpflagsImmutabletype);
    t.doc = kMmapDoc;
    t.dealloc = mmap_dealloc;
    t.repr = mmap_repr;
    t.as_sequence = &mmap_as_sequence;
    t.as_mapping = &mmap_as_mapping;
    t.as_buffer = &mmap_as_buffer;
    t.weaklistoffset = offsetof(MmapObj, weakreflist);
    t.methods = mmap_methods;
    t.getset = mmap_getset;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.new_ = mmap_new;
    t.free = object_generic_free;
    mmap_type = t;
    type_mark_spec_slots(&mmap_type);  // Py_tp_getattro (objects/spec_types.h)
    if (type_ready(&mmap_type) < 0) return -1;
  }
  if (module_add_object_ref(m, "mmap", &mmap_type) < 0) return -1;
  long pagesize = ::sysconf(_SC_PAGESIZE);
  for (const IntConstant& c : kConstants) {
    if (std::strcmp(c.name, "ACCESS_DEFAULT") == 0 &&
        (add_int(m, "PAGESIZE", pagesize) < 0 ||
         add_int(m, "ALLOCATIONGRANULARITY", pagesize) < 0))
      return -1;
    if (add_int(m, c.name, c.value) < 0) return -1;
  }
  return 0;
}

ModuleDef mmap_def = {"mmap", nullptr, nullptr, mmap_exec};

}  // namespace

ModuleDef* module_def() { return &mmap_def; }

}  // namespace cppy::modules::mmap_
