# BINARY_OP, COMPARE_OP, TO_BOOL, CONTAINS_OP, STORE_SUBSCR, UNPACK_SEQUENCE and FOR_ITER
# specialisations fed values whose types change after specialisation.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def lt(a, b):
    return a < b


def eq(a, b):
    return a == b


def truth(v):
    return "yes" if v else "no"


def getitem(c, k):
    return c[k]


values = [1, 2**29, 2**30 - 1, -(2**30) + 1, 2**40, 1.5, "s", [1], (2,), True, None,
          float("nan"), -0.0, 10**20, 3]
for op in (add, sub, mul, lt, eq):
    row = []
    for i in range(120):
        a = values[0] if i < 100 else values[(i - 100) % len(values)]
        b = values[2] if i < 100 else values[(i * 7) % len(values)]
        seqs = (str, list, tuple)
        if op is mul and (isinstance(a, seqs) and isinstance(b, int) and abs(b) > 100 or
                          isinstance(b, seqs) and isinstance(a, int) and abs(a) > 100):
            row.append("big")
            continue
        try:
            row.append(op(a, b))
        except TypeError as e:
            row.append("TypeError")
    print(op.__name__, row[0], row[99:])

# Overflow out of the compact range.
x = 2**30 - 1
acc = []
for i in range(100):
    acc.append(x + i)
    acc.append(x * (i + 1))
    acc.append(-x - i)
print(acc[-3:], type(acc[-1]))

floats = []
f = 0.5
for i in range(100):
    f = f * 1.01 + 0.25 - 0.125
    floats.append(f)
print(floats[-1])
g = [0.1, 0.2]
h = g[0] + g[1]
print(h, g)

for v in [0, 1, "", "x", [], [0], None, (), (0,), {}, 2**40, 0.0, object, Ellipsis] * 10:
    truth(v)
print([truth(v) for v in [0, 1, "", "x", [], [0], None, (), 0.0, 2**40]])


class Falsy:
    pass


objs = [Falsy() for _ in range(100)]
print({truth(o) for o in objs})
Falsy.__bool__ = lambda self: False
print({truth(o) for o in objs})
Falsy.__len__ = lambda self: 1
del Falsy.__bool__
print({truth(o) for o in objs})

lst = list(range(10))
tup = tuple(range(10))
d = {i: i * i for i in range(10)}
out = []
for i in range(150):
    c = lst if i < 100 else (tup if i < 120 else d)
    out.append(getitem(c, i % 10))
try:
    getitem(lst, 10)
except IndexError as e:
    print("IndexError:", e)
try:
    getitem(d, "missing")
except KeyError as e:
    print("KeyError:", e)
print(sum(out), out[-5:])

store = [0] * 5
sd = {}
for i in range(150):
    target = store if i < 100 else sd
    target[i % 5] = i
print(store, sd)
try:
    for i in range(100):
        store[i] = i
except IndexError as e:
    print("IndexError:", e)

hits = 0
containers = [{1: 1, 2: 2}, {1, 2}, frozenset({2}), [1, 2], "12"]
for i in range(300):
    c = containers[0] if i < 100 else containers[i % 5]
    k = 1 if i % 2 else "1"
    try:
        if k in c:
            hits += 1
    except TypeError:
        hits += 1000
print(hits)

pairs = [(1, 2)] * 100 + [[3, 4], (5, 6, 7)[:2], "ab", iter((8, 9))]
for p in pairs:
    a, b = p
print(a, b)
try:
    for p in [(1, 2)] * 100 + [(1, 2, 3)]:
        a, b = p
except ValueError as e:
    print("ValueError:", e)
triples = [(1, 2, 3)] * 100 + [[4, 5, 6]]
for t in triples:
    a, b, c = t
print(a, b, c)

total = 0
for seq in [range(5)] * 30 + [[1, 2, 3]] * 30 + [(4, 5)] * 30 + ["xyz", {7: 7}, range(-3, 3, 2), range(2**40, 2**40 + 2)]:
    for v in seq:
        total += len(v) if isinstance(v, str) else v
print(total)

lst = [1, 2, 3]
acc = []
for v in lst:
    acc.append(v)
    if v == 1:
        lst.append(4)
print(acc)
