# list.sort's pre-sort check: homogeneous latin-1 str, small and large int, float and tuple
# keys take specialised comparisons; results, stability and the comparisons a user type sees
# must be those of the general path.
import random

rng = random.Random(7)
ints = [rng.randrange(-2**40, 2**40) for _ in range(300)]
print(sorted(ints)[:5], sorted(ints)[-5:])
mixed_size = [rng.randrange(-2**70, 2**70) for _ in range(100)] + [0, -1, 1, 2**30, -2**30, 2**60, -2**60]
print(sorted(mixed_size)[:3], sorted(mixed_size)[-3:])
small = [rng.randrange(-1000, 1000) for _ in range(200)]
print(sorted(small) == sorted(small, key=lambda v: v), sorted(small)[:10])
bounds = [2**30 - 1, 2**30, 2**31, -(2**30), -(2**30) + 1, 2**60 - 1, -(2**60) + 1, 0, -0, 1, -1]
print(sorted(bounds), sorted(bounds, reverse=True))
floats = [rng.uniform(-1e6, 1e6) for _ in range(200)] + [0.0, -0.0, float("inf"), -float("inf")]
print(sorted(floats)[:3], sorted(floats)[-3:])
zeros = [0.0, -0.0, 0.0, -0.0]
print([str(z) for z in sorted(zeros)])
words = ["".join(rng.choice("abcAB\xe9\xff ") for _ in range(rng.randrange(0, 6))) for _ in range(200)]
print(sorted(words)[:10], sorted(words)[-5:])
print(sorted(["b", "a", "ab", "", "\xe9", "e", "\xff", "\x00"]))
print(sorted(["b", "\u0101", "a"]), sorted(["\U0001f600", "z", "\xe9"]))
tuples = [(rng.randrange(5), rng.randrange(5), i) for i in range(60)]
print(sorted(tuples)[:8])
print(sorted([(1.5, "a"), (0.5, "b"), (1.5, "A")]), sorted([("b", 1), ("a", 2), ("b", 0)]))
# stability with equal keys
pairs = [(rng.randrange(4), i) for i in range(40)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: float(p[0]), reverse=True))
print(sorted(pairs, key=lambda p: str(p[0])))

calls = []


class K(int):
    def __lt__(self, other):
        calls.append((int(self), int(other)))
        return int(self) < int(other)


ks = [K(v) for v in [5, 3, 9, 1, 7, 3, 2, 8]]
print(sorted(ks), len(calls))
calls.clear()
mixed = [3, K(1), 2]
print(sorted(mixed), calls)
print(sorted([1, 2.5, True, -3]), sorted([1.0, 2, 0.5]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError", e)
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]), sorted([nan, 1.0]))
