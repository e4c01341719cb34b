# Long lists of ints, floats and latin-1 strs (the sorts that copy the values into a word
# array, and the inlined comparisons): the resulting permutation must be the reference's,
# including the orders that depend on the exact comparison sequence (NaN keys) and the
# stability of equal keys with reverse=True and with key functions.
import random

rng = random.Random(20261129)


def perm(items, result):
    # The positions of the result's objects in the original list (by identity), summarised.
    where = {id(o): i for i, o in enumerate(items)}
    p = [where[id(o)] for o in result]
    return sum((i + 1) * v for i, v in enumerate(p)) % 1000000007, p[:12], p[-6:]


def show(name, items, **kw):
    a = items[:]
    a.sort(**kw)
    print(name, len(a), perm(items, a))
    b = sorted(items, **kw)
    print(" sorted() same:", [id(x) for x in a] == [id(x) for x in b])


def boxed(values):
    # Distinct objects for equal values, so that the permutation shows stability.
    return [v + 0 if isinstance(v, int) else v * 1.0 for v in values]


for n in (127, 128, 129, 300, 5000):
    show("ints %d" % n, [int(str(rng.randrange(-2**61, 2**61))) for _ in range(n)])
    few = [int(str(rng.randrange(8)) + "000000000000") for _ in range(n)]
    show("few ints %d" % n, few)
    show("few ints rev %d" % n, few, reverse=True)
    show("floats %d" % n, [rng.uniform(-1e9, 1e9) for _ in range(n)])
    fewf = [float(str(rng.randrange(6)) + ".5") for _ in range(n)]
    show("few floats %d" % n, fewf)
    show("few floats rev %d" % n, fewf, reverse=True)

bounds = [2**60 - 1, -(2**60) + 1, 2**30, 2**30 - 1, -(2**30), 0, 1, -1, 2**31, -(2**31)]
big = [int(str(rng.choice(bounds))) for _ in range(400)]
show("bounds", big)
show("bounds rev", big, reverse=True)
show("bounds key", big, key=lambda v: -v)
show("bounds key rev", big, key=lambda v: v // 3, reverse=True)
show("wide ints", [int(str(rng.randrange(-2**70, 2**70))) for _ in range(300)])

# NaN makes the order depend on the comparison sequence itself.
nan = float("nan")
vals = [rng.choice([nan, -0.0, 0.0, 1.5, -2.5, float("inf"), -float("inf"), rng.random()])
        for _ in range(600)]
show("nan floats", [v * 1.0 for v in vals])
show("nan floats rev", [v * 1.0 for v in vals], reverse=True)
show("nan key", list(range(600)), key=lambda i: vals[i])
show("zeros", [rng.choice([0.0, -0.0]) * 1.0 for _ in range(300)])
print([str(z) for z in sorted([rng.choice([0.0, -0.0]) for _ in range(200)])][:20])

# Runs: sorted, reversed, sawtooth, with equal stretches.
for name, data in [
    ("ascending", list(range(1000))),
    ("descending", list(range(1000, 0, -1))),
    ("saw", [i % 37 for i in range(1000)]),
    ("desc equal", [i // 7 for i in range(1000, 0, -1)]),
    ("float saw", [float(i % 53) for i in range(1000)]),
]:
    show(name, boxed(data))
    show(name + " key", data, key=lambda v: -v)

# Latin-1 strings around the eight-byte prefix.
alphabet = "ab\x00\xff\xe9 "
for n in (50, 300):
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12))) for _ in range(n)]
    show("words %d" % n, words)
    prefixed = ["abcdefgh" + w for w in words] + ["abcdefg" + w for w in words]
    show("prefixed %d" % n, prefixed)
    show("prefixed rev %d" % n, prefixed, reverse=True)
print(sorted(["abcdefgh", "abcdefg", "abcdefgh\x00", "abcdefgi", "abcdefgg\xff", "", "\xff" * 9]))
print(sorted(["abcdefgh" * 3 + c for c in "zay\x00\xff"]))
print(sorted(str(i) for i in range(0, 10**10, 987654321)))
