// memoryview: Objects/memoryobject.c. The managed buffer (_PyManagedBufferObject) holds the
// one export of the underlying object; every memoryview made from it (slices, casts,
// toreadonly) registers with it, and the export is released with the last of them. Items are
// packed and unpacked for the native single-character struct formats (unpack_single,
// pack_single); other formats give CPython's NotImplementedError, except in comparisons,
// which unpack them through the struct module (struct_get_unpacker).
#include "objects/memoryobject.h"

#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "pystrconv/pystrhex.h"

namespace cppy::objects {

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

enum : int { kMbufReleased = 0x001 };
enum : int {
  kMvReleased = 0x001,
  kMvC = 0x002,
  kMvFortran = 0x004,
  kMvScalar = 0x008,
  kMvPil = 0x010,
};

MemoryViewObject* mv_of(Object* o) { return static_cast<MemoryViewObject*>(o); }

bool base_inaccessible(MemoryViewObject* mv) {
  return (mv->flags & kMvReleased) || (mv->mbuf->flags & kMbufReleased);
}

// CHECK_RELEASED.
bool check_released(MemoryViewObject* mv) {
  if (base_inaccessible(mv)) {
    errors::set_string(exc_ValueError, "operation forbidden on released memoryview object");
    return true;
  }
  return false;
}

bool is_byte_format(char f) { return f == 'b' || f == 'B' || f == 'c'; }

// --- the managed buffer -----------------------------------------------------------------------

ManagedBufferObject* mbuf_alloc() {
  auto* m = static_cast<ManagedBufferObject*>(gc::gc_malloc(sizeof(ManagedBufferObject)));
  if (!m) {
    errors::no_memory();
    return nullptr;
  }
  m->refcnt = 1;
  m->type = &managed_buffer_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  m->flags = 0;
  m->exports = 0;
  m->master = Buffer{};
  gc::track(m);
  return m;
}

// _PyManagedBuffer_FromObject.
ManagedBufferObject* mbuf_from_object(Object* base, int flags) {
  ManagedBufferObject* m = mbuf_alloc();
  if (!m) return nullptr;
  if (object_get_buffer(base, &m->master, flags) < 0) {
    m->master.obj = nullptr;
    decref(m);
    return nullptr;
  }
  return m;
}

// mbuf_release: once released, the managed buffer holds no reference the collector could
// follow.
void mbuf_release(ManagedBufferObject* self) {
  if (self->flags & kMbufReleased) return;
  self->flags |= kMbufReleased;
  gc::untrack(self);
  buffer_release(&self->master);
}

void mbuf_dealloc(Object* o) {
  mbuf_release(static_cast<ManagedBufferObject*>(o));
  gc::gc_free(o);
}

// mbuf_traverse / mbuf_clear: a cycle through an exporter (a class whose __buffer__ keeps the
// view) is collected through the master buffer's reference.
int mbuf_traverse(Object* o, visitproc visit, void* arg) {
  Object* obj = static_cast<ManagedBufferObject*>(o)->master.obj;
  return obj ? visit(obj, arg) : 0;
}
int mbuf_clear(Object* o) {
  mbuf_release(static_cast<ManagedBufferObject*>(o));
  return 0;
}

// --- views --------------------------------------------------------------------------------------

// memory_alloc: a view with room for ndim shape, stride and suboffset entries.
MemoryViewObject* memory_alloc(int ndim) {
  int n = ndim == 0 ? 1 : ndim;
  size_t size = sizeof(MemoryViewObject) + sizeof(ssize) * (3 * static_cast<size_t>(n) - 1);
  auto* mv = static_cast<MemoryViewObject*>(gc::gc_malloc(size));
  if (!mv) {
    errors::no_memory();
    return nullptr;
  }
  mv->refcnt = 1;
  mv->type = &memoryview_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  mv->size = 3 * n;
  mv->mbuf = nullptr;
  mv->hash = -1;
  mv->flags = 0;
  mv->exports = 0;
  mv->view = Buffer{};
  mv->view.ndim = ndim;
  mv->view.shape = mv->ob_array;
  mv->view.strides = mv->ob_array + n;
  mv->view.suboffsets = mv->ob_array + 2 * n;
  mv->weakreflist = nullptr;
  gc::track(mv);
  return mv;
}

void init_shared_values(Buffer* dest, const Buffer* src) {
  dest->obj = src->obj;
  dest->buf = src->buf;
  dest->len = src->len;
  dest->itemsize = src->itemsize;
  dest->readonly = src->readonly;
  dest->format = src->format ? src->format : const_cast<char*>("B");
  dest->internal = src->internal;
}

void init_strides_from_shape(Buffer* view) {
  view->strides[view->ndim - 1] = view->itemsize;
  for (int i = view->ndim - 2; i >= 0; i--)
    view->strides[i] = view->strides[i + 1] * view->shape[i + 1];
}

void init_shape_strides(Buffer* dest, const Buffer* src) {
  if (src->ndim == 0) {
    dest->shape = nullptr;
    dest->strides = nullptr;
    return;
  }
  if (src->ndim == 1) {
    dest->shape[0] = src->shape ? src->shape[0] : src->len / src->itemsize;
    dest->strides[0] = src->strides ? src->strides[0] : src->itemsize;
    return;
  }
  for (int i = 0; i < src->ndim; i++) dest->shape[i] = src->shape[i];
  if (src->strides) {
    for (int i = 0; i < src->ndim; i++) dest->strides[i] = src->strides[i];
  } else {
    init_strides_from_shape(dest);
  }
}

void init_suboffsets(Buffer* dest, const Buffer* src) {
  if (!src->suboffsets) {
    dest->suboffsets = nullptr;
    return;
  }
  for (int i = 0; i < src->ndim; i++) dest->suboffsets[i] = src->suboffsets[i];
}

void init_len(Buffer* view) {
  ssize len = 1;
  for (int i = 0; i < view->ndim; i++) len *= view->shape[i];
  view->len = len * view->itemsize;
}

void init_flags(MemoryViewObject* mv) {
  const Buffer* view = &mv->view;
  int flags = 0;
  switch (view->ndim) {
    case 0: flags |= kMvScalar | kMvC | kMvFortran; break;
    case 1:
      if (view->shape[0] == 1 || view->strides[0] == view->itemsize) flags |= kMvC | kMvFortran;
      break;
    default:
      if (buffer_is_contiguous(view, 'C')) flags |= kMvC;
      if (buffer_is_contiguous(view, 'F')) flags |= kMvFortran;
      break;
  }
  if (view->suboffsets) {
    flags |= kMvPil;
    flags &= ~(kMvC | kMvFortran);
  }
  mv->flags = flags;
}

// mbuf_add_view: a complete view of src (the master buffer when src is null).
Object* mbuf_add_view(ManagedBufferObject* mbuf, const Buffer* src) {
  if (!src) src = &mbuf->master;
  if (src->ndim > kBufferMaxNdim) {
    errors::set_string(exc_ValueError, "memoryview: number of dimensions must not exceed 64");
    return nullptr;
  }
  MemoryViewObject* mv = memory_alloc(src->ndim);
  if (!mv) return nullptr;
  Buffer* dest = &mv->view;
  init_shared_values(dest, src);
  init_shape_strides(dest, src);
  init_suboffsets(dest, src);
  init_flags(mv);
  mv->mbuf = new_ref(mbuf);
  mbuf->exports++;
  return mv;
}

// mbuf_add_incomplete_view: shape and strides are the caller's to fill (cast).
MemoryViewObject* mbuf_add_incomplete_view(ManagedBufferObject* mbuf, const Buffer* src, int ndim) {
  MemoryViewObject* mv = memory_alloc(ndim);
  if (!mv) return nullptr;
  init_shared_values(&mv->view, src);
  mv->mbuf = new_ref(mbuf);
  mbuf->exports++;
  return mv;
}

// _memory_release.
int memory_release(MemoryViewObject* self) {
  if (self->flags & kMvReleased) return 0;
  if (self->exports == 0) {
    self->flags |= kMvReleased;
    if (--self->mbuf->exports == 0) mbuf_release(self->mbuf);
    return 0;
  }
  errors::format(exc_BufferError, "memoryview has %zd exported buffer%s", self->exports,
                 self->exports == 1 ? "" : "s");
  return -1;
}

void memory_dealloc(Object* o) {
  MemoryViewObject* self = mv_of(o);
  gc::untrack(o);
  if (self->exports == 0 && self->mbuf) (void)memory_release(self);
  if (self->weakreflist) object_clear_weakrefs(o);
  if (self->mbuf) clear(self->mbuf);
  gc::gc_free(o);
}

int memory_traverse(Object* o, visitproc visit, void* arg) {
  Object* mbuf = mv_of(o)->mbuf;
  return mbuf ? visit(mbuf, arg) : 0;
}

// memory_clear: a view with exports of its own stays intact.
int memory_clear(Object* o) {
  MemoryViewObject* self = mv_of(o);
  if (self->exports == 0 && self->mbuf) {
    (void)memory_release(self);
    clear(self->mbuf);
  }
  return 0;
}

// --- formats and items ----------------------------------------------------------------------

// get_native_fmtchar: the item size of a native single-character format, or -1.
ssize get_native_fmtchar(char* result, const char* fmt) {
  ssize size = -1;
  if (fmt[0] == '@') fmt++;
  switch (fmt[0]) {
    case 'c': case 'b': case 'B': size = 1; break;
    case 'h': case 'H': size = sizeof(short); break;
    case 'i': case 'I': size = sizeof(int); break;
    case 'l': case 'L': size = sizeof(long); break;
    case 'q': case 'Q': size = sizeof(long long); break;
    case 'n': case 'N': size = sizeof(ssize); break;
    case 'f': size = sizeof(float); break;
    case 'd': size = sizeof(double); break;
    case 'e': size = sizeof(float) / 2; break;
    case '?': size = sizeof(bool); break;
    case 'P': size = sizeof(void*); break;
  }
  if (size > 0 && fmt[1] == '\0') {
    *result = fmt[0];
    return size;
  }
  return -1;
}

// get_native_fmtstr: the static string of a native format ('@' dropped).
const char* get_native_fmtstr(const char* fmt) {
  static const char* const kFormats = "cbB?hHiIlLqQnNfdeP";
  if (fmt[0] == '@') fmt++;
  if (!fmt[0] || fmt[1]) return nullptr;
  const char* p = std::strchr(kFormats, fmt[0]);
  if (!p) return nullptr;
  static char storage[18][2];
  size_t k = static_cast<size_t>(p - kFormats);
  storage[k][0] = fmt[0];
  storage[k][1] = '\0';
  return storage[k];
}

// adjust_fmt.
const char* adjust_fmt(const Buffer* view) {
  const char* fmt = view->format[0] == '@' ? view->format + 1 : view->format;
  if (fmt[0] && fmt[1] == '\0') return fmt;
  errors::format(exc_NotImplementedError, "memoryview: unsupported format %s", view->format);
  return nullptr;
}

// PyFloat_Unpack2 / PyFloat_Pack2 (IEEE 754 binary16, round half to even).
double half_to_double(uint16_t h) {
  int sign = h >> 15;
  int e = (h >> 10) & 0x1f;
  unsigned f = h & 0x3ff;
  double x;
  if (e == 0x1f) {
    x = f == 0 ? INFINITY : NAN;
  } else if (e == 0) {
    x = std::ldexp(static_cast<double>(f), -24);
  } else {
    x = std::ldexp(static_cast<double>(f + 0x400), e - 25);
  }
  return sign ? -x : x;
}

bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    *out = static_cast<uint16_t>(sign | 0x7e00);
    return true;
  }
  x = std::fabs(x);
  if (std::isinf(x)) {
    *out = static_cast<uint16_t>(sign | 0x7c00);
    return true;
  }
  if (x == 0) {
    *out = sign;
    return true;
  }
  int e;
  double f = std::frexp(x, &e);  // x = f * 2**e, 0.5 <= f < 1
  // Normalise to 1 <= f < 2.
  f *= 2.0;
  e -= 1;
  unsigned bits;
  if (e < -14) {
    // Subnormal: f * 2**e / 2**-24 units.
    double units = std::ldexp(x, 24);
    double r = std::nearbyint(units);  // round half to even (default rounding mode)
    bits = static_cast<unsigned>(r);
    if (bits >= 0x400) {
      *out = static_cast<uint16_t>(sign | (1 << 10) | (bits - 0x400));
      return true;
    }
    *out = static_cast<uint16_t>(sign | bits);
    return true;
  }
  double mant = (f - 1.0) * 1024.0;
  double r = std::nearbyint(mant);
  unsigned m = static_cast<unsigned>(r);
  if (m == 1024) {
    m = 0;
    e += 1;
  }
  if (e > 15) {
    errors::set_string(exc_OverflowError, "float too large to pack with e format");
    return false;
  }
  bits = (static_cast<unsigned>(e + 15) << 10) | m;
  *out = static_cast<uint16_t>(sign | bits);
  return true;
}

