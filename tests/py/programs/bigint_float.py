import math, sys, decimal, fractions, statistics
from decimal import Decimal, getcontext, ROUND_HALF_UP, localcontext
from fractions import Fraction
print(2**200, -3**77, 10**50 // 7, 10**50 % 7, divmod(-10**30, 7), pow(3, 10**5, 10**9 + 7))
print(math.factorial(50), math.comb(60, 30), math.perm(10, 3), math.gcd(2**64, 6**20), math.lcm(4, 6, 10))
print(math.isqrt(10**40 + 1), int(str(7**300)[:20]), len(str(2**10000)), (2**100).bit_length(), (255).bit_count())
print(hex(2**100), oct(-2**40), bin(12345), int("ff", 16), int("0b1010", 0), int("  -42  "), int("1_000"))
print(pow(2, -1, 7), pow(38, -1, 97), (-7) // 2, (-7) % 2, 7 // -2, -7 / 2, 2**-3)
print(float(2**53 + 1), int(1e20), int(-2.9), round(2**70 / 3), 10**20 / 3, (10**400) // 10**399)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int("12a")
except ValueError as e:
    print(e)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1.5e-10, 123456789.123456789, 1e300 * 1e10, -1e300 * 1e10)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.sqrt(2), math.exp(1), math.log(10))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fmod(-7, 3), math.remainder(7, 3), math.copysign(1, -0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1.5, 2, 3]), math.dist((0, 0), (3, 4)))
print(math.hypot(3, 4, 12), math.degrees(math.pi), math.radians(180), math.atan2(1, -1), math.sin(1), math.cos(1), math.tan(1))
print(math.log2(1024), math.log10(0.001), math.log(8, 2), math.log1p(1e-10), math.expm1(1e-10), math.cbrt(8), math.exp2(10))
print(float.hex(0.1), float.fromhex("0x1.999999999999ap-4"), (0.5).as_integer_ratio(), (0.1).as_integer_ratio(), 3.0.is_integer())
print(math.frexp(10.0), math.ldexp(0.625, 4), math.modf(-3.25), math.nextafter(1, 2), math.ulp(1.0), sys.float_info.epsilon)
print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.23456789").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal(1) / Decimal(7), Decimal("2").sqrt(), Decimal("10") ** 20, Decimal("-0"), Decimal("1e5").normalize(), Decimal("123.4500").normalize())
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(1) / Decimal(7))
print(Decimal("NaN"), Decimal("Infinity"), Decimal("1.5").to_integral_value(), Decimal("2.5").__round__(), round(Decimal("2.675"), 2))
try:
    Decimal("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", e)
print(Fraction(3, 4) + Fraction(1, 6), Fraction("3.1415"), Fraction(0.75), Fraction(1, 3) ** 2, Fraction(7, 3).limit_denominator(2))
print(Fraction(math.pi).limit_denominator(1000), float(Fraction(22, 7)), Fraction(-5, 10), repr(Fraction(1, 2)), Fraction(5, 1) == 5)
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2, 5]), statistics.mode([1, 1, 2]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.quantiles(range(1, 101), n=4), statistics.fmean([1, 2, 3.5]))
print(statistics.geometric_mean([54, 24, 36]), statistics.harmonic_mean([40, 60]), statistics.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]), statistics.linear_regression([1, 2, 3], [2, 4, 7]))
print(complex(3, 4) * complex(1, -1), abs(3 + 4j), (1 + 2j) ** 2, (1j) ** 0.5, complex("1+2j"), complex(1e300, 1e300) * 10)
print(sorted([3.5, -1, 2**65, 0.0, -0.0, True, Fraction(1, 3), Decimal("2.5")]))
print(f"{2**64:,}", f"{12345678901234567890:e}", f"{-2**100:>50}", format(2**64, "_x"), f"{10**25:.3e}")
print(sys.int_info.bits_per_digit in (15, 30), int("9" * 4300) % 97)
try:
    int("9" * 4301)
except ValueError as e:
    print(str(e)[:60])
sys.set_int_max_str_digits(5000)
print(len(str(10**4500)))
