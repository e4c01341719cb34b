// The _testbuffer module: Modules/_testbuffer.c, the PEP 3118 test exporter CPython's own
// tests (test_buffer, test_memoryview) use. ndarray packs its items with the struct module,
// so it exports any format struct accepts ('<i', '3s', 'x' padding...), with any shape,
// strides, offset, PIL-style suboffsets (ND_PIL) and the contiguity and request-flag checks
// of ndarray_getbuf; a list of bases (push/pop, ND_VAREXPORT) and re-exporters (an ndarray
// made from another exporter, ND_REDIRECT). Left out: memoryview_from_buffer (a static
// Py_buffer), get_pointer, get_contiguous, py_buffer_to_contiguous, cmp_contig,
// is_contiguous and staticarray.
#include "modules/_testbuffer/testbuffermodule.h"

#include <climits>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "errors/errors.h"
#include "imp/import.h"
#include "modules/_struct/structmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/memoryobject.h"
#include "objects/moduleobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::testbuffer {

using namespace objects;

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

// The struct module's Struct and calcsize, and the module itself (unpack_from).
Object* g_structmodule = nullptr;
Object* g_struct = nullptr;
Object* g_calcsize = nullptr;
Object* g_simple_format = nullptr;  // "B"

constexpr int kNdMaxNdim = 2 * kBufferMaxNdim;

enum : int {
  kNdDefault = 0x000,
  kNdVarexport = 0x001,
  kNdWritable = 0x002,
  kNdFortran = 0x004,
  kNdScalar = 0x008,
  kNdPil = 0x010,
  kNdRedirect = 0x020,
  kNdGetbufFail = 0x040,
  kNdGetbufUndefined = 0x080,
  kNdC = 0x100,
  kNdOwnArrays = 0x200,
};

bool nd_c_contiguous(int flags) { return flags & (kNdScalar | kNdC); }
bool nd_fortran_contiguous(int flags) { return flags & (kNdScalar | kNdFortran); }
bool nd_any_contiguous(int flags) { return flags & (kNdScalar | kNdC | kNdFortran); }

bool req_indirect(int f) { return (f & kBufIndirect) == kBufIndirect; }
bool req_c_contiguous(int f) { return (f & kBufCContiguous) == kBufCContiguous; }
bool req_f_contiguous(int f) { return (f & kBufFContiguous) == kBufFContiguous; }
bool req_any_contiguous(int f) { return (f & kBufAnyContiguous) == kBufAnyContiguous; }
bool req_strides(int f) { return (f & kBufStrides) == kBufStrides; }
bool req_shape(int f) { return (f & kBufND) == kBufND; }
bool req_writable(int f) { return f & kBufWritable; }
bool req_format(int f) { return f & kBufFormat; }

char* adjust_ptr(char* ptr, const ssize* suboffsets) {
  return suboffsets && suboffsets[0] >= 0 ? *reinterpret_cast<char**>(ptr) + suboffsets[0] : ptr;
}

// ndbuf_t: one base buffer of the list (the list lets the layout change while buffers of
// an older layout are still exported).
struct NdBuf {
  NdBuf* next;
  NdBuf* prev;
  ssize len;     // length of data
  ssize offset;  // start of the array relative to data
  char* data;
  int flags;
  ssize exports;
  Buffer base;
};

struct NDArrayObject : Object {
  int flags;       // ndarray flags (ND_VAREXPORT)
  NdBuf staticbuf; // the base of a re-exporter
  NdBuf* head;     // the active base
};

TypeObject ndarray_type{};

// PySequence_Fast_GET_SIZE / _ITEMS of a list or a tuple.
ssize sequence_fast_size(Object* o) { return list_check(o) ? list_size(o) : tuple_size(o); }
Object** sequence_fast_items(Object* o) { return list_check(o) ? list_items(o) : tuple_items(o); }

NDArrayObject* nd_of(Object* o) { return static_cast<NDArrayObject*>(o); }
bool nd_is_consumer(NDArrayObject* nd) { return nd->head == &nd->staticbuf; }

// ndbuf_new.
NdBuf* ndbuf_new(ssize nitems, ssize itemsize, ssize offset, int flags) {
  ssize len = nitems * itemsize;
  if (offset % itemsize) {
    errors::set_string(exc_ValueError, "offset must be a multiple of itemsize");
    return nullptr;
  }
  if (offset < 0 || offset + itemsize > len) {
    errors::set_string(exc_ValueError, "offset out of bounds");
    return nullptr;
  }
  auto* ndbuf = static_cast<NdBuf*>(std::calloc(1, sizeof(NdBuf)));
  if (!ndbuf) {
    errors::no_memory();
    return nullptr;
  }
  ndbuf->len = len;
  ndbuf->offset = offset;
  ndbuf->data = static_cast<char*>(std::calloc(static_cast<size_t>(len ? len : 1), 1));
  if (!ndbuf->data) {
    std::free(ndbuf);
    errors::no_memory();
    return nullptr;
  }
  ndbuf->flags = flags;
  Buffer* base = &ndbuf->base;
  *base = Buffer{};
  base->buf = ndbuf->data;
  base->len = len;
  base->itemsize = 1;
  base->ndim = 1;
  base->internal = ndbuf;
  return ndbuf;
}

void ndbuf_free(NdBuf* ndbuf) {
  Buffer* base = &ndbuf->base;
  std::free(ndbuf->data);
  std::free(base->format);
  std::free(base->shape);
  std::free(base->strides);
  std::free(base->suboffsets);
  std::free(ndbuf);
}

void ndbuf_push(NDArrayObject* nd, NdBuf* elt) {
  elt->next = nd->head;
  if (nd->head) nd->head->prev = elt;
  nd->head = elt;
  elt->prev = nullptr;
}

void ndbuf_delete(NDArrayObject* nd, NdBuf* elt) {
  if (elt->prev)
    elt->prev->next = elt->next;
  else
    nd->head = elt->next;
  if (elt->next) elt->next->prev = elt->prev;
  ndbuf_free(elt);
}

void ndbuf_pop(NDArrayObject* nd) { ndbuf_delete(nd, nd->head); }

Object* ndarray_new(TypeObject* type, Object*, Object*) {
  Object* o = type_generic_alloc(type, 0);
  if (!o) return nullptr;
  auto* nd = nd_of(o);
  nd->flags = 0;
  nd->staticbuf = NdBuf{};
  nd->head = nullptr;
  return o;
}

void ndarray_dealloc(Object* o) {
  auto* self = nd_of(o);
  if (self->head) {
    if (nd_is_consumer(self)) {
      Buffer* base = &self->head->base;
      if (self->head->flags & kNdOwnArrays) {
        std::free(base->shape);
        std::free(base->strides);
        std::free(base->suboffsets);
      }
      buffer_release(base);
    } else {
      while (self->head) ndbuf_pop(self);
    }
  }
  TypeObject* tp = o->type;
  tp->free(o);
}