// unpack_single.
Object* unpack_single(MemoryViewObject* self, const char* ptr, const char* fmt) {
  // CHECK_RELEASED_AGAIN: the __index__ of a multi-index may have released the view.
  if (check_released(self)) return nullptr;
#define UNPACK(T) \
  T v;            \
  std::memcpy(&v, ptr, sizeof(T));
  switch (fmt[0]) {
    case 'B': return long_from_long(static_cast<unsigned char>(*ptr));
    case 'b': return long_from_long(static_cast<signed char>(*ptr));
    case 'c': return bytes_from_string_and_size(ptr, 1);
    case 'h': { UNPACK(short) return long_from_long(v); }
    case 'H': { UNPACK(unsigned short) return long_from_long(v); }
    case 'i': { UNPACK(int) return long_from_long(v); }
    case 'I': { UNPACK(unsigned int) return long_from_long(static_cast<long>(v)); }
    case 'l': { UNPACK(long) return long_from_long(v); }
    case 'L': { UNPACK(unsigned long) return long_from_unsigned_long_long(v); }
    case 'q': { UNPACK(long long) return long_from_long_long(v); }
    case 'Q': { UNPACK(unsigned long long) return long_from_unsigned_long_long(v); }
    case 'n': { UNPACK(ssize) return long_from_ssize(v); }
    case 'N': { UNPACK(size_t) return long_from_unsigned_long_long(v); }
    case 'f': { UNPACK(float) return float_from_double(static_cast<double>(v)); }
    case 'd': { UNPACK(double) return float_from_double(v); }
    case 'e': { UNPACK(uint16_t) return float_from_double(half_to_double(v)); }
    case '?': { UNPACK(bool) return bool_from_bool(v); }
    case 'P': { UNPACK(void*) return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(v)); }
  }
#undef UNPACK
  return errors::format(exc_NotImplementedError, "memoryview: format %s not supported", fmt);
}

int type_error_int(const char* fmt) {
  errors::format(exc_TypeError, "memoryview: invalid type for format '%s'", fmt);
  return -1;
}
int value_error_int(const char* fmt) {
  errors::format(exc_ValueError, "memoryview: invalid value for format '%s'", fmt);
  return -1;
}
// fix_error_int.
int fix_error_int(const char* fmt) {
  if (errors::exception_matches(exc_TypeError)) {
    errors::clear();
    return type_error_int(fmt);
  }
  if (errors::exception_matches(exc_OverflowError) || errors::exception_matches(exc_ValueError)) {
    errors::clear();
    return value_error_int(fmt);
  }
  return -1;
}

// An int from item through __index__, as a signed or unsigned 64-bit value; false with the
// error of PyLong_AsLongLong / AsUnsignedLongLong otherwise.
bool item_as_ll(Object* item, long long* out) {
  Ref<> i = Ref<>::steal(number_index(item));
  if (!i) return false;
  long long v = long_as_long_long(i.get());
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}
bool item_as_ull(Object* item, unsigned long long* out) {
  Ref<> i = Ref<>::steal(number_index(item));
  if (!i) return false;
  // PyLong_AsUnsignedLongLong: negative values and values past 64 bits overflow.
  if (long_sign_of(i.get()) < 0) {
    errors::set_string(exc_OverflowError, "can't convert negative int to unsigned");
    return false;
  }
  int overflow;
  long long v = long_as_long_and_overflow(i.get(), &overflow);
  if (!overflow) {
    *out = static_cast<unsigned long long>(v);
    return true;
  }
  // Past 2**63: the two 32-bit halves.
  Ref<> shift = Ref<>::steal(long_from_long(32));
  Ref<> mask = Ref<>::steal(long_from_long(0xffffffffL));
  Ref<> hi = Ref<>::steal(number_rshift(i.get(), shift.get()));
  Ref<> lo = Ref<>::steal(number_and(i.get(), mask.get()));
  if (!hi || !lo) return false;
  long long h = long_as_long_long(hi.get());
  if (h == -1 && errors::occurred()) return false;
  if (h > 0xffffffffLL) {
    errors::set_string(exc_OverflowError, "int too big to convert");
    return false;
  }
  *out = (static_cast<unsigned long long>(h) << 32) |
         static_cast<unsigned long long>(long_as_long_long(lo.get()));
  return true;
}

