# divmod, pow with modulus, round with ndigits, and numeric tower conversions.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2)]:
    print(a, b, divmod(a, b), a // b, a % b)
for exc_case in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(*exc_case)
    except ZeroDivisionError as e:
        print(exc_case, e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    5 // 0
except ZeroDivisionError as e:
    print(e)
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(-3, 3, 7), pow(5, 0, 1), pow(0, 0))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
print(round(123.456, 1), round(123.456, -1), round(-123.456, 0), round(5, 2), round(15, -1), round(25, -1))
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(1e20), round(2 ** 70 + 1, -20))
from fractions import Fraction
from decimal import Decimal
print(round(Fraction(7, 2)), round(Fraction(5, 2)), round(Decimal('2.675'), 2), round(Decimal('2.5')))
print(abs(-3), abs(-3.5), abs(Fraction(-1, 3)), abs(Decimal('-1.10')))
print(int(Fraction(7, 2)), float(Fraction(1, 3)), int(Decimal('-3.9')), float(Decimal('0.1')))
print(1 + Fraction(1, 2), 0.5 + Fraction(1, 2), Decimal(1) + 2, Fraction(3, 4) ** 2)
try:
    Decimal(1) + 1.0
except TypeError as e:
    print(e)
print(True + 1.5, 3 * 1j, 2 ** 0.5 * 2 ** 0.5 == 2, 10 / 4, 10 // 4.0, -10 // 4)
