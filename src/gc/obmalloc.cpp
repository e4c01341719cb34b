// Object memory: Objects/obmalloc.c. The blocks come from the C library's malloc; small ones
// are recycled through per-thread free lists keyed by their malloc chunk size, so the hot
// allocate/free cycle of small objects (ints, floats, frames' companions, short strings,
// dict keys) costs a list push and pop instead of the allocator's bin management (the role
// pymalloc's pools play in CPython).
//
// Every block handed out is an ordinary malloc chunk: memory from these functions may still
// be released with std::free or resized with std::realloc and the other way round, which is
// what makes the free lists safe to put under callers written for plain malloc.
#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "gc/gc.h"

namespace cppy::gc {

namespace {

// glibc's request2size: a chunk of 16-byte granules with an 8-byte header word, at least 32
// bytes; malloc_usable_size reports the chunk size minus 8.
constexpr size_t kMaxChunk = 528;  // chunks up to here are recycled (requests up to 520)
constexpr size_t kClasses = kMaxChunk / 16 + 1;
// At most about 4 MiB of cached blocks per size class (and at least 4096 blocks), as a
// table: the free path must not divide.
constexpr size_t kClassBudget = size_t(4) << 20;
struct Caps {
  uint32_t v[kMaxChunk / 16 + 1];
};
constexpr Caps make_caps() {
  Caps c{};
  for (size_t i = 1; i <= kMaxChunk / 16; ++i) {
    size_t n = kClassBudget / (i * 16);
    c.v[i] = uint32_t(n > 4096 ? n : 4096);
  }
  return c;
}
constexpr Caps kCaps = make_caps();

inline size_t chunk_for_request(size_t n) {
  size_t c = (n + 8 + 15) & ~size_t(15);
  return c < 32 ? 32 : c;
}

struct FreeBlock {
  FreeBlock* next;
};

// Trivially constructed and destroyed, so the thread_local needs no initialisation guard on
// each access; a thread's cached blocks stay with the process when the thread ends.
struct FreeLists {
  FreeBlock* head[kClasses];
  uint32_t count[kClasses];
};
thread_local FreeLists lists;

// Whether the C library's chunk sizes are the ones assumed above (checked once).
bool layout_checked = false;
bool layout_ok = false;
bool check_layout() {
  layout_checked = true;
  for (size_t n : {1, 8, 24, 25, 40, 100, 500}) {
    void* p = std::malloc(n);
    if (!p) return false;
    size_t usable = malloc_usable_size(p);
    std::free(p);
    if (usable + 8 != chunk_for_request(n)) return false;
  }
  return layout_ok = true;
}

inline void* small_alloc(size_t size) {
  size_t chunk = chunk_for_request(size ? size : 1);
  if (chunk <= kMaxChunk && (layout_ok || (!layout_checked && check_layout()))) {
    FreeLists& fl = lists;
    size_t idx = chunk >> 4;
    FreeBlock* b = fl.head[idx];
    if (b) {
      fl.head[idx] = b->next;
      --fl.count[idx];
      return b;
    }
  }
  return std::malloc(size ? size : 1);
}

inline void small_free(void* p) {
  if (!p) return;
  if (layout_ok) {
    size_t chunk = malloc_usable_size(p) + 8;
    if (chunk <= kMaxChunk) {
      FreeLists& fl = lists;
      size_t idx = chunk >> 4;
      if (fl.count[idx] < kCaps.v[idx]) {
        auto* b = static_cast<FreeBlock*>(p);
        b->next = fl.head[idx];
        fl.head[idx] = b;
        ++fl.count[idx];
        return;
      }
    }
  }
  std::free(p);
}

}  // namespace

// PyObject_Malloc: a zero-size request still returns a unique pointer.
void* object_malloc(size_t size) { return small_alloc(size); }
void* object_calloc(size_t n, size_t size) {
  if (n == 0 || size == 0) return std::calloc(1, 1);
  if (size > SIZE_MAX / n) return nullptr;
  size_t total = n * size;
  if (chunk_for_request(total) <= kMaxChunk) {
    void* p = small_alloc(total);
    if (p) std::memset(p, 0, total);
    return p;
  }
  return std::calloc(n, size);
}
void* object_realloc(void* p, size_t size) { return std::realloc(p, size ? size : 1); }
void object_free(void* p) { small_free(p); }
void* mem_malloc(size_t size) { return small_alloc(size); }
void* mem_realloc(void* p, size_t size) { return std::realloc(p, size ? size : 1); }
void mem_free(void* p) { small_free(p); }

}  // namespace cppy::gc
