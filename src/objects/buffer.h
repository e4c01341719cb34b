// The buffer protocol: Include/cpython/object.h (Py_buffer, PyBUF_* flags), Include/pybuffer.h
// and the buffer functions of Objects/abstract.c (PyObject_GetBuffer, PyBuffer_Release,
// PyBuffer_FillInfo, PyBuffer_IsContiguous, PyBuffer_ToContiguous...). Implemented in
// abstract_buffer.cpp.
#pragma once

#include <string_view>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// Py_buffer: a view of an exporter's memory. obj holds a reference to the exporter (or is
// null for a buffer without one); release it with buffer_release.
struct Buffer {
  void* buf = nullptr;
  Object* obj = nullptr;
  ssize len = 0;
  ssize itemsize = 0;
  int readonly = 0;
  int ndim = 0;
  char* format = nullptr;
  ssize* shape = nullptr;
  ssize* strides = nullptr;
  ssize* suboffsets = nullptr;
  void* internal = nullptr;
};

// PyBUF_* request flags, with CPython's values.
enum BufferFlags : int {
  kBufSimple = 0,
  kBufWritable = 0x0001,
  kBufFormat = 0x0004,
  kBufND = 0x0008,
  kBufStrides = 0x0010 | kBufND,
  kBufCContiguous = 0x0020 | kBufStrides,
  kBufFContiguous = 0x0040 | kBufStrides,
  kBufAnyContiguous = 0x0080 | kBufStrides,
  kBufIndirect = 0x0100 | kBufStrides,
  kBufContig = kBufND | kBufWritable,
  kBufContigRO = kBufND,
  kBufStrided = kBufStrides | kBufWritable,
  kBufStridedRO = kBufStrides,
  kBufRecords = kBufStrides | kBufWritable | kBufFormat,
  kBufRecordsRO = kBufStrides | kBufFormat,
  kBufFull = kBufIndirect | kBufWritable | kBufFormat,
  kBufFullRO = kBufIndirect | kBufFormat,
  kBufRead = 0x100,
  kBufWrite = 0x200,
};

inline constexpr int kBufferMaxNdim = 64;  // PyBUF_MAX_NDIM

// PyObject_CheckBuffer.
bool object_check_buffer(Object* o);
// PyObject_GetBuffer: 0, or -1 with "a bytes-like object is required, not 'T'" (TypeError)
// when o has no buffer.
int object_get_buffer(Object* o, Buffer* view, int flags);
// PyBuffer_Release: calls the exporter's releasebuffer and drops the reference.
void buffer_release(Buffer* view);
// PyBuffer_FillInfo: a one-dimensional contiguous buffer of bytes over buf.
int buffer_fill_info(Buffer* view, Object* obj, void* buf, ssize len, int readonly, int flags);
// PyBuffer_IsContiguous: order 'C', 'F' or 'A'.
bool buffer_is_contiguous(const Buffer* view, char order);
// PyBuffer_FillContiguousStrides.
void buffer_fill_contiguous_strides(int ndim, const ssize* shape, ssize* strides,
                                    ssize itemsize, char order);
// PyBuffer_ToContiguous: copies len bytes of the view into buf in the given order.
int buffer_to_contiguous(void* buf, const Buffer* view, ssize len, char order);
// PyBuffer_FromContiguous: the opposite copy.
int buffer_from_contiguous(const Buffer* view, const void* buf, ssize len, char order);
// PyBuffer_GetPointer.
void* buffer_get_pointer(const Buffer* view, const ssize* indices);
// PyBuffer_SizeFromFormat for the native single-item formats memoryview knows; -1 with
// ValueError otherwise.
ssize buffer_size_from_format(const char* format);

// An exported buffer released at scope exit: the C++ form of the Py_buffer / PyBuffer_Release
// pairs of CPython's argument converters ("y*", "w*").
class BufferHolder {
 public:
  BufferHolder() = default;
  BufferHolder(const BufferHolder&) = delete;
  BufferHolder& operator=(const BufferHolder&) = delete;
  ~BufferHolder() { release(); }
  // 0, or -1 with the exporter's error set.
  int get(Object* o, int flags = kBufSimple) {
    release();
    if (object_get_buffer(o, &view_, flags) < 0) return -1;
    held_ = true;
    return 0;
  }
  void release() {
    if (held_) {
      held_ = false;
      buffer_release(&view_);
    }
  }
  bool held() const { return held_; }
  Buffer& view() { return view_; }
  const char* data() const { return static_cast<const char*>(view_.buf); }
  char* mutable_data() { return static_cast<char*>(view_.buf); }
  ssize size() const { return view_.len; }
  std::string_view sv() const {
    return std::string_view(data(), static_cast<size_t>(view_.len));
  }

 private:
  Buffer view_;
  bool held_ = false;
};

}  // namespace cppy::objects
