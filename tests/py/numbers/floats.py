# Float repr, rounding, special values and conversions.
vals = [0.1, 1/3, 2/3, 1e22, 1e23, 1e-7, 123456789012345678.0, 1.0, -0.0, 5e-324, 1.7976931348623157e308, 0.000123, 1e16, 1e15]
for v in vals:
    print(repr(v), str(v))
print(float('1.5'), float('  -2.5e3 '), float('inf'), float('-Infinity'), float('nan'), float('1_000.5'))
for s in ['abc', '', '1.2.3', '0x10']:
    try:
        float(s)
    except ValueError as e:
        print(e)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2))
print(round(1234.5678, -2), round(1234, -2), round(1250, -2), round(1350, -2), round(-0.5))
print(round(1e300, 2), round(5.0), type(round(5.0)), type(round(5.0, 0)))
print(int(3.99), int(-3.99), int('  42  '), int('-0'), int(True))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5))
print((2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (1.5).is_integer(), (2.0).is_integer())
print((0.1).hex(), float.fromhex('0x1.8p1'), (-0.0).hex(), float.fromhex('-0x1p-1074'))
print(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10))
print(0.0 == -0.0, math.copysign(1, -0.0), str(-0.0), abs(-0.0))
inf, nan = float('inf'), float('nan')
print(inf + 1, inf - inf, inf * 0, nan + 1, -inf, inf > 10 ** 1000, math.isnan(nan), math.isinf(-inf))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    int(inf)
except OverflowError as e:
    print(e)
try:
    int(nan)
except ValueError as e:
    print(e)
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 % -2, -0.0 % 1, 5 % 0.3)
print(3.0 // 0.1, 3.0 % 0.1, 2 ** 0.5, 4 ** 0.5, round(((-8) ** (1/3)).real, 12))
print(sum([0.1] * 10), math.fsum([0.1] * 10), 0.1 * 3)
print(float(10 ** 20), 10 ** 20 == float(10 ** 20), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(f'{1/3:.5f} {1e-10:g} {123456789.0:e} {0.5:%} {1e100:.3}')
print(1.0.__repr__(), float.__name__, (1.5).conjugate(), (1.5).real, (1.5).imag)
