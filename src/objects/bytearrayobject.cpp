// bytearray: Objects/bytearrayobject.c (3.14). The methods bytes and bytearray share come from
// bytes_methods.cpp (bytes_method); this file has the storage (PyByteArray_Resize's
// over-allocation, the logical start that makes deleting at the front cheap), the buffer
// exports that forbid resizing, item and slice assignment, the mutating methods, the iterator.
#include "objects/bytearrayobject.h"

#include <cstring>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytes_methods.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/clinic_ssize.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/iterobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject_internal.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

int init_memoryview_types();  // memoryobject.cpp

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

ByteArrayObject* ba(Object* o) { return static_cast<ByteArrayObject*>(o); }

// _getbytevalue: an int in range(256) ("byte must be in range(0, 256)").
bool get_byte_value(Object* arg, int* value) {
  ssize v = number_as_ssize(arg, nullptr);
  if (v == -1 && errors::occurred()) {
    *value = -1;
    return false;
  }
  if (v < 0 || v >= 256) {
    errors::set_string(exc_ValueError, "byte must be in range(0, 256)");
    *value = -1;
    return false;
  }
  *value = static_cast<int>(v);
  return true;
}

// _canresize.
bool can_resize(ByteArrayObject* self) {
  if (self->ob_exports > 0) {
    errors::set_string(exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

void bytearray_dealloc(Object* o) {
  ByteArrayObject* self = ba(o);
  if (self->ob_exports > 0) {
    errors::set_string(exc_SystemError, "deallocated bytearray object has exported buffers");
    errors::write_unraisable(nullptr);
  }
  if (self->ob_bytes) gc::object_free(self->ob_bytes);
  TypeObject* t = o->type;
  t->free(o);
  // A heap type using this dealloc directly holds the reference; class-statement subclasses
  // drop theirs in subtype_dealloc.
  if (type_has_feature(t, kTpflagsHeaptype) && t->dealloc == bytearray_dealloc) decref(t);
}

// bytearray_getbuffer / bytearray_releasebuffer: every export pins the storage.
int bytearray_getbuffer(Object* o, Buffer* view, int flags) {
  ByteArrayObject* self = ba(o);
  if (!view) {
    errors::set_string(exc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
    return -1;
  }
  if (buffer_fill_info(view, o, bytearray_as_string(o), self->size, 0, flags) < 0) return -1;
  self->ob_exports++;
  return 0;
}

void bytearray_releasebuffer(Object* o, Buffer*) { ba(o)->ob_exports--; }

BufferProcs bytearray_as_buffer = {bytearray_getbuffer, bytearray_releasebuffer};

ssize bytearray_length(Object* o) { return bytearray_size(o); }

// bytearray_setslice_linear: replaces [lo, hi) with bytes_len bytes.
int setslice_linear(ByteArrayObject* self, ssize lo, ssize hi, const char* bytes,
                    ssize bytes_len) {
  ssize avail = hi - lo;
  char* buf = bytearray_as_string(self);
  ssize growth = bytes_len - avail;
  int res = 0;
  if (growth < 0) {
    if (!can_resize(self)) return -1;
    if (lo == 0) {
      // Shrink by advancing the logical start: no bytes move.
      self->ob_start -= growth;
    } else {
      std::memmove(buf + lo + bytes_len, buf + hi, static_cast<size_t>(self->size - hi));
    }
    if (bytearray_resize(self, self->size + growth) < 0) {
      if (lo == 0) {
        self->ob_start += growth;
        return -1;
      }
      self->size += growth;
      res = -1;
    }
    buf = bytearray_as_string(self);
  } else if (growth > 0) {
    if (self->size > PTRDIFF_MAX - growth) {
      errors::no_memory();
      return -1;
    }
    if (bytearray_resize(self, self->size + growth) < 0) return -1;
    buf = bytearray_as_string(self);
    std::memmove(buf + lo + bytes_len, buf + hi,
                 static_cast<size_t>(self->size - lo - bytes_len));
  }
  if (bytes_len > 0) std::memmove(buf + lo, bytes, static_cast<size_t>(bytes_len));
  return res;
}

// bytearray_setslice: self[lo:hi] = values (any buffer; null deletes).
int setslice(ByteArrayObject* self, ssize lo, ssize hi, Object* values) {
  if (values == self) {
    Ref<> copy = Ref<>::steal(bytearray_from_object(values));
    if (!copy) return -1;
    return setslice(self, lo, hi, copy.get());
  }
  BufferHolder h;
  const char* bytes = nullptr;
  ssize needed = 0;
  if (values) {
    if (h.get(values) < 0) {
      errors::clear();
      errors::format(exc_TypeError, "can't set bytearray slice from %.100s",
                     values->type->name);
      return -1;
    }
    bytes = h.data();
    needed = h.size();
  }
  if (lo < 0) lo = 0;
  if (hi < lo) hi = lo;
  if (hi > self->size) hi = self->size;
  return setslice_linear(self, lo, hi, bytes, needed);
}

Object* bytearray_concat_slot(Object* a, Object* b) { return bytearray_concat(a, b); }

// bytearray_iconcat.
Object* bytearray_iconcat(Object* o, Object* other) {
  ByteArrayObject* self = ba(o);
  BufferHolder h;
  if (h.get(other) < 0) {
    errors::clear();
    return errors::format(exc_TypeError, "can't concat %.100s to %.100s", other->type->name,
                          o->type->name);
  }
  ssize size = self->size;
  if (size > PTRDIFF_MAX - h.size()) return errors::no_memory();
  if (bytearray_resize(o, size + h.size()) < 0) return nullptr;
  if (h.size()) std::memcpy(bytearray_as_string(o) + size, h.data(), static_cast<size_t>(h.size()));
  return new_ref(o);
}

// _PyBytes_Repeat: fills dest (len_dest bytes) with copies of src (len_src bytes), doubling.
void repeat_into(char* dest, ssize len_dest, const char* src, ssize len_src) {
  if (len_dest == 0) return;
  if (len_src == 1) {
    std::memset(dest, src[0], static_cast<size_t>(len_dest));
    return;
  }
  if (src != dest) std::memcpy(dest, src, static_cast<size_t>(len_src));
  ssize copied = len_src;
  while (copied < len_dest) {
    ssize n = copied < len_dest - copied ? copied : len_dest - copied;
    std::memcpy(dest + copied, dest, static_cast<size_t>(n));
    copied += n;
  }
}

Object* bytearray_repeat(Object* o, ssize count) {
  if (count < 0) count = 0;
  ssize mysize = bytearray_size(o);
  if (count > 0 && mysize > PTRDIFF_MAX / count) return errors::no_memory();
  ssize size = mysize * count;
  Object* r = bytearray_from_string_and_size(nullptr, size);
  if (r && size) repeat_into(bytearray_as_string(r), size, bytearray_as_string(o), mysize);
  return r;
}

Object* bytearray_irepeat(Object* o, ssize count) {
  if (count < 0) count = 0;
  else if (count == 1) return new_ref(o);
  ssize mysize = bytearray_size(o);
  if (count > 0 && mysize > PTRDIFF_MAX / count) return errors::no_memory();
  ssize size = mysize * count;
  if (bytearray_resize(o, size) < 0) return nullptr;
  char* buf = bytearray_as_string(o);
  repeat_into(buf, size, buf, mysize);
  return new_ref(o);
}

Object* bytearray_getitem(Object* o, ssize i) {
  if (i < 0 || i >= bytearray_size(o)) {
    errors::set_string(exc_IndexError, "bytearray index out of range");
    return nullptr;
  }
  return long_from_long(static_cast<unsigned char>(bytearray_as_string(o)[i]));
}

// bytearray_setitem (sq_ass_item).
int bytearray_setitem(Object* o, ssize i, Object* value) {
  ByteArrayObject* self = ba(o);
  int ival = -1;
  if (value && !get_byte_value(value, &ival)) return -1;
  if (i < 0) i += self->size;
  if (i < 0 || i >= self->size) {
    errors::set_string(exc_IndexError, "bytearray index out of range");
    return -1;
  }
  if (!value) return setslice(self, i, i + 1, nullptr);
  bytearray_as_string(o)[i] = static_cast<char>(ival);
  return 0;
}

Object* bytearray_subscript(Object* o, Object* index) {
  if (index_check(index)) {
    ssize i = number_as_ssize(index, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += bytearray_size(o);
    return bytearray_getitem(o, i);
  }
  if (slice_check(index)) {
    ssize start, stop, step;
    if (slice_unpack(index, &start, &stop, &step) < 0) return nullptr;
    ssize len = slice_adjust_indices(bytearray_size(o), &start, &stop, step);
    if (len <= 0) return bytearray_from_string_and_size("", 0);
    if (step == 1) return bytearray_from_string_and_size(bytearray_as_string(o) + start, len);
    Object* r = bytearray_from_string_and_size(nullptr, len);
    if (!r) return nullptr;
    const char* src = bytearray_as_string(o);
    char* dst = bytearray_as_string(r);
    for (ssize i = 0, cur = start; i < len; ++i, cur += step) dst[i] = src[cur];
    return r;
  }
  return errors::format(exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                        index->type->name);
}

// bytearray_ass_subscript.
int bytearray_ass_subscript(Object* o, Object* index, Object* values) {
  ByteArrayObject* self = ba(o);
  ssize start, stop, step, slicelen;
  if (index_check(index)) {
    ssize i = number_as_ssize(index, exc_IndexError);
    if (i == -1 && errors::occurred()) return -1;
    int ival = -1;
    // Before the size check: the value's __index__ may resize the bytearray.
    if (values && !get_byte_value(values, &ival)) return -1;
    if (i < 0) i += self->size;
    if (i < 0 || i >= self->size) {
      errors::set_string(exc_IndexError, "bytearray index out of range");
      return -1;
    }
    if (values) {
      bytearray_as_string(o)[i] = static_cast<char>(ival);
      return 0;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelen = 1;
  } else if (slice_check(index)) {
    if (slice_unpack(index, &start, &stop, &step) < 0) return -1;
    slicelen = slice_adjust_indices(self->size, &start, &stop, step);
  } else {
    errors::format(exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                   index->type->name);
    return -1;
  }
  const char* bytes = nullptr;
  ssize needed = 0;
  if (values == nullptr) {
  } else if (values == o || !bytearray_check(values)) {
    if (number_check(values) || str_check(values)) {
      errors::set_string(exc_TypeError,
                         "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    // A copy, then this function again.
    Ref<> copy = Ref<>::steal(bytearray_from_object(values));
    if (!copy) return -1;
    return bytearray_ass_subscript(o, index, copy.get());
  } else {
    bytes = bytearray_as_string(values);
    needed = bytearray_size(values);
  }
  // b[5:2] = ... inserts before 5, not before 2.
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step == 1) return setslice_linear(self, start, stop, bytes, needed);
  char* buf = bytearray_as_string(o);
  if (needed == 0) {
    // Delete an extended slice.
    if (!can_resize(self)) return -1;
    if (slicelen == 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    size_t cur;
    ssize i;
    for (cur = static_cast<size_t>(start), i = 0; i < slicelen; cur += static_cast<size_t>(step), i++) {
      ssize lim = step - 1;
      if (cur + static_cast<size_t>(step) >= static_cast<size_t>(self->size))
        lim = self->size - static_cast<ssize>(cur) - 1;
      std::memmove(buf + cur - i, buf + cur + 1, static_cast<size_t>(lim));
    }
    cur = static_cast<size_t>(start) + static_cast<size_t>(slicelen) * static_cast<size_t>(step);
    if (cur < static_cast<size_t>(self->size))
      std::memmove(buf + cur - slicelen, buf + cur, static_cast<size_t>(self->size) - cur);
    return bytearray_resize(o, self->size - slicelen);
  }
  if (needed != slicelen) {
    errors::format(exc_ValueError,
                   "attempt to assign bytes of size %zd to extended slice of size %zd", needed,
                   slicelen);
    return -1;
  }
  for (ssize i = 0, cur = start; i < slicelen; cur += step, i++) buf[cur] = bytes[i];
  return 0;
}

int bytearray_contains(Object* self, Object* arg) {
  return byteslike_contains(bytearray_view(self), arg);
}

// bytearray_richcompare: against anything with a buffer.
Object* bytearray_richcompare(Object* self, Object* other, int op) {
  if (!object_check_buffer(self) || !object_check_buffer(other)) return return_not_implemented();
  BufferHolder a, b;
  if (a.get(self) < 0) {
    errors::clear();
    return return_not_implemented();
  }
  if (b.get(other) < 0) {
    errors::clear();
    return return_not_implemented();
  }
  ssize la = a.size(), lb = b.size();
  int c;
  if (la != lb && (op == kEQ || op == kNE)) {
    c = 1;
  } else {
    c = std::memcmp(a.data(), b.data(), static_cast<size_t>(la < lb ? la : lb));
    if (c == 0) c = la < lb ? -1 : la > lb ? 1 : 0;
  }
  bool r = false;
  switch (op) {
    case kLT: r = c < 0; break;
    case kLE: r = c <= 0; break;
    case kEQ: r = c == 0; break;
    case kNE: r = c != 0; break;
    case kGT: r = c > 0; break;
    case kGE: r = c >= 0; break;
  }
  return bool_from_bool(r);
}

// bytearray_repr: ClassName(b'...'); a ' is escaped even inside double quotes.
Object* bytearray_repr(Object* o) {
  std::string_view s = bytearray_view(o);
  char quote = '\'';
  if (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos) quote = '"';
  std::string out = type_short_name(o->type);
  out += "(b";
  out += quote;
  static const char hex[] = "0123456789abcdef";
  for (unsigned char c : s) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  out += ')';
  return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
}

Object* bytearray_mod(Object* v, Object* w) {
  if (!bytearray_check(v)) return return_not_implemented();
  return bytes_format(bytearray_view(v), w, true);
}

NumberMethods bytearray_as_number = [] {
  NumberMethods n{};
  n.remainder = bytearray_mod;
  return n;
}();

SequenceMethods bytearray_as_sequence = {
    bytearray_length, bytearray_concat_slot, bytearray_repeat, bytearray_getitem, nullptr,
    bytearray_setitem, nullptr, bytearray_contains, bytearray_iconcat, bytearray_irepeat,
};
MappingMethods bytearray_as_mapping = {bytearray_length, bytearray_subscript,
                                       bytearray_ass_subscript};

Object* bytearray_tp_new(TypeObject* type, Object*, Object*) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  ByteArrayObject* self = ba(o);
  self->size = 0;
  self->ob_alloc = 0;
  self->ob_bytes = self->ob_start = nullptr;
  self->ob_exports = 0;
  return o;
}

bool text_arg(const char* display, Object* o, const char** out) {
  if (!o) return true;
  if (!str_check(o)) {
    bad_argument("bytearray", display, "str", o);
    return false;
  }
  ssize n;
  const char* s = str_as_utf8(o, &n);
  if (!s) return false;
  if (static_cast<ssize>(std::strlen(s)) != n) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  *out = s;
  return true;
}

const char* const kInitKeywords[] = {"source", "encoding", "errors", nullptr};
const ArgParser kInitParser = {"bytearray", kInitKeywords, 0, 3, 0};

// bytearray___init___impl.
int bytearray_init(Object* o, Object* args, Object* kwargs) {
  Object* a[3];
  if (unpack_keywords_tuple(kInitParser, args, kwargs, a) < 0) return -1;
  Object* arg = a[0];
  const char* encoding = nullptr;
  const char* errs = nullptr;
  if (!text_arg("'encoding'", a[1], &encoding)) return -1;
  if (!text_arg("'errors'", a[2], &errs)) return -1;
  ByteArrayObject* self = ba(o);
  if (self->size != 0 && bytearray_resize(o, 0) < 0) return -1;
  if (!arg) {
    if (encoding || errs) {
      errors::set_string(exc_TypeError, encoding ? "encoding without a string argument"
                                                 : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (str_check(arg)) {
    if (!encoding) {
      errors::set_string(exc_TypeError, "string argument without an encoding");
      return -1;
    }
    Ref<> encoded = Ref<>::steal(str_encode(arg, encoding, errs ? errs : "strict"));
    if (!encoded) return -1;
    Ref<> r = Ref<>::steal(bytearray_iconcat(o, encoded.get()));
    return r ? 0 : -1;
  }
  if (encoding || errs) {
    errors::set_string(exc_TypeError, encoding ? "encoding without a string argument"
                                               : "errors without a string argument");
    return -1;
  }
  if (index_check(arg)) {
    ssize count = number_as_ssize(arg, exc_OverflowError);
    if (count == -1 && errors::occurred()) {
      if (!errors::exception_matches(exc_TypeError)) return -1;
      errors::clear();
    } else {
      if (count < 0) {
        errors::set_string(exc_ValueError, "negative count");
        return -1;
      }
      if (count > 0) {
        if (bytearray_resize(o, count) < 0) return -1;
        std::memset(bytearray_as_string(o), 0, static_cast<size_t>(count));
      }
      return 0;
    }
  }
  if (object_check_buffer(arg)) {
    Buffer v;
    if (object_get_buffer(arg, &v, kBufFullRO) < 0) return -1;
    int r = bytearray_resize(o, v.len);
    if (r == 0 && v.len) r = buffer_to_contiguous(bytearray_as_string(o), &v, v.len, 'C');
    buffer_release(&v);
    return r;
  }
  Ref<> it = Ref<>::steal(object_get_iter(arg));
  if (!it) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "cannot convert '%.200s' object to bytearray",
                     arg->type->name);
    }
    return -1;
  }
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) return errors::occurred() ? -1 : 0;
    int value;
    if (!get_byte_value(item.get(), &value)) return -1;
    ssize n = self->size;
    if (bytearray_resize(o, n + 1) < 0) return -1;
    bytearray_as_string(o)[n] = static_cast<char>(value);
  }
}

// --- the methods bytearray alone has ---------------------------------------------------------

Object* ba_alloc(Object* self, Object*) { return long_from_ssize(ba(self)->ob_alloc); }

Object* ba_sizeof(Object* self, Object*) {
  return long_from_ssize(self->type->shown_basicsize + ba(self)->ob_alloc);
}

// _common_reduce.
Object* common_reduce(Object* self, int proto) {
  // _PyObject_GetState: __getstate__(), so a subclass's __slots__ are kept too.
  Ref<> state = Ref<>::steal(object_get_state(self));
  if (!state) return nullptr;
  Ref<> args;
  ssize n = bytearray_size(self);
  if (n == 0) {
    args = Ref<>::steal(tuple_new(0));
  } else if (proto < 3) {
    // str based, as Python 2 pickles had it.
    std::u32string text;
    for (unsigned char c : bytearray_view(self)) text += static_cast<char32_t>(c);
    Ref<> latin1 = Ref<>::steal(str_from_kind_and_data(4, text.data(), static_cast<ssize>(text.size())));
    Ref<> enc = Ref<>::steal(str_from_cstr("latin-1"));
    if (!latin1 || !enc) return nullptr;
    args = Ref<>::steal(tuple_pack(2, latin1.get(), enc.get()));
  } else {
    Ref<> b = Ref<>::steal(bytes_from_string_and_size(bytearray_as_string(self), n));
    if (!b) return nullptr;
    args = Ref<>::steal(tuple_pack(1, b.get()));
  }
  if (!args) return nullptr;
  return tuple_pack(3, static_cast<Object*>(self->type), args.get(), state.get());
}

Object* ba_reduce(Object* self, Object*) { return common_reduce(self, 2); }

Object* ba_reduce_ex(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("__reduce_ex__", nargs, 0, 1)) return nullptr;
  int proto = 0;
  if (nargs) {
    proto = long_as_int(args[0]);
    if (proto == -1 && errors::occurred()) return nullptr;
  }
  return common_reduce(self, proto);
}

Object* ba_append(Object* self, Object* item) {
  int value;
  if (!get_byte_value(item, &value)) return nullptr;
  ssize n = bytearray_size(self);
  if (n == PTRDIFF_MAX) {
    errors::set_string(exc_OverflowError, "cannot add more objects to bytearray");
    return nullptr;
  }
  if (bytearray_resize(self, n + 1) < 0) return nullptr;
  bytearray_as_string(self)[n] = static_cast<char>(value);
  return return_none();
}

Object* ba_extend(Object* self, Object* iterable) {
  if (object_check_buffer(iterable)) {
    if (setslice(ba(self), bytearray_size(self), bytearray_size(self), iterable) < 0)
      return nullptr;
    return return_none();
  }
  if (str_check(iterable)) {
    return errors::format(exc_TypeError, "expected iterable of integers; got: '%.100s'",
                          iterable->type->name);
  }
  Ref<> it = Ref<>::steal(object_get_iter(iterable));
  if (!it) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::format(exc_TypeError, "can't extend bytearray with %.100s", iterable->type->name);
    }
    return nullptr;
  }
  std::string buf;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    int value;
    if (!get_byte_value(item.get(), &value)) return nullptr;
    buf.push_back(static_cast<char>(value));
  }
  Ref<> tail = Ref<>::steal(bytearray_from_string_and_size(buf.data(), static_cast<ssize>(buf.size())));
  if (!tail) return nullptr;
  if (setslice(ba(self), bytearray_size(self), bytearray_size(self), tail.get()) < 0)
    return nullptr;
  return return_none();
}

Object* ba_insert(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("insert", nargs, 2, 2)) return nullptr;
  ssize where = clinic_ssize(args[0]);
  if (where == -1 && errors::occurred()) return nullptr;
  int value;
  if (!get_byte_value(args[1], &value)) return nullptr;
  ssize n = bytearray_size(self);
  if (n == PTRDIFF_MAX) {
    errors::set_string(exc_OverflowError, "cannot add more objects to bytearray");
    return nullptr;
  }
  if (bytearray_resize(self, n + 1) < 0) return nullptr;
  char* buf = bytearray_as_string(self);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  std::memmove(buf + where + 1, buf + where, static_cast<size_t>(n - where));
  buf[where] = static_cast<char>(value);
  return return_none();
}

