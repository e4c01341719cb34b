# _collections: deque (blocks, maxlen, rotate, index, insert, remove, repr, comparisons,
# copies, iterators and mutation checks), defaultdict, _count_elements, _tuplegetter.
import _collections as c
deque = c.deque

def err(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

d = deque(range(10))
print(d, len(d), d[0], d[-1], d[5], d.maxlen)
d.append(10)
d.appendleft(-1)
print(d, d.pop(), d.popleft(), d)
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d.rotate(100)
print(d, d.count(3), d.index(4), d.index(4, 2), err(lambda: d.index(4, 0, 2)), 3 in d, 99 in d)
d.insert(2, "x")
d.insert(-1, "y")
d.insert(100, "z")
d.insert(-100, "w")
print(d)
d.remove("x")
print(d, err(lambda: d.remove("nope")))
d.reverse()
print(d)
d[0] = "first"
del d[1]
del d[-1]
print(d, err(lambda: d[100]), err(lambda: d["a"]), err(lambda: d.__setitem__(50, 1)))
big = deque(range(1000))
big.rotate(337)
print(big[0], big[999], big[500], sum(big), big.index(0), big[-337])
for i in range(0, 1000, 7):
    big[i] = -i
print(sum(big), big[693], len(big))
while len(big) > 3:
    big.pop() if len(big) % 2 else big.popleft()
print(big)
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
m.appendleft(8)
print(m)
m.extend([1, 2])
m.extendleft("ab")
print(m, err(lambda: m.insert(0, 1)))
z = deque([1, 2], maxlen=0)
z.append(1)
z.extend(range(5))
print(z, repr(deque(maxlen=0)))
e = deque("abc")
e.extend(e)
print(e)
e.extendleft(e)
print(e)
print(deque([1, 2]) + deque([3]), deque([1]) * 3, 2 * deque("ab"), deque("ab") * 0)
r = deque([7])
r *= 5
print(r)
r2 = deque([1, 2], maxlen=5)
r2 *= 4
print(r2)
r3 = deque([1, 2, 3])
r3 += [4, 5]
print(r3)
print(err(lambda: deque([1]) + [2]), err(lambda: deque() * "a"), err(lambda: hash(deque())))
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a < b, a <= b, a == b, a != b, a > b, a >= b, deque([1, 2]) < deque([1, 2, 3]), deque() == deque())
print(a == [1, 2, 3], err(lambda: a < [1]), deque([1, 2]) == deque([1, 2.0]))
cp = a.copy()
cp.append(4)
print(a, cp, a.__copy__(), deque(a, 2))
rec = deque([1])
rec.append(rec)
print(rec)
class D(deque):
    pass
dd = D([1, 2], 5)
print(repr(dd), type(dd.copy()).__name__, dd.copy(), type(dd + deque([3])).__name__)
it = iter(deque([1, 2, 3]))
print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
q = deque([1, 2, 3])
it = iter(q)
next(it)
q.append(4)
print(err(lambda: next(it)), err(lambda: next(it)))
q = deque(range(5))
print(list(reversed(q)), type(reversed(q)).__name__, type(iter(q)).__name__)
rit = reversed(q)
next(rit)
print(rit.__length_hint__(), list(rit))
q2 = deque(range(200))
print(list(reversed(q2))[:3], list(q2)[-3:], sum(reversed(q2)))

class Eq:
    def __init__(self, dq):
        self.dq = dq
    def __eq__(self, other):
        self.dq.append(0)
        return False
mq = deque([1, 2, 3])
mq.appendleft(Eq(mq))
print(err(lambda: mq.count(5)), err(lambda: mq.index(5)), err(lambda: 5 in mq), err(lambda: mq.remove(5)))
print(err(lambda: deque(1)), err(lambda: deque([], -1)), err(lambda: deque([], "a")), err(lambda: deque([], x=1)), err(lambda: deque([], 1, 2)))
print(err(lambda: deque().pop()), err(lambda: deque().popleft()), err(lambda: deque([1]).rotate("a")), err(lambda: deque([1]).index(1, "a")))
print(deque([1, 2]).__reduce__()[:3], deque([1], 3).__reduce__()[:3])
q = deque([1, 2, 3])
q.__init__([9])
print(q, q.maxlen)
q.clear()
print(q, len(q), bool(q), bool(deque([0])))
print(deque("abc", maxlen=None), type(deque.maxlen).__name__)

dflt = c.defaultdict(list)
dflt["a"].append(1)
dflt["b"]
print(dflt, dflt.default_factory, len(dflt), "c" in dflt, dflt.get("c"))
n = c.defaultdict()
print(n, err(lambda: n["x"]), repr(c.defaultdict(None, {1: 2})), c.defaultdict(int, a=1))
print(err(lambda: c.defaultdict(1)), err(lambda: c.defaultdict(list, 1)))
cnt = c.defaultdict(int)
for ch in "abracadabra":
    cnt[ch] += 1
print(sorted(cnt.items()), isinstance(cnt, dict), cnt == dict(cnt))
cc = cnt.copy()
print(type(cc).__name__, cc.default_factory, cc == cnt, cc is cnt, type(cnt.__copy__()).__name__)
red = cnt.__reduce__()
print(red[0].__name__, red[1], red[2], red[3], sorted(red[4]))
u = c.defaultdict(list, {1: 2}) | {3: 4}
print(u, type(u).__name__, {0: 1} | c.defaultdict(str, {5: 6}), err(lambda: c.defaultdict(int) | 1))
u |= {7: 8}
print(u)
rd = c.defaultdict(list)
rd.default_factory = rd.copy
print(repr(rd).startswith("defaultdict(<bound method"))
class DD(c.defaultdict):
    def __missing__(self, key):
        return "missing:" + str(key)
print(DD(int)["q"], repr(DD(int)))
print(c.defaultdict(lambda: "v").__missing__("k"))

counts = {}
c._count_elements(counts, "mississippi")
print(counts)
class M(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
mm = M()
c._count_elements(mm, "aab")
print(mm)
print(err(lambda: c._count_elements({}, 1)), err(lambda: c._count_elements({}, [[]])))

class P(tuple):
    x = c._tuplegetter(0, "first field")
    y = c._tuplegetter(1, None)
p = P((3, 4))
print(p.x, p.y, P.x.__doc__, P.y.__doc__, repr(P.x), P.x.__reduce__())
print(err(lambda: P(()).x), err(lambda: setattr(p, "x", 1)), err(lambda: delattr(p, "x")), err(lambda: P.x.__get__(5)))
print(P.x.__get__(None, P) is P.x)
for t in (c.deque, c.defaultdict, c._deque_iterator, c._deque_reverse_iterator, c._tuplegetter):
    print(t.__name__, t.__module__)
print(sorted(n for n in dir(c) if not n.startswith("__") and n != "OrderedDict"))
