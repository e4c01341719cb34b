// The func-area native modules (_heapq, _bisect, _collections, itertools, _functools,
// _operator) on bulk operations whose cost is in the module, not in the calls;
// bench/micro/funcmods_py.py times the same operations in CPython for comparison.
#include <benchmark/benchmark.h>

#include <random>

#include "modules/moduledef.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "vm/ceval.h"
#include "vm/pythonrun.h"

namespace {

using namespace cppy::objects;

Object* module(const char* name) {
  static bool ready = cppy::vm::initialize_runtime() == 0;
  (void)ready;
  return cppy::modules::import_builtin(name);  // kept alive by sys.modules
}

Object* attr(const char* mod, const char* name) {
  Object* m = module(mod);
  Object* a = object_getattr_string(m, name);
  decref(m);
  return a;
}

// n pseudo-random ints below 10**6 (the same sequence as funcmods_py.py's).
Object* random_ints(ssize n) {
  Object* l = list_new(n);
  uint64_t x = 12345;
  for (ssize i = 0; i < n; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    list_set_item_steal(l, i, long_from_long(static_cast<long>((x >> 33) % 1000000)));
  }
  return l;
}

Object* range_list(ssize n) {
  Object* l = list_new(n);
  for (ssize i = 0; i < n; ++i) list_set_item_steal(l, i, long_from_ssize(i));
  return l;
}

// Drains an iterator (as collections.deque(it, maxlen=0) does in the Python twin).
void drain(Object* it) {
  iternextfunc next = it->type->iternext;
  while (Object* x = next(it)) decref(x);
}

void BM_Heapify100k(benchmark::State& state) {
  Object* heapify = attr("_heapq", "heapify");
  Object* data = random_ints(100000);
  for (auto _ : state) {
    Object* copy = list_get_slice(data, 0, 100000);
    decref(object_call_one_arg(heapify, copy));
    decref(copy);
  }
  decref(data);
  decref(heapify);
}
BENCHMARK(BM_Heapify100k)->Unit(benchmark::kMicrosecond);

void BM_Heappop10k(benchmark::State& state) {
  Object* heapify = attr("_heapq", "heapify");
  Object* heappop = attr("_heapq", "heappop");
  Object* data = random_ints(10000);
  for (auto _ : state) {
    Object* h = list_get_slice(data, 0, 10000);
    decref(object_call_one_arg(heapify, h));
    for (int i = 0; i < 10000; ++i) decref(vectorcall(heappop, &h, 1, nullptr));
    decref(h);
  }
  decref(data);
  decref(heapify);
  decref(heappop);
}
BENCHMARK(BM_Heappop10k)->Unit(benchmark::kMicrosecond);

void BM_BisectRight10k(benchmark::State& state) {
  Object* bisect = attr("_bisect", "bisect_right");
  Object* sorted_list = range_list(100000);
  Object* keys = random_ints(10000);
  for (auto _ : state) {
    for (ssize i = 0; i < 10000; ++i) {
      Object* args[2] = {sorted_list, list_item(keys, i)};
      decref(vectorcall(bisect, args, 2, nullptr));
    }
  }
  decref(keys);
  decref(sorted_list);
  decref(bisect);
}
BENCHMARK(BM_BisectRight10k)->Unit(benchmark::kMicrosecond);

void BM_DequeFromRange100k(benchmark::State& state) {
  Object* deque = attr("_collections", "deque");
  Object* data = range_list(100000);
  for (auto _ : state) decref(object_call_one_arg(deque, data));
  decref(data);
  decref(deque);
}
BENCHMARK(BM_DequeFromRange100k)->Unit(benchmark::kMicrosecond);

void BM_DequeRotate(benchmark::State& state) {
  Object* deque = attr("_collections", "deque");
  Object* data = range_list(1000);
  Object* d = object_call_one_arg(deque, data);
  Object* rotate = object_getattr_string(d, "rotate");
  Object* k = long_from_long(377);
  for (auto _ : state)
    for (int i = 0; i < 1000; ++i) decref(vectorcall(rotate, &k, 1, nullptr));
  decref(k);
  decref(rotate);
  decref(d);
  decref(data);
  decref(deque);
}
BENCHMARK(BM_DequeRotate)->Unit(benchmark::kMicrosecond);

void BM_Product300x300(benchmark::State& state) {
  Object* product = attr("itertools", "product");
  Object* r = range_list(300);
  for (auto _ : state) {
    Object* args[2] = {r, r};
    Object* it = vectorcall(product, args, 2, nullptr);
    drain(it);
    decref(it);
  }
  decref(r);
  decref(product);
}
BENCHMARK(BM_Product300x300)->Unit(benchmark::kMicrosecond);

void BM_Permutations8(benchmark::State& state) {
  Object* perms = attr("itertools", "permutations");
  Object* r = range_list(8);
  for (auto _ : state) {
    Object* it = object_call_one_arg(perms, r);
    drain(it);
    decref(it);
  }
  decref(r);
  decref(perms);
}
BENCHMARK(BM_Permutations8)->Unit(benchmark::kMicrosecond);

void BM_LruCacheHits10k(benchmark::State& state) {
  Object* wrapper = attr("_functools", "_lru_cache_wrapper");
  Object* abs_fn = dict_get_item_string(cppy::vm::builtins_dict(), "abs");
  Object* maxsize = long_from_long(128);
  Object* a = tuple_pack(4, abs_fn, maxsize, py_false(), reinterpret_cast<Object*>(&tuple_type));
  Object* cached = object_call(wrapper, a, nullptr);
  decref(a);
  Object* keys = range_list(100);
  for (auto _ : state)
    for (int i = 0; i < 10000; ++i) {
      Object* key = list_item(keys, i % 100);
      decref(vectorcall(cached, &key, 1, nullptr));
    }
  decref(keys);
  decref(cached);
  decref(maxsize);
  decref(wrapper);
}
BENCHMARK(BM_LruCacheHits10k)->Unit(benchmark::kMicrosecond);

}  // namespace
