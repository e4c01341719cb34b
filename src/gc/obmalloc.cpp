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
#include <cstdio>
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
  Arena* next_all;        // every mapped arena (the allarenas array), for the statistics
  Arena* prev_all;
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
size_t map_leaves = 0;  // leaves of the arena map allocated

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
    ++map_leaves;
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
size_t ntimes_arena_allocated = 0;  // arenas ever mapped (ntimes_arena_allocated)
Arena* all_arenas = nullptr;        // every mapped arena, spares included

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
  a->prev_all = nullptr;
  a->next_all = all_arenas;
  if (all_arenas) all_arenas->prev_all = a;
  all_arenas = a;
  ++ntimes_arena_allocated;
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
  if (a->prev_all) a->prev_all->next_all = a->next_all;
  else all_arenas = a->next_all;
  if (a->next_all) a->next_all->prev_all = a->prev_all;
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
[[gnu::always_inline]] inline void* pool_alloc(size_t nbytes) {
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
[[gnu::always_inline]] inline void pool_free(void* p) {
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

// A stack of recently freed blocks per size class in front of the pools (cppy's own: not in
// obmalloc.c). A loop that frees a block and allocates one of the same size again, which is
// what most loops of Python code do for their temporaries, then costs a push and a pop;
// through the pools, each time the pool's count and free list are rewritten and, when the
// block was the pool's last free one (a steady state that such a loop easily falls into),
// the pool leaves the used list and joins it again. Cached blocks count as used in their
// pools; the caches are returned to the pools by a full collection and before statistics.
constexpr uint32_t kCacheDepth = 16;
Block* cache_head[kClasses];
uint32_t cache_count[kClasses];

// Under the lock.
inline void cache_flush() {
  for (size_t idx = 0; idx < kClasses; ++idx) {
    while (Block* b = cache_head[idx]) {
      cache_head[idx] = b->next;
      pool_free(b);
    }
    cache_count[idx] = 0;
  }
}

void before_fork() { lock_flag.test_and_set(std::memory_order_acquire); }
void after_fork() { lock_flag.clear(std::memory_order_release); }

}  // namespace

void obmalloc_flush_cache() {
#if CPPY_OBMALLOC_POOLS
  Guard g;
  cache_flush();
#endif
}

void obmalloc_enable_locking() {
  if (locking.exchange(true)) return;
  pthread_atfork(before_fork, after_fork, after_fork);
}

namespace {

inline void raw_free(void* p);

// PyObject_Malloc: a zero-size request still returns a unique pointer; a request beyond
// PY_SSIZE_T_MAX fails (callers turn it into MemoryError) instead of reaching malloc.
[[gnu::always_inline]] inline void* raw_malloc(size_t size) {
  if (size > static_cast<size_t>(PTRDIFF_MAX)) return nullptr;
#if CPPY_OBMALLOC_POOLS
  if (size <= kSmallRequestThreshold) {
    Guard g;
    size_t idx = ((size ? size : 1) - 1) >> 4;
    if (Block* b = cache_head[idx]) {
      cache_head[idx] = b->next;
      --cache_count[idx];
      return b;
    }
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
    void* p = raw_malloc(total);
    if (p) std::memset(p, 0, total);
    return p;
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

[[gnu::always_inline]] inline void raw_free(void* p) {
  if (!p) return;
#if CPPY_OBMALLOC_POOLS
  if (address_in_range(p)) {
    Guard g;
    size_t idx = pool_of(p)->szidx;
    if (cache_count[idx] < kCacheDepth) {
      Block* b = static_cast<Block*>(p);
      b->next = cache_head[idx];
      cache_head[idx] = b;
      ++cache_count[idx];
      return;
    }
    pool_free(p);
    return;
  }
#endif
  std::free(p);
}


}  // namespace

// --- Allocator selection and the debug hooks ----------------------------------------------
//
// The fast path (pools, no hooks) costs one relaxed load and a predicted branch per call, as
// the tracemalloc check alone did before: every other configuration (tracemalloc's hooks,
// PYTHONMALLOC=malloc, the debug hooks) goes through the slow_* functions below.

std::atomic<const AllocHooks*> alloc_hooks{nullptr};

namespace {

std::atomic<bool> slow_path{false};
bool use_pools = CPPY_OBMALLOC_POOLS != 0;  // false: PYTHONMALLOC=malloc / malloc_debug
bool debug_hooks = false;                   // the debug hooks of PYTHONMALLOC=debug, -X dev
Allocator current_allocator = Allocator::kPymalloc;

void update_slow_path() {
  bool slow = alloc_hooks.load(std::memory_order_relaxed) != nullptr || debug_hooks ||
              (!use_pools && CPPY_OBMALLOC_POOLS);
  slow_path.store(slow, std::memory_order_release);
}

// The allocator under the debug hooks: the pools, or the C library alone (malloc mode).
void* base_malloc(size_t size) {
  if (use_pools) return raw_malloc(size);
  if (size > static_cast<size_t>(PTRDIFF_MAX)) return nullptr;
  return std::malloc(size ? size : 1);
}
void* base_calloc(size_t n, size_t size) {
  if (use_pools) return raw_calloc(n, size);
  if (n && size > static_cast<size_t>(PTRDIFF_MAX) / n) return nullptr;
  return std::calloc(n ? n : 1, size ? size : 1);
}
void* base_realloc(void* p, size_t size) {
  if (use_pools || !p) return p ? raw_realloc(p, size) : base_malloc(size);
  if (size > static_cast<size_t>(PTRDIFF_MAX)) return nullptr;
#if CPPY_OBMALLOC_POOLS
  if (address_in_range(p)) {
    // A pool block from before the switch to malloc moves out of the pools.
    size_t old = block_size(pool_of(p)->szidx);
    void* np = std::malloc(size ? size : 1);
    if (!np) return nullptr;
    std::memcpy(np, p, size < old ? size : old);
    raw_free(p);
    return np;
  }
#endif
  return std::realloc(p, size ? size : 1);
}

// The debug hooks (_PyMem_DebugRawAlloc and friends). A block is laid out as
//   [size: 8 bytes, big-endian][API id: 1 byte][7 x FORBIDDENBYTE][data...][8 x FORBIDDENBYTE]
// and the data pointer is returned. Unlike CPython, which installs its allocators before the
// first allocation, cppy's C++ start-up allocates before the command line is read, so the
// blocks the hooks made are remembered in a table: a block from before the hooks is freed
// without checks.
constexpr size_t kSST = sizeof(size_t);
constexpr size_t kDebugExtra = 3 * kSST;  // PYMEM_DEBUG_EXTRA_BYTES (no serial number)
constexpr uint8_t kCleanByte = 0xCD;      // PYMEM_CLEANBYTE
constexpr uint8_t kDeadByte = 0xDD;       // PYMEM_DEADBYTE
constexpr uint8_t kForbiddenByte = 0xFD;  // PYMEM_FORBIDDENBYTE

// An open-addressing set of the data pointers of live debug blocks (0 empty, 1 deleted).
struct DebugTable {
  uintptr_t* slots = nullptr;
  size_t capacity = 0;  // a power of two
  size_t used = 0;      // live + deleted
  size_t live = 0;
};
DebugTable debug_table;
std::atomic_flag debug_lock = ATOMIC_FLAG_INIT;

struct DebugGuard {
  DebugGuard() {
    while (debug_lock.test_and_set(std::memory_order_acquire)) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
  }
  ~DebugGuard() { debug_lock.clear(std::memory_order_release); }
};

inline size_t table_hash(uintptr_t k) { return size_t((k >> 4) * 0x9E3779B97F4A7C15ull); }

bool table_grow() {
  size_t ncap = debug_table.capacity ? debug_table.capacity * 2 : 4096;
  if (debug_table.live * 4 < debug_table.capacity) ncap = debug_table.capacity;  // rehash only
  auto* nslots = static_cast<uintptr_t*>(std::calloc(ncap, sizeof(uintptr_t)));
  if (!nslots) return false;
  for (size_t i = 0; i < debug_table.capacity; ++i) {
    uintptr_t k = debug_table.slots[i];
    if (k <= 1) continue;
    size_t j = table_hash(k) & (ncap - 1);
    while (nslots[j]) j = (j + 1) & (ncap - 1);
    nslots[j] = k;
  }
  std::free(debug_table.slots);
  debug_table.slots = nslots;
  debug_table.capacity = ncap;
  debug_table.used = debug_table.live;
  return true;
}

bool table_insert(const void* p) {
  DebugGuard g;
  if ((debug_table.used + 1) * 2 > debug_table.capacity && !table_grow()) return false;
  uintptr_t k = reinterpret_cast<uintptr_t>(p);
  size_t mask = debug_table.capacity - 1;
  size_t j = table_hash(k) & mask;
  while (debug_table.slots[j] > 1) j = (j + 1) & mask;
  if (debug_table.slots[j] == 0) ++debug_table.used;
  debug_table.slots[j] = k;
  ++debug_table.live;
  return true;
}

// Removes p; false when p is not a debug block.
bool table_remove(const void* p) {
  DebugGuard g;
  if (!debug_table.capacity) return false;
  uintptr_t k = reinterpret_cast<uintptr_t>(p);
  size_t mask = debug_table.capacity - 1;
  for (size_t j = table_hash(k) & mask;; j = (j + 1) & mask) {
    uintptr_t s = debug_table.slots[j];
    if (s == 0) return false;
    if (s == k) {
      debug_table.slots[j] = 1;
      --debug_table.live;
      return true;
    }
  }
}

// read_size_t / write_size_t: the size is stored big-endian, readable in a memory dump.
size_t read_size(const uint8_t* q) {
  size_t r = 0;
  for (size_t i = 0; i < kSST; ++i) r = (r << 8) | q[i];
  return r;
}
void write_size(uint8_t* q, size_t n) {
  for (size_t i = kSST; i-- > 0;) {
    q[i] = uint8_t(n & 0xff);
    n >>= 8;
  }
}

void (*memory_traceback_hook)(int fd, const void* p) = nullptr;
void (*fatal_traceback_hook)(int fd) = nullptr;

// _PyObject_DebugDumpAddress: what the block at p looks like, on stderr.
void debug_dump_address(const void* p) {
  const uint8_t* q = static_cast<const uint8_t*>(p);
  std::fprintf(stderr, "Debug memory block at address p=%p:", p);
  if (!p) {
    std::fprintf(stderr, "\n");
    return;
  }
  std::fprintf(stderr, " API '%c'\n", char(q[-int(kSST)]));
  size_t nbytes = read_size(q - 2 * kSST);
  std::fprintf(stderr, "    %zu bytes originally requested\n", nbytes);
  int sst = int(kSST);
  std::fprintf(stderr, "    The %d pad bytes at p-%d are ", sst - 1, sst - 1);
  bool ok = true;
  for (int i = 1; i <= sst - 1; ++i)
    if (q[-i] != kForbiddenByte) ok = false;
  if (ok) {
    std::fputs("FORBIDDENBYTE, as expected.\n", stderr);
  } else {
    std::fprintf(stderr, "not all FORBIDDENBYTE (0x%02x):\n", kForbiddenByte);
    for (int i = sst - 1; i >= 1; --i) {
      std::fprintf(stderr, "        at p-%d: 0x%02x", i, q[-i]);
      if (q[-i] != kForbiddenByte) std::fputs(" *** OUCH", stderr);
      std::fputc('\n', stderr);
    }
    std::fputs("    Because memory is corrupted at the start, the count of bytes requested\n"
               "       may be bogus, and checking the trailing pad bytes may segfault.\n",
               stderr);
  }
  const uint8_t* tail = q + nbytes;
  std::fprintf(stderr, "    The %d pad bytes at tail=%p are ", sst, static_cast<const void*>(tail));
  ok = true;
  for (int i = 0; i < sst; ++i)
    if (tail[i] != kForbiddenByte) ok = false;
  if (ok) {
    std::fputs("FORBIDDENBYTE, as expected.\n", stderr);
  } else {
    std::fprintf(stderr, "not all FORBIDDENBYTE (0x%02x):\n", kForbiddenByte);
    for (int i = 0; i < sst; ++i) {
      std::fprintf(stderr, "        at tail+%d: 0x%02x", i, tail[i]);
      if (tail[i] != kForbiddenByte) std::fputs(" *** OUCH", stderr);
      std::fputc('\n', stderr);
    }
  }
  if (nbytes > 0) {
    std::fputs("    Data at p:", stderr);
    int i = 0;
    while (q < tail && i < 8) {
      std::fprintf(stderr, " %02x", *q++);
      ++i;
    }
    if (q < tail) {
      if (tail - q > 8) {
        std::fputs(" ...", stderr);
        q = tail - 8;
      }
      while (q < tail) std::fprintf(stderr, " %02x", *q++);
    }
    std::fputc('\n', stderr);
  }
  std::fputc('\n', stderr);
  std::fflush(stderr);
  // _PyMem_DumpTraceback: where tracemalloc saw the block allocated.
  if (memory_traceback_hook) {
    memory_traceback_hook(2, p);
  } else {
    std::fputs("Enable tracemalloc to get the memory block allocation traceback\n\n", stderr);
  }
}

// _Py_FatalErrorFunc: the message, the runtime state, the Python traceback, abort().
[[noreturn]] void debug_fatal(const char* func, const char* msg) {
  std::fprintf(stderr, "Fatal Python error: %s: %s\nPython runtime state: initialized\n", func,
               msg);
  std::fflush(stderr);
  if (fatal_traceback_hook) {
    std::fputc('\n', stderr);
    std::fflush(stderr);
    fatal_traceback_hook(2);
  }
  std::fflush(stderr);
  std::abort();
}

// _PyMem_DebugCheckAddress: the API id, then the leading pad (if it is damaged the size may be
// too), then the trailing pad.
void debug_check_address(const char* func, char api, const void* p) {
  const uint8_t* q = static_cast<const uint8_t*>(p);
  char id = char(q[-int(kSST)]);
  if (id != api) {
    debug_dump_address(p);
    char msg[96];
    std::snprintf(msg, sizeof msg, "bad ID: Allocated using API '%c', verified using API '%c'",
                  id, api);
    debug_fatal(func, msg);
  }
  for (size_t i = kSST - 1; i >= 1; --i) {
    if (q[-ptrdiff_t(i)] != kForbiddenByte) {
      debug_dump_address(p);
      debug_fatal(func, "bad leading pad byte");
    }
  }
  size_t nbytes = read_size(q - 2 * kSST);
  const uint8_t* tail = q + nbytes;
  for (size_t i = 0; i < kSST; ++i) {
    if (tail[i] != kForbiddenByte) {
      debug_dump_address(p);
      debug_fatal(func, "bad trailing pad byte");
    }
  }
}

// _PyMem_DebugRawAlloc.
void* debug_alloc(char api, bool use_calloc, size_t nbytes) {
  if (nbytes > static_cast<size_t>(PTRDIFF_MAX) - kDebugExtra) return nullptr;
  size_t total = nbytes + kDebugExtra;
  auto* p = static_cast<uint8_t*>(use_calloc ? base_calloc(1, total) : base_malloc(total));
  if (!p) return nullptr;
  uint8_t* data = p + 2 * kSST;
  write_size(p, nbytes);
  p[kSST] = uint8_t(api);
  std::memset(p + kSST + 1, kForbiddenByte, kSST - 1);
  if (nbytes > 0 && !use_calloc) std::memset(data, kCleanByte, nbytes);
  std::memset(data + nbytes, kForbiddenByte, kSST);
  if (!table_insert(data)) {
    raw_free(p);
    return nullptr;
  }
  return data;
}

// _PyMem_DebugRawFree: checks, fills the whole block with DEADBYTE, frees it.
void debug_free(char api, void* p) {
  if (!table_remove(p)) {
    raw_free(p);  // allocated before the hooks were installed
    return;
  }
  debug_check_address("_PyMem_DebugRawFree", api, p);
  uint8_t* q = static_cast<uint8_t*>(p) - 2 * kSST;
  size_t nbytes = read_size(q) + kDebugExtra;
  std::memset(q, kDeadByte, nbytes);
  raw_free(q);
}

// _PyMem_DebugRawRealloc: the old header and trailer are marked dead while the block moves
// (the erased bytes of the data are saved and restored), then written again.
void* debug_realloc(char api, void* p, size_t nbytes) {
  if (!p) return debug_alloc(api, false, nbytes);
  if (!table_remove(p)) return base_realloc(p, nbytes);
  debug_check_address("_PyMem_DebugRawRealloc", api, p);
  uint8_t* data = static_cast<uint8_t*>(p);
  uint8_t* head = data - 2 * kSST;
  size_t original = read_size(head);
  if (nbytes > static_cast<size_t>(PTRDIFF_MAX) - kDebugExtra) {
    table_insert(p);
    return nullptr;
  }
  constexpr size_t kErased = 64;  // ERASED_SIZE
  uint8_t save[2 * kErased];
  uint8_t* tail = data + original;
  if (original <= sizeof save) {
    std::memcpy(save, data, original);
    std::memset(head, kDeadByte, original + kDebugExtra);
  } else {
    std::memcpy(save, data, kErased);
    std::memset(head, kDeadByte, kErased + 2 * kSST);
    std::memcpy(save + kErased, tail - kErased, kErased);
    std::memset(tail - kErased, kDeadByte, kErased + kDebugExtra - 2 * kSST);
  }
  auto* r = static_cast<uint8_t*>(base_realloc(head, nbytes + kDebugExtra));
  if (!r) {
    nbytes = original;  // rewrite the erased header and trailer
  } else {
    head = r;
  }
  data = head + 2 * kSST;
  write_size(head, nbytes);
  head[kSST] = uint8_t(api);
  std::memset(head + kSST + 1, kForbiddenByte, kSST - 1);
  std::memset(data + nbytes, kForbiddenByte, kSST);
  if (original <= sizeof save) {
    std::memcpy(data, save, nbytes < original ? nbytes : original);
  } else {
    size_t i = original - kErased;
    std::memcpy(data, save, nbytes < kErased ? nbytes : kErased);
    if (nbytes > i) std::memcpy(data + i, save + kErased, nbytes - i < kErased ? nbytes - i : kErased);
  }
  table_insert(data);
  if (!r) return nullptr;
  if (nbytes > original) std::memset(data + original, kCleanByte, nbytes - original);
  return data;
}

constexpr char kApiObject = 'o', kApiMem = 'm';

[[gnu::noinline]] void* slow_malloc(char api, size_t size) {
  void* p = debug_hooks ? debug_alloc(api, false, size) : base_malloc(size);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed))
    if (p) h->on_alloc(p, size);
  return p;
}

[[gnu::noinline]] void* slow_calloc(char api, size_t n, size_t size) {
  void* p;
  if (debug_hooks) {
    if (size && n > static_cast<size_t>(PTRDIFF_MAX) / size) return nullptr;
    p = debug_alloc(api, true, n * size);
  } else {
    p = base_calloc(n, size);
  }
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed))
    if (p) h->on_alloc(p, n * size);
  return p;
}

