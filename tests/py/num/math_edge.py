# math: exact functions, special values and 3.14's messages.
import math

print(math.factorial(30), math.isqrt(10**41), math.comb(60, 30), math.perm(20, 10))
print(math.gcd(2**100, 6**50, 10**30), math.lcm(12, 18, 30), math.gcd(), math.lcm())
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1.5, 2, 4]))
print(math.sumprod([0.1, 0.2, 0.3], [3, 2, 1]), math.sumprod([1, 2], [3, 4]))
print(math.hypot(3, 4, 12), math.dist((1, 2), (4, 6)), math.hypot(1e308, 1e308))
print(math.log2(2**1000), math.log10(10**400), math.log(2**2000, 2))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0, steps=3), math.ulp(1.0), math.ulp(0.0))
print(math.remainder(7, 2), math.remainder(-5, 2), math.fmod(-7, 3), math.copysign(3, -0.0))
print(math.frexp(12.5), math.ldexp(0.78125, 4), math.modf(-2.5), math.trunc(-2.7))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(10**20 + 0.5), math.isclose(1, 1 + 1e-10))
print(math.fma(2, 3, 4), math.exp2(10), math.gamma(6), math.lgamma(1), math.erf(0.0))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.pi, math.tau)
for name, args in [("sqrt", (-1,)), ("log", (0,)), ("log", (-1.5,)), ("log1p", (-1,)),
                   ("acos", (2,)), ("atanh", (1,)), ("acosh", (0,)), ("sin", (math.inf,)),
                   ("gamma", (0,)), ("lgamma", (-2,)), ("exp", (1000,)), ("pow", (0, -1)),
                   ("fmod", (1, 0)), ("factorial", (-1,)), ("factorial", (1.5,)),
                   ("isqrt", (-4,)), ("comb", (-1, 2)), ("perm", (3, -1)),
                   ("fsum", ([math.inf, -math.inf],)), ("fma", (math.inf, 0, 1)),
                   ("nextafter", (1.0, 2.0)), ("dist", ((1,), (1, 2))), ("sumprod", ([1], [1, 2])),
                   ("ldexp", (1.0, 10**30)), ("ceil", (math.inf,)), ("floor", (math.nan,)),
                   ("trunc", ("x",)), ("isclose", (1, 2)), ("log", (10, 1))]:
    kwargs = {"steps": -1} if name == "nextafter" else {"rel_tol": -1} if name == "isclose" else {}
    try:
        print(name, getattr(math, name)(*args, **kwargs))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, type(e).__name__, e)


class Index:
    def __index__(self):
        return 7


class Real:
    def __float__(self):
        return 2.25

    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"


print(math.factorial(Index()), math.gcd(Index(), 21), math.isqrt(Index()), math.comb(Index(), 2))
print(math.sqrt(Real()), math.floor(Real()), math.ceil(Real()), math.sqrt(Index()), math.log2(Index()))
print(math.perm(Index()), math.lcm(Index(), 4), math.nextafter(0.0, 1.0, steps=Index()))
