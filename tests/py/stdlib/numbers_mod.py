# fractions and decimal.
from fractions import Fraction as F
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation, DivisionByZero
import decimal
a, b = F(3, 4), F('5/6')
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, -a, abs(-a), a // b, a % b, divmod(F(7, 2), F(2, 3)))
print(F(0.5), F('0.125'), F(10, -4), F(1.1), F(1.1).limit_denominator(100), F('3.1415926').limit_denominator(1000))
print(a.numerator, a.denominator, a.as_integer_ratio(), float(a), int(F(-7, 2)), round(F(7, 2)), round(F(22, 7), 2), a == 0.75, a < 1)
print(F(1, 3) + 1, 1 - F(1, 3), F(1, 3) * 0.5, F(2, 3).is_integer(), F(4, 2).is_integer(), F.from_float(0.25), F.from_decimal(D('1.2')))
print(f'{F(1, 3):.5f}', format(F(22, 7), '.3e'), repr(F(-1, 2)), str(F(4, 1)), hash(F(1, 2)) == hash(0.5), F(5, 10))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    F('abc')
except ValueError as e:
    print(e)
print(D('1.1') + D('2.2'), D('1.1') + D('2.20'), D('10') / D('3'), D(1) / D(7), D('0.1') * 3, D(0.1))
print(D('1.23456').quantize(D('0.01')), D('2.675').quantize(D('0.01'), rounding=ROUND_HALF_UP), D('-2.5').to_integral_value(), D('7.9').quantize(D('1'), rounding=ROUND_DOWN))
print(D('1e3'), D('1E+3').normalize(), D('100').normalize(), D('0.000'), D('-0'), D('inf'), D('nan'), D('1.500').as_tuple())
print(D('123.45').sqrt(), D(2).sqrt(), D(10).ln(), D('100').log10(), D(2) ** 100, D('1.1') ** 3, D(-7) % 3, D(-7) // 3)
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3), D('123456789') + 0, ctx.prec)
print(getcontext().prec, getcontext().rounding, D(1) / D(3))
for bad in [lambda: D(1) / D(0), lambda: D('x'), lambda: D(-1).sqrt(), lambda: D('1.0') < 'x']:
    try:
        bad()
    except (DivisionByZero, InvalidOperation, TypeError) as e:
        print(type(e).__name__, [c.__name__ for c in e.args[0]] if isinstance(e, decimal.InvalidOperation) and isinstance(e.args[0], list) else '')
print(D('3.14') == 3.14, D('0.5') == 0.5, D('1.0') == 1, D(3).compare(D(4)), max(D('1.1'), D('1.10')), D('1.20') + D('1.3'))
print(f"{D('1234.5678'):,.2f}", f"{D('0.000012'):.2e}", str(D('1e-7')), repr(D('12.0')), D('5').is_signed(), D('-5').copy_abs())
print(sum([D('0.1')] * 10), sum([D('0.1')] * 10) == D(1), D(1).exp(), D('12.345').adjusted(), D('1.5').fma(2, 1))