// ndarray_init_staticbuf: the ndarray re-exports exporter's buffer.
int ndarray_init_staticbuf(Object* exporter, NDArrayObject* nd, int flags) {
  Buffer* base = &nd->staticbuf.base;
  if (object_get_buffer(exporter, base, flags) < 0) return -1;
  nd->head = &nd->staticbuf;
  nd->head->next = nullptr;
  nd->head->prev = nullptr;
  nd->head->len = -1;
  nd->head->offset = -1;
  nd->head->data = nullptr;
  nd->head->flags = base->readonly ? 0 : kNdWritable;
  nd->head->exports = 0;
  return 0;
}

void init_flags(NdBuf* ndbuf) {
  if (ndbuf->base.ndim == 0) ndbuf->flags |= kNdScalar;
  if (ndbuf->base.suboffsets) ndbuf->flags |= kNdPil;
  if (buffer_is_contiguous(&ndbuf->base, 'C')) ndbuf->flags |= kNdC;
  if (buffer_is_contiguous(&ndbuf->base, 'F')) ndbuf->flags |= kNdFortran;
}

// --- buffer/list conversions ------------------------------------------------------------------

ssize* strides_from_shape(const NdBuf* ndbuf, int flags);

// Struct(format).pack_into(obj, offset, *item) for each item; an item is an int, float or
// bytes for a one-member format, else a list or tuple of the members.
int pack_from_list(Object* obj, Object* items, Object* format, ssize itemsize) {
  Ref<> structobj = Ref<>::steal(object_call_one_arg(g_struct, format));
  if (!structobj) return -1;
  ssize nitems = sequence_fast_size(items);
  ssize nmemb = struct_::struct_item_count(structobj.get());
  Ref<> pack_into = Ref<>::steal(object_getattr_string(structobj.get(), "pack_into"));
  if (!pack_into) return -1;
  std::vector<Object*> args(static_cast<size_t>(2 + nmemb));
  for (ssize i = 0; i < nitems; i++) {
    Ref<> offset = Ref<>::steal(long_from_ssize(i * itemsize));
    if (!offset) return -1;
    args[0] = obj;
    args[1] = offset.get();
    Object* item = sequence_fast_items(items)[i];
    if ((bytes_check(item) || long_check(item) || float_check(item)) && nmemb == 1) {
      args[2] = item;
    } else if ((list_check(item) || tuple_check(item)) && sequence_fast_size(item) == nmemb) {
      for (ssize j = 0; j < nmemb; j++) args[static_cast<size_t>(2 + j)] = sequence_fast_items(item)[j];
    } else {
      errors::set_string(exc_ValueError, "mismatch between initializer element and format string");
      return -1;
    }
    Ref<> tmp = Ref<>::steal(vectorcall(pack_into.get(), args.data(), 2 + nmemb, nullptr));
    if (!tmp) return -1;
  }
  return 0;
}

// pack_single: one item into itemsize bytes at ptr.
int pack_single(char* ptr, Object* item, const char* fmt, ssize itemsize) {
  if (!fmt) fmt = "B";
  Ref<> format = Ref<>::steal(str_from_cstr(fmt));
  if (!format) return -1;
  Ref<> structobj = Ref<>::steal(object_call_one_arg(g_struct, format.get()));
  if (!structobj) return -1;
  ssize nmemb = struct_::struct_item_count(structobj.get());
  Ref<> mview = Ref<>::steal(memoryview_from_memory(ptr, itemsize, kBufWrite));
  if (!mview) return -1;
  Ref<> zero = Ref<>::steal(long_from_long(0));
  Ref<> pack_into = Ref<>::steal(object_getattr_string(structobj.get(), "pack_into"));
  if (!pack_into) return -1;
  std::vector<Object*> args(static_cast<size_t>(2 + nmemb));
  args[0] = mview.get();
  args[1] = zero.get();
  if ((bytes_check(item) || long_check(item) || float_check(item)) && nmemb == 1) {
    args[2] = item;
  } else if ((list_check(item) || tuple_check(item)) && sequence_size(item) == nmemb) {
    Ref<> fast = Ref<>::steal(sequence_fast(item, ""));
    if (!fast) return -1;
    for (ssize i = 0; i < nmemb; i++) args[static_cast<size_t>(2 + i)] = sequence_fast_items(fast.get())[i];
    Ref<> x = Ref<>::steal(vectorcall(pack_into.get(), args.data(), 2 + nmemb, nullptr));
    return x ? 0 : -1;
  } else {
    errors::set_string(exc_ValueError, "mismatch between initializer element and format string");
    return -1;
  }
  Ref<> x = Ref<>::steal(vectorcall(pack_into.get(), args.data(), 2 + nmemb, nullptr));
  return x ? 0 : -1;
}

void copy_rec(const ssize* shape, ssize ndim, ssize itemsize, char* dptr, const ssize* dstrides,
              const ssize* dsuboffsets, char* sptr, const ssize* sstrides,
              const ssize* ssuboffsets, char* mem) {
  if (ndim == 1) {
    bool dp = dsuboffsets && dsuboffsets[0] >= 0;
    bool sp = ssuboffsets && ssuboffsets[0] >= 0;
    if (!dp && !sp && dstrides[0] == itemsize && sstrides[0] == itemsize) {
      std::memmove(dptr, sptr, static_cast<size_t>(shape[0] * itemsize));
    } else {
      char* p = mem;
      for (ssize i = 0; i < shape[0]; p += itemsize, sptr += sstrides[0], i++)
        std::memcpy(p, adjust_ptr(sptr, ssuboffsets), static_cast<size_t>(itemsize));
      p = mem;
      for (ssize i = 0; i < shape[0]; p += itemsize, dptr += dstrides[0], i++)
        std::memcpy(adjust_ptr(dptr, dsuboffsets), p, static_cast<size_t>(itemsize));
    }
    return;
  }
  for (ssize i = 0; i < shape[0]; dptr += dstrides[0], sptr += sstrides[0], i++) {
    copy_rec(shape + 1, ndim - 1, itemsize, adjust_ptr(dptr, dsuboffsets), dstrides + 1,
             dsuboffsets ? dsuboffsets + 1 : nullptr, adjust_ptr(sptr, ssuboffsets),
             sstrides + 1, ssuboffsets ? ssuboffsets + 1 : nullptr, mem);
  }
}

const char* fix_format(const char* f) { return f ? f : "B"; }

int cmp_structure(const Buffer* dest, const Buffer* src) {
  if (std::strcmp(fix_format(dest->format), fix_format(src->format)) != 0 ||
      dest->itemsize != src->itemsize || dest->ndim != src->ndim)
    return -1;
  for (int i = 0; i < dest->ndim; i++) {
    if (dest->shape[i] != src->shape[i]) return -1;
    if (dest->shape[i] == 0) break;
  }
  return 0;
}

