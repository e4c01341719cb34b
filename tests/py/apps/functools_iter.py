import bisect
import functools
import heapq
import itertools
import operator
from collections import deque
from functools import singledispatch, singledispatchmethod, cached_property, lru_cache, partial, partialmethod, total_ordering, reduce, cache, wraps


@singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(list)
@describe.register(tuple)
def _(x):
    return f"seq of {len(x)}: " + ", ".join(describe(i) for i in x)


@describe.register
def _(x: str | bytes):
    return f"text {x!r}"


class Shape:
    @singledispatchmethod
    def area(self, arg):
        raise NotImplementedError(type(arg).__name__)

    @area.register
    def _(self, arg: int):
        return arg * arg

    @area.register
    def _(self, arg: float):
        return round(3.14159 * arg * arg, 3)


@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


class Dataset:
    def __init__(self, data):
        self.data = data
        self.computed = 0

    @cached_property
    def stats(self):
        self.computed += 1
        return (min(self.data), max(self.data), sum(self.data))


@lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


def power(base, exp):
    return base ** exp


class Cell:
    def __init__(self):
        self.v = None

    def set(self, v, tag=""):
        self.v = (v, tag)

    set_one = partialmethod(set, 1, tag="one")


def trace(f):
    @wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w


@trace
def documented(a, b):
    "Doc string."
    return a


print(describe(1), "|", describe([1, "a", (2.5,)]), "|", describe(b"x"), "|", describe(None))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry if t is not object))
s = Shape()
print(s.area(3), s.area(2.0))
try:
    s.area("x")
except NotImplementedError as e:
    print("NotImplementedError", e)
vs = sorted(map(Version, ["1.10", "1.2", "1.2.1", "0.9"]))
print(vs, Version("1.2") <= Version("1.2"), Version("2") > Version("1.9"), Version("1") >= Version("2"))
d = Dataset([3, 1, 4, 1, 5])
print(d.stats, d.stats, d.computed, "stats" in vars(d))
del d.stats
print(d.stats, d.computed)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), ways(100), ways.cache_info().currsize > 0)
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(7), cube(2), repr(square).split(' at ')[0], square.func is power, square.keywords, partial(partial(power, 2), 5)())
c = Cell(); c.set_one(); print(c.v)
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(reduce(operator.mul, range(1, 11)), reduce(lambda a, b: a + [b * 2], [1, 2, 3], []))
print(type(functools.cmp_to_key(lambda a, b: (a > b) - (a < b))(1)).__name__, sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))


def take(n, it):
    return list(itertools.islice(it, n))


def pairwise_sum(it):
    return [a + b for a, b in itertools.pairwise(it)]


def grouper(iterable, n, fillvalue=None):
    return itertools.zip_longest(*[iter(iterable)] * n, fillvalue=fillvalue)


def roundrobin(*iterables):
    iterators = map(iter, iterables)
    for num_active in range(len(iterables), 0, -1):
        iterators = itertools.cycle(itertools.islice(iterators, num_active))
        yield from map(next, iterators)


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def powerset(iterable):
    s = list(iterable)
    return itertools.chain.from_iterable(itertools.combinations(s, r) for r in range(len(s) + 1))


def sliding_window(iterable, n):
    it = iter(iterable)
    window = deque(itertools.islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)


print(take(5, itertools.count(10, 3)), take(4, itertools.cycle("ab")), list(itertools.repeat("z", 3)))
print(list(itertools.accumulate([1, 2, 3, 4], initial=100)), list(itertools.accumulate([3, 1, 4], max)))
print(pairwise_sum([1, 2, 3, 4]), list(grouper("ABCDEFG", 3, "x")), list(roundrobin("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(powerset([1, 2, 3])), list(sliding_window(range(6), 3)))
print([(k, list(g)) for k, g in itertools.groupby("AAAABBBCCD")])
print([(k, [x[0] for x in g]) for k, g in itertools.groupby(sorted(["apple", "avocado", "bean", "beet", "corn"]), key=lambda w: w[0])])
print(list(itertools.product("ab", range(2))), len(list(itertools.permutations(range(4), 2))))
print(list(itertools.combinations_with_replacement("abc", 2)), list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(None, [0, 1, "", "a"])), list(itertools.starmap(pow, [(2, 5), (3, 2)])))
a, b = itertools.tee(range(3)); print(list(a), list(b), list(itertools.batched("ABCDEFG", 3)))
print(list(itertools.chain([1], (2, 3), "ab")), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
try:
    list(itertools.batched("ABCD", 3, strict=True))
except ValueError as e:
    print("ValueError:", e)

tasks = [(3, "write"), (1, "plan"), (4, "test"), (2, "code"), (1, "coffee")]
h = []
for t in tasks:
    heapq.heappush(h, t)
print([heapq.heappop(h) for _ in range(len(h))])
data = [5, 7, 9, 1, 3, 8, 2]
heapq.heapify(data)
print(data, heapq.nlargest(3, data), heapq.nsmallest(2, data, key=lambda x: -x))
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(["c", "a"], ["b"], key=str.upper, reverse=True)))
mh = [3, 1, 2]; heapq.heapify_max(mh); print(mh, heapq.heappop_max(mh), mh)

grades = [60, 70, 80, 90]
def grade(score, breakpoints=grades, g="FDCBA"):
    return g[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
sl = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(sl, x)
print(sl, bisect.bisect_left(sl, 5), bisect.bisect_right(sl, 5), bisect.bisect_left(sl, 3, lo=2, hi=4))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort_left(recs, ("z", 4), key=lambda r: r[1]); print(recs)
