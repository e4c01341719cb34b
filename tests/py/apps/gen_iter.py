"""Iterator protocol, generators, closures and comprehension scoping in a data pipeline."""
import itertools
import sys
from collections.abc import Iterable, Iterator, Generator, Sequence, Mapping


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def __reversed__(self):
        return iter(range(1, self.start + 1))

    def __len__(self):
        return self.start

    def __contains__(self, x):
        return 0 < x <= self.start


class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r


class Seq(Sequence):
    def __init__(self, data):
        self._d = list(data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self._d[i])
        return self._d[i]

    def __len__(self):
        return len(self._d)

    def __repr__(self):
        return f"Seq({self._d})"


def read_records(lines):
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        yield lineno, name.strip(), value.strip()


def typed(records):
    for lineno, name, value in records:
        try:
            yield name, int(value)
        except ValueError:
            try:
                yield name, float(value)
            except ValueError:
                yield name, value


def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def averager():
    count = total = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            break
        count += 1
        total += term
        avg = total / count
    return count, avg


def grouper_gen(results, key):
    while True:
        results[key] = yield from averager()


def flatten(items):
    for x in items:
        if isinstance(x, Iterable) and not isinstance(x, (str, bytes)):
            yield from flatten(x)
        else:
            yield x


CONFIG = """
# sample
alpha = 1
beta = 2.5
gamma = hello
delta = 0x10

epsilon = -3
"""
recs = list(typed(read_records(CONFIG.splitlines())))
print(recs)
c = Countdown(5)
print(list(c), list(reversed(c)), len(c), 3 in c, 9 in c, sorted(c), sum(c), max(c), list(zip(c, "abc")))
print(list(Fib(100)), list(itertools.islice(Fib(10**9), 5, 10)), isinstance(Fib(1), Iterator), isinstance(c, Iterable))
s = Seq("abcdef")
print(s[1:4], s.index("c"), s.count("a"), "d" in s, list(reversed(s)), isinstance(s, Sequence), len(s))
rt = running_total()
next(rt)
print([rt.send(x) for x in [5, 10, -3]])
try:
    rt.send(None)
except StopIteration as e:
    print("final total", e.value)
results = {}
for key, values in [("a", [10, 20, 30]), ("b", [1, 2])]:
    g = grouper_gen(results, key)
    next(g)
    for v in values:
        g.send(v)
    g.send(None)
print(results)
print(list(flatten([1, [2, [3, [4, "five"]], (6,)], {7}, b"x"])))
gen = (x * x for x in range(5))
print(type(gen).__name__, isinstance(gen, Generator), next(gen), list(gen), list(gen))
squares = {x: x * x for x in range(5) if x % 2}
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
transposed = list(map(list, zip(*matrix)))
print(squares, matrix, transposed, {c for c in "hello"} == set("helo"), [y for x in matrix for y in x if y > 3])
funcs = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in funcs], [f(10) for f in late])


def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get


inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
x = 10
def scope_test():
    x = 20
    def inner():
        return x
    return inner(), [x for x in range(3)], x
print(scope_test(), x)
class K:
    y = 5
    vals = [y * 2 for _ in range(2)] if False else None
    z = [i for i in range(y)]
print(K.z)
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
sentinel_iter = iter(iter([1, 2, 0, 3]).__next__, 0)
print(list(sentinel_iter))
def gen_with_return():
    yield 1
    return "ret"
print(list(gen_with_return()), [*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*range(2),))
a, *b, c = range(6)
(d, e), f = "xy", 3
print(a, b, c, d, e, f)
g = (i for i in range(3))
print(g.gi_running, g.gi_frame is not None, g.gi_code.co_name)
list(g)
print(g.gi_frame)
def deep():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit caught")
        raise
dg = deep(); next(dg); dg.close(); print(dg.gi_frame)
def bad_gen():
    yield 1
    raise StopIteration("x")
try:
    list(bad_gen())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def ignoring():
    while True:
        try:
            yield
        except GeneratorExit:
            yield "won't stop"
ig = ignoring(); next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(sys.getrecursionlimit() >= 1000, list(itertools.accumulate(Fib(50))), dict(zip("abc", itertools.count())))