// copy_buffer: src into dest, both of one structure; never a partial copy.
int copy_buffer(Buffer* dest, Buffer* src) {
  if (cmp_structure(dest, src) < 0) {
    errors::set_string(exc_ValueError,
                       "ndarray assignment: lvalue and rvalue have different structures");
    return -1;
  }
  std::vector<char> mem;
  if ((dest->suboffsets && dest->suboffsets[dest->ndim - 1] >= 0) ||
      (src->suboffsets && src->suboffsets[src->ndim - 1] >= 0) ||
      dest->strides[dest->ndim - 1] != dest->itemsize ||
      src->strides[src->ndim - 1] != src->itemsize) {
    mem.resize(static_cast<size_t>(dest->shape[dest->ndim - 1] * dest->itemsize) + 1);
  }
  copy_rec(dest->shape, dest->ndim, dest->itemsize, static_cast<char*>(dest->buf), dest->strides,
           dest->suboffsets, static_cast<char*>(src->buf), src->strides, src->suboffsets,
           mem.empty() ? nullptr : mem.data());
  return 0;
}

// unpack_single: struct.unpack_from(fmt, memory at ptr); a one-member result is the member.
Object* unpack_single(char* ptr, const char* fmt, ssize itemsize) {
  if (!fmt) {
    fmt = "B";
    itemsize = 1;
  }
  Ref<> unpack_from = Ref<>::steal(object_getattr_string(g_structmodule, "unpack_from"));
  if (!unpack_from) return nullptr;
  Ref<> mview = Ref<>::steal(memoryview_from_memory(ptr, itemsize, kBufRead));
  if (!mview) return nullptr;
  Ref<> f = Ref<>::steal(str_from_cstr(fmt));
  if (!f) return nullptr;
  Object* args[2] = {f.get(), mview.get()};
  Object* x = vectorcall(unpack_from.get(), args, 2, nullptr);
  if (!x) return nullptr;
  if (tuple_size(x) == 1) {
    Object* tmp = new_ref(tuple_item(x, 0));
    decref(x);
    return tmp;
  }
  return x;
}

// unpack_rec: a nested list of the items (a scalar for ndim 0).
Object* unpack_rec(Object* unpack_from, char* ptr, Object* mview, char* item, const ssize* shape,
                   const ssize* strides, const ssize* suboffsets, ssize ndim, ssize itemsize) {
  if (ndim == 0) {
    std::memcpy(item, ptr, static_cast<size_t>(itemsize));
    Object* x = object_call_one_arg(unpack_from, mview);
    if (!x) return nullptr;
    if (tuple_size(x) == 1) {
      Object* tmp = new_ref(tuple_item(x, 0));
      decref(x);
      return tmp;
    }
    return x;
  }
  Ref<> lst = Ref<>::steal(list_new(shape[0]));
  if (!lst) return nullptr;
  for (ssize i = 0; i < shape[0]; ptr += strides[0], i++) {
    char* nextptr = adjust_ptr(ptr, suboffsets);
    Object* x = unpack_rec(unpack_from, nextptr, mview, item, shape + 1, strides + 1,
                           suboffsets ? suboffsets + 1 : nullptr, ndim - 1, itemsize);
    if (!x) return nullptr;
    list_set_item(lst.get(), i, x);
  }
  return lst.release();
}

// ndarray_as_list.
Object* ndarray_as_list(NDArrayObject* nd) {
  Buffer* base = &nd->head->base;
  const ssize* shape = base->shape;
  const ssize* strides = base->strides;
  ssize simple_shape[1];
  ssize simple_strides[1];
  ssize* own_strides = nullptr;
  if (!base->format) {
    errors::set_string(exc_ValueError,
                       "ndarray: tolist() does not support format=NULL, use tobytes()");
    return nullptr;
  }
  if (!shape) {
    simple_shape[0] = base->len;
    simple_strides[0] = base->itemsize;
    shape = simple_shape;
    strides = simple_strides;
  } else if (!strides) {
    own_strides = strides_from_shape(nd->head, 0);
    if (!own_strides) return nullptr;
    strides = own_strides;
  }
  Object* lst = nullptr;
  {
    Ref<> format = Ref<>::steal(str_from_cstr(base->format));
    Ref<> structobj, unpack_from, mview;
    std::vector<char> item(static_cast<size_t>(base->itemsize) + 1);
    if (format) structobj = Ref<>::steal(object_call_one_arg(g_struct, format.get()));
    if (structobj) unpack_from = Ref<>::steal(object_getattr_string(structobj.get(), "unpack_from"));
    if (unpack_from) mview = Ref<>::steal(memoryview_from_memory(item.data(), base->itemsize, kBufWrite));
    if (mview) {
      lst = unpack_rec(unpack_from.get(), static_cast<char*>(base->buf), mview.get(), item.data(),
                       shape, strides, base->suboffsets, base->ndim, base->itemsize);
    }
  }
  std::free(own_strides);
  return lst;
}

// --- initialising an ndbuf --------------------------------------------------------------------

ssize get_itemsize(Object* format) {
  Ref<> tmp = Ref<>::steal(object_call_one_arg(g_calcsize, format));
  if (!tmp) return -1;
  return long_as_ssize(tmp.get());
}

// get_format: a malloc'ed copy of the format (PyUnicode_AsASCIIString's errors otherwise).
char* get_format(Object* format) {
  if (!str_check(format)) {
    errors::set_string(exc_TypeError, "bad argument type for built-in operation");
    return nullptr;
  }
  if (!str_is_ascii(format)) {
    Ref<> name = Ref<>::steal(str_from_cstr("encode"));
    Ref<> codec = Ref<>::steal(str_from_cstr("ascii"));
    if (!name || !codec) return nullptr;
    Ref<> r = Ref<>::steal(call_method_one_arg(format, name.get(), codec.get()));
    if (!r) return nullptr;
  }
  ssize n = str_length(format);
  char* fmt = static_cast<char*>(std::malloc(static_cast<size_t>(n) + 1));
  if (!fmt) {
    errors::no_memory();
    return nullptr;
  }
  std::memcpy(fmt, str_1byte(format), static_cast<size_t>(n));
  fmt[n] = '\0';
  return fmt;
}

int init_simple(NdBuf* ndbuf, Object* items, Object* format, ssize itemsize) {
  Buffer* base = &ndbuf->base;
  Ref<> mview = Ref<>::steal(memoryview_from_memory(static_cast<char*>(base->buf), base->len, kBufWrite));
  if (!mview) return -1;
  if (pack_from_list(mview.get(), items, format, itemsize) < 0) return -1;
  base->readonly = !(ndbuf->flags & kNdWritable);
  base->itemsize = itemsize;
  base->format = get_format(format);
  return base->format ? 0 : -1;
}

