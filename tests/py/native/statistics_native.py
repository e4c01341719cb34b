"""_statistics._normal_dist_inv_cdf (Modules/_statisticsmodule.c) and NormalDist.inv_cdf
over it: values across the central and both tail regions, bit for bit, and the errors."""
import _statistics
import statistics

f = _statistics._normal_dist_inv_cdf
print(_statistics.__doc__.encode(), sorted(vars(_statistics)))
print(f, f.__text_signature__, repr(f.__doc__), f.__module__)
print(statistics._normal_dist_inv_cdf is f)
ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425, 0.05, 0.075, 0.1, 0.2, 0.3,
      0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.925, 0.95, 0.975, 0.99, 0.999, 1 - 1e-10,
      1 - 2**-53, 2**-1074, 0.5 + 2**-30]
for p in ps:
    print(repr(p), f(p, 0.0, 1.0).hex(), f(p, 3.5, 0.25).hex(), f(p, -2, 7).hex())
for k in range(1, 200):
    p = k / 200
    print(f(p, 0.0, 1.0).hex(), end=" ")
print()
nd = statistics.NormalDist(100, 15)
print([round(x, 10) for x in nd.quantiles(10)])
print(nd.inv_cdf(0.25), statistics.NormalDist().inv_cdf(0.975))
print(repr(f(float("nan"), 0, 1)), repr(f(0.5, float("nan"), 1)), repr(f(0.3, 0, float("inf"))))


class Num:
    def __float__(self):
        return 0.25


class Idx:
    def __index__(self):
        return 0


print(f(Num(), 0, 1), f(0.5, Idx(), 1), f(0.5, 2, True))
for args in [(0, 0, 1), (1, 0, 1), (-0.5, 0, 1), (1.5, 0, 1), (0.5, 0, 0), (0.5, 0, -1),
             (0.5, 0, float("nan")), ("0.5", 0, 1), (0.5, None, 1), (0.5, 0), (0.5, 0, 1, 2),
             (), (10**400, 0, 1)]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    f(p=0.5, mu=0, sigma=1)
except TypeError as e:
    print("TypeError", e)
for p in (0, 1):
    try:
        nd.inv_cdf(p)
    except statistics.StatisticsError as e:
        print("StatisticsError", e)
