"""A Monte Carlo experiment and its summary: random with a fixed seed, statistics."""
import random
import statistics
from statistics import NormalDist, StatisticsError

rng = random.Random(2024)
print(rng.random(), rng.randint(1, 6), rng.randrange(0, 100, 7), rng.uniform(-1, 1))
print(rng.choice("abcdef"), rng.choices(range(10), k=5), rng.choices("xyz", weights=[5, 1, 1], k=6),
      rng.choices("ab", cum_weights=[1, 10], k=4))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
rng.shuffle(deck)
print(deck[:8], rng.sample(deck, 3), rng.sample(range(1000), k=4), rng.sample(["a", "b", "c"], counts=[3, 1, 2], k=4))
print(round(rng.gauss(10, 2), 6), round(rng.normalvariate(0, 1), 6), round(rng.expovariate(0.5), 6),
      round(rng.triangular(0, 10, 3), 6), round(rng.betavariate(2, 5), 6), round(rng.gammavariate(2, 1), 6),
      round(rng.lognormvariate(0, 0.5), 6), round(rng.vonmisesvariate(1, 2), 6), round(rng.paretovariate(3), 6),
      round(rng.weibullvariate(1, 1.5), 6), rng.binomialvariate(20, 0.3))
print(rng.getrandbits(70), rng.randbytes(6).hex(), rng.getrandbits(0))
state = rng.getstate()
a = [rng.random() for _ in range(3)]
rng.setstate(state)
print(a == [rng.random() for _ in range(3)])
for seed in (0, 1, "text", b"bytes", 2 ** 80, -5):
    r = random.Random(seed)
    print(repr(seed), r.random(), r.randrange(10 ** 12))
try:
    random.Random({})
except TypeError as exc:
    print("TypeError:", exc)
for bad in [lambda: rng.randrange(5, 5), lambda: rng.randint(3, 1), lambda: rng.choice([]),
            lambda: rng.sample([1, 2], 3), lambda: rng.randrange(1, 10, 0)]:
    try:
        bad()
    except (ValueError, IndexError) as exc:
        print(type(exc).__name__, exc)

# A simulation: estimate pi and a dice-sum distribution
random.seed(7)
inside = sum(1 for _ in range(20000) if random.random() ** 2 + random.random() ** 2 <= 1)
print("pi ~", 4 * inside / 20000)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(3000)]
hist = {s: rolls.count(s) for s in range(2, 13)}
for s, n in hist.items():
    print(f"{s:>2} {'#' * (n // 20)} {n}")

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.mean(data), statistics.fmean(data), statistics.geometric_mean([54, 24, 36]),
      statistics.harmonic_mean([40, 60]), statistics.median(data), statistics.median_low([1, 3, 5, 7]),
      statistics.median_high([1, 3, 5, 7]), statistics.median_grouped([52, 52, 53, 54], interval=1))
print(statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]), statistics.multimode("aabbbbccddddeeffffgg"),
      statistics.pstdev(data), statistics.stdev(data), statistics.pvariance(data), statistics.variance(data))
print(statistics.quantiles(range(1, 101), n=4), statistics.quantiles(data, n=10, method="inclusive"))
from fractions import Fraction
from decimal import Decimal
print(statistics.mean([Fraction(1, 3), Fraction(1, 6)]), statistics.mean([Decimal("0.5"), Decimal("0.25")]),
      statistics.variance([Fraction(1, 2), Fraction(3, 2), Fraction(5, 2)]), statistics.median([3, 1, 2]))
x = [1, 2, 3, 4, 5]
y = [2, 4.1, 5.9, 8.2, 9.9]
print(statistics.correlation(x, y), statistics.covariance(x, y), statistics.linear_regression(x, y),
      statistics.linear_regression(x, y, proportional=True), statistics.correlation(x, [5, 3, 4, 1, 2], method="ranked"))
for bad in [lambda: statistics.mean([]), lambda: statistics.stdev([1]), lambda: statistics.correlation([1, 2], [3]),
            lambda: statistics.geometric_mean([1, -1]), lambda: statistics.harmonic_mean([-1])]:
    try:
        bad()
    except StatisticsError as exc:
        print("StatisticsError:", exc)
nd = NormalDist(100, 15)
print(nd, nd.cdf(130), nd.inv_cdf(0.975), nd.pdf(100), nd.overlap(NormalDist(110, 10)), nd.zscore(85),
      nd.quantiles(4), nd + 5, nd * 2, nd - NormalDist(0, 8), NormalDist.from_samples([1, 2, 3, 4]))
print([round(v, 4) for v in NormalDist(0, 1).samples(4, seed=3)], nd.mean, nd.stdev, nd.variance, nd.median, nd.mode)
print(statistics.kde([1, 2, 3], h=1.5)(2.5), statistics.kde_random([1, 2, 3], h=1, seed=5)())
