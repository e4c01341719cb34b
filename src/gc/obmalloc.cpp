// Object memory: Objects/obmalloc.c (pymalloc). Requests up to 512 bytes are served from
// pools of equal-size blocks carved from 1 MiB arenas; larger ones go to the C library.
//
// The layout follows pymalloc: an arena (mmap'ed, aligned to its size) holds 16 KiB pools; a
// pool serves one size class (16-byte granules, 32 classes) and starts with a header holding
// its free-block list, its count of blocks in use and its links. Per size class, the pools
// with both used and free blocks form a doubly linked list (usedpools); an allocation takes
// the first free block of the first pool, a free pushes the block on its pool's list (the
// pool is found by masking the address). A pool that empties returns to its arena; an arena
// whose pools are all free is unmapped, unless kept for reuse (up to half the peak number).
//
// Whether a pointer belongs to an arena is answered by a two-level radix map over the
// address bits above the arena size (the arena_map of obmalloc.c), so object_free and
// object_realloc accept memory from the C library's malloc as well and hand it back to it.
//
// The pools are shared by all threads. Python code runs under the GIL, but native code may
// allocate while it has released it, so once a second thread starts (the GIL exists) every
// operation takes a spin lock; a single-threaded program never touches it.
//
// Sanitizer builds send everything to the C library so that ASan sees each block.
#include <pthread.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "gc/gc.h"

#if defined(__SANITIZE_ADDRESS__)
#define CPPY_OBMALLOC_POOLS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CPPY_OBMALLOC_POOLS 0
#endif
#endif
#ifndef CPPY_OBMALLOC_POOLS
#define CPPY_OBMALLOC_POOLS 1
#endif

