// The buffer functions of Objects/abstract.c (see buffer.h).
#include <cstring>
#include <vector>

#include "errors/errors.h"
#include "objects/buffer.h"
#include "objects/exceptions.h"

namespace cppy::objects {

bool object_check_buffer(Object* o) {
  BufferProcs* pb = o->type->as_buffer;
  return pb && pb->getbuffer;
}

// PyObject_GetBuffer.
int object_get_buffer(Object* o, Buffer* view, int flags) {
  if (flags == kBufRead || flags == kBufWrite) {
    errors::set_string(exc_SystemError, "bad argument to internal function");
    return -1;
  }
  BufferProcs* pb = o->type->as_buffer;
  if (!pb || !pb->getbuffer) {
    errors::format(exc_TypeError, "a bytes-like object is required, not '%.100s'",
                   o->type->name);
    return -1;
  }
  return pb->getbuffer(o, view, flags);
}

// PyBuffer_Release.
void buffer_release(Buffer* view) {
  Object* obj = view->obj;
  if (!obj) return;
  BufferProcs* pb = obj->type->as_buffer;
  if (pb && pb->releasebuffer) pb->releasebuffer(obj, view);
  view->obj = nullptr;
  decref(obj);
}

// PyBuffer_FillInfo.
int buffer_fill_info(Buffer* view, Object* obj, void* buf, ssize len, int readonly, int flags) {
  if (!view) {
    errors::set_string(exc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
    return -1;
  }
  if (flags == kBufRead || flags == kBufWrite) {
    errors::set_string(exc_SystemError, "bad argument to internal function");
    return -1;
  }
  if ((flags & kBufWritable) == kBufWritable && readonly == 1) {
    errors::set_string(exc_BufferError, "Object is not writable.");
    return -1;
  }
  view->obj = xnew_ref(obj);
  view->buf = buf;
  view->len = len;
  view->readonly = readonly;
  view->itemsize = 1;
  view->format = (flags & kBufFormat) == kBufFormat ? const_cast<char*>("B") : nullptr;
  view->ndim = 1;
  view->shape = (flags & kBufND) == kBufND ? &view->len : nullptr;
  view->strides = (flags & kBufStrides) == kBufStrides ? &view->itemsize : nullptr;
  view->suboffsets = nullptr;
  view->internal = nullptr;
  return 0;
}

namespace {

// _IsCContiguous.
bool is_c_contiguous(const Buffer* view) {
  if (view->len == 0 || !view->strides) return true;
  ssize sd = view->itemsize;
  for (int i = view->ndim - 1; i >= 0; i--) {
    ssize dim = view->shape[i];
    if (dim > 1 && view->strides[i] != sd) return false;
    sd *= dim;
  }
  return true;
}

// _IsFortranContiguous.
bool is_fortran_contiguous(const Buffer* view) {
  if (view->len == 0) return true;
  if (!view->strides) {
    if (view->ndim <= 1) return true;
    // C-contiguous by definition: Fortran-contiguous when at most one dimension exceeds 1.
    ssize sd = 0;
    for (int i = 0; i < view->ndim; i++)
      if (view->shape[i] > 1) sd++;
    return sd <= 1;
  }
  ssize sd = view->itemsize;
  for (int i = 0; i < view->ndim; i++) {
    ssize dim = view->shape[i];
    if (dim > 1 && view->strides[i] != sd) return false;
    sd *= dim;
  }
  return true;
}

// Walks every item of a view in C (last index fastest) or Fortran order, calling f(item
// pointer). Works for strided and indirect (suboffsets) buffers alike.
template <class F>
void walk_items(const Buffer* view, char order, F f) {
  int nd = view->ndim;
  if (nd == 0) {
    f(static_cast<char*>(view->buf));
    return;
  }
  ssize n = 1;
  for (int i = 0; i < nd; i++) n *= view->shape[i];
  if (n == 0) return;
  std::vector<ssize> idx(static_cast<size_t>(nd), 0);
  for (ssize k = 0; k < n; k++) {
    f(static_cast<char*>(buffer_get_pointer(view, idx.data())));
    if (order == 'F') {
      for (int i = 0; i < nd; i++) {
        if (++idx[static_cast<size_t>(i)] < view->shape[i]) break;
        idx[static_cast<size_t>(i)] = 0;
      }
    } else {
      for (int i = nd - 1; i >= 0; i--) {
        if (++idx[static_cast<size_t>(i)] < view->shape[i]) break;
        idx[static_cast<size_t>(i)] = 0;
      }
    }
  }
}

}  // namespace

bool buffer_is_contiguous(const Buffer* view, char order) {
  if (view->suboffsets) return false;
  if (order == 'C') return is_c_contiguous(view);
  if (order == 'F') return is_fortran_contiguous(view);
  if (order == 'A') return is_c_contiguous(view) || is_fortran_contiguous(view);
  return false;
}

void buffer_fill_contiguous_strides(int ndim, const ssize* shape, ssize* strides,
                                    ssize itemsize, char order) {
  ssize sd = itemsize;
  if (order == 'F') {
    for (int k = 0; k < ndim; k++) {
      strides[k] = sd;
      sd *= shape[k];
    }
  } else {
    for (int k = ndim - 1; k >= 0; k--) {
      strides[k] = sd;
      sd *= shape[k];
    }
  }
}

// PyBuffer_GetPointer.
void* buffer_get_pointer(const Buffer* view, const ssize* indices) {
  char* pointer = static_cast<char*>(view->buf);
  for (int i = 0; i < view->ndim; i++) {
    ssize stride = view->strides ? view->strides[i] : view->itemsize;
    if (!view->strides) {
      // C-contiguous without strides: the stride of dimension i is the product of the
      // later dimensions.
      for (int j = i + 1; j < view->ndim; j++) stride *= view->shape[j];
    }
    pointer += stride * indices[i];
    if (view->suboffsets && view->suboffsets[i] >= 0)
      pointer = *reinterpret_cast<char**>(pointer) + view->suboffsets[i];
  }
  return pointer;
}

// PyBuffer_ToContiguous.
int buffer_to_contiguous(void* buf, const Buffer* src, ssize len, char order) {
  if (len > src->len) len = src->len;
  if (buffer_is_contiguous(src, order)) {
    if (len) std::memcpy(buf, src->buf, static_cast<size_t>(len));
    return 0;
  }
  char* out = static_cast<char*>(buf);
  ssize done = 0, isz = src->itemsize;
  walk_items(src, order == 'F' ? 'F' : 'C', [&](char* item) {
    if (done + isz <= len) std::memcpy(out + done, item, static_cast<size_t>(isz));
    done += isz;
  });
  return 0;
}

// PyBuffer_FromContiguous.
int buffer_from_contiguous(const Buffer* view, const void* buf, ssize len, char order) {
  if (len > view->len) len = view->len;
  if (buffer_is_contiguous(view, order)) {
    if (len) std::memcpy(view->buf, buf, static_cast<size_t>(len));
    return 0;
  }
  const char* in = static_cast<const char*>(buf);
  ssize done = 0, isz = view->itemsize;
  walk_items(view, order == 'F' ? 'F' : 'C', [&](char* item) {
    if (done + isz <= len) std::memcpy(item, in + done, static_cast<size_t>(isz));
    done += isz;
  });
  return 0;
}

// PyBuffer_SizeFromFormat (CPython asks struct.calcsize; the native formats are enough here).
ssize buffer_size_from_format(const char* format) {
  const char* f = format;
  if (*f == '@') f++;
  if (f[0] && !f[1]) {
    switch (f[0]) {
      case 'c': case 'b': case 'B': case '?': case 'x': return 1;
      case 'h': case 'H': case 'e': return 2;
      case 'i': case 'I': case 'f': return 4;
      case 'l': case 'L': return static_cast<ssize>(sizeof(long));
      case 'q': case 'Q': case 'd': return 8;
      case 'n': case 'N': return static_cast<ssize>(sizeof(ssize));
      case 'P': return static_cast<ssize>(sizeof(void*));
    }
  }
  errors::format(exc_ValueError, "bad struct format: %s", format);
  return -1;
}

}  // namespace cppy::objects
