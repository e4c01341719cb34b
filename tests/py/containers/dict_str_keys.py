# dict lookups on tables of exact str keys (the str-only fast path) and on tables that mix in
# other keys: str subclasses with their own __eq__/__hash__, ints equal to nothing, deletion
# dummies, growth across index widths, and order.
class S(str):
    def __eq__(self, other):
        print("S.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


d = {"a": 1, "b": 2}
print(d["a"], d.get("c"), "b" in d, "c" in d)
d[S("a")] = 10
print(d, d["a"])
d[S("new")] = 3
print("new" in d, d.get("new"), d.get(S("b")))
e = {}
for i in range(3000):
    e["k%d" % i] = i
print(len(e), e["k0"], e["k2999"], "k3000" in e)
for i in range(0, 3000, 2):
    del e["k%d" % i]
print(len(e), list(e)[:5], e.get("k0"), e.get("k1"))
e[1] = "int"
e[1.0] = "float"
print(e[1], e.get("k1"), e.get("k4"), len(e))
big = {str(i): i for i in range(70000)}
print(big["69999"], big.get("70000"), len(big))
key = "".join(["sh", "ared"])
f = {"shared": 1}
print(f[key], key in f, f.pop(key), f)
g = dict.fromkeys("abc")
g.update({"d": 4}, e=5)
print(g, list(g.keys()), g.setdefault("a", 0), g.setdefault("z", 26))
ns = {}
exec("x = 1\nfor i in range(5):\n    x += i\ny = x * 2", ns)
print(ns["x"], ns["y"], ns["i"])