Object* ba_pop(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("pop", nargs, 0, 1)) return nullptr;
  ssize index = -1;
  if (nargs) {
    index = clinic_ssize(args[0]);
    if (index == -1 && errors::occurred()) return nullptr;
  }
  ssize n = bytearray_size(self);
  if (n == 0) {
    errors::set_string(exc_IndexError, "pop from empty bytearray");
    return nullptr;
  }
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    errors::set_string(exc_IndexError, "pop index out of range");
    return nullptr;
  }
  if (!can_resize(ba(self))) return nullptr;
  char* buf = bytearray_as_string(self);
  int value = static_cast<unsigned char>(buf[index]);
  std::memmove(buf + index, buf + index + 1, static_cast<size_t>(n - index));
  if (bytearray_resize(self, n - 1) < 0) return nullptr;
  return long_from_long(value);
}

Object* ba_remove(Object* self, Object* arg) {
  int value;
  if (!get_byte_value(arg, &value)) return nullptr;
  ssize n = bytearray_size(self);
  char* buf = bytearray_as_string(self);
  const void* where = n ? std::memchr(buf, value, static_cast<size_t>(n)) : nullptr;
  if (!where) {
    errors::set_string(exc_ValueError, "value not found in bytearray");
    return nullptr;
  }
  if (!can_resize(ba(self))) return nullptr;
  ssize pos = static_cast<const char*>(where) - buf;
  std::memmove(buf + pos, buf + pos + 1, static_cast<size_t>(n - pos));
  if (bytearray_resize(self, n - 1) < 0) return nullptr;
  return return_none();
}