[[gnu::noinline]] void* slow_realloc(char api, void* p, size_t size) {
  void* np = debug_hooks ? debug_realloc(api, p, size) : base_realloc(p, size);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) {
    if (np) {
      if (p)
        h->on_realloc(p, np, size);
      else
        h->on_alloc(np, size);
    }
  }
  return np;
}

[[gnu::noinline]] void slow_free(char api, void* p) {
  if (!p) return;
  if (debug_hooks)
    debug_free(api, p);
  else
    raw_free(p);
  if (const AllocHooks* h = alloc_hooks.load(std::memory_order_relaxed)) h->on_free(p);
}

inline bool take_slow_path() { return slow_path.load(std::memory_order_relaxed); }

}  // namespace

void set_alloc_hooks(const AllocHooks* hooks) {
  alloc_hooks.store(hooks, std::memory_order_release);
  update_slow_path();
}

void* object_malloc(size_t size) {
  if (take_slow_path()) [[unlikely]]
    return slow_malloc(kApiObject, size);
  return raw_malloc(size);
}

void* object_calloc(size_t n, size_t size) {
  if (take_slow_path()) [[unlikely]]
    return slow_calloc(kApiObject, n, size);
  return raw_calloc(n, size);
}

void* object_realloc(void* p, size_t size) {
  if (take_slow_path()) [[unlikely]]
    return slow_realloc(kApiObject, p, size);
  return raw_realloc(p, size);
}

