# Pickling of the builtin iterators (__reduce__/__setstate__), checked by round-trips.
import pickle, copy

class Seq:
    def __len__(self): return 4
    def __getitem__(self, i):
        if i < 4: return i * 10
        raise IndexError

class Counter:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return min(self.n, 3)
    def __repr__(self): return "Counter(%d)" % self.n
    def __reduce__(self): return (Counter, ())

def show(x):
    # reduce values without object addresses
    if isinstance(x, tuple):
        return "(" + ", ".join(show(i) for i in x) + ("," if len(x) == 1 else "") + ")"
    if type(x).__name__.endswith("iterator") or isinstance(x, Seq):
        return "<%s>" % type(x).__name__
    return repr(x)

def cases():
    d = {1: 'a', 2: 'b', 3: 'c'}
    return [
        ("bytes", iter(b"abc")), ("list", iter([1, 2, 3])), ("tuple", iter((1, 2, 3))),
        ("str", iter("abc")), ("ustr", iter("a\xe9\u20acx")), ("bytearray", iter(bytearray(b"xyz"))),
        ("range", iter(range(5))), ("longrange", iter(range(2**70, 2**70 + 3))),
        ("listrev", reversed([1, 2, 3])), ("dictkeys", iter(d)), ("dictvalues", iter(d.values())),
        ("dictitems", iter(d.items())), ("dictrevkeys", reversed(d)),
        ("dictrevvalues", reversed(d.values())), ("dictrevitems", reversed(d.items())),
        ("set", iter({1, 2, 3})), ("frozenset", iter(frozenset({4, 5, 6}))),
        ("enumerate", enumerate("abc")), ("zip", zip("ab", "cd")),
        ("map", map(str, [1, 2, 3])), ("filter", filter(None, [1, 0, 2, 3])),
        ("reversed", reversed(Seq())), ("seqiter", iter(Seq())),
        ("callable", iter(Counter(), 3)), ("rangerev", reversed(range(4))),
        ("memview", iter(memoryview(b"abc"))),
    ]

for name, it in cases():
    try:
        next(it)
        r = it.__reduce__()
        print(name, type(it).__name__, show(r))
    except Exception as e:
        print(name, "reduce:", type(e).__name__, e)
        continue
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            it2 = pickle.loads(pickle.dumps(it, proto))
            r2 = list(it2)
        except Exception as e:
            r2 = "%s: %s" % (type(e).__name__, e)
        if proto == 0 or r2 != last:
            print("  proto", proto, "->", r2)
        last = r2
    c = copy.copy(it)
    print("  copy", list(c), "original", list(it))
    print("  exhausted", show(it.__reduce__()))

print("setstate")
for make, state in [(lambda: iter([1, 2, 3, 4]), 2), (lambda: iter(b"abcd"), -5),
                    (lambda: iter(b"abcd"), 10), (lambda: iter("abcd"), 3),
                    (lambda: iter("ab\u20accd"), 1), (lambda: iter(range(10)), 7),
                    (lambda: iter(bytearray(b"abcd")), 1), (lambda: iter((1, 2, 3)), 1),
                    (lambda: iter((1, 2, 3)), 99), (lambda: iter((1, 2, 3)), -3),
                    (lambda: reversed([1, 2, 3, 4]), 1), (lambda: reversed([1, 2, 3, 4]), 10),
                    (lambda: reversed([1, 2, 3, 4]), -7), (lambda: iter(Seq()), 2),
                    (lambda: iter(Seq()), -2), (lambda: iter([1, 2]), True)]:
    it = make()
    it.__setstate__(state)
    print(type(it).__name__, state, list(it))
for it in [iter(b"ab"), iter([1]), iter((1,)), iter("x"), iter(bytearray(b"x")), reversed([1]),
           iter(Seq()), iter(range(3))]:
    for bad in ["x", 1.5, None]:
        try:
            it.__setstate__(bad)
        except Exception as e:
            print(type(it).__name__, repr(bad), type(e).__name__, e)
# exhausted iterators ignore setstate
it = iter([1, 2]); list(it); it.__setstate__(0); print(list(it))
it = iter(b"ab"); list(it); it.__setstate__(0); print(list(it))
# a dict changed during iteration: the copy taken by __reduce__ sees it too
d = {1: 2, 3: 4}
it = iter(d); next(it); d[5] = 6
try:
    it.__reduce__()
except RuntimeError as e:
    print("RuntimeError", e)
# builtins.iter looked up at reduce time
import builtins
saved = builtins.iter
del builtins.iter
try:
    iter_ = saved([1, 2])
    try:
        iter_.__reduce__()
    except AttributeError as e:
        print("AttributeError", e)
finally:
    builtins.iter = saved
print(pickle.loads(pickle.dumps(iter(d.items()))).__length_hint__())
