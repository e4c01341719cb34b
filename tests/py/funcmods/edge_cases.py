# Corner cases across the func-area modules: block boundaries of deque, tee links, groupby
# after its parent moved on, partial flattening, lru eviction order.
import _collections as c
import itertools as it
import _functools as ft
import _operator as op
import _heapq
import _bisect

def err(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

d = c.deque()
for i in range(130):
    d.appendleft(i) if i % 3 else d.append(i)
print(len(d), d[0], d[64], d[-1], d.index(64), d.index(5, -50), d.index(5, -200, -1))
for i in range(0, 130, 9):
    d.insert(i, -i)
print(list(d)[:12], len(d))
for i in range(40):
    del d[(i * 7) % len(d)]
print(list(d)[:12], len(d), d.count(0))
d.rotate(10 ** 9 + 7)
print(list(d)[:5])
d.rotate(-(10 ** 9))
print(list(d)[:5])
e = c.deque([1], maxlen=100)
e *= 1000
print(len(e), e.maxlen)
f = c.deque([1, 2, 3], maxlen=7)
f *= 5
print(f)
g = c.deque(range(70))
g.extendleft(range(70))
print(g[0], g[69], g[70], g[139], len(g))
while g:
    g.pop()
    if g:
        g.popleft()
print(g, len(g))
g.extend(range(3))
print(g)
h = c.deque(range(5))
print(h.index(3, 1, 10), err(lambda: h.index(3, 4)), h.index(0, -100), err(lambda: h.index(4, 0, -1)))
def gen(dq):
    for i in range(3):
        yield i
        dq.append(i * 10)
k = c.deque()
k.extend(gen(k))
print(k)
k2 = c.deque([1, 2, 3])
k2.extend(x * 2 for x in range(3))
print(k2, k2 == c.deque([1, 2, 3, 0, 2, 4]))

a, b = it.tee(range(130))
print(list(it.islice(a, 60))[-1], next(b), list(a)[-1], len(list(b)))
x, y, z = it.tee(iter("abcdef"), 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
t0, = it.tee(it.count(), 1)
t1, t2 = it.tee(t0)
print(next(t1), next(t1), next(t2), next(t0))
gb = it.groupby([1, 1, 2, 2, 3])
k1, g1 = next(gb)
k2_, g2 = next(gb)
print(k1, list(g1), k2_, list(g2))
gb = it.groupby("aabb")
_, ga = next(gb)
print(next(ga), [k for k, _ in gb], list(ga))
print(list(it.product("ab", repeat=3))[5], len(list(it.product(range(4), repeat=4))))
print(list(it.combinations(range(5), 3))[-1], len(list(it.permutations(range(6), 4))), list(it.permutations("abc", 1)))
print(list(it.combinations_with_replacement(range(3), 3)))
print(list(it.islice(it.cycle("ab"), 5)), list(it.islice(it.count(0, 0.25), 3)), list(it.accumulate(range(5), op.mul, initial=1)))
print(list(it.starmap(op.add, zip("ab", "cd"))), list(it.chain.from_iterable(it.repeat("xy", 2))))
print(list(it.zip_longest("a", "bcd", "ef", fillvalue=0)))
print(list(it.batched(range(10), 4)), list(it.pairwise(range(5))))

def f3(a, b, c=0, *rest, **kw):
    return (a, b, c, rest, sorted(kw.items()))
p = ft.partial(f3, 1, c=3)
q = ft.partial(p, 2, d=4)
print(q(), q(c=5), q(d=9), q.args, q.keywords, q.func is f3)
class PD(ft.partial):
    pass
pd = PD(f3, 1)
pd.extra = 1
r = ft.partial(pd, 2)
print(r.func is pd, r(), type(r).__name__)
s = ft.partial(f3, ft.Placeholder, ft.Placeholder, 7)
t = ft.partial(s, 1)
u = ft.partial(t, 2, 3)
print(s.args, t.args, u.args, u(), t(5), err(lambda: t()))
print(ft.partial(f3, ft.Placeholder, 2)(1, 4, k=1))
big = ft.partial(f3, *range(20), **{f"k{i}": i for i in range(10)})
print(len(big(*range(5), z=1)[3]), len(big(z=2)[4]))
log = []
def ident(v):
    log.append(v)
    return v
w = ft._lru_cache_wrapper(ident, 3, False, lambda *a: a)
for v in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    w(v)
print(log, w.cache_info())
w2 = ft._lru_cache_wrapper(ident, 2, True, lambda *a: a)
print(w2(1), w2(1.0), w2(True), w2(v=1), w2(1), w2.cache_info())
rec_log = []
def recursive(n):
    rec_log.append(n)
    return n if n < 2 else wr(n - 1) + wr(n - 2)
wr = ft._lru_cache_wrapper(recursive, 4, False, lambda *a: a)
print(wr(20), len(rec_log), wr.cache_info())
print(ft.reduce(lambda acc, v: acc + [v], "abc", []), ft.reduce(op.add, iter([1, 2, 3])))
key = ft.cmp_to_key(lambda a, b: len(a) - len(b))
print(sorted(["ccc", "a", "bb"], key=key), min(["ccc", "a"], key=key), max(["ccc", "a"], key=key))

h = []
for v in [5, 5, 3, 3, 1, 1]:
    _heapq.heappush(h, (v, -v))
print(h, [_heapq.heappop(h) for _ in range(3)], _heapq.heappushpop(h, (0, 0)), h)
fl = [3.5, 1.25, 2.0, float("inf"), -0.0, 0.0]
_heapq.heapify(fl)
print(fl, _bisect.bisect_left([1.0, 2.0, 3.0], 2), _bisect.bisect_right([1, 2, 2**70, 2**80], 2**70))
mixed = [1, 2.5, 3, 4.5]
print(_bisect.bisect_left(mixed, 3), _bisect.bisect_right(mixed, 2.5), _bisect.bisect_left([-(2**40), 0, 2**40], -1))
nan = float("nan")
nl = [nan, 1.0, nan, 0.5]
_heapq.heapify(nl)
print(nl)
print(op.itemgetter(slice(None, None, -1))("abc"), op.attrgetter("real", "imag")(3), op.methodcaller("count", 1)([1, 1, 2]))