void object_free(void* p) {
  if (take_slow_path()) [[unlikely]]
    return slow_free(kApiObject, p);
  raw_free(p);
}

void* mem_malloc(size_t size) {
  if (take_slow_path()) [[unlikely]]
    return slow_malloc(kApiMem, size);
  return raw_malloc(size);
}
void* mem_realloc(void* p, size_t size) {
  if (take_slow_path()) [[unlikely]]
    return slow_realloc(kApiMem, p, size);
  return raw_realloc(p, size);
}
void mem_free(void* p) {
  if (take_slow_path()) [[unlikely]]
    return slow_free(kApiMem, p);
  raw_free(p);
}

// _PyMem_GetAllocatorName.
bool allocator_from_name(const char* name, Allocator* out) {
  struct {
    const char* name;
    Allocator a;
  } const names[] = {
      {"default", Allocator::kDefault},         {"debug", Allocator::kDebug},
      {"pymalloc", Allocator::kPymalloc},       {"pymalloc_debug", Allocator::kPymallocDebug},
      {"mimalloc", Allocator::kPymalloc},       {"mimalloc_debug", Allocator::kPymallocDebug},
      {"malloc", Allocator::kMalloc},           {"malloc_debug", Allocator::kMallocDebug},
  };
  for (const auto& n : names) {
    if (std::strcmp(name, n.name) == 0) {
      *out = n.a;
      return true;
    }
  }
  return false;
}

