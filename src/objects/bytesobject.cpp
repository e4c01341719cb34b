// bytes: Objects/bytesobject.c (the core: see bytesobject.h).
#include "objects/bytesobject.h"

#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytes_methods.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {

BytesObject* empty_bytes = nullptr;
BytesObject* single_chars[256];

BytesObject* bytes_alloc(ssize n) {
  // _PyBytes_FromSize: the header plus n bytes must stay within PY_SSIZE_T_MAX.
  if (static_cast<size_t>(n) > static_cast<size_t>(PTRDIFF_MAX) - sizeof(BytesObject)) {
    errors::set_string(exc_OverflowError, "byte string is too large");
    return nullptr;
  }
  auto* b = static_cast<BytesObject*>(gc::object_malloc(sizeof(BytesObject) + size_t(n)));
  if (!b) {
    errors::no_memory();
    return nullptr;
  }
  b->refcnt = 1;
  b->type = &bytes_type;
  b->size = n;
  b->ob_shash = -1;
  b->ob_sval[n] = '\0';
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return b;
}

// Instances of subclasses come from their type's allocator (a GC header in front when the
// subclass has a __dict__), so they go back through tp_free.
void bytes_dealloc(Object* o) {
  if (o->type == &bytes_type || !o->type->free)
    gc::object_free(o);
  else
    o->type->free(o);
}

ssize bytes_length(Object* o) { return bytes_size(o); }

Object* bytes_item(Object* o, ssize i) {
  if (i < 0 || i >= bytes_size(o)) {
    errors::set_string(exc_IndexError, "index out of range");
    return nullptr;
  }
  return long_from_long(static_cast<unsigned char>(bytes_as_string(o)[i]));
}

// bytes_subscript: an index or a slice.
Object* bytes_subscript(Object* o, Object* item) {
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += bytes_size(o);
    return bytes_item(o, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step, len;
    if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
    len = slice_adjust_indices(bytes_size(o), &start, &stop, step);
    if (step == 1) return bytes_from_string_and_size(bytes_as_string(o) + start, len);
    Object* r = bytes_from_string_and_size(nullptr, len);
    if (!r) return nullptr;
    char* src = bytes_as_string(o);
    char* dst = bytes_as_string(r);
    for (ssize i = 0, cur = start; i < len; ++i, cur += step) dst[i] = src[cur];
    return r;
  }
  return errors::format(exc_TypeError, "byte indices must be integers or slices, not %.200s",
                        item->type->name);
}

int bytes_contains(Object* self, Object* arg) {
  return byteslike_contains(std::string_view(bytes_as_string(self), size_t(bytes_size(self))), arg);
}

// bytes_buffer_getbuffer: read-only views of the bytes.
int bytes_getbuffer(Object* self, Buffer* view, int flags) {
  return buffer_fill_info(view, self, bytes_as_string(self), bytes_size(self), 1, flags);
}
BufferProcs bytes_as_buffer = {bytes_getbuffer, nullptr};

// bytes_mod: PEP 461 formatting.
Object* bytes_mod(Object* self, Object* arg) {
  if (!bytes_check(self)) return return_not_implemented();
  return bytes_format(std::string_view(bytes_as_string(self), size_t(bytes_size(self))), arg,
                      false);
}
NumberMethods bytes_as_number = [] {
  NumberMethods n{};
  n.remainder = bytes_mod;
  return n;
}();

Object* bytes_richcompare(Object* a, Object* b, int op) {
  if (!bytes_check(a) || !bytes_check(b)) return return_not_implemented();
  ssize la = bytes_size(a), lb = bytes_size(b);
  int c;
  if ((op == kEQ || op == kNE) && la != lb) {
    c = 1;
  } else {
    c = std::memcmp(bytes_as_string(a), bytes_as_string(b), size_t(la < lb ? la : lb));
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
  return new_ref(r ? true_object() : false_object());
}

Object* bytes_repr_slot(Object* o) { return bytes_repr(o, true); }

Object* bytes_concat_slot(Object* a, Object* b) { return bytes_concat(a, b); }

// bytes_repeat: the product must fit a Py_ssize_t (OverflowError otherwise); the copy
// doubles the filled part as _PyBytes_Repeat does.
Object* bytes_repeat(Object* o, ssize n) {
  if (n < 0) n = 0;
  ssize len = bytes_size(o);
  if (n > 0 && len > PTRDIFF_MAX / n) {
    errors::set_string(exc_OverflowError, "repeated bytes are too long");
    return nullptr;
  }
  if (n == 1 && bytes_check_exact(o)) return new_ref(o);
  ssize total = len * n;
  Object* r = bytes_from_string_and_size(nullptr, total);
  if (!r || total == 0) return r;
  char* d = bytes_as_string(r);
  if (len == 1) {
    std::memset(d, bytes_as_string(o)[0], static_cast<size_t>(total));
    return r;
  }
  std::memcpy(d, bytes_as_string(o), static_cast<size_t>(len));
  ssize done = len;
  while (done < total) {
    ssize chunk = done <= total - done ? done : total - done;
    std::memcpy(d + done, d, static_cast<size_t>(chunk));
    done += chunk;
  }
  return r;
}

SequenceMethods bytes_as_sequence = {
    bytes_length, bytes_concat_slot, bytes_repeat, bytes_item, nullptr, nullptr, nullptr,
    bytes_contains, nullptr, nullptr,
};
MappingMethods bytes_as_mapping = {bytes_length, bytes_subscript, nullptr};

hash_t bytes_hash_slot(Object* o) { return bytes_hash(o); }

}  // namespace

