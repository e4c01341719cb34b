#!/usr/bin/env python3
"""Times in CPython the operations of bigint_bench.cpp, with the same operand sizes.

    /usr/bin/python3.11 bench/micro/bigint_py.py

Prints one line per benchmark: name and microseconds per operation (CPU time, best of 5 runs of timeit).
"""
import random
import sys
import time
import timeit

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


def number(ndigits, seed):
    rng = random.Random(seed)
    return int("7" + "".join(rng.choice("0123456789") for _ in range(ndigits - 1)))


def run(name, stmt, env, number_=None):
    # CPU time, as Google Benchmark's "CPU" column: the machine is shared.
    t = timeit.Timer(stmt, timer=time.process_time, globals=env)
    n = number_ or max(1, t.autorange()[0])
    best = min(t.repeat(5, n)) / n
    print("%-22s %12.1f us" % (name, best * 1e6))


for n in (1000, 10000, 100000):
    run("BM_Mul/%d" % n, "a * b", {"a": number(n, 1), "b": number(n, 2)})
for n in (10000, 100000):
    run("BM_Square/%d" % n, "a * a", {"a": number(n, 1)})
for n in (1000, 10000, 50000):
    run("BM_Divmod/%d" % n, "divmod(a, b)", {"a": number(2 * n, 3), "b": number(n, 4)})
for n in (1000, 10000, 50000):
    run("BM_ToDecimal/%d" % n, "str(a)", {"a": number(n, 5)})
for n in (1000, 10000, 50000):
    run("BM_FromDecimal/%d" % n, "int(s)", {"s": str(number(n, 6))})
run("BM_PowMod/300", "pow(a, e, m)", {"a": number(300, 7), "e": number(300, 8), "m": number(300, 9)})
import math  # noqa: E402
for n in (1000, 10000):
    run("BM_Gcd/%d" % n, "gcd(a, b)", {"a": number(n, 10), "b": number(n, 11), "gcd": math.gcd})
