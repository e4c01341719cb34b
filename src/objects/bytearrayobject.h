// bytearray: Include/cpython/bytearrayobject.h, Objects/bytearrayobject.c (3.14 layout: the
// storage is a separately allocated block of ob_alloc bytes; ob_start may run ahead of
// ob_bytes after deletions at the front).
#pragma once

#include <string_view>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct ByteArrayObject : VarObject {
  ssize ob_alloc;     // bytes allocated at ob_bytes (0 when ob_bytes is null)
  char* ob_bytes;     // the allocation
  char* ob_start;     // the logical start within it
  ssize ob_exports;   // buffers exported: while > 0 the storage may not move
};

extern TypeObject bytearray_type;      // PyByteArray_Type
extern TypeObject bytearrayiter_type;  // bytearray_iterator

inline bool bytearray_check(Object* o) { return type_check(o, &bytearray_type); }
inline bool bytearray_check_exact(Object* o) { return o->type == &bytearray_type; }
// PyByteArray_AS_STRING: a pointer to "" for an empty bytearray without storage.
inline char* bytearray_as_string(Object* o) {
  static char empty[1] = {0};
  auto* b = static_cast<ByteArrayObject*>(o);
  return b->size ? b->ob_start : (b->ob_start ? b->ob_start : empty);
}
inline ssize bytearray_size(Object* o) { return static_cast<VarObject*>(o)->size; }
inline std::string_view bytearray_view(Object* o) {
  return std::string_view(bytearray_as_string(o), static_cast<size_t>(bytearray_size(o)));
}

// PyByteArray_FromStringAndSize: s may be null (contents zeroed).
Object* bytearray_from_string_and_size(const char* s, ssize n);
// PyByteArray_FromObject: bytearray(o).
Object* bytearray_from_object(Object* o);
// PyByteArray_Resize: grows with CPython's over-allocation; BufferError while exported.
int bytearray_resize(Object* self, ssize size);
// PyByteArray_Concat: any two buffers.
Object* bytearray_concat(Object* a, Object* b);

// Readies bytearray, its iterator and memoryview's types (runtime::initialize_objects).
int init_bytes_types();

}  // namespace cppy::objects
