#!/usr/bin/env python3
"""Times in CPython the operations of funcmods_bench.cpp (the func-area native modules).

    /usr/bin/python3.11 bench/micro/funcmods_py.py

Each operation runs in C inside CPython too (map/deque consumers), so the figures compare the
modules rather than the interpreters. Prints one line per benchmark: name and microseconds
per iteration (CPU time, best of 5 runs of timeit).
"""
import time
import timeit
from _bisect import bisect_right
from _collections import deque
from _functools import _lru_cache_wrapper
from _heapq import heapify, heappop
from functools import partial
from itertools import permutations, product, repeat


def random_ints(n):
    # The generator of funcmods_bench.cpp: a 64-bit LCG, bits 33.. modulo 10**6.
    out, x = [], 12345
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        out.append((x >> 33) % 1000000)
    return out


def run(name, stmt, env):
    t = timeit.Timer(stmt, timer=time.process_time, globals=env)
    n = max(1, t.autorange()[0])
    best = min(t.repeat(5, n)) / n
    print("%-24s %12.1f us" % (name, best * 1e6))


data100k = random_ints(100000)
data10k = random_ints(10000)
sorted100k = list(range(100000))
r300 = list(range(300))
r8 = list(range(8))
d1000 = deque(range(1000))
cached = _lru_cache_wrapper(abs, 128, False, tuple)
keys = [i % 100 for i in range(10000)]
env = dict(globals())


def heappop10k(h):
    heapify(h)
    deque(map(heappop, repeat(h, 10000)), maxlen=0)


env["heappop10k"] = heappop10k
run("BM_Heapify100k", "heapify(data100k[:])", env)
run("BM_Heappop10k", "heappop10k(data10k[:])", env)
run("BM_BisectRight10k", "deque(map(partial(bisect_right, sorted100k), data10k), maxlen=0)", env)
run("BM_DequeFromRange100k", "deque(sorted100k)", env)
run("BM_DequeRotate", "deque(map(d1000.rotate, repeat(377, 1000)), maxlen=0)", env)
run("BM_Product300x300", "deque(product(r300, r300), maxlen=0)", env)
run("BM_Permutations8", "deque(permutations(r8), maxlen=0)", env)
run("BM_LruCacheHits10k", "deque(map(cached, keys), maxlen=0)", env)
