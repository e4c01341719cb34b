import itertools as it, functools, operator, collections, heapq, bisect, math

def take(n, iterable): return list(it.islice(iterable, n))
def chunked(iterable, n): return list(it.batched(iterable, n))
def sliding(iterable, n):
    window = collections.deque(maxlen=n)
    for x in iterable:
        window.append(x)
        if len(window) == n:
            yield tuple(window)
def roundrobin(*iterables):
    iterators = map(iter, iterables)
    for num_active in range(len(iterables), 0, -1):
        iterators = it.cycle(it.islice(iterators, num_active))
        yield from map(next, iterators)
def partition(pred, iterable):
    t1, t2 = it.tee(iterable)
    return list(it.filterfalse(pred, t1)), list(filter(pred, t2))
def unique_justseen(iterable, key=None):
    return list(map(next, map(operator.itemgetter(1), it.groupby(iterable, key))))
def powerset(iterable):
    s = list(iterable)
    return list(it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1)))
def sieve(n):
    data = bytearray((0, 1)) * (n // 2)
    for p in it.compress(range(3, math.isqrt(n) + 1, 2), data[3::2] if False else it.repeat(1)):
        if data[p]:
            data[p*p : n : p+p] = bytes(len(range(p*p, n, p+p)))
    yield 2
    yield from it.compress(range(3, n, 2), data[3::2])

print(take(5, it.count(10, 2.5)), chunked("abcdefg", 3), list(sliding(range(6), 3)))
print(list(roundrobin("ABC", "D", "EF")), partition(lambda x: x % 2, range(10)), unique_justseen("AAAABBBCCDAABBB"), unique_justseen("ABBcCAD", str.lower))
print(powerset([1, 2, 3]), list(sieve(50)))
print(list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([5, 1, 3], max, initial=2)), list(it.pairwise("abcd")))
print(list(it.product("ab", repeat=2)), list(it.permutations(range(3), 2)), list(it.combinations_with_replacement("xy", 3)))
print(list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.zip_longest("ab", "xyz", fillvalue="-")))
for k, g in it.groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"]), key=lambda s: s[0]):
    print(k, list(g))
print(list(it.islice("abcdefgh", 1, None, 3)), list(it.chain([1], (2, 3), "45")), next(it.repeat("x", 2)), list(it.repeat(1, 0)))
try:
    list(it.batched("abcde", 2, strict=True))
except ValueError as e:
    print("ValueError:", e)
print(functools.reduce(operator.add, range(5), 100), list(map(operator.attrgetter("real"), [1, 2j])), operator.methodcaller("split", ",")("a,b"), operator.itemgetter(1, -1)("xyz"))
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), list(heapq.merge([1, 4, 7], [2, 5, 8], [0])), list(heapq.merge(["c", "a"], ["b"], key=str.upper, reverse=True)))
h = []
for x in [5, 3, 8, 1]:
    heapq.heappush(h, (x, str(x)))
print([heapq.heappop(h) for _ in range(2)], heapq.heappushpop(h, (0, "0")), heapq.heapreplace(h, (9, "9")), h)
mh = [3, 1, 4, 1, 5]; heapq.heapify_max(mh) if hasattr(heapq, "heapify_max") else None; print(mh)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect_left(a, 5, lo=1, hi=3))
bisect.insort(a, 5); bisect.insort_left(a, 4); print(a)
recs = [("a", 1), ("b", 3), ("c", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.insort(recs, ("z", 5), key=lambda r: r[1]), recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
c = collections.Counter("abracadabra")
print(c.most_common(3), c["z"], sorted(c.elements())[:5], c.total(), c - collections.Counter("aaa"), c & collections.Counter("abz"), c | collections.Counter(z=2), +collections.Counter(a=-1, b=2), -collections.Counter(a=-1))
c.subtract("aaaaaaa"); print(c, sorted(c.items()))
dq = collections.deque(range(5), maxlen=5); dq.rotate(2); dq.appendleft(-1); print(dq, dq.maxlen, dq.count(3), dq.index(3))
od = collections.OrderedDict.fromkeys("abcde"); od.move_to_end("b"); od.move_to_end("e", last=False); print(list(od), od.popitem(last=False), od)
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3}); cm2 = cm.new_child({"c": 4}); print(cm2["a"], cm2["b"], len(cm2), cm2.parents, dict(cm2), cm2.maps)
dd = collections.defaultdict(lambda: "?", x=1); dd["y"]; print(dict(dd), dd.default_factory(), collections.defaultdict(list, a=[1]))
P = collections.namedtuple("P", ["x", "y", "z"], defaults=[0]); p = P(1, 2)
print(p, p._replace(x=9), p._asdict(), P._fields, P._field_defaults, P._make([4, 5, 6]), p + (1,), P.__doc__)
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
class UD(collections.UserDict):
    def __missing__(self, k): return k * 2
print(UD(a=1)["zz"], collections.UserList([3, 1]) + [2], collections.UserString("abc").upper())
print(math.comb(10, 3), math.perm(5, 2), math.prod(range(1, 6)), math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.isqrt(99), math.dist((0, 0), (3, 4)), math.hypot(1, 1, 1), math.fsum([0.1] * 10), math.nextafter(1, 2) - 1, math.ulp(1.0), math.copysign(3, -0.0), math.fma(2, 3, 4) if hasattr(math, "fma") else "")
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), round(2.5), round(3.5), round(-0.5), math.modf(-3.25), math.frexp(40), math.ldexp(0.625, 6), math.remainder(10, 4), math.fmod(-10, 3), -10 % 3, divmod(-7, 2), divmod(7.5, -2))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.expm1(1e-10), math.exp(1), math.pow(2, 0.5), math.sqrt(2), math.exp2(10))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, -1), math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.asinh(1), math.erf(1), math.erfc(1), math.gamma(5.5), math.lgamma(100))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isinf(float("-inf")), math.isnan(float("nan")), math.isfinite(1e308 * 10), math.inf > 1e308, math.e, math.tau)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), 0.1 + 0.2, 1 / 3, 2 ** 0.5, 1e22, 1e-7, 123456789.0 * 10, float("1e500"), -0.0, 5e-324, 1.7976931348623157e308, 2.5e-5, 100.0, 1e16, 12345678901234567.0)