Object* ba_clear(Object* self, Object*) {
  if (bytearray_resize(self, 0) < 0) return nullptr;
  return return_none();
}

Object* ba_copy(Object* self, Object*) {
  return bytearray_from_string_and_size(bytearray_as_string(self), bytearray_size(self));
}

Object* ba_reverse(Object* self, Object*) {
  char* buf = bytearray_as_string(self);
  ssize n = bytearray_size(self);
  for (ssize i = 0, j = n - 1; i < j; i++, j--) std::swap(buf[i], buf[j]);
  return return_none();
}

// bytearray.resize(size, /) (new in 3.14): new bytes are zero.
Object* ba_resize(Object* self, Object* arg) {
  ssize size = clinic_ssize(arg);
  if (size == -1 && errors::occurred()) return nullptr;
  ssize start = bytearray_size(self);
  if (bytearray_resize(self, size) < 0) return nullptr;
  if (size > start)
    std::memset(bytearray_as_string(self) + start, 0, static_cast<size_t>(size - start));
  return return_none();
}

// The table: bytearray's own methods and, by name, the ones it shares with bytes.
const char* const kSharedMethods[] = {
    "capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex",
    "hex", "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace",
    "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition",
    "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition",
    "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
    "translate", "upper", "zfill",
};

