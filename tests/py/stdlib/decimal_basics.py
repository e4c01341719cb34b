# Decimal construction, text, conversions, hashing and comparisons (the _decimal module).
import decimal
from decimal import (Decimal, Context, getcontext, localcontext, InvalidOperation,
                     FloatOperation, DivisionByZero)
from fractions import Fraction

for s in ['0', '-0', '1.50', '1e6', '12345e3', '0.000001', '0.0000001', '-1.23E-18', '1_000.5',
          ' 12 ', '\u0661\u0662', 'nan12', 'NaN0012', '-sNaN', 'inf', '-Infinity', '.5', '5.',
          '0e-7', '123456789012345678901234567890.123']:
    d = Decimal(s)
    print(repr(s), repr(d), str(d), d.to_eng_string(), d.as_tuple())
for bad in ['1e', '.', 'e5', '0x10', 'nan1e', '1e+', 'infinit', '', '1 2']:
    try:
        Decimal(bad)
    except InvalidOperation as e:
        print('bad', repr(bad), type(e).__name__, e)
for t in [(0, (1, 2), 3), (1, [1, 2], -3), (0, (), 'n'), (0, (1,), 'N'), (1, (0,), 'F'),
          [0, (1,), 2], (0, (), 5)]:
    print(t, repr(Decimal(t)))
for t in [(2, (1,), 0), (0, (10,), 0), (0, (1,), 1.5), (0, (1,)), (0, (1,), 'x'), (0, 'ab', 0)]:
    try:
        Decimal(t)
    except ValueError as e:
        print('ValueError', e)
for v in [1.5j, object(), None, b'1']:
    try:
        Decimal(v)
    except TypeError as e:
        print('TypeError', e)
print(repr(Decimal(0.1)), repr(Decimal(-0.0)), repr(Decimal(float('inf'))), repr(Decimal(float('nan'))))
print(repr(Decimal(10**40)), repr(Decimal(-7)), repr(Decimal(True)), repr(Decimal(Decimal('3.30'))))
print(repr(Decimal.from_float(0.5)), repr(Decimal.from_float(3)), repr(Decimal.from_number(3)),
      repr(Decimal.from_number(2.25)))
class MyDec(Decimal):
    pass
m = MyDec('1.5')
print(type(m).__name__, repr(m), type(MyDec.from_float(0.25)).__name__, type(m + 1).__name__)
print(int(Decimal('-7.9')), int(Decimal('7.9')), float(Decimal('1.1')), float(Decimal('-nan')),
      round(Decimal('2.5')), round(Decimal('3.5')), round(Decimal('-2.567'), 2),
      round(Decimal('1234.5'), -2), complex(Decimal('2.5')))
import math
print(math.floor(Decimal('-1.5')), math.ceil(Decimal('-1.5')), math.trunc(Decimal('-1.5')))
for d in ['1.25', '-0.75', '100', '0', '1E+3', '-12.5E-3']:
    print(d, Decimal(d).as_integer_ratio())
for bad in ['NaN', 'Inf']:
    for f in (int, lambda x: x.as_integer_ratio()):
        try:
            f(Decimal(bad))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
try:
    float(Decimal('sNaN'))
except ValueError as e:
    print('ValueError', e)
# hashes agree with int, float and Fraction
for v in ['1', '-1', '0.5', '1.1', '123456789.123456789', '1E+30', '-2.5E-20', '0', '-0', 'Inf', '-Inf']:
    d = Decimal(v)
    print(v, hash(d) == hash(float(d)) if d == float(d) else None,
          hash(d) == hash(Fraction(d)) if d.is_finite() else hash(d) == hash(float(d)))
print(hash(Decimal(2**70)) == hash(2**70), hash(Decimal('0.125')) == hash(Fraction(1, 8)))
try:
    hash(Decimal('sNaN'))
except TypeError as e:
    print('TypeError', e)