// pack_single.
int pack_single(MemoryViewObject* self, char* ptr, Object* item, const char* fmt) {
  auto released_again = [&]() {
    if (base_inaccessible(self)) {
      errors::set_string(exc_ValueError, "operation forbidden on released memoryview object");
      return true;
    }
    return false;
  };
  switch (fmt[0]) {
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
      long long v;
      if (!item_as_ll(item, &v)) return fix_error_int(fmt);
      if (released_again()) return -1;
      switch (fmt[0]) {
        case 'b': {
          if (v < SCHAR_MIN || v > SCHAR_MAX) return value_error_int(fmt);
          signed char c = static_cast<signed char>(v);
          std::memcpy(ptr, &c, 1);
          break;
        }
        case 'h': {
          if (v < SHRT_MIN || v > SHRT_MAX) return value_error_int(fmt);
          short s = static_cast<short>(v);
          std::memcpy(ptr, &s, sizeof s);
          break;
        }
        case 'i': {
          if (v < INT_MIN || v > INT_MAX) return value_error_int(fmt);
          int s = static_cast<int>(v);
          std::memcpy(ptr, &s, sizeof s);
          break;
        }
        default: {
          std::memcpy(ptr, &v, sizeof v);  // long, long long, ssize: all 64-bit here
          break;
        }
      }
      return 0;
    }
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': {
      unsigned long long v;
      if (!item_as_ull(item, &v)) return fix_error_int(fmt);
      if (released_again()) return -1;
      switch (fmt[0]) {
        case 'B': {
          if (v > UCHAR_MAX) return value_error_int(fmt);
          unsigned char c = static_cast<unsigned char>(v);
          std::memcpy(ptr, &c, 1);
          break;
        }
        case 'H': {
          if (v > USHRT_MAX) return value_error_int(fmt);
          unsigned short s = static_cast<unsigned short>(v);
          std::memcpy(ptr, &s, sizeof s);
          break;
        }
        case 'I': {
          if (v > UINT_MAX) return value_error_int(fmt);
          unsigned s = static_cast<unsigned>(v);
          std::memcpy(ptr, &s, sizeof s);
          break;
        }
        default: std::memcpy(ptr, &v, sizeof v); break;
      }
      return 0;
    }
    case 'f': case 'd': case 'e': {
      double d = float_as_double(item);
      if (d == -1.0 && errors::occurred()) return fix_error_int(fmt);
      if (released_again()) return -1;
      if (fmt[0] == 'f') {
        float f = static_cast<float>(d);
        std::memcpy(ptr, &f, sizeof f);
      } else if (fmt[0] == 'd') {
        std::memcpy(ptr, &d, sizeof d);
      } else {
        uint16_t h;
        if (!double_to_half(d, &h)) return fix_error_int(fmt);
        std::memcpy(ptr, &h, sizeof h);
      }
      return 0;
    }
    case '?': {
      int t = object_is_true(item);
      if (t < 0) return -1;
      if (released_again()) return -1;
      bool b = t != 0;
      std::memcpy(ptr, &b, sizeof b);
      return 0;
    }
    case 'c':
      if (!bytes_check(item)) return type_error_int(fmt);
      if (bytes_size(item) != 1) return value_error_int(fmt);
      *ptr = bytes_as_string(item)[0];
      return 0;
    case 'P': {
      unsigned long long v;
      if (!item_as_ull(item, &v)) return fix_error_int(fmt);
      if (released_again()) return -1;
      void* p = reinterpret_cast<void*>(static_cast<uintptr_t>(v));
      std::memcpy(ptr, &p, sizeof p);
      return 0;
    }
  }
  errors::format(exc_NotImplementedError, "memoryview: format %s not supported", fmt);
  return -1;
}

// ADJUST_PTR.
char* adjust_ptr(char* ptr, const ssize* suboffsets, int dim) {
  if (suboffsets && suboffsets[dim] >= 0) return *reinterpret_cast<char**>(ptr) + suboffsets[dim];
  return ptr;
}

// lookup_dimension.
char* lookup_dimension(const Buffer* view, char* ptr, int dim, ssize index) {
  ssize nitems = view->shape[dim];
  if (index < 0) index += nitems;
  if (index < 0 || index >= nitems) {
    errors::format(exc_IndexError, "index out of bounds on dimension %d", dim + 1);
    return nullptr;
  }
  ptr += view->strides[dim] * index;
  return adjust_ptr(ptr, view->suboffsets, dim);
}

// ptr_from_tuple.
char* ptr_from_tuple(const Buffer* view, Object* tup) {
  ssize nindices = tuple_size(tup);
  if (nindices > view->ndim) {
    errors::format(exc_TypeError, "cannot index %zd-dimension view with %zd-element tuple",
                   static_cast<ssize>(view->ndim), nindices);
    return nullptr;
  }
  char* ptr = static_cast<char*>(view->buf);
  for (ssize dim = 0; dim < nindices; dim++) {
    ssize index = number_as_ssize(tuple_item(tup, dim), exc_IndexError);
    if (index == -1 && errors::occurred()) return nullptr;
    ptr = lookup_dimension(view, ptr, static_cast<int>(dim), index);
    if (!ptr) return nullptr;
  }
  return ptr;
}

bool is_multiindex(Object* key) {
  if (!tuple_check(key)) return false;
  for (ssize i = 0; i < tuple_size(key); i++)
    if (!index_check(tuple_item(key, i))) return false;
  return true;
}

bool is_multislice(Object* key) {
  if (!tuple_check(key)) return false;
  for (ssize i = 0; i < tuple_size(key); i++)
    if (!slice_check(tuple_item(key, i))) return false;
  return true;
}

// init_slice.
int init_slice(Buffer* base, Object* key, int dim) {
  ssize start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
  ssize slicelength = slice_adjust_indices(base->shape[dim], &start, &stop, step);
  bool adjusted = false;
  if (base->suboffsets && dim != 0) {
    int n = dim - 1;
    while (n >= 0 && base->suboffsets[n] < 0) n--;
    if (n >= 0) {
      base->suboffsets[n] = base->suboffsets[n] + base->strides[dim] * start;
      adjusted = true;
    }
  }
  if (!adjusted) base->buf = static_cast<char*>(base->buf) + base->strides[dim] * start;
  base->shape[dim] = slicelength;
  base->strides[dim] = base->strides[dim] * step;
  return 0;
}

// --- the slots ------------------------------------------------------------------------------

ssize memory_length(Object* o) {
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return -1;
  if (self->view.ndim == 0) {
    errors::set_string(exc_TypeError, "0-dim memory has no length");
    return -1;
  }
  return self->view.shape[0];
}