Object* bytes_from_string_and_size(const char* s, ssize n) {
  if (n < 0) {
    errors::set_string(exc_SystemError,
                       "Negative size passed to PyBytes_FromStringAndSize");
    return nullptr;
  }
  if (n == 0 && s) {
    if (!empty_bytes) {
      empty_bytes = bytes_alloc(0);
      if (!empty_bytes) return nullptr;
      make_immortal(empty_bytes);
    }
    return empty_bytes;
  }
  if (n == 1 && s) {
    unsigned char c = static_cast<unsigned char>(*s);
    if (!single_chars[c]) {
      BytesObject* b = bytes_alloc(1);
      if (!b) return nullptr;
      b->ob_sval[0] = char(c);
      make_immortal(b);
      single_chars[c] = b;
    }
    return single_chars[c];
  }
  BytesObject* b = bytes_alloc(n);
  if (!b) return nullptr;
  if (s)
    std::memcpy(b->ob_sval, s, size_t(n));
  else
    std::memset(b->ob_sval, 0, size_t(n));
  return b;
}

Object* bytes_from_cstr(const char* s) {
  return bytes_from_string_and_size(s, ssize(std::strlen(s)));
}

// PyBytes_Repr: b'...' (or b"..." when the data holds ' but no ").
Object* bytes_repr(Object* o, bool smartquotes) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes_as_string(o));
  ssize n = bytes_size(o);
  char quote = '\'';
  if (smartquotes && std::memchr(p, '\'', size_t(n)) && !std::memchr(p, '"', size_t(n)))
    quote = '"';
  std::string out = "b";
  out += quote;
  static const char hex[] = "0123456789abcdef";
  for (ssize i = 0; i < n; ++i) {
    unsigned char c = p[i];
    if (c == quote || c == '\\') {
      out += '\\';
      out += char(c);
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
      out += char(c);
    }
  }
  out += quote;
  return str_from_utf8(out.data(), ssize(out.size()));
}

hash_t bytes_hash(Object* o) {
  auto* b = static_cast<BytesObject*>(o);
  if (b->ob_shash == -1) b->ob_shash = hash::hash_bytes(b->ob_sval, b->size);
  return b->ob_shash;
}

int bytes_resize(Object** pv, ssize newsize) {
  Object* v = *pv;
  if (newsize == bytes_size(v)) return 0;
  auto* b = static_cast<BytesObject*>(gc::object_realloc(v, sizeof(BytesObject) + size_t(newsize)));
  if (!b) {
    decref(v);
    *pv = nullptr;
    errors::no_memory();
    return -1;
  }
  b->size = newsize;
  b->ob_sval[newsize] = '\0';
  b->ob_shash = -1;
  *pv = b;
  return 0;
}

// bytes_concat: any two buffers make bytes.
Object* bytes_concat(Object* a, Object* b) {
  BufferHolder va, vb;
  if (va.get(a) < 0 || vb.get(b) < 0) {
    errors::clear();
    return errors::format(exc_TypeError, "can't concat %.100s to %.100s", b->type->name,
                          a->type->name);
  }
  if (va.size() == 0 && bytes_check_exact(b)) return new_ref(b);
  if (vb.size() == 0 && bytes_check_exact(a)) return new_ref(a);
  ssize la = va.size(), lb = vb.size();
  Object* r = bytes_from_string_and_size(nullptr, la + lb);
  if (!r) return nullptr;
  if (la) std::memcpy(bytes_as_string(r), va.data(), size_t(la));
  if (lb) std::memcpy(bytes_as_string(r) + la, vb.data(), size_t(lb));
  return r;
}

void bytes_fill_type_methods(TypeObject* t);

TypeObject bytes_type = [] {
  TypeObject t = static_type("bytes", sizeof(BytesObject) - 1, 1,
                             kTpflagsBasetype | kTpflagsBytesSubclass | kTpflagsMatchSelf);
  t.dealloc = bytes_dealloc;
  t.repr = bytes_repr_slot;
  t.str = bytes_repr_slot;
  t.as_number = &bytes_as_number;
  t.as_sequence = &bytes_as_sequence;
  t.as_mapping = &bytes_as_mapping;
  t.as_buffer = &bytes_as_buffer;
  t.hash = bytes_hash_slot;
  t.getattro = object_generic_getattr;
  t.richcompare = bytes_richcompare;
  t.doc =
      "bytes(iterable_of_ints) -> bytes\n"
      "bytes(string, encoding[, errors]) -> bytes\n"
      "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
      "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
      "bytes() -> empty bytes object\n\n"
      "Construct an immutable array of bytes from:\n"
      "  - an iterable yielding integers in range(256)\n"
      "  - a text string encoded using the specified encoding\n"
      "  - any object implementing the buffer API.\n"
      "  - an integer";
  bytes_fill_type_methods(&t);
  return t;
}();

}  // namespace cppy::objects
