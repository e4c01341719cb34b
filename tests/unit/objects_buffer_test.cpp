// The buffer protocol's C API (src/objects/buffer.h) over bytes, bytearray and memoryview:
// invariants that hold by construction (the Python-visible behaviour is checked against the
// reference by tests/py/containers/bytearray_ops and memoryview_ops).
#include <cstring>
#include <string>

#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/longobject.h"
#include "objects/memoryobject.h"
#include "objects/sliceobject.h"
#include "objects_support.h"

namespace objtest {
namespace {

using Buffers = ObjectsTest;

TEST_F(Buffers, BytesExportIsReadOnly) {
  Ref<> b = Ref<>::steal(bytes_from_cstr("hello"));
  Buffer v;
  ASSERT_EQ(object_get_buffer(b.get(), &v, kBufSimple), 0);
  EXPECT_EQ(v.obj, b.get());
  EXPECT_EQ(v.len, 5);
  EXPECT_EQ(v.readonly, 1);
  EXPECT_EQ(std::memcmp(v.buf, "hello", 5), 0);
  buffer_release(&v);
  EXPECT_EQ(v.obj, nullptr);
  EXPECT_EQ(object_get_buffer(b.get(), &v, kBufWritable), -1);
  EXPECT_EQ(error_text(), "BufferError: Object is not writable.");
}

TEST_F(Buffers, NoBuffer) {
  Buffer v;
  EXPECT_EQ(object_get_buffer(none(), &v, kBufSimple), -1);
  EXPECT_EQ(error_text(), "TypeError: a bytes-like object is required, not 'NoneType'");
  EXPECT_FALSE(object_check_buffer(none()));
}

TEST_F(Buffers, ExportsPinBytearray) {
  Ref<> ba = Ref<>::steal(bytearray_from_string_and_size("abc", 3));
  {
    BufferHolder h;
    ASSERT_EQ(h.get(ba.get(), kBufWritable), 0);
    EXPECT_EQ(static_cast<ByteArrayObject*>(ba.get())->ob_exports, 1);
    EXPECT_EQ(bytearray_resize(ba.get(), 10), -1);
    EXPECT_EQ(error_text(), "BufferError: Existing exports of data: object cannot be re-sized");
    h.mutable_data()[0] = 'X';
  }
  EXPECT_EQ(static_cast<ByteArrayObject*>(ba.get())->ob_exports, 0);
  EXPECT_EQ(bytearray_view(ba.get()), "Xbc");
  ASSERT_EQ(bytearray_resize(ba.get(), 10), 0);
  EXPECT_EQ(bytearray_size(ba.get()), 10);
  // The storage always has room for the trailing NUL.
  EXPECT_GT(static_cast<ByteArrayObject*>(ba.get())->ob_alloc, 10);
}

TEST_F(Buffers, StridedViewToContiguous) {
  Ref<> b = Ref<>::steal(bytes_from_cstr("abcdefgh"));
  Ref<> mv = Ref<>::steal(memoryview_from_object(b.get()));
  ASSERT_TRUE(mv);
  Ref<> two = Ref<>::steal(long_from_long(2));
  Ref<> sl = Ref<>::steal(slice_new(none(), none(), two.get()));
  Ref<> every_other = Ref<>::steal(object_get_item(mv.get(), sl.get()));
  ASSERT_TRUE(every_other);
  Buffer v;
  // A simple (contiguous) request on a strided view fails; a strided one works.
  EXPECT_EQ(object_get_buffer(every_other.get(), &v, kBufSimple), -1);
  EXPECT_EQ(error_text(), "BufferError: memoryview: underlying buffer is not C-contiguous");
  ASSERT_EQ(object_get_buffer(every_other.get(), &v, kBufFullRO), 0);
  EXPECT_FALSE(buffer_is_contiguous(&v, 'C'));
  char out[4];
  ASSERT_EQ(buffer_to_contiguous(out, &v, v.len, 'C'), 0);
  EXPECT_EQ(std::string(out, 4), "aceg");
  buffer_release(&v);
}

TEST_F(Buffers, MemoryviewReleaseFreesExport) {
  Ref<> ba = Ref<>::steal(bytearray_from_string_and_size("xy", 2));
  Ref<> mv = Ref<>::steal(memoryview_from_object(ba.get()));
  ASSERT_TRUE(mv);
  EXPECT_EQ(static_cast<ByteArrayObject*>(ba.get())->ob_exports, 1);
  Ref<> r = Ref<>::steal(call_method_no_args(mv.get(), str_intern_from_cstr("release")));
  ASSERT_TRUE(r);
  EXPECT_EQ(static_cast<ByteArrayObject*>(ba.get())->ob_exports, 0);
}

}  // namespace
}  // namespace objtest