MethodDef g_own_methods[] = {
    {"__alloc__", fn(ba_alloc), kMethNoArgs,
     "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__reduce__", fn(ba_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__reduce_ex__", fn(ba_reduce_ex), kMethFastcall, "Return state information for pickling."},
    {"__sizeof__", fn(ba_sizeof), kMethNoArgs,
     "Returns the size of the bytearray object in memory, in bytes."},
    {"append", fn(ba_append), kMethO, "Append a single item to the end of the bytearray."},
    {"clear", fn(ba_clear), kMethNoArgs, "Remove all items from the bytearray."},
    {"copy", fn(ba_copy), kMethNoArgs, "Return a copy of B."},
    {"extend", fn(ba_extend), kMethO,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", fn(ba_insert), kMethFastcall, "Insert a single item into the bytearray before the given index."},
    {"pop", fn(ba_pop), kMethFastcall, "Remove and return a single item from B."},
    {"remove", fn(ba_remove), kMethO, "Remove the first occurrence of a value in the bytearray."},
    {"resize", fn(ba_resize), kMethO, "Resize the internal buffer of bytearray to len."},
    {"reverse", fn(ba_reverse), kMethNoArgs, "Reverse the order of the values in B in place."},
};

MethodDef g_bytearray_methods[sizeof(kSharedMethods) / sizeof(kSharedMethods[0]) +
                              sizeof(g_own_methods) / sizeof(g_own_methods[0]) + 1];

int fill_methods() {
  size_t k = 0;
  for (const MethodDef& m : g_own_methods) g_bytearray_methods[k++] = m;
  for (const char* name : kSharedMethods) {
    const MethodDef* m = bytes_method(name);
    if (!m) {
      errors::format(exc_SystemError, "bytes has no method %s to share", name);
      return -1;
    }
    g_bytearray_methods[k++] = *m;
  }
  g_bytearray_methods[k] = MethodDef{nullptr, nullptr, 0, nullptr};
  return 0;
}

// --- the iterator -----------------------------------------------------------------------------

struct ByteArrayIterObject : Object {
  ssize index;
  Object* seq;
};

void bytearrayiter_dealloc(Object* o) {
  auto* it = static_cast<ByteArrayIterObject*>(o);
  xdecref(it->seq);
  gc::object_free(o);
}

Object* bytearrayiter_next(Object* o) {
  auto* it = static_cast<ByteArrayIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < bytearray_size(it->seq))
    return long_from_long(static_cast<unsigned char>(bytearray_as_string(it->seq)[it->index++]));
  clear(it->seq);
  return nullptr;
}

Object* bytearrayiter_length_hint(Object* o, Object*) {
  auto* it = static_cast<ByteArrayIterObject*>(o);
  ssize len = 0;
  if (it->seq) {
    len = bytearray_size(it->seq) - it->index;
    if (len < 0) len = 0;
  }
  return long_from_ssize(len);
}

// bytearrayiter_reduce: (iter, (bytearray,), index), (iter, ((),)) once exhausted.
Object* bytearrayiter_reduce(Object* o, Object*) {
  auto* it = static_cast<ByteArrayIterObject*>(o);
  return iter_reduce_indexed(it->seq, it->index);
}

Object* bytearrayiter_setstate(Object* o, Object* state) {
  auto* it = static_cast<ByteArrayIterObject*>(o);
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > bytearray_size(it->seq)) index = bytearray_size(it->seq);
    it->index = index;
  }
  return return_none();
}

