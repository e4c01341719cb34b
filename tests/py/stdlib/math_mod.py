# math: exact integer functions, rounding, classification and correctly rounded results.
import math
print(math.factorial(25), math.comb(52, 5), math.perm(10, 3), math.perm(5), math.isqrt(10 ** 20 + 1), math.gcd(84, 36, 120), math.lcm(4, 6, 10))
print(math.floor(-0.5), math.ceil(0.1), math.trunc(-9.9), math.fabs(-3), math.fmod(-7, 3), math.remainder(7, 4), math.copysign(3, -0.0))
print(math.sqrt(2), math.sqrt(16), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (6, 8)), round(math.cbrt(27.0), 12))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(1e308), math.isinf(float('-inf')), math.isnan(float('nan')))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan != math.nan)
print(math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2), math.sumprod([1, 2], [3, 4]))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-2.75), math.modf(3.0), math.ulp(1.0), math.nextafter(1.0, 2.0) - 1.0)
print(math.log2(1024), math.log10(1000), math.log(8, 2), math.log(1), math.exp(0), math.pow(2, 10), math.log1p(0), math.expm1(0))
print(math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(0), math.tan(0), math.atan2(0, -1), math.asin(1) * 2 == math.pi)
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.atan(1) * 4, 12), round(math.sinh(1), 10), round(math.gamma(5.5), 8), math.gamma(5), round(math.lgamma(10), 10))
print(math.erf(0), round(math.erfc(1), 12), math.floor(1e300) == 10 ** 300, math.isqrt(99), math.comb(5, 7), math.floor(2 ** 0.5 * 1e6))
for bad in [lambda: math.sqrt(-1), lambda: math.log(-1), lambda: math.factorial(-5), lambda: math.acos(2), lambda: math.exp(1000), lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.fmod(1, 0)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.floor(3), type(math.floor(3.5)).__name__, math.ceil(-0.0), math.trunc(1e20), int(math.fsum([1e100, 1, -1e100])))
print(sum([1e100, 1, -1e100]), math.fsum([1e100, 1, -1e100]), math.fma(2.0, 3.0, 1.0))