namespace cppy::gc {

namespace {

constexpr size_t kAlignment = 16;              // ALIGNMENT
constexpr size_t kSmallRequestThreshold = 512; // SMALL_REQUEST_THRESHOLD
constexpr size_t kClasses = kSmallRequestThreshold / kAlignment;
constexpr size_t kPoolBits = 14;
constexpr size_t kPoolSize = size_t(1) << kPoolBits;  // POOL_SIZE: 16 KiB
constexpr size_t kArenaBits = 20;
constexpr size_t kArenaSize = size_t(1) << kArenaBits;  // ARENA_SIZE: 1 MiB
constexpr size_t kPoolsPerArena = kArenaSize / kPoolSize;

struct Block {
  Block* next;
};

struct Arena;

// pool_header. The blocks start at kPoolOverhead.
struct Pool {
  uint32_t ref;           // blocks in use
  uint32_t szidx;         // size class
  Block* freeblock;       // first free block (never null while the pool is in usedpools)
  Pool* nextpool;         // usedpools links, or the arena's free pool list (nextpool only)
  Pool* prevpool;
  uint32_t nextoffset;    // first never-used block
  uint32_t maxnextoffset; // the last block that fits
  Arena* arena;
};
constexpr size_t kPoolOverhead = (sizeof(Pool) + kAlignment - 1) & ~(kAlignment - 1);

// arena_object.
struct Arena {
  uintptr_t address;      // the arena's memory
  Pool* freepools;        // pools that were used and are free again
  uint8_t* pool_address;  // the next never-used pool
  uint32_t nfreepools;    // free pools, used-then-freed and never-used together
  Arena* nextarena;       // usable_arenas links (arenas with a free pool)
  Arena* prevarena;
};

inline size_t block_size(size_t idx) { return (idx + 1) * kAlignment; }  // INDEX2SIZE
inline Pool* pool_of(void* p) {
  return reinterpret_cast<Pool*>(reinterpret_cast<uintptr_t>(p) & ~(kPoolSize - 1));
}

// The arena map: addresses below 2**48 only (user space on x86-64 and AArch64 without
// 57-bit addressing); the top level has one pointer per 2**34 bytes, the leaves one byte
// per arena.
constexpr unsigned kAddressBits = 48;
constexpr unsigned kLeafBits = 14;
constexpr unsigned kTopBits = kAddressBits - kArenaBits - kLeafBits;
struct MapLeaf {
  uint8_t present[size_t(1) << kLeafBits];
};
MapLeaf* arena_map[size_t(1) << kTopBits];

inline bool address_in_range(const void* p) {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  if (a >> kAddressBits) return false;
  MapLeaf* leaf = arena_map[a >> (kArenaBits + kLeafBits)];
  return leaf && leaf->present[(a >> kArenaBits) & ((size_t(1) << kLeafBits) - 1)];
}

bool map_mark(uintptr_t a, bool present) {
  MapLeaf*& leaf = arena_map[a >> (kArenaBits + kLeafBits)];
  if (!leaf) {
    if (!present) return true;
    leaf = static_cast<MapLeaf*>(std::calloc(1, sizeof(MapLeaf)));
    if (!leaf) return false;
  }
  leaf->present[(a >> kArenaBits) & ((size_t(1) << kLeafBits) - 1)] = present;
  return true;
}

// Allocator state (usedpools, usable_arenas). A used pool list per size class; null when
// the class has no pool with a free block.
Pool* usedpools[kClasses];
Arena* usable_arenas = nullptr;
// Fully free arenas kept mapped (linked by nextarena), at most half the peak number of
// arenas: a program that builds and drops big structures in a loop would otherwise map and
// fault in the same memory each time.
Arena* spare_arenas = nullptr;
size_t nspare = 0;
size_t narenas = 0;  // mapped, spares included
size_t peak_arenas = 0;

std::atomic<bool> locking{false};
std::atomic_flag lock_flag = ATOMIC_FLAG_INIT;

struct Guard {
  bool held;
  Guard() : held(locking.load(std::memory_order_relaxed)) {
    if (held)
      while (lock_flag.test_and_set(std::memory_order_acquire)) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
      }
  }
  ~Guard() {
    if (held) lock_flag.clear(std::memory_order_release);
  }
};

// new_arena: maps kArenaSize bytes aligned to kArenaSize (a double-size mapping trimmed).
Arena* new_arena() {
  if (spare_arenas) {
    Arena* a = spare_arenas;
    spare_arenas = a->nextarena;
    a->nextarena = nullptr;
    --nspare;
    return a;
  }
  auto* a = static_cast<Arena*>(std::malloc(sizeof(Arena)));
  if (!a) return nullptr;
  void* m = mmap(nullptr, 2 * kArenaSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                 -1, 0);
  if (m == MAP_FAILED) {
    std::free(a);
    return nullptr;
  }
  uintptr_t base = reinterpret_cast<uintptr_t>(m);
  uintptr_t aligned = (base + kArenaSize - 1) & ~(kArenaSize - 1);
  if (aligned > base) munmap(m, aligned - base);
  uintptr_t end = base + 2 * kArenaSize;
  if (end > aligned + kArenaSize)
    munmap(reinterpret_cast<void*>(aligned + kArenaSize), end - (aligned + kArenaSize));
  if ((aligned >> kAddressBits) || !map_mark(aligned, true)) {
    munmap(reinterpret_cast<void*>(aligned), kArenaSize);
    std::free(a);
    return nullptr;
  }
  a->address = aligned;
  a->freepools = nullptr;
  a->pool_address = reinterpret_cast<uint8_t*>(aligned);
  a->nfreepools = uint32_t(kPoolsPerArena);
  a->nextarena = a->prevarena = nullptr;
  if (++narenas > peak_arenas) peak_arenas = narenas;
  return a;
}

void unlink_arena(Arena* a) {
  if (a->prevarena) a->prevarena->nextarena = a->nextarena;
  else usable_arenas = a->nextarena;
  if (a->nextarena) a->nextarena->prevarena = a->prevarena;
  a->nextarena = a->prevarena = nullptr;
}

void push_arena(Arena* a) {
  a->prevarena = nullptr;
  a->nextarena = usable_arenas;
  if (usable_arenas) usable_arenas->prevarena = a;
  usable_arenas = a;
}

// A fully free arena: kept as the spare, or unmapped (free_arena).
void release_arena(Arena* a) {
  // Reset it to never-used pools so that reuse carves from the start.
  a->freepools = nullptr;
  a->pool_address = reinterpret_cast<uint8_t*>(a->address);
  a->nfreepools = uint32_t(kPoolsPerArena);
  if (nspare < 1 || nspare < peak_arenas / 2) {
    a->nextarena = spare_arenas;
    spare_arenas = a;
    ++nspare;
    return;
  }
  --narenas;
  map_mark(a->address, false);
  munmap(reinterpret_cast<void*>(a->address), kArenaSize);
  std::free(a);
}

// allocate_from_new_pool: a pool for size class idx from the first usable arena.
Block* allocate_from_new_pool(size_t idx) {
  if (!usable_arenas) {
    Arena* a = new_arena();
    if (!a) return nullptr;
    push_arena(a);
  }
  Arena* a = usable_arenas;
  Pool* pool = a->freepools;
  if (pool) {
    a->freepools = pool->nextpool;
  } else {
    pool = reinterpret_cast<Pool*>(a->pool_address);
    a->pool_address += kPoolSize;
    pool->arena = a;
  }
  if (--a->nfreepools == 0) unlink_arena(a);
  size_t size = block_size(idx);
  pool->ref = 1;
  pool->szidx = uint32_t(idx);
  pool->nextpool = pool->prevpool = nullptr;
  // The first block is handed out; the second (when there is one) starts the free list.
  auto* base = reinterpret_cast<uint8_t*>(pool);
  Block* first = reinterpret_cast<Block*>(base + kPoolOverhead);
  pool->nextoffset = uint32_t(kPoolOverhead + 2 * size);
  pool->maxnextoffset = uint32_t(kPoolSize - size);
  if (kPoolOverhead + size <= pool->maxnextoffset) {
    pool->freeblock = reinterpret_cast<Block*>(base + kPoolOverhead + size);
    pool->freeblock->next = nullptr;
    // usedpools[idx] is empty whenever a new pool is needed.
    pool->nextpool = pool->prevpool = pool;
    usedpools[idx] = pool;
  } else {
    pool->freeblock = nullptr;  // a one-block pool is full at once
  }
  return first;
}

// pymalloc_alloc.
inline void* pool_alloc(size_t nbytes) {
  size_t idx = (nbytes - 1) >> 4;
  Pool* pool = usedpools[idx];
  if (!pool) return allocate_from_new_pool(idx);
  ++pool->ref;
  Block* b = pool->freeblock;
  Block* next = b->next;
  if (!next) {
    // pymalloc_pool_extend: carve the next never-used block, or the pool is now full.
    if (pool->nextoffset <= pool->maxnextoffset) {
      next = reinterpret_cast<Block*>(reinterpret_cast<uint8_t*>(pool) + pool->nextoffset);
      pool->nextoffset += uint32_t(block_size(idx));
      next->next = nullptr;
    } else {
      // Full: out of usedpools.
      Pool* nx = pool->nextpool;
      if (nx == pool) {
        usedpools[idx] = nullptr;
      } else {
        nx->prevpool = pool->prevpool;
        pool->prevpool->nextpool = nx;
        usedpools[idx] = nx;
      }
    }
  }
  pool->freeblock = next;
  return b;
}

// pymalloc_free (insert_to_usedpool, insert_to_freepool).
inline void pool_free(void* p) {
  Pool* pool = pool_of(p);
  Block* b = static_cast<Block*>(p);
  Block* last = pool->freeblock;
  b->next = last;
  pool->freeblock = b;
  uint32_t ref = --pool->ref;
  size_t idx = pool->szidx;
  if (!last) {
    if (ref != 0) {
      // Was full: back at the front of usedpools.
      Pool* head = usedpools[idx];
      if (!head) {
        pool->nextpool = pool->prevpool = pool;
      } else {
        pool->nextpool = head;
        pool->prevpool = head->prevpool;
        head->prevpool->nextpool = pool;
        head->prevpool = pool;
      }
      usedpools[idx] = pool;
      return;
    }
  } else {
    if (ref != 0) return;
    // Empty: out of usedpools.
    Pool* nx = pool->nextpool;
    if (nx == pool) {
      usedpools[idx] = nullptr;
    } else {
      nx->prevpool = pool->prevpool;
      pool->prevpool->nextpool = nx;
      if (usedpools[idx] == pool) usedpools[idx] = nx;
    }
  }
  // The pool goes back to its arena.
  Arena* a = pool->arena;
  pool->nextpool = a->freepools;
  a->freepools = pool;
  uint32_t nf = ++a->nfreepools;
  if (nf == kPoolsPerArena) {
    unlink_arena(a);
    release_arena(a);
  } else if (nf == 1) {
    push_arena(a);
  }
}

void before_fork() { lock_flag.test_and_set(std::memory_order_acquire); }
void after_fork() { lock_flag.clear(std::memory_order_release); }

}  // namespace