Object* memory_item(Object* o, ssize index) {
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  const char* fmt = adjust_fmt(&self->view);
  if (!fmt) return nullptr;
  if (self->view.ndim == 0) {
    errors::set_string(exc_TypeError, "invalid indexing of 0-dim memory");
    return nullptr;
  }
  if (self->view.ndim == 1) {
    char* ptr = lookup_dimension(&self->view, static_cast<char*>(self->view.buf), 0, index);
    if (!ptr) return nullptr;
    return unpack_single(self, ptr, fmt);
  }
  errors::set_string(exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
  return nullptr;
}

Object* memory_subscript(Object* o, Object* key) {
  MemoryViewObject* self = mv_of(o);
  Buffer* view = &self->view;
  if (check_released(self)) return nullptr;
  if (view->ndim == 0) {
    if (tuple_check(key) && tuple_size(key) == 0) {
      const char* fmt = adjust_fmt(view);
      if (!fmt) return nullptr;
      return unpack_single(self, static_cast<char*>(view->buf), fmt);
    }
    if (key == ellipsis()) return new_ref(o);
    errors::set_string(exc_TypeError, "invalid indexing of 0-dim memory");
    return nullptr;
  }
  if (index_check(key)) {
    ssize index = number_as_ssize(key, exc_IndexError);
    if (index == -1 && errors::occurred()) return nullptr;
    return memory_item(o, index);
  }
  if (slice_check(key)) {
    Object* sliced = mbuf_add_view(self->mbuf, view);
    if (!sliced) return nullptr;
    MemoryViewObject* s = mv_of(sliced);
    if (init_slice(&s->view, key, 0) < 0) {
      decref(sliced);
      return nullptr;
    }
    init_len(&s->view);
    init_flags(s);
    return sliced;
  }
  if (is_multiindex(key)) {
    const char* fmt = adjust_fmt(view);
    if (!fmt) return nullptr;
    if (tuple_size(key) < view->ndim) {
      errors::set_string(exc_NotImplementedError, "sub-views are not implemented");
      return nullptr;
    }
    char* ptr = ptr_from_tuple(view, key);
    if (!ptr) return nullptr;
    return unpack_single(self, ptr, fmt);
  }
  if (is_multislice(key)) {
    errors::set_string(exc_NotImplementedError, "multi-dimensional slicing is not implemented");
    return nullptr;
  }
  errors::set_string(exc_TypeError, "memoryview: invalid slice key");
  return nullptr;
}

// equiv_format / equiv_shape / equiv_structure.
bool equiv_format(const Buffer* dest, const Buffer* src) {
  const char* dfmt = dest->format[0] == '@' ? dest->format + 1 : dest->format;
  const char* sfmt = src->format[0] == '@' ? src->format + 1 : src->format;
  return std::strcmp(dfmt, sfmt) == 0 && dest->itemsize == src->itemsize;
}

bool equiv_shape(const Buffer* dest, const Buffer* src) {
  if (dest->ndim != src->ndim) return false;
  for (int i = 0; i < dest->ndim; i++) {
    if (dest->shape[i] != src->shape[i]) return false;
    if (dest->shape[i] == 0) break;
  }
  return true;
}

// copy_single: a one-dimensional copy of src into dest (the same structure); a temporary
// keeps overlapping memory right.
int copy_single(MemoryViewObject* self, const Buffer* dest, const Buffer* src) {
  if (base_inaccessible(self)) {
    errors::set_string(exc_ValueError, "operation forbidden on released memoryview object");
    return -1;
  }
  if (!equiv_format(dest, src) || !equiv_shape(dest, src)) {
    errors::set_string(exc_ValueError,
                       "memoryview assignment: lvalue and rvalue have different structures");
    return -1;
  }
  ssize n = dest->shape[0], isz = dest->itemsize;
  std::vector<char> tmp(static_cast<size_t>(n * isz));
  const ssize* sstrides = src->strides;
  ssize sstride = sstrides ? sstrides[0] : isz;
  for (ssize i = 0; i < n; i++) {
    char* sp = adjust_ptr(static_cast<char*>(src->buf) + i * sstride, src->suboffsets, 0);
    std::memcpy(tmp.data() + i * isz, sp, static_cast<size_t>(isz));
  }
  for (ssize i = 0; i < n; i++) {
    char* dp = adjust_ptr(static_cast<char*>(dest->buf) + i * dest->strides[0], dest->suboffsets, 0);
    std::memcpy(dp, tmp.data() + i * isz, static_cast<size_t>(isz));
  }
  return 0;
}

// memory_ass_sub.
int memory_ass_sub(Object* o, Object* key, Object* value) {
  MemoryViewObject* self = mv_of(o);
  Buffer* view = &self->view;
  if (check_released(self)) return -1;
  const char* fmt = adjust_fmt(view);
  if (!fmt) return -1;
  if (view->readonly) {
    errors::set_string(exc_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    errors::set_string(exc_TypeError, "cannot delete memory");
    return -1;
  }
  if (view->ndim == 0) {
    if (key == ellipsis() || (tuple_check(key) && tuple_size(key) == 0))
      return pack_single(self, static_cast<char*>(view->buf), value, fmt);
    errors::set_string(exc_TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  if (index_check(key)) {
    if (view->ndim > 1) {
      errors::set_string(exc_NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    ssize index = number_as_ssize(key, exc_IndexError);
    if (index == -1 && errors::occurred()) return -1;
    char* ptr = lookup_dimension(view, static_cast<char*>(view->buf), 0, index);
    if (!ptr) return -1;
    return pack_single(self, ptr, value, fmt);
  }
  if (slice_check(key) && view->ndim == 1) {
    Buffer src;
    if (object_get_buffer(value, &src, kBufFullRO) < 0) return -1;
    Buffer dest = *view;
    ssize arrays[3];
    dest.shape = &arrays[0];
    dest.shape[0] = view->shape[0];
    dest.strides = &arrays[1];
    dest.strides[0] = view->strides[0];
    if (view->suboffsets) {
      dest.suboffsets = &arrays[2];
      dest.suboffsets[0] = view->suboffsets[0];
    }
    int ret = -1;
    if (init_slice(&dest, key, 0) == 0) {
      dest.len = dest.shape[0] * dest.itemsize;
      // A source without shape (PyBUF_SIMPLE exporters) is one-dimensional bytes.
      ssize sshape = src.shape ? 0 : src.len / (src.itemsize ? src.itemsize : 1);
      Buffer s2 = src;
      if (!src.shape) {
        s2.shape = &sshape;
        s2.ndim = 1;
      }
      if (!s2.format) s2.format = const_cast<char*>("B");
      ret = copy_single(self, &dest, &s2);
    }
    buffer_release(&src);
    return ret;
  }
  if (is_multiindex(key)) {
    if (tuple_size(key) < view->ndim) {
      errors::set_string(exc_NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    char* ptr = ptr_from_tuple(view, key);
    if (!ptr) return -1;
    return pack_single(self, ptr, value, fmt);
  }
  if (slice_check(key) || is_multislice(key)) {
    errors::set_string(exc_NotImplementedError,
                       "memoryview slice assignments are currently restricted to ndim = 1");
    return -1;
  }
  errors::set_string(exc_TypeError, "memoryview: invalid slice key");
  return -1;
}

// memory_getbuf.
int memory_getbuf(Object* o, Buffer* view, int flags) {
  MemoryViewObject* self = mv_of(o);
  Buffer* base = &self->view;
  int baseflags = self->flags;
  if (check_released(self)) return -1;
  *view = *base;
  view->obj = nullptr;
  if ((flags & kBufWritable) && base->readonly) {
    errors::set_string(exc_BufferError, "memoryview: underlying buffer is not writable");
    return -1;
  }
  if (!(flags & kBufFormat)) view->format = nullptr;
  if ((flags & kBufCContiguous) == kBufCContiguous && !(baseflags & kMvC)) {
    errors::set_string(exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return -1;
  }
  if ((flags & kBufFContiguous) == kBufFContiguous && !(baseflags & kMvFortran)) {
    errors::set_string(exc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
    return -1;
  }
  if ((flags & kBufAnyContiguous) == kBufAnyContiguous && !(baseflags & (kMvC | kMvFortran))) {
    errors::set_string(exc_BufferError, "memoryview: underlying buffer is not contiguous");
    return -1;
  }
  if ((flags & kBufIndirect) != kBufIndirect && (baseflags & kMvPil)) {
    errors::set_string(exc_BufferError, "memoryview: underlying buffer requires suboffsets");
    return -1;
  }
  if ((flags & kBufStrides) != kBufStrides) {
    if (!(baseflags & kMvC)) {
      errors::set_string(exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
      return -1;
    }
    view->strides = nullptr;
  }
  if ((flags & kBufND) != kBufND) {
    if (view->format) {
      errors::set_string(exc_BufferError,
                         "memoryview: cannot cast to unsigned bytes if the format flag is present");
      return -1;
    }
    view->ndim = 1;
    view->shape = nullptr;
  }
  view->obj = new_ref(o);
  self->exports++;
  return 0;
}

void memory_releasebuf(Object* o, Buffer*) { mv_of(o)->exports--; }

BufferProcs memory_as_buffer = {memory_getbuf, memory_releasebuf};

Object* memory_repr(Object* o) {
  MemoryViewObject* self = mv_of(o);
  if (self->flags & kMvReleased) return str_from_format("<released memory at %p>", o);
  return str_from_format("<memory at %p>", o);
}

// memory_hash: read-only views of byte formats hash as the bytes they show.
hash_t memory_hash(Object* o) {
  MemoryViewObject* self = mv_of(o);
  if (self->hash != -1) return self->hash;
  Buffer* view = &self->view;
  if (check_released(self)) return -1;
  if (!view->readonly) {
    errors::set_string(exc_ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  char fmt;
  if (get_native_fmtchar(&fmt, view->format) < 0 || !is_byte_format(fmt)) {
    errors::set_string(exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  if (view->obj && object_hash(view->obj) == -1) return -1;
  std::vector<char> mem(static_cast<size_t>(view->len));
  if (view->len) buffer_to_contiguous(mem.data(), view, view->len, 'C');
  self->hash = hash::hash_bytes(mem.data(), view->len);
  return self->hash;
}

// --- comparisons -----------------------------------------------------------------------------

constexpr int kCompareEx = -1;       // MV_COMPARE_EX: an exception is set
constexpr int kCompareNotImpl = -2;  // MV_COMPARE_NOT_IMPL

// struct unpacker: Struct(fmt).unpack_from bound once, reading a private copy of each item
// through a memoryview of it (an item of a strided or indirect buffer is not addressable as
// one contiguous object otherwise).
struct Unpacker {
  Ref<> unpack_from;
  Ref<> mview;
  std::vector<char> item;
};

// struct_get_unpacker: null with the struct module's error (StructError for a format it
// rejects) set.
std::unique_ptr<Unpacker> struct_get_unpacker(const char* fmt, ssize itemsize) {
  Ref<> mod = Ref<>::steal(imp::import_module("struct"));
  if (!mod) return nullptr;
  Ref<> struct_type = Ref<>::steal(object_getattr_string(mod.get(), "Struct"));
  if (!struct_type) return nullptr;
  auto x = std::make_unique<Unpacker>();
  Ref<> format = Ref<>::steal(bytes_from_cstr(fmt));
  if (!format) return nullptr;
  Ref<> structobj = Ref<>::steal(object_call_one_arg(struct_type.get(), format.get()));
  if (!structobj) return nullptr;
  x->unpack_from = Ref<>::steal(object_getattr_string(structobj.get(), "unpack_from"));
  if (!x->unpack_from) return nullptr;
  x->item.resize(static_cast<size_t>(itemsize > 0 ? itemsize : 1));
  x->mview = Ref<>::steal(memoryview_from_memory(x->item.data(), itemsize, kBufWrite));
  if (!x->mview) return nullptr;
  return x;
}

// struct_unpack_single: one item; a one-member struct gives the member itself.
Object* struct_unpack_single(const char* ptr, Unpacker* x) {
  if (!x->item.empty()) std::memcpy(x->item.data(), ptr, x->item.size());
  Object* v = object_call_one_arg(x->unpack_from.get(), x->mview.get());
  if (!v) return nullptr;
  if (tuple_check(v) && tuple_size(v) == 1) {
    Object* res = new_ref(tuple_item(v, 0));
    decref(v);
    return res;
  }
  return v;
}

// fix_struct_error_int: a format the struct module rejects makes the views unequal; an
// ImportError or MemoryError stays.
int fix_struct_error_int() {
  if (errors::exception_matches(exc_ImportError) || errors::exception_matches(exc_MemoryError))
    return kCompareEx;
  errors::clear();
  return 0;
}

// struct_unpack_cmp.
int struct_unpack_cmp(const char* p, const char* q, Unpacker* unpack_p, Unpacker* unpack_q) {
  Ref<> v = Ref<>::steal(struct_unpack_single(p, unpack_p));
  if (!v) return kCompareEx;
  Ref<> w = Ref<>::steal(struct_unpack_single(q, unpack_q));
  if (!w) return kCompareEx;
  return object_rich_compare_bool(v.get(), w.get(), kEQ);  // -1 == kCompareEx
}

template <typename T>
int cmp_single(const char* p, const char* q) {
  T x, y;
  std::memcpy(&x, p, sizeof x);
  std::memcpy(&y, q, sizeof y);
  return x == y;
}

// unpack_cmp: both items of one native single-character format are compared as C values
// (so NaNs differ); '_' goes through the struct module.
int unpack_cmp(const char* p, const char* q, char fmt, Unpacker* unpack_p, Unpacker* unpack_q) {
  switch (fmt) {
    case 'B': return *reinterpret_cast<const unsigned char*>(p) == *reinterpret_cast<const unsigned char*>(q);
    case 'b': return *reinterpret_cast<const signed char*>(p) == *reinterpret_cast<const signed char*>(q);
    case 'h': return cmp_single<short>(p, q);
    case 'i': return cmp_single<int>(p, q);
    case 'l': return cmp_single<long>(p, q);
    case '?': return cmp_single<bool>(p, q);
    case 'H': return cmp_single<unsigned short>(p, q);
    case 'I': return cmp_single<unsigned int>(p, q);
    case 'L': return cmp_single<unsigned long>(p, q);
    case 'q': return cmp_single<long long>(p, q);
    case 'Q': return cmp_single<unsigned long long>(p, q);
    case 'n': return cmp_single<ssize>(p, q);
    case 'N': return cmp_single<size_t>(p, q);
    case 'f': return cmp_single<float>(p, q);
    case 'd': return cmp_single<double>(p, q);
    case 'e': {
      uint16_t a, b;
      std::memcpy(&a, p, 2);
      std::memcpy(&b, q, 2);
      return half_to_double(a) == half_to_double(b);
    }
    case 'c': return *p == *q;
    case 'P': return cmp_single<void*>(p, q);
    case '_': return struct_unpack_cmp(p, q, unpack_p, unpack_q);
  }
  errors::set_string(exc_RuntimeError, "memoryview: internal error in richcompare");
  return kCompareEx;
}

// cmp_base / cmp_rec: the items of two buffers of the same shape, in C order.
int cmp_rec(const char* p, const char* q, int ndim, const ssize* shape, const ssize* pstrides,
            const ssize* psuboffsets, const ssize* qstrides, const ssize* qsuboffsets, char fmt,
            Unpacker* unpack_p, Unpacker* unpack_q) {
  for (ssize i = 0; i < shape[0]; p += pstrides[0], q += qstrides[0], i++) {
    const char* xp = adjust_ptr(const_cast<char*>(p), psuboffsets, 0);
    const char* xq = adjust_ptr(const_cast<char*>(q), qsuboffsets, 0);
    int equal = ndim == 1
                    ? unpack_cmp(xp, xq, fmt, unpack_p, unpack_q)
                    : cmp_rec(xp, xq, ndim - 1, shape + 1, pstrides + 1,
                              psuboffsets ? psuboffsets + 1 : nullptr, qstrides + 1,
                              qsuboffsets ? qsuboffsets + 1 : nullptr, fmt, unpack_p, unpack_q);
    if (equal <= 0) return equal;
  }
  return 1;
}

// memory_richcompare: == and != item by item. Equal native single-character formats compare
// C values; any other pair of formats (non-native '<i', '3s', 'x' padding, or two different
// native formats) unpacks each item with the struct module, and a format struct rejects makes
// the views unequal.
Object* memory_richcompare(Object* v, Object* w, int op) {
  int equal = kCompareNotImpl;
  Buffer wbuf;
  const Buffer* ww = nullptr;
  std::unique_ptr<Unpacker> unpack_v, unpack_w;
  // Exporters that leave strides out of a FULL_RO answer: C-contiguous strides.
  ssize wshape1 = 0;
  std::vector<ssize> wstrides;
  Buffer wfix;
  if (op != kEQ && op != kNE) goto result;
  if (base_inaccessible(mv_of(v))) {
    equal = v == w;
    goto result;
  }
  if (memoryview_check(w)) {
    if (base_inaccessible(mv_of(w))) {
      equal = v == w;
      goto result;
    }
    ww = &mv_of(w)->view;
  } else {
    if (object_get_buffer(w, &wbuf, kBufFullRO) < 0) {
      errors::clear();
      goto result;
    }
    ww = &wbuf;
    if (ww->ndim >= 1 && (!ww->shape || !ww->strides)) {
      wfix = *ww;
      if (!wfix.shape) {
        wshape1 = wfix.len / (wfix.itemsize ? wfix.itemsize : 1);
        wfix.shape = &wshape1;
      }
      wstrides.assign(static_cast<size_t>(wfix.ndim), wfix.itemsize);
      for (int i = wfix.ndim - 2; i >= 0; i--) wstrides[i] = wstrides[i + 1] * wfix.shape[i + 1];
      wfix.strides = wstrides.data();
      ww = &wfix;
    }
  }
  {
    const Buffer* vv = &mv_of(v)->view;
    if (!equiv_shape(vv, ww)) {
      errors::clear();
      equal = 0;
      goto result;
    }
    const char* vformat = vv->format ? vv->format : "B";
    const char* wformat = ww->format ? ww->format : "B";
    char vfmt, wfmt;
    if (get_native_fmtchar(&vfmt, vformat) < 0) vfmt = '_';
    if (get_native_fmtchar(&wfmt, wformat) < 0) wfmt = '_';
    if (vfmt == '_' || wfmt == '_' || vfmt != wfmt) {
      // Not memcmp even for equal format strings: NaNs and padding bytes.
      vfmt = '_';
      unpack_v = struct_get_unpacker(vformat, vv->itemsize);
      if (!unpack_v) {
        equal = fix_struct_error_int();
        goto result;
      }
      unpack_w = struct_get_unpacker(wformat, ww->itemsize);
      if (!unpack_w) {
        equal = fix_struct_error_int();
        goto result;
      }
    }
    if (vv->ndim == 0) {
      equal = unpack_cmp(static_cast<const char*>(vv->buf), static_cast<const char*>(ww->buf),
                         vfmt, unpack_v.get(), unpack_w.get());
    } else {
      equal = cmp_rec(static_cast<const char*>(vv->buf), static_cast<const char*>(ww->buf),
                      vv->ndim, vv->shape, vv->strides, vv->suboffsets, ww->strides,
                      ww->suboffsets, vfmt, unpack_v.get(), unpack_w.get());
    }
  }
result:
  Object* res;
  if (equal < 0) {
    res = equal == kCompareNotImpl ? new_ref(not_implemented()) : nullptr;
  } else {
    res = bool_from_bool((equal != 0) == (op == kEQ));
  }
  if (ww == &wbuf || ww == &wfix) buffer_release(&wbuf);
  return res;
}

// --- construction ---------------------------------------------------------------------------

const char* const kNewKeywords[] = {"object", nullptr};
const ArgParser kNewParser = {"memoryview", kNewKeywords, 1, 1, 0};

Object* memory_new(TypeObject*, Object* args, Object* kwargs) {
  Object* a[1];
  if (unpack_keywords_tuple(kNewParser, args, kwargs, a) < 0) return nullptr;
  return memoryview_from_object(a[0]);
}

Object* memory_vectorcall(Object*, Object* const* args, size_t nargsf, Object* kwnames) {
  Object* a[1];
  if (unpack_keywords(kNewParser, args, vectorcall_nargs(nargsf), kwnames, a) < 0)
    return nullptr;
  return memoryview_from_object(a[0]);
}

// --- methods --------------------------------------------------------------------------------

Object* mv_release(Object* o, Object*) {
  if (memory_release(mv_of(o)) < 0) return nullptr;
  return return_none();
}

Object* mv_enter(Object* o, Object*) {
  if (check_released(mv_of(o))) return nullptr;
  return new_ref(o);
}

// memory_exit: METH_VARARGS (any positional arguments, no keywords).
Object* mv_exit(Object* o, Object*) { return mv_release(o, nullptr); }

const char* const kTobytesKeywords[] = {"order", nullptr};
const ArgParser kTobytesParser = {"tobytes", kTobytesKeywords, 0, 1, 0};

// memoryview_tobytes_impl.
Object* mv_tobytes(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (unpack_keywords(kTobytesParser, args, nargs, kwnames, a) < 0) return nullptr;
  char ord = 'C';
  if (a[0] && a[0] != none()) {
    if (!str_check(a[0])) {
      bad_argument("tobytes", "'order'", "str or None", a[0]);
      return nullptr;
    }
    const char* order = str_as_utf8(a[0]);
    if (!order) return nullptr;
    if (std::strcmp(order, "F") == 0) ord = 'F';
    else if (std::strcmp(order, "A") == 0) ord = 'A';
    else if (std::strcmp(order, "C") != 0) {
      errors::set_string(exc_ValueError, "order must be 'C', 'F' or 'A'");
      return nullptr;
    }
  }
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  Buffer* src = &self->view;
  Object* bytes = bytes_from_string_and_size(nullptr, src->len);
  if (!bytes) return nullptr;
  if (src->len && buffer_to_contiguous(bytes_as_string(bytes), src, src->len, ord) < 0) {
    decref(bytes);
    return nullptr;
  }
  return bytes;
}

const char* const kHexKeywords[] = {"sep", "bytes_per_sep", nullptr};
const ArgParser kHexParser = {"hex", kHexKeywords, 0, 2, 0};

Object* mv_hex(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kHexParser, args, nargs, kwnames, a) < 0) return nullptr;
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  Ref<> bytes = Ref<>::steal(mv_tobytes(o, nullptr, 0, nullptr));
  if (!bytes) return nullptr;
  // The same separator rules as bytes.hex: call it on the contiguous copy.
  Ref<> hex = Ref<>::steal(object_getattr_string(bytes.get(), "hex"));
  if (!hex) return nullptr;
  std::vector<Object*> call_args;
  ssize n = 0;
  for (ssize i = 0; i < 2; i++) {
    if (a[i]) {
      call_args.push_back(a[i]);
      n = i + 1;
    } else {
      break;
    }
  }
  if (a[1] && !a[0]) {
    // bytes_per_sep given without sep: pass by keyword.
    Ref<> names = Ref<>::steal(tuple_new(1));
    tuple_set_item(names.get(), 0, str_from_cstr("bytes_per_sep"));
    Object* arg = a[1];
    return vectorcall(hex.get(), &arg, 0, names.get());
  }
  return vectorcall(hex.get(), call_args.data(), static_cast<size_t>(n), nullptr);
}

// tolist_base / tolist_rec.
Object* tolist_rec(MemoryViewObject* self, const Buffer* v, char* ptr, int dim, const char* fmt) {
  ssize n = v->shape[dim];
  Ref<> list = Ref<>::steal(list_new(n));
  if (!list) return nullptr;
  for (ssize i = 0; i < n; i++) {
    char* p = adjust_ptr(ptr + i * v->strides[dim], v->suboffsets, dim);
    Object* item = dim == v->ndim - 1 ? unpack_single(self, p, fmt)
                                       : tolist_rec(self, v, p, dim + 1, fmt);
    if (!item) return nullptr;
    list_set_item(list.get(), i, item);
  }
  return list.release();
}

Object* mv_tolist(Object* o, Object*) {
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  const Buffer* view = &self->view;
  const char* fmt = adjust_fmt(view);
  if (!fmt) return nullptr;
  if (view->ndim == 0) return unpack_single(self, static_cast<char*>(view->buf), fmt);
  return tolist_rec(self, view, static_cast<char*>(view->buf), 0, fmt);
}

// cast_to_1D.
int cast_to_1d(MemoryViewObject* mv, Object* format) {
  Buffer* view = &mv->view;
  Ref<> ascii = Ref<>::steal(str_encode(format, "ascii", "strict"));
  if (!ascii) return -1;
  const char* f = bytes_as_string(ascii.get());
  char destchar, srcchar;
  ssize itemsize = get_native_fmtchar(&destchar, f);
  if (itemsize < 0) {
    errors::set_string(exc_ValueError,
                       "memoryview: destination format must be a native single character format "
                       "prefixed with an optional '@'");
    return -1;
  }
  if ((get_native_fmtchar(&srcchar, view->format) < 0 || !is_byte_format(srcchar)) &&
      !is_byte_format(destchar)) {
    errors::set_string(exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    return -1;
  }
  if (view->len % itemsize) {
    errors::set_string(exc_TypeError, "memoryview: length is not a multiple of itemsize");
    return -1;
  }
  view->format = const_cast<char*>(get_native_fmtstr(f));
  view->itemsize = itemsize;
  view->ndim = 1;
  view->shape[0] = view->len / view->itemsize;
  view->strides[0] = view->itemsize;
  view->suboffsets = nullptr;
  init_flags(mv);
  return 0;
}

// cast_to_ND with copy_shape.
int cast_to_nd(MemoryViewObject* mv, Object* shape, int ndim) {
  Buffer* view = &mv->view;
  view->ndim = ndim;
  ssize len;
  if (ndim == 0) {
    view->shape = nullptr;
    view->strides = nullptr;
    len = view->itemsize;
  } else {
    len = view->itemsize;
    Object** items = list_check(shape) ? list_items(shape) : tuple_items(shape);
    for (int i = 0; i < ndim; i++) {
      Object* tmp = items[i];
      if (!long_check(tmp)) {
        errors::set_string(exc_TypeError, "memoryview.cast(): elements of shape must be integers");
        return -1;
      }
      ssize x = long_as_ssize(tmp);
      if (x == -1 && errors::occurred()) return -1;
      if (x <= 0) {
        errors::set_string(exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
        return -1;
      }
      if (x > PTRDIFF_MAX / len) {
        errors::set_string(exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
        return -1;
      }
      len *= x;
      view->shape[i] = x;
    }
    init_strides_from_shape(view);
  }
  if (view->len != len) {
    errors::set_string(exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    return -1;
  }
  init_flags(mv);
  return 0;
}

bool zero_in_shape(MemoryViewObject* mv) {
  const Buffer* view = &mv->view;
  for (int i = 0; i < view->ndim; i++)
    if (view->shape[i] == 0) return true;
  return false;
}

const char* const kCastKeywords[] = {"format", "shape", nullptr};
const ArgParser kCastParser = {"cast", kCastKeywords, 1, 2, 0};

// memoryview_cast_impl.
Object* mv_cast(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kCastParser, args, nargs, kwnames, a) < 0) return nullptr;
  Object* format = a[0];
  Object* shape = a[1];
  if (!str_check(format)) {
    bad_argument("cast", "'format'", "str", format);
    return nullptr;
  }
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  if (!(self->flags & kMvC)) {
    errors::set_string(exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    return nullptr;
  }
  if ((shape || self->view.ndim != 1) && zero_in_shape(self)) {
    errors::set_string(exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    return nullptr;
  }
  ssize ndim = 1;
  if (shape) {
    if (!list_check(shape) && !tuple_check(shape)) {
      errors::set_string(exc_TypeError, "shape must be a list or a tuple");
      return nullptr;
    }
    ndim = list_check(shape) ? list_size(shape) : tuple_size(shape);
    if (ndim > kBufferMaxNdim) {
      errors::set_string(exc_ValueError, "memoryview: number of dimensions must not exceed 64");
      return nullptr;
    }
    if (self->view.ndim != 1 && ndim != 1) {
      errors::set_string(exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
      return nullptr;
    }
  }
  MemoryViewObject* mv =
      mbuf_add_incomplete_view(self->mbuf, &self->view, ndim == 0 ? 1 : static_cast<int>(ndim));
  if (!mv) return nullptr;
  if (cast_to_1d(mv, format) < 0 ||
      (shape && cast_to_nd(mv, shape, static_cast<int>(ndim)) < 0)) {
    decref(mv);
    return nullptr;
  }
  return mv;
}

Object* mv_toreadonly(Object* o, Object*) {
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  Object* mv = mbuf_add_view(self->mbuf, &self->view);
  if (mv) mv_of(mv)->view.readonly = 1;
  return mv;
}

// memoryview_count (3.14).
Object* mv_count(Object* o, Object* value) {
  Ref<> it = Ref<>::steal(object_get_iter(o));
  if (!it) return nullptr;
  ssize count = 0;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) {
      if (errors::occurred()) return nullptr;
      break;
    }
    if (item.get() == value) {
      count++;
      continue;
    }
    int r = object_rich_compare_bool(item.get(), value, kEQ);
    if (r < 0) return nullptr;
    if (r > 0) count++;
  }
  return long_from_ssize(count);
}

// memoryview_index_impl (3.14).
Object* mv_index(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("index", nargs, 1, 3)) return nullptr;
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !eval_slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !eval_slice_index(args[2], &stop)) return nullptr;
  Object* value = args[0];
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  if (self->view.ndim == 0) {
    errors::set_string(exc_TypeError, "invalid lookup on 0-dim memory");
    return nullptr;
  }
  if (self->view.ndim == 1) {
    ssize n = self->view.shape[0];
    if (start < 0) start = start + n > 0 ? start + n : 0;
    if (stop < 0) stop = stop + n > 0 ? stop + n : 0;
    if (stop > n) stop = n;
    for (ssize index = start; index < stop; index++) {
      Ref<> item = Ref<>::steal(memory_item(o, index));
      if (!item) return nullptr;
      if (item.get() == value) return long_from_ssize(index);
      int r = object_rich_compare_bool(item.get(), value, kEQ);
      if (r < 0) return nullptr;
      if (r > 0) return long_from_ssize(index);
    }
    errors::set_string(exc_ValueError, "memoryview.index(x): x not found");
    return nullptr;
  }
  errors::set_string(exc_NotImplementedError, "multi-dimensional lookup is not implemented");
  return nullptr;
}

const char* const kFromFlagsKeywords[] = {"object", "flags", nullptr};
const ArgParser kFromFlagsParser = {"_from_flags", kFromFlagsKeywords, 2, 2, 0};

Object* mv_from_flags(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (unpack_keywords(kFromFlagsParser, args, nargs, kwnames, a) < 0) return nullptr;
  int flags = long_as_int(a[1]);
  if (flags == -1 && errors::occurred()) return nullptr;
  return memoryview_from_object_and_flags(a[0], flags);
}

MethodDef g_memory_methods[] = {
    {"release", fn(mv_release), kMethNoArgs, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", fn(mv_tobytes), kMethFastcall | kMethKeywords,
     "Return the data in the buffer as a byte string."},
    {"hex", fn(mv_hex), kMethFastcall | kMethKeywords,
     "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", fn(mv_tolist), kMethNoArgs, "Return the data in the buffer as a list of elements."},
    {"cast", fn(mv_cast), kMethFastcall | kMethKeywords, "Cast a memoryview to a new format or shape."},
    {"toreadonly", fn(mv_toreadonly), kMethNoArgs, "Return a readonly version of the memoryview."},
    {"_from_flags", fn(mv_from_flags), kMethFastcall | kMethKeywords | kMethClass,
     "Create a new memoryview object which references the given object."},
    {"count", fn(mv_count), kMethO, "Count the number of occurrences of a value."},
    {"index", fn(mv_index), kMethFastcall, "Return the index of the first occurrence of a value."},
    {"__enter__", fn(mv_enter), kMethNoArgs, nullptr},
    {"__exit__", fn(mv_exit), kMethVarargs, "Release the underlying buffer exposed by the memoryview object."},
    {nullptr, nullptr, 0, nullptr},
};

// --- attributes -----------------------------------------------------------------------------

Object* tuple_of(const ssize* array, int ndim) {
  Object* t = tuple_new(array ? ndim : 0);
  if (!t || !array) return t;
  for (int i = 0; i < ndim; i++) {
    Object* v = long_from_ssize(array[i]);
    if (!v) {
      decref(t);
      return nullptr;
    }
    tuple_set_item(t, i, v);
  }
  return t;
}

#define MV_GETTER(NAME, EXPR)                  \
  Object* NAME(Object* o, void*) {             \
    MemoryViewObject* self = mv_of(o);         \
    if (check_released(self)) return nullptr;  \
    Buffer* view = &self->view;                \
    (void)view;                                \
    return EXPR;                               \
  }
MV_GETTER(mv_get_obj, view->obj ? new_ref(view->obj) : return_none())
MV_GETTER(mv_get_nbytes, long_from_ssize(view->len))
MV_GETTER(mv_get_readonly, bool_from_bool(view->readonly))
MV_GETTER(mv_get_itemsize, long_from_ssize(view->itemsize))
MV_GETTER(mv_get_format, str_from_cstr(view->format))
MV_GETTER(mv_get_ndim, long_from_long(view->ndim))
MV_GETTER(mv_get_shape, tuple_of(view->shape, view->ndim))
MV_GETTER(mv_get_strides, tuple_of(view->strides, view->ndim))
MV_GETTER(mv_get_suboffsets, tuple_of(view->suboffsets, view->ndim))
MV_GETTER(mv_get_c_contiguous, bool_from_bool(self->flags & kMvC))
MV_GETTER(mv_get_f_contiguous, bool_from_bool(self->flags & kMvFortran))
MV_GETTER(mv_get_contiguous, bool_from_bool(self->flags & (kMvC | kMvFortran)))
#undef MV_GETTER

GetSetDef g_memory_getset[] = {
    {"obj", mv_get_obj, nullptr, "The underlying object of the memoryview.", nullptr},
    {"nbytes", mv_get_nbytes, nullptr, "The amount of space in bytes that the array would use in\n a contiguous representation.", nullptr},
    {"readonly", mv_get_readonly, nullptr, "A bool indicating whether the memory is read only.", nullptr},
    {"itemsize", mv_get_itemsize, nullptr, "The size in bytes of each element of the memoryview.", nullptr},
    {"format", mv_get_format, nullptr, "A string containing the format (in struct module style)\n for each element in the view.", nullptr},
    {"ndim", mv_get_ndim, nullptr, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents.", nullptr},
    {"shape", mv_get_shape, nullptr, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array.", nullptr},
    {"strides", mv_get_strides, nullptr, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array.", nullptr},
    {"suboffsets", mv_get_suboffsets, nullptr, "A tuple of integers used internally for PIL-style arrays.", nullptr},
    {"c_contiguous", mv_get_c_contiguous, nullptr, "A bool indicating whether the memory is C contiguous.", nullptr},
    {"f_contiguous", mv_get_f_contiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous.", nullptr},
    {"contiguous", mv_get_contiguous, nullptr, "A bool indicating whether the memory is contiguous.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

SequenceMethods memory_as_sequence = {
    memory_length, nullptr, nullptr, memory_item, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};
MappingMethods memory_as_mapping = {memory_length, memory_subscript, memory_ass_sub};

// --- the iterator ---------------------------------------------------------------------------

struct MemoryIterObject : Object {
  ssize index;
  Object* seq;
  ssize length;
  const char* fmt;
};

void memoryiter_dealloc(Object* o) {
  auto* it = static_cast<MemoryIterObject*>(o);
  gc::untrack(o);
  xdecref(it->seq);
  gc::gc_free(o);
}
int memoryiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* seq = static_cast<MemoryIterObject*>(o)->seq;
  return seq ? visit(seq, arg) : 0;
}

Object* memoryiter_next(Object* o) {
  auto* it = static_cast<MemoryIterObject*>(o);
  if (!it->seq) return nullptr;
  MemoryViewObject* seq = mv_of(it->seq);
  if (it->index < it->length) {
    if (check_released(seq)) return nullptr;
    Buffer* view = &seq->view;
    char* ptr = static_cast<char*>(view->buf) + view->strides[0] * it->index++;
    ptr = adjust_ptr(ptr, view->suboffsets, 0);
    return unpack_single(seq, ptr, it->fmt);
  }
  clear(it->seq);
  return nullptr;
}

Object* memory_iter(Object* o) {
  MemoryViewObject* self = mv_of(o);
  if (check_released(self)) return nullptr;
  if (self->view.ndim == 0) {
    errors::set_string(exc_TypeError, "invalid indexing of 0-dim memory");
    return nullptr;
  }
  if (self->view.ndim != 1) {
    errors::set_string(exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    return nullptr;
  }
  const char* fmt = adjust_fmt(&self->view);
  if (!fmt) return nullptr;
  auto* it = static_cast<MemoryIterObject*>(gc::gc_malloc(sizeof(MemoryIterObject)));
  if (!it) return errors::no_memory();
  it->refcnt = 1;
  it->type = &memoryiter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->fmt = fmt;
  it->length = self->view.shape[0];
  it->index = 0;
  it->seq = new_ref(o);
  gc::track(it);
  return it;
}

}  // namespace

void memoryview_make_raw(Object* m) {
  MemoryViewObject* mv = mv_of(m);
  static char kFormatB[] = "B";
  mv->view.format = kFormatB;
  mv->view.ndim = 1;
  mv->view.itemsize = 1;
  mv->view.shape = &mv->view.len;
  mv->view.strides = &mv->view.itemsize;
  mv->flags = kMvC | kMvFortran;
}

Object* memoryview_from_object(Object* v) {
  if (memoryview_check(v)) {
    MemoryViewObject* mv = mv_of(v);
    if (check_released(mv)) return nullptr;
    return mbuf_add_view(mv->mbuf, &mv->view);
  }
  if (object_check_buffer(v)) {
    ManagedBufferObject* mbuf = mbuf_from_object(v, kBufFullRO);
    if (!mbuf) return nullptr;
    Object* ret = mbuf_add_view(mbuf, nullptr);
    decref(mbuf);
    return ret;
  }
  return errors::format(exc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                        v->type->name);
}

Object* memoryview_from_object_and_flags(Object* v, int flags) {
  if (memoryview_check(v)) {
    MemoryViewObject* mv = mv_of(v);
    if (check_released(mv)) return nullptr;
    return mbuf_add_view(mv->mbuf, &mv->view);
  }
  if (object_check_buffer(v)) {
    ManagedBufferObject* mbuf = mbuf_from_object(v, flags);
    if (!mbuf) return nullptr;
    Object* ret = mbuf_add_view(mbuf, nullptr);
    decref(mbuf);
    return ret;
  }
  return errors::format(exc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                        v->type->name);
}

Object* memoryview_from_memory(char* mem, ssize size, int flags) {
  ManagedBufferObject* mbuf = mbuf_alloc();
  if (!mbuf) return nullptr;
  int readonly = (flags & kBufWrite) ? 0 : 1;
  buffer_fill_info(&mbuf->master, nullptr, mem, size, readonly, kBufFullRO);
  Object* mv = mbuf_add_view(mbuf, nullptr);
  decref(mbuf);
  return mv;
}

Object* memoryview_from_buffer(const Buffer* info) {
  if (!info->buf) {
    errors::set_string(exc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
    return nullptr;
  }
  ManagedBufferObject* mbuf = mbuf_alloc();
  if (!mbuf) return nullptr;
  mbuf->master = *info;
  mbuf->master.obj = nullptr;
  Object* mv = mbuf_add_view(mbuf, nullptr);
  decref(mbuf);
  return mv;
}

// --- PEP 688: __buffer__ and __release_buffer__ -------------------------------------------

// _PyMemoryView_FromBufferProc: a view of what bufferproc exports (the __buffer__ wrapper).
Object* memoryview_from_buffer_proc(Object* v, int flags, getbufferproc bufferproc) {
  ManagedBufferObject* mbuf = mbuf_alloc();
  if (!mbuf) return nullptr;
  if (bufferproc(v, &mbuf->master, flags) < 0) {
    mbuf->master.obj = nullptr;
    decref(mbuf);
    return nullptr;
  }
  Object* ret = mbuf_add_view(mbuf, nullptr);
  decref(mbuf);
  return ret;
}

namespace {

// PyBufferWrapper: the exporter a class's __buffer__ stands behind; it remembers the
// memoryview __buffer__ returned so that __release_buffer__ gets the same one.
struct BufferWrapperObject : Object {
  Object* mv;
  Object* obj;
};

void bufferwrapper_dealloc(Object* o) {
  auto* bw = static_cast<BufferWrapperObject*>(o);
  gc::untrack(o);
  xdecref(bw->mv);
  xdecref(bw->obj);
  gc::gc_free(o);
}

// bufferwrapper_traverse: the exporter behind a class's __buffer__ is reachable from its views.
int bufferwrapper_traverse(Object* o, visitproc visit, void* arg) {
  auto* bw = static_cast<BufferWrapperObject*>(o);
  if (bw->mv)
    if (int r = visit(bw->mv, arg)) return r;
  return bw->obj ? visit(bw->obj, arg) : 0;
}

void releasebuffer_call_python(Object* self, Buffer* buffer);

void bufferwrapper_releasebuf(Object* o, Buffer* view) {
  auto* bw = static_cast<BufferWrapperObject*>(o);
  if (!bw->mv || !bw->obj) return;
  Object* mv = bw->mv;
  Object* obj = bw->obj;
  mv->type->as_buffer->releasebuffer(mv, view);
  // Only Python classes need the call: a C exporter was released through mv.
  if (obj->type->as_buffer && obj->type->as_buffer->releasebuffer == slot_bf_releasebuffer)
    releasebuffer_call_python(obj, view);
  clear(bw->mv);
  clear(bw->obj);
}

BufferProcs bufferwrapper_as_buffer = {nullptr, bufferwrapper_releasebuf};

}  // namespace

TypeObject buffer_wrapper_type = [] {
  TypeObject t = static_type("_buffer_wrapper", sizeof(BufferWrapperObject), 0, kTpflagsHaveGc);
  t.dealloc = bufferwrapper_dealloc;
  t.traverse = bufferwrapper_traverse;
  t.as_buffer = &bufferwrapper_as_buffer;
  t.getattro = object_generic_getattr;
  return t;
}();

namespace {

Object* call_method_with(Object* self, const char* name, Object* arg) {
  Ref<> meth = Ref<>::steal(object_getattr_string(static_cast<Object*>(self->type), name));
  if (!meth) return nullptr;
  Object* args[2] = {self, arg};
  return vectorcall(meth.get(), args, 2, nullptr);
}

// releasebuffer_call_python: never fails; errors become unraisable.
void releasebuffer_call_python(Object* self, Buffer* buffer) {
  Object* exc = errors::get_raised_exception();
  bool is_wrapper = buffer->obj && buffer->obj->type == &buffer_wrapper_type;
  Ref<> mv;
  if (is_wrapper) {
    auto* bw = static_cast<BufferWrapperObject*>(buffer->obj);
    if (bw->mv) mv = Ref<>::borrow(bw->mv);
  } else {
    mv = Ref<>::steal(memoryview_from_buffer(buffer));
    if (!mv) errors::format_unraisable("Exception ignored in bf_releasebuffer of %s", self->type->name);
  }
  if (mv) {
    Ref<> ret = Ref<>::steal(call_method_with(self, "__release_buffer__", mv.get()));
    if (!ret) errors::format_unraisable("Exception ignored in __release_buffer__ of %s", self->type->name);
    if (!is_wrapper) {
      Ref<> r = Ref<>::steal(mv_release(mv.get(), nullptr));
      if (!r) errors::write_unraisable(nullptr);
    }
  }
  errors::set_raised_exception(exc);
}

}  // namespace

// slot_bf_getbuffer: a class's __buffer__(flags) must return a memoryview.
int slot_bf_getbuffer(Object* self, Buffer* buffer, int flags) {
  Ref<> flags_obj = Ref<>::steal(long_from_long(flags));
  if (!flags_obj) return -1;
  Ref<> ret = Ref<>::steal(call_method_with(self, "__buffer__", flags_obj.get()));
  if (!ret) return -1;
  if (!memoryview_check(ret.get())) {
    errors::set_string(exc_TypeError, "__buffer__ returned non-memoryview object");
    return -1;
  }
  if (object_get_buffer(ret.get(), buffer, flags) < 0) return -1;
  auto* w = static_cast<BufferWrapperObject*>(gc::gc_malloc(sizeof(BufferWrapperObject)));
  if (!w) {
    buffer_release(buffer);
    errors::no_memory();
    return -1;
  }
  w->refcnt = 1;
  w->type = &buffer_wrapper_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  // The view's reference to the memoryview moves to the wrapper.
  w->mv = buffer->obj;
  w->obj = new_ref(self);
  buffer->obj = w;
  gc::track(w);
  return 0;
}

void slot_bf_releasebuffer(Object* self, Buffer* buffer) { releasebuffer_call_python(self, buffer); }

// wrap_buffer: __buffer__(flags) of a type with a C getbuffer.
Object* wrap_buffer(Object* self, Object* args, void* wrapped) {
  if (!tuple_check(args) || tuple_size(args) != 1) {  // PyArg_UnpackTuple(args, "__buffer__", 1, 1)
    return errors::format(exc_TypeError, "__buffer__ expected 1 argument, got %zd",
                          tuple_check(args) ? tuple_size(args) : ssize(0));
  }
  ssize flags = number_as_ssize(tuple_item(args, 0), exc_OverflowError);
  if (flags == -1 && errors::occurred()) return nullptr;
  if (flags > INT_MAX || flags < INT_MIN) {
    errors::set_string(exc_OverflowError, "buffer flags out of range");
    return nullptr;
  }
  return memoryview_from_buffer_proc(self, static_cast<int>(flags),
                                     reinterpret_cast<getbufferproc>(wrapped));
}

// wrap_releasebuffer: __release_buffer__(memoryview).
Object* wrap_releasebuffer(Object* self, Object* args, void*) {
  if (!tuple_check(args) || tuple_size(args) != 1) {  // PyArg_UnpackTuple(args, "__release_buffer__", 1, 1)
    return errors::format(exc_TypeError, "__release_buffer__ expected 1 argument, got %zd",
                          tuple_check(args) ? tuple_size(args) : ssize(0));
  }
  Object* arg = tuple_item(args, 0);
  if (!memoryview_check(arg)) {
    errors::set_string(exc_TypeError, "expected a memoryview object");
    return nullptr;
  }
  MemoryViewObject* mview = mv_of(arg);
  if (!mview->view.obj) return return_none();
  if (mview->view.obj != self) {
    errors::set_string(exc_ValueError, "memoryview's buffer is not this object");
    return nullptr;
  }
  if (mview->flags & kMvReleased) {
    errors::set_string(exc_ValueError, "memoryview's buffer has already been released");
    return nullptr;
  }
  Ref<> res = Ref<>::steal(mv_release(arg, nullptr));
  if (!res) return nullptr;
  return return_none();
}

TypeObject managed_buffer_type = [] {
  TypeObject t = static_type("managedbuffer", sizeof(ManagedBufferObject), 0, kTpflagsHaveGc);
  t.dealloc = mbuf_dealloc;
  t.traverse = mbuf_traverse;
  t.clear = mbuf_clear;
  t.getattro = object_generic_getattr;
  return t;
}();

TypeObject memoryview_type = [] {
  TypeObject t = static_type("memoryview", sizeof(MemoryViewObject) - sizeof(ssize), sizeof(ssize),
                             kTpflagsSequence | kTpflagsHaveGc);
  t.dealloc = memory_dealloc;
  t.traverse = memory_traverse;
  t.clear = memory_clear;
  t.repr = memory_repr;
  t.as_sequence = &memory_as_sequence;
  t.as_mapping = &memory_as_mapping;
  t.as_buffer = &memory_as_buffer;
  t.hash = memory_hash;
  t.getattro = object_generic_getattr;
  t.richcompare = memory_richcompare;
  t.weaklistoffset = offsetof(MemoryViewObject, weakreflist);
  t.iter = memory_iter;
  t.methods = g_memory_methods;
  t.getset = g_memory_getset;
  t.new_ = memory_new;
  t.vectorcall = memory_vectorcall;
  t.doc = "Create a new memoryview object which references the given object.";
  return t;
}();

TypeObject memoryiter_type = [] {
  TypeObject t = static_type("memory_iterator", sizeof(MemoryIterObject), 0, kTpflagsHaveGc);
  t.dealloc = memoryiter_dealloc;
  t.traverse = memoryiter_traverse;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = memoryiter_next;
  return t;
}();

int init_memoryview_types() {
  TypeObject* types[] = {&managed_buffer_type, &memoryview_type, &memoryiter_type,
                         &buffer_wrapper_type};
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  return 0;
}

}  // namespace cppy::objects