MethodDef g_bytearrayiter_methods[] = {
    {"__length_hint__", fn(bytearrayiter_length_hint), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", fn(bytearrayiter_reduce), kMethNoArgs, "Return state information for pickling."},
    {"__setstate__", fn(bytearrayiter_setstate), kMethO, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr},
};

Object* bytearray_iter(Object* seq) {
  auto* it = static_cast<ByteArrayIterObject*>(gc::object_malloc(sizeof(ByteArrayIterObject)));
  if (!it) return errors::no_memory();
  it->refcnt = 1;
  it->type = &bytearrayiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->index = 0;
  it->seq = new_ref(seq);
  return it;
}

}  // namespace

Object* bytearray_from_string_and_size(const char* s, ssize n) {
  if (n < 0) {
    errors::set_string(exc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
    return nullptr;
  }
  Object* o = bytearray_tp_new(&bytearray_type, nullptr, nullptr);
  if (!o) return nullptr;
  ByteArrayObject* self = ba(o);
  if (n > 0) {
    self->ob_bytes = static_cast<char*>(gc::object_malloc(static_cast<size_t>(n) + 1));
    if (!self->ob_bytes) {
      decref(o);
      return errors::no_memory();
    }
    if (s)
      std::memcpy(self->ob_bytes, s, static_cast<size_t>(n));
    else
      std::memset(self->ob_bytes, 0, static_cast<size_t>(n));
    self->ob_bytes[n] = '\0';
    self->ob_start = self->ob_bytes;
    self->ob_alloc = n + 1;
    self->size = n;
  }
  return o;
}

Object* bytearray_from_object(Object* o) {
  return object_call_one_arg(static_cast<Object*>(&bytearray_type), o);
}

// PyByteArray_Resize (3.14's strategy: exact sizes plus one for the trailing NUL, moderate
// growth over-allocates like list_resize, the logical start is folded back on reallocation).
int bytearray_resize(Object* o, ssize requested_size) {
  ByteArrayObject* self = ba(o);
  size_t alloc = static_cast<size_t>(self->ob_alloc);
  size_t logical_offset = static_cast<size_t>(self->ob_start - self->ob_bytes);
  size_t size = static_cast<size_t>(requested_size);
  if (requested_size < 0) {
    errors::format(exc_ValueError, "Can only resize to positive sizes, got %zd", requested_size);
    return -1;
  }
  if (requested_size == self->size) return 0;
  if (!can_resize(self)) return -1;
  if (size + logical_offset + 1 <= alloc) {
    if (size < alloc / 2) {
      alloc = size + 1;  // major downsize: to the exact size
    } else {
      // Minor downsize: keep the block.
      self->size = requested_size;
      self->ob_start[size] = '\0';
      return 0;
    }
  } else {
    if (static_cast<double>(size) <= static_cast<double>(alloc) * 1.125)
      alloc = size + (size >> 3) + (size < 9 ? 3 : 6);  // moderate upsize
    else
      alloc = size + 1;  // major upsize: exact
  }
  if (alloc > static_cast<size_t>(PTRDIFF_MAX)) {
    errors::no_memory();
    return -1;
  }
  char* sval;
  if (logical_offset > 0) {
    sval = static_cast<char*>(gc::object_malloc(alloc));
    if (!sval) {
      errors::no_memory();
      return -1;
    }
    size_t keep = size < static_cast<size_t>(self->size) ? size : static_cast<size_t>(self->size);
    std::memcpy(sval, self->ob_start, keep);
    gc::object_free(self->ob_bytes);
  } else {
    sval = static_cast<char*>(gc::object_realloc(self->ob_bytes, alloc));
    if (!sval) {
      errors::no_memory();
      return -1;
    }
  }
  self->ob_bytes = self->ob_start = sval;
  self->size = requested_size;
  self->ob_alloc = static_cast<ssize>(alloc);
  self->ob_bytes[size] = '\0';
  return 0;
}

// PyByteArray_Concat.
Object* bytearray_concat(Object* a, Object* b) {
  BufferHolder va, vb;
  if (va.get(a) < 0 || vb.get(b) < 0) {
    errors::clear();
    return errors::format(exc_TypeError, "can't concat %.100s to %.100s", b->type->name,
                          a->type->name);
  }
  if (va.size() > PTRDIFF_MAX - vb.size()) return errors::no_memory();
  Object* r = bytearray_from_string_and_size(nullptr, va.size() + vb.size());
  if (r && va.size() + vb.size()) {
    char* out = bytearray_as_string(r);
    if (va.size()) std::memcpy(out, va.data(), static_cast<size_t>(va.size()));
    if (vb.size()) std::memcpy(out + va.size(), vb.data(), static_cast<size_t>(vb.size()));
  }
  return r;
}

TypeObject bytearray_type = [] {
  TypeObject t = static_type("bytearray", sizeof(ByteArrayObject), 0, kTpflagsBasetype | kTpflagsMatchSelf);
  t.dealloc = bytearray_dealloc;
  t.repr = bytearray_repr;
  t.str = bytearray_repr;
  t.as_number = &bytearray_as_number;
  t.as_sequence = &bytearray_as_sequence;
  t.as_mapping = &bytearray_as_mapping;
  t.as_buffer = &bytearray_as_buffer;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.richcompare = bytearray_richcompare;
  t.iter = bytearray_iter;
  t.methods = g_bytearray_methods;
  t.init = bytearray_init;
  t.alloc = type_generic_alloc;
  t.new_ = bytearray_tp_new;
  t.free = object_generic_free;
  t.doc =
      "bytearray(iterable_of_ints) -> bytearray\n"
      "bytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
      "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
      "bytearray() -> empty bytes array\n\n"
      "Construct a mutable bytearray object from:\n"
      "  - an iterable yielding integers in range(256)\n"
      "  - a text string encoded using the specified encoding\n"
      "  - a bytes or a buffer object\n"
      "  - any object implementing the buffer API.\n"
      "  - an integer";
  return t;
}();

TypeObject bytearrayiter_type = [] {
  TypeObject t = static_type("bytearray_iterator", sizeof(ByteArrayIterObject), 0, 0);
  t.dealloc = bytearrayiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = bytearrayiter_next;
  t.methods = g_bytearrayiter_methods;
  return t;
}();

int init_bytes_types() {
  static bool done = false;
  if (done) return 0;
  if (fill_methods() < 0) return -1;
  if (type_ready(&bytearray_type) < 0 || type_ready(&bytearrayiter_type) < 0) return -1;
  if (init_memoryview_types() < 0) return -1;
  done = true;
  return 0;
}

}  // namespace cppy::objects