void obmalloc_enable_locking() {
  if (locking.exchange(true)) return;
  pthread_atfork(before_fork, after_fork, after_fork);
}

namespace {

void raw_free(void* p);

// PyObject_Malloc: a zero-size request still returns a unique pointer; a request beyond
// PY_SSIZE_T_MAX fails (callers turn it into MemoryError) instead of reaching malloc.
void* raw_malloc(size_t size) {
  if (size > static_cast<size_t>(PTRDIFF_MAX)) return nullptr;
#if CPPY_OBMALLOC_POOLS
  if (size <= kSmallRequestThreshold) {
    Guard g;
    if (void* p = pool_alloc(size ? size : 1)) return p;
  }
#endif
  return std::malloc(size ? size : 1);
}

void* raw_calloc(size_t n, size_t size) {
  if (n == 0 || size == 0) return raw_malloc(1);
  if (size > static_cast<size_t>(PTRDIFF_MAX) / n) return nullptr;
  size_t total = n * size;
#if CPPY_OBMALLOC_POOLS
  if (total <= kSmallRequestThreshold) {
    void* p;
    {
      Guard g;
      p = pool_alloc(total);
    }
    if (p) {
      std::memset(p, 0, total);
      return p;
    }
  }
#endif
  return std::calloc(n, size);
}

// pymalloc_realloc: a pool block keeps its place when the new size fits its class and does
// not shrink it by more than a quarter; otherwise the data moves.
void* raw_realloc(void* p, size_t size) {
  if (!p) return raw_malloc(size);
  if (size > static_cast<size_t>(PTRDIFF_MAX)) return nullptr;
#if CPPY_OBMALLOC_POOLS
  if (address_in_range(p)) {
    size_t old = block_size(pool_of(p)->szidx);
    if (size <= old && 4 * size > 3 * old) return p;
    void* np = raw_malloc(size);
    if (!np) return nullptr;
    std::memcpy(np, p, size < old ? size : old);
    raw_free(p);
    return np;
  }
#endif
  return std::realloc(p, size ? size : 1);
}

void raw_free(void* p) {
  if (!p) return;
#if CPPY_OBMALLOC_POOLS
  if (address_in_range(p)) {
    Guard g;
    pool_free(p);
    return;
  }
#endif
  std::free(p);
}


}  // namespace

