# random.py on _random: the same sequences as CPython for the same integer seeds.
import random

r = random.Random(42)
print([r.random() for _ in range(5)])
print([r.randint(1, 100) for _ in range(10)])
print([r.randrange(0, 10**30, 7) for _ in range(3)])
print(r.choice("abcdefghij"), r.choices(range(10), k=5))
print(r.choices("abc", weights=[1, 5, 10], k=8))
items = list(range(20))
r.shuffle(items)
print(items)
print(r.sample(range(1000), 6))
print(r.uniform(-5, 5), r.triangular(0, 10, 3))
print(r.getrandbits(1), r.getrandbits(31), r.getrandbits(64), r.getrandbits(200))
print(r.randbytes(12))
print(round(r.gauss(0, 1), 12), round(r.normalvariate(10, 2), 12))
print(round(r.expovariate(1.5), 12), round(r.lognormvariate(0, 1), 12))
print(round(r.betavariate(2, 3), 12), round(r.gammavariate(2.5, 1), 12))
print(round(r.paretovariate(3), 12), round(r.weibullvariate(1, 2), 12))
print(round(r.vonmisesvariate(1, 2), 12), r.binomialvariate(20, 0.3))

for seed in (0, 1, -1, 2**32, 2**64 + 123, 10**50, True):
    g = random.Random(seed)
    print(seed, g.random(), g.randrange(10**6))

random.seed(12345)
print(random.random(), random.randint(0, 9))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
print(state[0], len(state[1]), state[1][:3], state[2])

g = random.Random()
g.seed(99)
print(g.random())
g.seed(None)
print(0.0 <= g.random() < 1.0)
print(random.Random(5).sample(["a", "b", "c", "d"], k=4, counts=None))

try:
    random.Random(1).randrange(10, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.Random(1).choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.Random(1).sample(range(3), 5)
except ValueError as e:
    print("ValueError:", e)
try:
    random.Random(1).getrandbits(-1)
except ValueError as e:
    print("ValueError:", e)
