# _functools: reduce, partial with Placeholder, cmp_to_key, _lru_cache_wrapper.
import _functools as ft

def err(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

calls = []
def add(a, b):
    calls.append((a, b))
    return a + b
print(ft.reduce(add, [1, 2, 3, 4]), calls)
print(ft.reduce(add, [], 10), ft.reduce(add, [5]), ft.reduce(add, ["a", "b"], "z"), ft.reduce(add, [1, 2], initial=3))
print(err(lambda: ft.reduce(add, [])), err(lambda: ft.reduce(add, 5)), err(lambda: ft.reduce(add)))
print(err(lambda: ft.reduce(add, [1, "a"])), err(lambda: ft.reduce(1, [1, 2])))

P = ft.Placeholder
print(repr(P), P.__reduce__(), type(P).__name__, ft._PlaceholderType() is P, err(lambda: ft._PlaceholderType(1)))

def f(*args, **kw):
    return args, sorted(kw.items())
p = ft.partial(f, 1, 2, a=3)
print(p(), p(4), p(4, b=5), p(a=9), p.func is f, p.args, p.keywords)
q = ft.partial(p, 6, c=7)
print(q(), q.func is f, q.args, q.keywords)
h = ft.partial(f, P, 2, P, 4)
print(h(1, 3), h(1, 3, 5, z=0), h.args)
print(err(lambda: h(1)), err(lambda: h()))
h2 = ft.partial(h, 10)
print(h2.args, h2(30), err(lambda: h2()))
h3 = ft.partial(h, 10, 30, 50)
print(h3.args, h3())
print(err(lambda: ft.partial(f, 1, P)), err(lambda: ft.partial(f, a=P)), err(lambda: ft.partial()), err(lambda: ft.partial(1)))
bm = ft.partial(max, 1, key=len)
print(repr(bm), repr(ft.partial(max)), repr(ft.partial(max, P, 2)), bm.__reduce__())
print(ft.partial(sorted, reverse=True)([3, 1, 2]), ft.partial(max, 5)(3), ft.partial(max, key=abs)(-7, 3))
print(ft.partial(pow, 2)(10), ft.partial(pow, P, 2)(10), ft.partial(divmod, P, 3)(10))
s = ft.partial(f)
s.__setstate__((max, (1, 2), {"k": 1}, None))
print(repr(s), s.__reduce__()[2][3])
s.__setstate__((f, (P, 2), None, {"attr": 1}))
print(s(1), s.attr, s.__dict__)
print(err(lambda: s.__setstate__((f, (1, P), None, None))), err(lambda: s.__setstate__((f,))), err(lambda: s.__setstate__([])))
class C:
    m = ft.partial(f, "bound")
    def __repr__(self):
        return "C()"
print(C().m(1), C.m(2))
class MyPartial(ft.partial):
    pass
mp = MyPartial(f, 1)
print(repr(mp).split("(")[0], mp(2), type(ft.partial(mp, 3)).__name__)
p.attr = 5
print(p.__dict__, err(lambda: setattr(p, "func", max)))
rec = ft.partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec).replace(repr(f), "F"))

def cmp(a, b):
    return (a > b) - (a < b)
K = ft.cmp_to_key(cmp)
print(sorted([3, 1, 2], key=K), sorted("bca", key=ft.cmp_to_key(mycmp=lambda a, b: cmp(b, a))))
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == k1, k1 != k2, k1 <= K(1), k2 >= k1, k1.obj, K(obj=5).obj)
print(err(lambda: k1 < 2), err(lambda: hash(k1)), err(lambda: K()), err(lambda: K(1, 2)), err(lambda: ft.cmp_to_key()))
print(type(k1).__name__, type(k1).__module__)

def CI(hits, misses, maxsize, currsize):
    return ("CacheInfo", hits, misses, maxsize, currsize)
log = []
def sq(x, y=0):
    log.append((x, y))
    return x * x + y
w = ft._lru_cache_wrapper(sq, 2, False, CI)
print([w(i) for i in (1, 2, 1, 3, 2, 1)], log, w.cache_info())
w.cache_clear()
print(w.cache_info(), w(4), w(4, y=1), w(4, y=1), w(y=1, x=4), w.cache_info())
inf = ft._lru_cache_wrapper(sq, None, False, CI)
print([inf(i % 3) for i in range(7)], inf.cache_info())
unc = ft._lru_cache_wrapper(sq, 0, False, CI)
print(unc(2), unc(2), unc.cache_info())
neg = ft._lru_cache_wrapper(sq, -5, False, CI)
print(neg(2), neg.cache_info())
log.clear()
ty = ft._lru_cache_wrapper(sq, 10, True, CI)
print(ty(2), ty(2.0), ty(2), ty(x=2), ty.cache_info(), log)
log.clear()
un = ft._lru_cache_wrapper(sq, 10, False, CI)
print(un(2), un(2.0), un(True), un.cache_info(), log)
print(err(lambda: ft._lru_cache_wrapper(sq, "x", False, CI)), err(lambda: ft._lru_cache_wrapper(1, 1, False, CI)))
print(err(lambda: w([])), err(lambda: w.__reduce__()))
class D:
    @ft.partial(ft._lru_cache_wrapper, maxsize=None, typed=False, cache_info_type=CI)
    def meth(self, v):
        return v * 2
    def __repr__(self):
        return "D()"
d = D()
print(d.meth(3), d.meth(3), D.meth.cache_info())
w.__doc__ = "doc"
w.__wrapped__ = sq
print(w.__doc__, w.__wrapped__ is sq, w.__copy__() is w, w.__deepcopy__({}) is w)
print(type(w).__name__, type(w).__module__)
print(sorted(n for n in dir(ft) if not n.startswith("__")))