// _PyMem_SetupAllocators. Called at start-up, before a second thread exists.
void set_allocator(Allocator a) {
  if (a == Allocator::kDefault) a = Allocator::kPymalloc;
  if (a == Allocator::kDebug) a = Allocator::kPymallocDebug;
  // Once blocks carry the debug decorations, only the debug path can free them.
  if (debug_hooks && a != Allocator::kPymallocDebug && a != Allocator::kMallocDebug) return;
  current_allocator = a;
  use_pools = CPPY_OBMALLOC_POOLS && (a == Allocator::kPymalloc || a == Allocator::kPymallocDebug);
  debug_hooks = a == Allocator::kPymallocDebug || a == Allocator::kMallocDebug;
  update_slow_path();
}

Allocator get_allocator() { return current_allocator; }
bool debug_hooks_enabled() { return debug_hooks; }

void set_memory_traceback_hook(void (*hook)(int fd, const void* p)) { memory_traceback_hook = hook; }
void set_fatal_traceback_hook(void (*hook)(int fd)) { fatal_traceback_hook = hook; }

// --- sys._debugmallocstats ----------------------------------------------------------------

namespace {

// printone: the label padded to 35 columns, '=', the value with thousands separators right
// aligned in 21 columns.
size_t printone(FILE* out, const char* msg, size_t value) {
  std::fputs(msg, out);
  for (size_t i = std::strlen(msg); i < 35; ++i) std::fputc(' ', out);
  std::fputc('=', out);
  char buf[23];
  int i = 22;
  buf[i--] = '\0';
  buf[i--] = '\n';
  int k = 3;
  size_t v = value;
  do {
    size_t next = v / 10;
    buf[i--] = char('0' + (v - next * 10));
    v = next;
    if (--k == 0 && v && i >= 0) {
      k = 3;
      buf[i--] = ',';
    }
  } while (v && i >= 0);
  while (i >= 0) buf[i--] = ' ';
  std::fputs(buf, out);
  return value;
}

}  // namespace