ssize* seq_as_ssize_array(Object* seq, ssize len, bool is_shape) {
  auto* dest = static_cast<ssize*>(std::malloc(static_cast<size_t>(len ? len : 1) * sizeof(ssize)));
  if (!dest) {
    errors::no_memory();
    return nullptr;
  }
  for (ssize i = 0; i < len; i++) {
    Object* tmp = sequence_fast_items(seq)[i];
    if (!long_check(tmp)) {
      errors::format(exc_ValueError, "elements of %s must be integers",
                     is_shape ? "shape" : "strides");
      std::free(dest);
      return nullptr;
    }
    ssize x = long_as_ssize(tmp);
    if (errors::occurred()) {
      std::free(dest);
      return nullptr;
    }
    if (is_shape && x < 0) {
      errors::set_string(exc_ValueError, "elements of shape must be integers >= 0");
      std::free(dest);
      return nullptr;
    }
    dest[i] = x;
  }
  return dest;
}

ssize* strides_from_shape(const NdBuf* ndbuf, int flags) {
  const Buffer* base = &ndbuf->base;
  auto* s = static_cast<ssize*>(std::malloc(static_cast<size_t>(base->ndim ? base->ndim : 1) * sizeof(ssize)));
  if (!s) {
    errors::no_memory();
    return nullptr;
  }
  if (flags & kNdFortran) {
    s[0] = base->itemsize;
    for (int i = 1; i < base->ndim; i++) s[i] = s[i - 1] * base->shape[i - 1];
  } else {
    s[base->ndim - 1] = base->itemsize;
    for (int i = base->ndim - 2; i >= 0; i--) s[i] = s[i + 1] * base->shape[i + 1];
  }
  return s;
}

// verify_structure: every item of the shape and strides lies inside the allocation.
int verify_structure(ssize len, ssize itemsize, ssize offset, const ssize* shape,
                     const ssize* strides, ssize ndim) {
  if (ndim == 0 && (offset < 0 || offset + itemsize > len)) goto invalid_combination;
  for (ssize n = 0; n < ndim; n++) {
    if (strides[n] % itemsize) {
      errors::set_string(exc_ValueError, "strides must be a multiple of itemsize");
      return -1;
    }
  }
  for (ssize n = 0; n < ndim; n++)
    if (shape[n] == 0) return 0;
  {
    ssize imin = 0, imax = 0;
    for (ssize n = 0; n < ndim; n++) {
      if (strides[n] <= 0)
        imin += (shape[n] - 1) * strides[n];
      else
        imax += (shape[n] - 1) * strides[n];
    }
    if (imin + offset < 0 || imax + offset + itemsize > len) goto invalid_combination;
  }
  return 0;
invalid_combination:
  errors::set_string(exc_ValueError, "invalid combination of buffer, shape and strides");
  return -1;
}

// init_suboffsets: a NumPy-style array as a PIL-style one, an array of pointers to the
// sub-arrays of the first dimension in front of the data.
int init_suboffsets(NdBuf* ndbuf) {
  Buffer* base = &ndbuf->base;
  ssize addsize = base->shape[0] * static_cast<ssize>(sizeof(char*));
  addsize = 8 * ((addsize + 7) / 8);  // the array starts at a multiple of 8
  auto* data = static_cast<char*>(std::malloc(static_cast<size_t>(ndbuf->len + addsize)));
  if (!data) {
    errors::no_memory();
    return -1;
  }
  std::memcpy(data + addsize, ndbuf->data, static_cast<size_t>(ndbuf->len));
  std::free(ndbuf->data);
  ndbuf->data = data;
  ndbuf->len += addsize;
  base->buf = ndbuf->data;
  ssize imin = 0, suboffset0 = 0;
  for (int n = 0; n < base->ndim; n++) {
    if (base->shape[n] == 0) break;
    if (base->strides[n] <= 0) {
      ssize x = (base->shape[n] - 1) * base->strides[n];
      imin += x;
      suboffset0 += n >= 1 ? -x : 0;
    }
  }
  ssize start = addsize + ndbuf->offset + imin;
  ssize step = base->strides[0] < 0 ? -base->strides[0] : base->strides[0];
  for (ssize n = 0; n < base->shape[0]; n++)
    reinterpret_cast<char**>(base->buf)[n] = static_cast<char*>(base->buf) + start + n * step;
  base->suboffsets = static_cast<ssize*>(std::malloc(static_cast<size_t>(base->ndim) * sizeof(ssize)));
  if (!base->suboffsets) {
    errors::no_memory();
    return -1;
  }
  base->suboffsets[0] = suboffset0;
  for (int n = 1; n < base->ndim; n++) base->suboffsets[n] = -1;
  if (base->strides[0] >= 0) {
    base->strides[0] = sizeof(char*);
  } else {
    base->strides[0] = -static_cast<ssize>(sizeof(char*));
    if (base->shape[0] > 0)
      base->buf = static_cast<char*>(base->buf) + (base->shape[0] - 1) * static_cast<ssize>(sizeof(char*));
  }
  ndbuf->flags &= ~(kNdC | kNdFortran);
  ndbuf->offset = 0;
  return 0;
}

void init_len(Buffer* base) {
  base->len = 1;
  for (int i = 0; i < base->ndim; i++) base->len *= base->shape[i];
  base->len *= base->itemsize;
}

int init_structure(NdBuf* ndbuf, Object* shape, Object* strides, ssize ndim) {
  Buffer* base = &ndbuf->base;
  base->ndim = static_cast<int>(ndim);
  if (ndim == 0) {
    if (ndbuf->flags & kNdPil) {
      errors::set_string(exc_TypeError, "ndim = 0 cannot be used in conjunction with ND_PIL");
      return -1;
    }
    ndbuf->flags |= kNdScalar | kNdC | kNdFortran;
    return 0;
  }
  base->shape = seq_as_ssize_array(shape, ndim, true);
  if (!base->shape) return -1;
  base->strides = strides ? seq_as_ssize_array(strides, ndim, false)
                          : strides_from_shape(ndbuf, ndbuf->flags);
  if (!base->strides) return -1;
  if (verify_structure(base->len, base->itemsize, ndbuf->offset, base->shape, base->strides,
                       ndim) < 0)
    return -1;
  base->buf = ndbuf->data + ndbuf->offset;
  init_len(base);
  if (buffer_is_contiguous(base, 'C')) ndbuf->flags |= kNdC;
  if (buffer_is_contiguous(base, 'F')) ndbuf->flags |= kNdFortran;
  if (ndbuf->flags & kNdPil) return init_suboffsets(ndbuf);
  return 0;
}

bool check_list_or_tuple(Object* v, const char* name) {
  if (!list_check(v) && !tuple_check(v)) {
    errors::format(exc_TypeError, "%s must be a list or a tuple", name);
    return false;
  }
  return true;
}