# A quiet NaN hashes by identity (object.__hash__); two temporaries hash alike only when the
# allocator reuses the first one's address, which ASan's quarantine never does.
nan = Decimal('NaN')
print(hash(nan) == hash(nan), hash(nan) == object.__hash__(nan))
# comparisons
D = Decimal
print(D(1) == 1, D('1.0') == 1, D('0.5') == 0.5, D('0.1') == 0.1, D(1) < 2, D('1.5') > Fraction(3, 2),
      D('1.5') == Fraction(3, 2), D('2') == 2 + 0j, D('2') != 2 + 1j, D('NaN') == D('NaN'),
      D('NaN') != 1, D(3) > D('2.99'), D('-0') == D('0'), sorted([D(3), D('1.5'), 2, D('-1')]))
with localcontext() as ctx:
    print(D('0.5') == 0.5, ctx.flags[FloatOperation])
    try:
        D('NaN') < 1
    except InvalidOperation as e:
        print('InvalidOperation', e)
    ctx.traps[FloatOperation] = True
    try:
        D(1) < 1.5
    except FloatOperation as e:
        print('FloatOperation', e)
    try:
        D(0.5)
    except FloatOperation as e:
        print('FloatOperation', e)
    print(D(1) == 1.0)
print(bool(D(0)), bool(D('0.00')), bool(D('NaN')), bool(D('-1e-100')))
print(D('1.5').real, D('1.5').imag, D('1.5').conjugate(), D(7).radix(), D('1.50').canonical())
print(D('-1.5').copy_abs(), D('1.5').copy_negate(), D('1.5').copy_sign(D('-0')),
      D('123.45').adjusted(), D('Inf').adjusted())
for v in ['1', '-0', '0E-1000000', 'Inf', '-Inf', 'NaN', 'sNaN', '1E-999999', '1E-1000000']:
    d = D(v)
    print(v, d.is_canonical(), d.is_finite(), d.is_infinite(), d.is_nan(), d.is_qnan(),
          d.is_snan(), d.is_signed(), d.is_zero(), d.is_normal(), d.is_subnormal(), d.number_class())
import copy, pickle
x = D('-1.5E+10')
print(copy.copy(x) is x, copy.deepcopy(x) is x, pickle.loads(pickle.dumps(x)) == x, x.__reduce__())
# formatting
tests = [('1234567.891', ''), ('1234567.891', ','), ('-1234567.891', '+,.3e'),
         ('0.000012345', 'g'), ('0.000012345', '.2g'), ('123', '%'), ('0.125', '.1%'),
         ('NaN', '10'), ('-Inf', '>12'), ('sNaN12', ''), ('123.456', '*^15.2f'),
         ('123.456', '015.2f'), ('-123.456', '015,.2f'), ('123', 'e'), ('123', 'E'),
         ('1e10', ''), ('1e10', 'f'), ('1.5e-10', 'f'), ('0e10', 'f'), ('0E-10', 'e'),
         ('0E-10', '.3e'), ('12345', 'n'), ('12345.678', '.3n'), ('123456789', ',g'),
         ('1.2345', '.0g'), ('100', '.2'), ('1E+2', 'G'), ('1234.5', '<10'),
         ('1234.5', '=+12'), ('1234', '010'), ('-1234', '010,'), ('1.23456789e-7', ''),
         ('2.5', '.0f'), ('3.5', '.0f'), ('999.9', '.3g'), ('0.0001', '.1e'), ('1e1000', ''),
         ('-5', ' '), ('5', ' .2f'), ('12.5', '\u00e9>8'), ('0.5', '.0%')]
for v, spec in tests:
    print(repr(v), repr(spec), repr(format(D(v), spec)), repr(f'{D(v):{spec}}'))
print(D('1234567.5').__format__(',f', {'thousands_sep': '.', 'decimal_point': ',',
                                        'grouping': '\3\3'}))
