// Object memory: Objects/obmalloc.c. cppy starts with the C library's malloc (which is what
// CPython uses with PYTHONMALLOC=malloc); a pool allocator for small objects can replace these
// functions without touching callers.
#include <cstdlib>
#include <cstring>

#include "gc/gc.h"

namespace cppy::gc {

// PyObject_Malloc: a zero-size request still returns a unique pointer.
void* object_malloc(size_t size) { return std::malloc(size ? size : 1); }
void* object_calloc(size_t n, size_t size) {
  if (n == 0 || size == 0) return std::calloc(1, 1);
  return std::calloc(n, size);
}
void* object_realloc(void* p, size_t size) { return std::realloc(p, size ? size : 1); }
void object_free(void* p) { std::free(p); }
void* mem_malloc(size_t size) { return std::malloc(size ? size : 1); }
void* mem_realloc(void* p, size_t size) { return std::realloc(p, size ? size : 1); }
void mem_free(void* p) { std::free(p); }

}  // namespace cppy::gc