NdBuf* init_ndbuf(Object* items, Object* shape, Object* strides, ssize offset, Object* format,
                  int flags) {
  if (!check_list_or_tuple(shape, "shape")) return nullptr;
  ssize ndim = sequence_fast_size(shape);
  if (ndim > kNdMaxNdim) {
    errors::format(exc_ValueError, "ndim must not exceed %d", kNdMaxNdim);
    return nullptr;
  }
  if (strides) {
    if (!check_list_or_tuple(strides, "strides")) return nullptr;
    if (sequence_fast_size(strides) == 0) {
      strides = nullptr;
    } else if (flags & kNdFortran) {
      errors::set_string(exc_TypeError, "ND_FORTRAN cannot be used together with strides");
      return nullptr;
    } else if (sequence_fast_size(strides) != ndim) {
      errors::set_string(exc_ValueError, "len(shape) != len(strides)");
      return nullptr;
    }
  }
  ssize itemsize = get_itemsize(format);
  if (itemsize <= 0) {
    if (itemsize == 0) errors::set_string(exc_ValueError, "itemsize must not be zero");
    return nullptr;
  }
  Ref<> list;
  if (ndim == 0) {
    list = Ref<>::steal(tuple_pack(1, items));
    if (!list) return nullptr;
  } else {
    if (!check_list_or_tuple(items, "items")) return nullptr;
    list = Ref<>::borrow(items);
  }
  ssize nitems = sequence_fast_size(list.get());
  if (nitems == 0) {
    errors::set_string(exc_ValueError, "initializer list or tuple must not be empty");
    return nullptr;
  }
  NdBuf* ndbuf = ndbuf_new(nitems, itemsize, offset, flags);
  if (!ndbuf) return nullptr;
  if (init_simple(ndbuf, list.get(), format, itemsize) < 0 ||
      init_structure(ndbuf, shape, strides, ndim) < 0) {
    ndbuf_free(ndbuf);
    return nullptr;
  }
  return ndbuf;
}

int ndarray_push_base(NDArrayObject* nd, Object* items, Object* shape, Object* strides,
                      ssize offset, Object* format, int flags) {
  NdBuf* ndbuf = init_ndbuf(items, shape, strides, offset, format, flags);
  if (!ndbuf) return -1;
  ndbuf_push(nd, ndbuf);
  return 0;
}

constexpr int kBufUnused = 0x10000;