void debug_allocator_stats(const char* block_name, int num_blocks, size_t sizeof_block) {
  FILE* out = stderr;
  char buf1[128], buf2[192];
  std::snprintf(buf1, sizeof buf1, "%d %ss * %zd bytes each", num_blocks, block_name,
                sizeof_block);
  std::snprintf(buf2, sizeof buf2, "%48s ", buf1);
  printone(out, buf2, size_t(num_blocks) * sizeof_block);
}

// pymalloc_print_stats.
bool debug_malloc_stats() {
#if CPPY_OBMALLOC_POOLS
  FILE* out = stderr;
  if (!use_pools) return false;
  Guard g;
  cache_flush();
  size_t numpools[kClasses] = {}, numblocks[kClasses] = {}, numfree[kClasses] = {};
  size_t allocated_bytes = 0, available_bytes = 0, pool_header_bytes = 0, quantization = 0;
  size_t numfreepools = 0, arena_alignment = 0, count = 0;
  std::fprintf(out, "Small block threshold = %d, in %u size classes.\n",
               int(kSmallRequestThreshold), unsigned(kClasses));
  for (Arena* a = all_arenas; a; a = a->next_all) {
    ++count;
    numfreepools += a->nfreepools;
    // Arenas are mapped aligned to their size: no pool is lost to alignment.
    for (uintptr_t base = a->address; base < reinterpret_cast<uintptr_t>(a->pool_address);
         base += kPoolSize) {
      Pool* p = reinterpret_cast<Pool*>(base);
      if (p->ref == 0) continue;
      size_t sz = p->szidx;
      ++numpools[sz];
      numblocks[sz] += p->ref;
      numfree[sz] += (kPoolSize - kPoolOverhead) / block_size(sz) - p->ref;
    }
  }
  std::fputc('\n', out);
  std::fputs("class   size   num pools   blocks in use  avail blocks\n"
             "-----   ----   ---------   -------------  ------------\n",
             out);
  for (size_t i = 0; i < kClasses; ++i) {
    if (numpools[i] == 0) continue;
    size_t size = block_size(i);
    std::fprintf(out, "%5u %6u %11zu %15zu %13zu\n", unsigned(i), unsigned(size), numpools[i],
                 numblocks[i], numfree[i]);
    allocated_bytes += numblocks[i] * size;
    available_bytes += numfree[i] * size;
    pool_header_bytes += numpools[i] * kPoolOverhead;
    quantization += numpools[i] * ((kPoolSize - kPoolOverhead) % size);
  }
  std::fputc('\n', out);
  printone(out, "# arenas allocated total", ntimes_arena_allocated);
  printone(out, "# arenas reclaimed", ntimes_arena_allocated - count);
  printone(out, "# arenas highwater mark", peak_arenas);
  printone(out, "# arenas allocated current", count);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%zu arenas * %d bytes/arena", count, int(kArenaSize));
  printone(out, buf, count * kArenaSize);
  std::fputc('\n', out);
  size_t total = printone(out, "# bytes in allocated blocks", allocated_bytes);
  total += printone(out, "# bytes in available blocks", available_bytes);
  std::snprintf(buf, sizeof buf, "%zu unused pools * %d bytes", numfreepools, int(kPoolSize));
  total += printone(out, buf, numfreepools * kPoolSize);
  total += printone(out, "# bytes lost to pool headers", pool_header_bytes);
  total += printone(out, "# bytes lost to quantization", quantization);
  total += printone(out, "# bytes lost to arena alignment", arena_alignment);
  printone(out, "Total", total);
  // The arena map: cppy's has two levels (a root and leaves of one byte per arena), where
  // CPython's 64-bit map has three; there are no middle nodes.
  std::fputs("\narena map counts\n", out);
  printone(out, "# arena map mid nodes", 0);
  printone(out, "# arena map bot nodes", map_leaves);
  std::fputc('\n', out);
  total = printone(out, "# bytes lost to arena map root", sizeof arena_map);
  total += printone(out, "# bytes lost to arena map mid", 0);
  total += printone(out, "# bytes lost to arena map bot", map_leaves * sizeof(MapLeaf));
  printone(out, "Total", total);
  return true;
#else
  return false;
#endif
}

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
