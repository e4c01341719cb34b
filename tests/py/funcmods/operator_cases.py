# _operator: the functions, itemgetter/attrgetter/methodcaller (repr, reduce, calls) and
# _compare_digest, with CPython's messages.
import _operator as op

def err(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0), op.index(7))
print(op.lshift(1, 5), op.rshift(64, 3), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2))
print(op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None), op.is_none(None), op.is_not_none(0))
print(op.concat([1], [2]), op.concat("a", "b"), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
l = [1, 2, 3]
op.setitem(l, 0, 9)
op.delitem(l, 1)
print(l, op.getitem(l, -1), op.getitem({"a": 1}, "a"))
a = [1]
print(op.iadd(a, [2]), a, op.iconcat(a, (3,)), a, op.imul(a, 2), a)
x = 5
print(op.iadd(x, 1), op.isub(x, 1), op.imul(x, 2), op.itruediv(x, 2), op.ifloordiv(x, 2), op.imod(x, 3))
print(op.ipow(2, 3), op.ilshift(1, 2), op.irshift(8, 1), op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7))
print(op.call(max, 1, 5, 3), op.call(sorted, [3, 1], reverse=True))
print(op._compare_digest("abc", "abc"), op._compare_digest("abc", "abd"), op._compare_digest(b"ab", b"abc"))
print(err(lambda: op._compare_digest("a", "\xe9")), err(lambda: op._compare_digest(1, 2)),
      err(lambda: op._compare_digest(b"a", "a")), err(lambda: op._compare_digest("a", b"a")))
print(err(lambda: op.add(1)), err(lambda: op.add(1, 2, 3)), err(lambda: op.add(a=1)), err(lambda: op.truth()))
print(err(lambda: op.concat(1, 2)), err(lambda: op.iconcat(1, [])), err(lambda: op.length_hint(1, "x")))
print(err(lambda: op.indexOf([1], 2)), err(lambda: op.index(1.5)), err(lambda: op.getitem([], 1)))
print(err(lambda: op.matmul(1, 2)), err(lambda: op.imatmul(1, 2)), err(lambda: op.length_hint()))

class R:
    def __init__(self):
        self.name = "r"
        self.sub = self
    def m(self, *a, **k):
        return ("m", a, sorted(k.items()))

g1 = op.itemgetter(1)
g2 = op.itemgetter(0, -1, slice(1, 3))
print(g1([5, 6, 7]), g1((5, 6)), g1({1: "one"}), g1("xyz"), g2([1, 2, 3, 4]))
print(repr(g1), repr(g2), g1.__reduce__(), g2.__reduce__())
print(err(lambda: g1((1,))), err(lambda: g1()), err(lambda: g1(1, 2)), err(lambda: g1(x=1)))
print(err(lambda: op.itemgetter()), err(lambda: op.itemgetter(a=1)), op.itemgetter(-1)((1, 2)))
print(op.itemgetter(2**70)({2**70: "big"}))
a1 = op.attrgetter("name")
a2 = op.attrgetter("name", "sub.sub.name")
r = R()
print(a1(r), a2(r), repr(a1), repr(a2), a2.__reduce__())
print(err(lambda: op.attrgetter("missing")(r)), err(lambda: op.attrgetter("sub.missing")(r)))
print(err(lambda: op.attrgetter(1)), err(lambda: op.attrgetter()), err(lambda: a1()), err(lambda: a1(r, r)))
m0 = op.methodcaller("m")
m1 = op.methodcaller("m", 1, 2, k=3)
print(m0(r), m1(r), repr(m0), repr(m1), m0.__reduce__())
many = op.methodcaller("m", 1, 2, 3, 4, 5, 6, 7, 8, 9)
print(many(r), repr(many))
print(op.methodcaller("upper")("abc"), op.methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(err(lambda: op.methodcaller()), err(lambda: op.methodcaller(1)), err(lambda: m0()), err(lambda: m0(r, r)), err(lambda: m0(x=1)))
print(err(lambda: op.methodcaller("nope")(r)))
for t in (op.itemgetter, op.attrgetter, op.methodcaller):
    print(t.__name__, t.__module__, t.__qualname__)
    try:
        class S(t):
            pass
    except TypeError as e:
        print("TypeError", e)
print(op.add.__name__, op.add.__doc__)
print(sorted(n for n in dir(op) if not n.startswith("__")))