bool arg_ssize(Object* o, ssize* out) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  *out = long_as_ssize(i.get());
  return !(*out == -1 && errors::occurred());
}
bool arg_int(Object* o, int* out) {
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  if (v > INT_MAX || v < INT_MIN) {
    errors::set_string(exc_OverflowError, "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

// ndarray_init: ndarray(obj, shape=None, strides=None, offset=0, format='B', flags=0,
// getbuf=<unused>).
int ndarray_init(Object* self, Object* args, Object* kwds) {
  static const char* const kKeywords[] = {"obj", "shape", "strides", "offset", "format",
                                          "flags", "getbuf", nullptr};
  static const ArgParser kParser{"ndarray", kKeywords, 1, 7, 0};
  Object* a[7] = {};
  if (unpack_keywords_tuple(kParser, args, kwds, a) < 0) return -1;
  auto* nd = nd_of(self);
  Object* v = a[0];
  Object* shape = a[1];
  Object* strides = a[2];
  ssize offset = 0;
  Object* format = a[4] ? a[4] : g_simple_format;
  int flags = kNdDefault;
  int getbuf = kBufUnused;
  if (a[3] && !arg_ssize(a[3], &offset)) return -1;
  if (a[5] && !arg_int(a[5], &flags)) return -1;
  if (a[6] && !arg_int(a[6], &getbuf)) return -1;
  if (nd->head) {
    errors::set_string(exc_RuntimeError, "ndarray is already initialised");
    return -1;
  }
  // A re-exporter.
  if (object_check_buffer(v) && !shape) {
    if (strides || offset || format != g_simple_format ||
        !(flags == kNdDefault || flags == kNdRedirect)) {
      errors::set_string(exc_TypeError,
                         "construction from exporter object only takes 'obj', 'getbuf' and "
                         "'flags' arguments");
      return -1;
    }
    getbuf = getbuf == kBufUnused ? kBufFullRO : getbuf;
    if (ndarray_init_staticbuf(v, nd, getbuf) < 0) return -1;
    init_flags(nd->head);
    nd->head->flags |= flags;
    return 0;
  }
  // The original base object.
  if (getbuf != kBufUnused) {
    errors::set_string(exc_TypeError,
                       "getbuf argument only valid for construction from exporter object");
    return -1;
  }
  if (!shape) {
    errors::set_string(exc_TypeError,
                       "shape is a required argument when constructing from list, tuple or "
                       "scalar");
    return -1;
  }
  if (flags & kNdVarexport) {
    nd->flags |= kNdVarexport;
    flags &= ~kNdVarexport;
  }
  return ndarray_push_base(nd, v, shape, strides, offset, format, flags);
}

int check_initialised(NDArrayObject* nd) {
  if (!nd->head) {
    errors::set_string(exc_ValueError, "ndarray is not initialised");
    return -1;
  }
  return 0;
}

// ndarray_push: push(items, shape, strides=None, offset=0, format='B', flags=0).
Object* ndarray_push(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kKeywords[] = {"items", "shape", "strides", "offset", "format",
                                          "flags", nullptr};
  static const ArgParser kParser{"push", kKeywords, 2, 6, 0};
  Object* a[6] = {};
  if (unpack_keywords(kParser, args, nargs, kwnames, a) < 0) return nullptr;
  auto* nd = nd_of(self);
  if (check_initialised(nd) < 0) return nullptr;
  ssize offset = 0;
  int flags = kNdDefault;
  Object* format = a[4] ? a[4] : g_simple_format;
  if (a[3] && !arg_ssize(a[3], &offset)) return nullptr;
  if (a[5] && !arg_int(a[5], &flags)) return nullptr;
  if (flags & kNdVarexport) {
    errors::set_string(exc_ValueError, "ND_VAREXPORT flag can only be used during object creation");
    return nullptr;
  }
  if (nd_is_consumer(nd)) {
    errors::set_string(exc_BufferError, "structure of re-exporting object is immutable");
    return nullptr;
  }
  if (!(nd->flags & kNdVarexport) && nd->head->exports > 0) {
    return errors::format(exc_BufferError, "cannot change structure: %zd exported buffer%s",
                          nd->head->exports, nd->head->exports == 1 ? "" : "s");
  }
  if (ndarray_push_base(nd, a[0], a[1], a[2], offset, format, flags) < 0) return nullptr;
  return new_ref(none());
}

Object* ndarray_pop(Object* self, Object*) {
  auto* nd = nd_of(self);
  if (check_initialised(nd) < 0) return nullptr;
  if (nd_is_consumer(nd)) {
    errors::set_string(exc_BufferError, "structure of re-exporting object is immutable");
    return nullptr;
  }
  if (nd->head->exports > 0) {
    return errors::format(exc_BufferError, "cannot change structure: %zd exported buffer%s",
                          nd->head->exports, nd->head->exports == 1 ? "" : "s");
  }
  if (!nd->head->next) {
    errors::set_string(exc_BufferError, "list only has a single base");
    return nullptr;
  }
  ndbuf_pop(nd);
  return new_ref(none());
}

// --- getbuffer --------------------------------------------------------------------------------

int ndarray_getbuf(Object* o, Buffer* view, int flags) {
  auto* self = nd_of(o);
  if (check_initialised(self) < 0) return -1;
  NdBuf* ndbuf = self->head;
  Buffer* base = &ndbuf->base;
  int baseflags = ndbuf->flags;
  // Redirect mode.
  if (base->obj && (baseflags & kNdRedirect)) return object_get_buffer(base->obj, view, flags);
  *view = *base;
  view->obj = nullptr;
  if (!view->format) view->format = const_cast<char*>("B");
  if (base->ndim != 0 &&
      ((req_shape(flags) && !base->shape) || (req_strides(flags) && !base->strides))) {
    errors::set_string(exc_BufferError, "re-exporter does not provide format, shape or strides");
    return -1;
  }
  if (baseflags & kNdGetbufFail) {
    // ND_GETBUF_UNDEFINED left view.obj undefined in CPython <= 3.2; the consumer ignores it.
    errors::set_string(exc_BufferError, "ND_GETBUF_FAIL: forced test exception");
    return -1;
  }
  if (req_writable(flags) && base->readonly) {
    errors::set_string(exc_BufferError, "ndarray is not writable");
    return -1;
  }
  if (!req_format(flags)) view->format = nullptr;
  if (req_c_contiguous(flags) && !nd_c_contiguous(baseflags)) {
    errors::set_string(exc_BufferError, "ndarray is not C-contiguous");
    return -1;
  }
  if (req_f_contiguous(flags) && !nd_fortran_contiguous(baseflags)) {
    errors::set_string(exc_BufferError, "ndarray is not Fortran contiguous");
    return -1;
  }
  if (req_any_contiguous(flags) && !nd_any_contiguous(baseflags)) {
    errors::set_string(exc_BufferError, "ndarray is not contiguous");
    return -1;
  }
  if (!req_indirect(flags) && (baseflags & kNdPil)) {
    errors::set_string(exc_BufferError, "ndarray cannot be represented without suboffsets");
    return -1;
  }
  if (!req_strides(flags)) {
    if (!nd_c_contiguous(baseflags)) {
      errors::set_string(exc_BufferError, "ndarray is not C-contiguous");
      return -1;
    }
    view->strides = nullptr;
  }
  if (!req_shape(flags)) {
    if (view->format) {
      errors::set_string(exc_BufferError,
                         "ndarray: cannot cast to unsigned bytes if the format flag is present");
      return -1;
    }
    view->ndim = 1;
    view->shape = nullptr;
  }
  // The new buffer has the exporter's contiguity.
  if (nd_c_contiguous(baseflags) != buffer_is_contiguous(view, 'C') ||
      (view->format && view->shape &&
       nd_fortran_contiguous(baseflags) != buffer_is_contiguous(view, 'F')) ||
      (!view->format && !view->shape && !buffer_is_contiguous(view, 'F'))) {
    errors::set_string(exc_BufferError, "ndarray: contiguity mismatch in getbuf()");
    return -1;
  }
  view->obj = new_ref(o);
  self->head->exports++;
  return 0;
}

void ndarray_releasebuf(Object* o, Buffer* view) {
  auto* self = nd_of(o);
  if (!nd_is_consumer(self)) {
    auto* ndbuf = static_cast<NdBuf*>(view->internal);
    if (--ndbuf->exports == 0 && ndbuf != self->head) ndbuf_delete(self, ndbuf);
  }
}

BufferProcs ndarray_as_buffer = {ndarray_getbuf, ndarray_releasebuf};

// --- indexing and slicing ---------------------------------------------------------------------

char* ptr_from_index(Buffer* base, ssize index) {
  ssize nitems = base->shape ? base->shape[0] : base->len;
  if (index < 0) index += nitems;
  if (index < 0 || index >= nitems) {
    errors::set_string(exc_IndexError, "index out of bounds");
    return nullptr;
  }
  char* ptr = static_cast<char*>(base->buf);
  ptr += base->strides ? base->strides[0] * index : base->itemsize * index;
  return adjust_ptr(ptr, base->suboffsets);
}

Object* ndarray_item(Object* o, ssize index) {
  auto* self = nd_of(o);
  if (check_initialised(self) < 0) return nullptr;
  Buffer* base = &self->head->base;
  if (base->ndim == 0) {
    errors::set_string(exc_TypeError, "invalid indexing of scalar");
    return nullptr;
  }
  char* ptr = ptr_from_index(base, index);
  if (!ptr) return nullptr;
  if (base->ndim == 1) return unpack_single(ptr, base->format, base->itemsize);
  Ref<> nd = Ref<>::steal(ndarray_new(&ndarray_type, nullptr, nullptr));
  if (!nd) return nullptr;
  if (ndarray_init_staticbuf(o, nd_of(nd.get()), kBufFullRO) < 0) return nullptr;
  Buffer* subview = &nd_of(nd.get())->staticbuf.base;
  subview->buf = ptr;
  subview->len /= subview->shape[0];
  subview->ndim--;
  subview->shape++;
  if (subview->strides) subview->strides++;
  if (subview->suboffsets) subview->suboffsets++;
  init_flags(&nd_of(nd.get())->staticbuf);
  return nd.release();
}

// init_slice: the view of one dimension sliced (PIL arrays move the suboffset instead of buf
// past the first dimension).
int init_slice(Buffer* base, Object* key, int dim) {
  ssize start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
  ssize slicelength = slice_adjust_indices(base->shape[dim], &start, &stop, step);
  if (!base->suboffsets || dim == 0) {
    base->buf = static_cast<char*>(base->buf) + base->strides[dim] * start;
  } else {
    ssize n = dim - 1;
    while (n >= 0 && base->suboffsets[n] < 0) n--;
    if (n < 0)
      base->buf = static_cast<char*>(base->buf) + base->strides[dim] * start;
    else
      base->suboffsets[n] = base->suboffsets[n] + base->strides[dim] * start;
  }
  base->shape[dim] = slicelength;
  base->strides[dim] = base->strides[dim] * step;
  return 0;
}

int copy_structure(Buffer* base) {
  size_t n = static_cast<size_t>(base->ndim ? base->ndim : 1);
  auto* shape = static_cast<ssize*>(std::malloc(n * sizeof(ssize)));
  auto* strides = static_cast<ssize*>(std::malloc(n * sizeof(ssize)));
  ssize* suboffsets = base->suboffsets ? static_cast<ssize*>(std::malloc(n * sizeof(ssize))) : nullptr;
  if (!shape || !strides || (base->suboffsets && !suboffsets)) {
    std::free(shape);
    std::free(strides);
    std::free(suboffsets);
    errors::no_memory();
    return -1;
  }
  for (int i = 0; i < base->ndim; i++) {
    shape[i] = base->shape[i];
    strides[i] = base->strides[i];
    if (suboffsets) suboffsets[i] = base->suboffsets[i];
  }
  base->shape = shape;
  base->strides = strides;
  base->suboffsets = suboffsets;
  return 0;
}

Object* ndarray_subscript(Object* o, Object* key) {
  auto* self = nd_of(o);
  if (check_initialised(self) < 0) return nullptr;
  Buffer* base = &self->head->base;
  if (base->ndim == 0) {
    if (tuple_check(key) && tuple_size(key) == 0)
      return unpack_single(static_cast<char*>(base->buf), base->format, base->itemsize);
    if (key == ellipsis()) return new_ref(o);
    errors::set_string(exc_TypeError, "invalid indexing of scalar");
    return nullptr;
  }
  if (index_check(key)) {
    ssize index = long_as_ssize(key);
    if (index == -1 && errors::occurred()) return nullptr;
    return ndarray_item(o, index);
  }
  Ref<> ndref = Ref<>::steal(ndarray_new(&ndarray_type, nullptr, nullptr));
  if (!ndref) return nullptr;
  auto* nd = nd_of(ndref.get());
  if (ndarray_init_staticbuf(o, nd, kBufFullRO) < 0) return nullptr;
  NdBuf* ndbuf = nd->head;
  base = &ndbuf->base;
  if (copy_structure(base) < 0) return nullptr;
  ndbuf->flags |= kNdOwnArrays;
  if (slice_check(key)) {
    if (init_slice(base, key, 0) < 0) return nullptr;
  } else if (tuple_check(key)) {
    for (ssize i = 0; i < tuple_size(key); i++) {
      Object* k = tuple_item(key, i);
      if (!slice_check(k)) {
        return errors::format(exc_TypeError, "cannot index memory using \"%.200s\"",
                              k->type->name);
      }
      if (init_slice(base, k, static_cast<int>(i)) < 0) return nullptr;
    }
  } else {
    return errors::format(exc_TypeError, "cannot index memory using \"%.200s\"", key->type->name);
  }
  init_len(base);
  init_flags(ndbuf);
  return ndref.release();
}

int ndarray_ass_subscript(Object* o, Object* key, Object* value) {
  auto* self = nd_of(o);
  if (check_initialised(self) < 0) return -1;
  Buffer* dest = &self->head->base;
  if (dest->readonly) {
    errors::set_string(exc_TypeError, "ndarray is not writable");
    return -1;
  }
  if (!value) {
    errors::set_string(exc_TypeError, "ndarray data cannot be deleted");
    return -1;
  }
  if (dest->ndim == 0) {
    if (key == ellipsis() || (tuple_check(key) && tuple_size(key) == 0))
      return pack_single(static_cast<char*>(dest->buf), value, dest->format, dest->itemsize);
    errors::set_string(exc_TypeError, "invalid indexing of scalar");
    return -1;
  }
  if (dest->ndim == 1 && index_check(key)) {
    ssize index = long_as_ssize(key);
    if (index == -1 && errors::occurred()) return -1;
    char* ptr = ptr_from_index(dest, index);
    if (!ptr) return -1;
    return pack_single(ptr, value, dest->format, dest->itemsize);
  }
  Buffer src;
  if (object_get_buffer(value, &src, kBufFullRO) == -1) return -1;
  int ret = -1;
  Ref<> nd = Ref<>::steal(ndarray_subscript(o, key));
  if (nd) ret = copy_buffer(&nd_of(nd.get())->head->base, &src);
  buffer_release(&src);
  return ret;
}

MappingMethods ndarray_as_mapping = {nullptr, ndarray_subscript, ndarray_ass_subscript};
SequenceMethods ndarray_as_sequence = {};

// --- getters ----------------------------------------------------------------------------------

Object* ssize_array_as_tuple(const ssize* array, ssize len) {
  if (!array) return tuple_new(0);
  Ref<> t = Ref<>::steal(tuple_new(len));
  if (!t) return nullptr;
  for (ssize i = 0; i < len; i++) {
    Object* x = long_from_ssize(array[i]);
    if (!x) return nullptr;
    tuple_set_item(t.get(), i, x);
  }
  return t.release();
}

Buffer* base_of(Object* o) {
  if (check_initialised(nd_of(o)) < 0) return nullptr;
  return &nd_of(o)->head->base;
}

Object* get_flags(Object* o, void*) {
  if (!base_of(o)) return nullptr;
  return long_from_long(nd_of(o)->head->flags);
}
Object* get_offset(Object* o, void*) {
  if (!base_of(o)) return nullptr;
  return long_from_ssize(nd_of(o)->head->offset);
}
Object* get_obj(Object* o, void*) {
  Buffer* b = base_of(o);
  if (!b) return nullptr;
  return new_ref(b->obj ? b->obj : none());
}
Object* get_nbytes(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? long_from_ssize(b->len) : nullptr;
}
Object* get_readonly(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? bool_from_bool(b->readonly != 0) : nullptr;
}
Object* get_itemsize(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? long_from_ssize(b->itemsize) : nullptr;
}
Object* get_format_attr(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? str_from_cstr(b->format ? b->format : "") : nullptr;
}
Object* get_ndim(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? long_from_ssize(b->ndim) : nullptr;
}
Object* get_shape(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? ssize_array_as_tuple(b->shape, b->ndim) : nullptr;
}
Object* get_strides(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? ssize_array_as_tuple(b->strides, b->ndim) : nullptr;
}
Object* get_suboffsets(Object* o, void*) {
  Buffer* b = base_of(o);
  return b ? ssize_array_as_tuple(b->suboffsets, b->ndim) : nullptr;
}
Object* contig_result(Object* o, char order, bool (*flag)(int)) {
  Buffer* b = base_of(o);
  if (!b) return nullptr;
  bool ret = buffer_is_contiguous(b, order);
  if (ret != flag(nd_of(o)->head->flags)) {
    errors::set_string(exc_RuntimeError, "results from PyBuffer_IsContiguous() and flags differ");
    return nullptr;
  }
  return bool_from_bool(ret);
}
Object* get_c_contig(Object* o, void*) { return contig_result(o, 'C', nd_c_contiguous); }
Object* get_f_contig(Object* o, void*) { return contig_result(o, 'F', nd_fortran_contiguous); }
Object* get_contig(Object* o, void*) { return contig_result(o, 'A', nd_any_contiguous); }

GetSetDef ndarray_getset[] = {
    {"flags", get_flags, nullptr, nullptr, nullptr},
    {"offset", get_offset, nullptr, nullptr, nullptr},
    {"obj", get_obj, nullptr, nullptr, nullptr},
    {"nbytes", get_nbytes, nullptr, nullptr, nullptr},
    {"readonly", get_readonly, nullptr, nullptr, nullptr},
    {"itemsize", get_itemsize, nullptr, nullptr, nullptr},
    {"format", get_format_attr, nullptr, nullptr, nullptr},
    {"ndim", get_ndim, nullptr, nullptr, nullptr},
    {"shape", get_shape, nullptr, nullptr, nullptr},
    {"strides", get_strides, nullptr, nullptr, nullptr},
    {"suboffsets", get_suboffsets, nullptr, nullptr, nullptr},
    {"c_contiguous", get_c_contig, nullptr, nullptr, nullptr},
    {"f_contiguous", get_f_contig, nullptr, nullptr, nullptr},
    {"contiguous", get_contig, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* ndarray_tolist(Object* self, Object*) {
  if (check_initialised(nd_of(self)) < 0) return nullptr;
  return ndarray_as_list(nd_of(self));
}

Object* ndarray_tobytes(Object* self, Object*) {
  if (check_initialised(nd_of(self)) < 0) return nullptr;
  NdBuf* ndbuf = nd_of(self)->head;
  Buffer* src = &ndbuf->base;
  if (nd_c_contiguous(ndbuf->flags))
    return bytes_from_string_and_size(static_cast<char*>(src->buf), src->len);
  std::vector<char> mem(static_cast<size_t>(src->len) + 1);
  Buffer dest = *src;
  dest.buf = mem.data();
  dest.suboffsets = nullptr;
  dest.strides = strides_from_shape(ndbuf, 0);
  if (!dest.strides) return nullptr;
  Object* ret = nullptr;
  if (copy_buffer(&dest, src) == 0) ret = bytes_from_string_and_size(mem.data(), src->len);
  std::free(dest.strides);
  return ret;
}

// add_suboffsets: redundant (negative) suboffsets, for testing.
Object* ndarray_add_suboffsets(Object* self, Object*) {
  Buffer* base = base_of(self);
  if (!base) return nullptr;
  if (base->suboffsets) {
    errors::set_string(exc_TypeError, "cannot add suboffsets to PIL-style array");
    return nullptr;
  }
  if (!base->strides) {
    errors::set_string(exc_TypeError, "cannot add suboffsets to array without strides");
    return nullptr;
  }
  base->suboffsets = static_cast<ssize*>(std::malloc(static_cast<size_t>(base->ndim ? base->ndim : 1) * sizeof(ssize)));
  if (!base->suboffsets) return errors::no_memory();
  for (int i = 0; i < base->ndim; i++) base->suboffsets[i] = -1;
  nd_of(self)->head->flags &= ~(kNdC | kNdFortran);
  return new_ref(none());
}

MethodDef ndarray_methods[] = {
    {"tolist", fn(ndarray_tolist), kMethNoArgs, nullptr},
    {"tobytes", fn(ndarray_tobytes), kMethNoArgs, nullptr},
    {"push", fn(ndarray_push), kMethFastcall | kMethKeywords, nullptr},
    {"pop", fn(ndarray_pop), kMethNoArgs, nullptr},
    {"add_suboffsets", fn(ndarray_add_suboffsets), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// --- module functions -------------------------------------------------------------------------

Object* get_sizeof_void_p(Object*, Object*) { return long_from_ssize(sizeof(void*)); }

Object* slice_indices(Object*, Object* const* args, ssize nargs) {
  if (nargs != 2) return errors::format(exc_TypeError, "slice_indices expected 2 arguments, got %zd", nargs);
  Object* key = args[0];
  ssize len;
  if (!arg_ssize(args[1], &len)) return nullptr;
  if (!slice_check(key)) {
    errors::set_string(exc_TypeError, "first argument must be a slice object");
    return nullptr;
  }
  ssize s[4];
  if (slice_unpack(key, &s[0], &s[1], &s[2]) < 0) return nullptr;
  s[3] = slice_adjust_indices(len, &s[0], &s[1], s[2]);
  return ssize_array_as_tuple(s, 4);
}

MethodDef module_methods[] = {
    {"get_sizeof_void_p", fn(get_sizeof_void_p), kMethNoArgs, nullptr},
    {"slice_indices", fn(slice_indices), kMethFastcall, nullptr},
    {nullptr, nullptr, 0, nullptr}};

int testbuffer_exec(Object* m) {
  if (!g_structmodule) {
    g_structmodule = imp::import_module("struct");
    if (!g_structmodule) return -1;
    g_struct = object_getattr_string(g_structmodule, "Struct");
    if (!g_struct) return -1;
    g_calcsize = object_getattr_string(g_structmodule, "calcsize");
    if (!g_calcsize) return -1;
    g_simple_format = str_from_cstr("B");
    if (!g_simple_format) return -1;
  }
  if (!(ndarray_type.flags & kTpflagsReady)) {
    TypeObject t = static_type("ndarray", sizeof(NDArrayObject), 0, kTpflagsDefault);
    t.dealloc = ndarray_dealloc;
    t.as_sequence = &ndarray_as_sequence;
    t.as_mapping = &ndarray_as_mapping;
    t.as_buffer = &ndarray_as_buffer;
    t.getattro = object_generic_getattr;
    t.methods = ndarray_methods;
    t.getset = ndarray_getset;
    t.init = ndarray_init;
    t.alloc = type_generic_alloc;
    t.new_ = ndarray_new;
    t.free = object_generic_free;
    ndarray_as_sequence.item = ndarray_item;
    ndarray_type = t;
    if (type_ready(&ndarray_type) < 0) return -1;
  }
  if (module_add_object_ref(m, "ndarray", &ndarray_type) < 0) return -1;
  struct IntConst {
    const char* name;
    long value;
  };
  static const IntConst kConsts[] = {
      {"ND_MAX_NDIM", kNdMaxNdim},
      {"ND_VAREXPORT", kNdVarexport},
      {"ND_WRITABLE", kNdWritable},
      {"ND_FORTRAN", kNdFortran},
      {"ND_SCALAR", kNdScalar},
      {"ND_PIL", kNdPil},
      {"ND_GETBUF_FAIL", kNdGetbufFail},
      {"ND_GETBUF_UNDEFINED", kNdGetbufUndefined},
      {"ND_REDIRECT", kNdRedirect},
      {"PyBUF_SIMPLE", kBufSimple},
      {"PyBUF_WRITABLE", kBufWritable},
      {"PyBUF_FORMAT", kBufFormat},
      {"PyBUF_ND", kBufND},
      {"PyBUF_STRIDES", kBufStrides},
      {"PyBUF_INDIRECT", kBufIndirect},
      {"PyBUF_C_CONTIGUOUS", kBufCContiguous},
      {"PyBUF_F_CONTIGUOUS", kBufFContiguous},
      {"PyBUF_ANY_CONTIGUOUS", kBufAnyContiguous},
      {"PyBUF_FULL", kBufFull},
      {"PyBUF_FULL_RO", kBufFullRO},
      {"PyBUF_RECORDS", kBufRecords},
      {"PyBUF_RECORDS_RO", kBufRecordsRO},
      {"PyBUF_STRIDED", kBufStrided},
      {"PyBUF_STRIDED_RO", kBufStridedRO},
      {"PyBUF_CONTIG", kBufContig},
      {"PyBUF_CONTIG_RO", kBufContigRO},
      {"PyBUF_READ", kBufRead},
      {"PyBUF_WRITE", kBufWrite},
  };
  for (const IntConst& c : kConsts) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef testbuffer_def = {"_testbuffer", nullptr, module_methods, testbuffer_exec};

}  // namespace

ModuleDef* module_def() { return &testbuffer_def; }

}  // namespace cppy::modules::testbuffer