std::atomic<const AllocHooks*> alloc_hooks{nullptr};

void set_alloc_hooks(const AllocHooks* hooks) { alloc_hooks.store(hooks, std::memory_order_release); }

void* object_malloc(size_t size) {
  void* p = raw_malloc(size);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) [[unlikely]]
    if (p) h->on_alloc(p, size);
  return p;
}

void* object_calloc(size_t n, size_t size) {
  void* p = raw_calloc(n, size);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) [[unlikely]]
    if (p) h->on_alloc(p, n * size);
  return p;
}

void* object_realloc(void* p, size_t size) {
  void* np = raw_realloc(p, size);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) [[unlikely]] {
    if (np) {
      if (p)
        h->on_realloc(p, np, size);
      else
        h->on_alloc(np, size);
    }
  }
  return np;
}

void object_free(void* p) {
  raw_free(p);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) [[unlikely]]
    if (p) h->on_free(p);
}

void* mem_malloc(size_t size) { return object_malloc(size); }
void* mem_realloc(void* p, size_t size) { return object_realloc(p, size); }
void mem_free(void* p) { object_free(p); }

}  // namespace cppy::gc

#if CPPY_OBMALLOC_POOLS
// The C++ allocation functions go to the same pools: the front end and the compiler build
// their trees, token buffers and instruction sequences from many small std::vector and
// std::string buffers, which glibc's malloc served at several times pymalloc's cost.
// Memory from these stays valid for the C library's free only through object_free, which
// is what operator delete calls.
void* operator new(std::size_t n) {
  void* p = cppy::gc::object_malloc(n);
  if (!p) throw std::bad_alloc();
  return p;
}
void* operator new[](std::size_t n) {
  void* p = cppy::gc::object_malloc(n);
  if (!p) throw std::bad_alloc();
  return p;
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return cppy::gc::object_malloc(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return cppy::gc::object_malloc(n);
}
void operator delete(void* p) noexcept { cppy::gc::object_free(p); }
void operator delete[](void* p) noexcept { cppy::gc::object_free(p); }
void operator delete(void* p, std::size_t) noexcept { cppy::gc::object_free(p); }
void operator delete[](void* p, std::size_t) noexcept { cppy::gc::object_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { cppy::gc::object_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { cppy::gc::object_free(p); }
#endif
