// Allocation tracing: Python/tracemalloc.c. The hooks of src/gc report each allocation,
// reallocation and free; while tracing, a trace (size, interned traceback) is kept per block.
//
// The tables live in memory from the C library (an allocator of their own), so the hooks
// never re-enter the object allocator while they hold the tables' lock. Building Python
// objects from the tables (get_traces, get_object_traceback) does allocate: those run with
// the thread's reentrant flag set, so their own allocations are not traced, as in CPython.
#include "modules/_tracemalloc/tracemalloc.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pystate.h"
#include "vm/ceval_gil.h"
#include "vm/frame.h"

namespace cppy::modules::tracemalloc {

using namespace objects;

namespace {

constexpr int kMaxNframe = UINT16_MAX;  // MAX_NFRAME
constexpr unsigned kDefaultDomain = 0;

// Bytes the tables hold (get_tracemalloc_memory).
std::atomic<size_t> table_bytes{0};

// The tables' allocator: the C library's malloc, counted.
template <typename T>
struct RawAllocator {
  using value_type = T;
  RawAllocator() = default;
  template <typename U>
  RawAllocator(const RawAllocator<U>&) {}
  T* allocate(size_t n) {
    void* p = std::malloc(n * sizeof(T));
    if (!p) std::abort();  // the hash tables cannot report failure without exceptions
    table_bytes.fetch_add(n * sizeof(T), std::memory_order_relaxed);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    table_bytes.fetch_sub(n * sizeof(T), std::memory_order_relaxed);
    std::free(p);
  }
  template <typename U>
  bool operator==(const RawAllocator<U>&) const { return true; }
};

// frame_t: a filename (a str the filenames table holds) and a line.
struct TbFrame {
  Object* filename;
  unsigned lineno;
};

// traceback_t: most recent frame first; total_nframe counts the frames beyond the limit too.
struct Traceback {
  size_t hash;
  uint16_t nframe;
  uint16_t total_nframe;
  TbFrame frames[1];
};

size_t traceback_bytes(int nframe) { return sizeof(Traceback) + sizeof(TbFrame) * (nframe - 1); }

struct Trace {
  size_t size;
  Traceback* traceback;
};

struct TracebackHash {
  size_t operator()(const Traceback* t) const { return t->hash; }
};
// hashtable_compare_traceback: filenames are interned, so pointers compare.
struct TracebackEq {
  bool operator()(const Traceback* a, const Traceback* b) const {
    if (a->nframe != b->nframe || a->total_nframe != b->total_nframe) return false;
    for (int i = 0; i < a->nframe; ++i)
      if (a->frames[i].lineno != b->frames[i].lineno ||
          a->frames[i].filename != b->frames[i].filename)
        return false;
    return true;
  }
};

using TraceMap = std::unordered_map<uintptr_t, Trace, std::hash<uintptr_t>,
                                    std::equal_to<uintptr_t>,
                                    RawAllocator<std::pair<const uintptr_t, Trace>>>;
using DomainMap = std::unordered_map<unsigned, TraceMap, std::hash<unsigned>,
                                     std::equal_to<unsigned>,
                                     RawAllocator<std::pair<const unsigned, TraceMap>>>;
using TracebackSet =
    std::unordered_set<Traceback*, TracebackHash, TracebackEq, RawAllocator<Traceback*>>;
using FilenameSet = std::unordered_set<Object*, std::hash<Object*>, std::equal_to<Object*>,
                                       RawAllocator<Object*>>;

// _PyRuntime.tracemalloc: made once and never destroyed (hooks may run during exit).
struct State {
  std::mutex lock;  // tables_lock
  bool tracing = false;
  int max_nframe = 1;
  size_t traced_memory = 0;
  size_t peak_traced_memory = 0;
  Traceback* scratch = nullptr;  // tracemalloc_traceback: room for max_nframe frames
  Object* unknown = nullptr;     // "<unknown>" (strong)
  Traceback empty{};             // tracemalloc_empty_traceback
  FilenameSet filenames;         // strong references
  TracebackSet tracebacks;       // std::malloc'ed, interned
  TraceMap traces;               // the default domain
  DomainMap domains;             // the others
};

State& state() {
  static State* s = new State();
  return *s;
}

thread_local bool reentrant = false;

// traceback_hash: tuple_hash's mixing over (filename, lineno) pairs.
size_t traceback_hash(const Traceback* t) {
  uint64_t x = 0x345678UL;
  uint64_t mult = 1000003UL;  // _PyHASH_MULTIPLIER
  for (int len = t->nframe, i = 0; --len >= 0; ++i) {
    uint64_t y = uint64_t(reinterpret_cast<uintptr_t>(t->frames[i].filename) >> 4);
    y ^= t->frames[i].lineno;
    x = (x ^ y) * mult;
    mult += uint64_t(82520UL + len + len);
  }
  x ^= t->total_nframe;
  x += 97531UL;
  return size_t(x);
}

// The filename of a frame, interned in the filenames table (which holds a reference). A
// thread without the GIL only finds names already there: taking a new reference needs it.
Object* intern_filename(State& s, Object* filename) {
  if (!filename || !str_check(filename)) return s.unknown;
  auto it = s.filenames.find(filename);
  if (it != s.filenames.end()) return *it;
  if (!vm::gil_held()) return s.unknown;
  incref(filename);
  s.filenames.insert(filename);
  return filename;
}

// traceback_get_frames.
void get_frames(State& s, Traceback* tb) {
  runtime::ThreadState* ts = runtime::thread_state();
  if (!ts) return;
  // A frame handing its contents to its frame object has no code for a moment (frame.cpp
  // take_ownership allocates then): it is skipped, as are frames still in their prologue.
  auto skip = [](vm::Frame* f) {
    while (f && (!f->f_executable || vm::frame_is_incomplete(f))) f = f->previous;
    return f;
  };
  vm::Frame* f = skip(ts->current_frame);
  while (f) {
    if (tb->nframe < s.max_nframe) {
      TbFrame& fr = tb->frames[tb->nframe];
      int lineno = vm::frame_get_line(f);
      fr.lineno = lineno < 0 ? 0u : unsigned(lineno);
      fr.filename = intern_filename(s, vm::frame_code(f)->co_filename);
      tb->nframe++;
    }
    if (tb->total_nframe < UINT16_MAX) tb->total_nframe++;
    f = skip(f->previous);
  }
}

// traceback_new: the current traceback, interned; null when out of memory.
Traceback* traceback_new(State& s) {
  Traceback* tb = s.scratch;
  tb->nframe = 0;
  tb->total_nframe = 0;
  get_frames(s, tb);
  if (tb->nframe == 0) return &s.empty;
  tb->hash = traceback_hash(tb);
  auto it = s.tracebacks.find(tb);
  if (it != s.tracebacks.end()) return *it;
  size_t bytes = traceback_bytes(tb->nframe);
  auto* copy = static_cast<Traceback*>(std::malloc(bytes));
  if (!copy) return nullptr;
  std::memcpy(copy, tb, bytes);
  table_bytes.fetch_add(bytes, std::memory_order_relaxed);
  s.tracebacks.insert(copy);
  return copy;
}

TraceMap* traces_table(State& s, unsigned domain, bool create) {
  if (domain == kDefaultDomain) return &s.traces;
  auto it = s.domains.find(domain);
  if (it != s.domains.end()) return &it->second;
  if (!create) return nullptr;
  return &s.domains[domain];
}

// tracemalloc_remove_trace_unlocked.
void remove_trace(State& s, unsigned domain, uintptr_t ptr) {
  TraceMap* traces = traces_table(s, domain, false);
  if (!traces) return;
  auto it = traces->find(ptr);
  if (it == traces->end()) return;
  s.traced_memory -= it->second.size;
  traces->erase(it);
}

// tracemalloc_add_trace_unlocked: 0 or -1.
int add_trace(State& s, unsigned domain, uintptr_t ptr, size_t size) {
  Traceback* tb = traceback_new(s);
  if (!tb) return -1;
  TraceMap* traces = traces_table(s, domain, true);
  auto [it, inserted] = traces->try_emplace(ptr, Trace{size, tb});
  if (!inserted) {
    // The block is already traced (memory freed behind the hooks' back).
    s.traced_memory -= it->second.size;
    it->second = Trace{size, tb};
  }
  s.traced_memory += size;
  if (s.traced_memory > s.peak_traced_memory) s.peak_traced_memory = s.traced_memory;
  return 0;
}

// tracemalloc_alloc / tracemalloc_realloc / tracemalloc_free: the reentrant flag of the
// thread leaves out what tracemalloc itself allocates while it builds Python objects.
void hook_alloc(void* p, size_t size) {
  if (reentrant) return;
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (s.tracing) add_trace(s, kDefaultDomain, uintptr_t(p), size);
}

void hook_realloc(void* old_p, void* new_p, size_t size) {
  if (reentrant) return;
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (!s.tracing) return;
  if (new_p != old_p) remove_trace(s, kDefaultDomain, uintptr_t(old_p));
  add_trace(s, kDefaultDomain, uintptr_t(new_p), size);
}

void hook_free(void* p) {
  if (reentrant) return;
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (s.tracing) remove_trace(s, kDefaultDomain, uintptr_t(p));
}

// The object's memory block starts before it by the GC header (_PyType_PreHeaderSize).
uintptr_t block_of(Object* o) {
  size_t presize = type_has_feature(o->type, kTpflagsHaveGc) ? sizeof(gc::GCHead) : 0;
  return uintptr_t(reinterpret_cast<char*>(o) - presize);
}

// _PyTraceMalloc_TraceRef (PyRefTracer_CREATE): a block reused from a free list takes the
// current traceback.
void hook_object_created(Object* o) {
  if (reentrant) return;
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (!s.tracing) return;
  auto it = s.traces.find(block_of(o));
  if (it == s.traces.end()) return;
  if (Traceback* tb = traceback_new(s)) it->second.traceback = tb;
}

const gc::AllocHooks hooks = {hook_alloc, hook_realloc, hook_free, hook_object_created};

// tracemalloc_clear_traces_unlocked: the filenames' references are returned to the caller
// (dropped once the lock is released, as their deallocation reaches the hooks).
void clear_unlocked(State& s, std::vector<Object*>& release) {
  s.traces.clear();
  s.domains.clear();
  for (Traceback* tb : s.tracebacks) {
    table_bytes.fetch_sub(traceback_bytes(tb->nframe), std::memory_order_relaxed);
    std::free(tb);
  }
  s.tracebacks.clear();
  for (Object* f : s.filenames) release.push_back(f);
  s.filenames.clear();
  s.traced_memory = 0;
  s.peak_traced_memory = 0;
}

void release_all(std::vector<Object*>& release) {
  for (Object* o : release) decref(o);
  release.clear();
}

// RAII reentrant flag: allocations of this thread are not traced meanwhile.
struct Reentrant {
  bool saved;
  Reentrant() : saved(reentrant) { reentrant = true; }
  ~Reentrant() { reentrant = saved; }
};

// A traceback copied out of the tables (the filenames hold a reference), so that Python
// objects are made once the lock is released: making them may run the collector and
// finalizers, which may let another thread run and allocate.
struct TracebackCopy {
  std::vector<TbFrame> frames;
  unsigned total_nframe = 0;
  Object* tuple = nullptr;  // the frames as a tuple, once made
};

void copy_traceback(const Traceback* tb, TracebackCopy* out) {
  out->frames.assign(tb->frames, tb->frames + tb->nframe);
  out->total_nframe = tb->total_nframe;
  for (const TbFrame& f : out->frames) incref(f.filename);
}

void release_copy(TracebackCopy* c) {
  for (const TbFrame& f : c->frames) decref(f.filename);
  c->frames.clear();
  clear(c->tuple);
}

// frame_to_pyobject / traceback_to_pyobject: a tuple of (filename, lineno) tuples.
Object* traceback_to_object(const TracebackCopy& tb) {
  Ref<> frames = Ref<>::steal(tuple_new(ssize(tb.frames.size())));
  if (!frames) return nullptr;
  for (size_t i = 0; i < tb.frames.size(); ++i) {
    Ref<> lineno = Ref<>::steal(long_from_unsigned_long_long(tb.frames[i].lineno));
    if (!lineno) return nullptr;
    Object* frame = tuple_pack(2, tb.frames[i].filename, lineno.get());
    if (!frame) return nullptr;
    tuple_set_item(frames.get(), ssize(i), frame);
  }
  return frames.release();
}

}  // namespace

int start(int max_nframe) {
  if (max_nframe < 1 || max_nframe > kMaxNframe) {
    errors::format(exc_ValueError, "the number of frames must be in range [1; %d]", kMaxNframe);
    return -1;
  }
  State& s = state();
  if (is_tracing()) return 0;
  if (!s.unknown) {
    // _PyTraceMalloc_Init: the empty traceback names "<unknown>", line 0.
    s.unknown = str_from_cstr("<unknown>");
    if (!s.unknown) return -1;
    s.empty.nframe = 1;
    s.empty.total_nframe = 1;
    s.empty.frames[0] = TbFrame{s.unknown, 0};
    s.empty.hash = traceback_hash(&s.empty);
  }
  auto* scratch = static_cast<Traceback*>(std::malloc(traceback_bytes(max_nframe)));
  if (!scratch) {
    errors::no_memory();
    return -1;
  }
  {
    std::lock_guard<std::mutex> g(s.lock);
    s.max_nframe = max_nframe;
    std::free(s.scratch);
    s.scratch = scratch;
    s.tracing = true;
  }
  gc::set_alloc_hooks(&hooks);
  return 0;
}

void stop() {
  State& s = state();
  std::vector<Object*> release;
  {
    std::lock_guard<std::mutex> g(s.lock);
    if (!s.tracing) return;
    s.tracing = false;
    gc::set_alloc_hooks(nullptr);
    Reentrant r;
    clear_unlocked(s, release);
    std::free(s.scratch);
    s.scratch = nullptr;
  }
  release_all(release);
}

bool is_tracing() {
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  return s.tracing;
}

void clear_traces() {
  State& s = state();
  std::vector<Object*> release;
  {
    std::lock_guard<std::mutex> g(s.lock);
    if (!s.tracing) return;
    Reentrant r;
    clear_unlocked(s, release);
  }
  release_all(release);
}

int get_traceback_limit() { return state().max_nframe; }

size_t get_memory() {
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  return s.tracing ? table_bytes.load(std::memory_order_relaxed) : 0;
}

Object* get_traced_memory() {
  State& s = state();
  size_t traced = 0, peak = 0;
  {
    std::lock_guard<std::mutex> g(s.lock);
    if (s.tracing) {
      traced = s.traced_memory;
      peak = s.peak_traced_memory;
    }
  }
  Ref<> a = Ref<>::steal(long_from_ssize(ssize(traced)));
  Ref<> b = Ref<>::steal(long_from_ssize(ssize(peak)));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

void reset_peak() {
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (s.tracing) s.peak_traced_memory = s.traced_memory;
}

// _PyTraceMalloc_GetTraces: the traces are copied under the lock, then made into tuples
// (equal tracebacks share one); the objects made meanwhile are not traced.
Object* get_traces() {
  State& s = state();
  Reentrant r;
  struct TraceCopy {
    unsigned domain;
    size_t size;
    size_t traceback;  // index in tracebacks
  };
  std::vector<TraceCopy> traces;
  std::vector<TracebackCopy> tracebacks;
  {
    std::lock_guard<std::mutex> g(s.lock);
    if (s.tracing) {
      std::unordered_map<const Traceback*, size_t> index;
      auto add = [&](unsigned domain, const TraceMap& table) {
        for (const auto& [ptr, trace] : table) {
          auto [it, inserted] = index.try_emplace(trace.traceback, tracebacks.size());
          if (inserted) {
            tracebacks.emplace_back();
            copy_traceback(trace.traceback, &tracebacks.back());
          }
          traces.push_back(TraceCopy{domain, trace.size, it->second});
        }
      };
      add(kDefaultDomain, s.traces);
      for (const auto& [domain, table] : s.domains) add(domain, table);
    }
  }
  Ref<> list = Ref<>::steal(list_new(ssize(traces.size())));
  bool ok = bool(list);
  for (size_t i = 0; ok && i < traces.size(); ++i) {
    TracebackCopy& tb = tracebacks[traces[i].traceback];
    if (!tb.tuple) tb.tuple = traceback_to_object(tb);
    Ref<> dom = Ref<>::steal(long_from_unsigned_long_long(traces[i].domain));
    Ref<> size = Ref<>::steal(long_from_unsigned_long_long(traces[i].size));
    Ref<> total = Ref<>::steal(long_from_unsigned_long_long(tb.total_nframe));
    if (!tb.tuple || !dom || !size || !total) {
      ok = false;
      break;
    }
    Object* tuple = tuple_pack(4, dom.get(), size.get(), tb.tuple, total.get());
    if (!tuple) {
      ok = false;
      break;
    }
    list_set_item(list.get(), ssize(i), tuple);
  }
  for (TracebackCopy& tb : tracebacks) release_copy(&tb);
  return ok ? list.release() : nullptr;
}

// _PyTraceMalloc_GetObjectTraceback.
Object* get_object_traceback(Object* obj) {
  State& s = state();
  Reentrant r;
  TracebackCopy copy;
  {
    std::lock_guard<std::mutex> g(s.lock);
    if (!s.tracing) return return_none();
    auto it = s.traces.find(block_of(obj));
    if (it == s.traces.end()) return return_none();
    copy_traceback(it->second.traceback, &copy);
  }
  Object* result = traceback_to_object(copy);
  release_copy(&copy);
  return result;
}

int track(unsigned int domain, uintptr_t ptr, size_t size) {
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (!s.tracing) return -2;
  return add_trace(s, domain, ptr, size);
}

int untrack(unsigned int domain, uintptr_t ptr) {
  State& s = state();
  std::lock_guard<std::mutex> g(s.lock);
  if (!s.tracing) return -2;
  remove_trace(s, domain, ptr);
  return 0;
}

}  // namespace cppy::modules::tracemalloc
