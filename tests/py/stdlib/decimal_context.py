# decimal contexts: attributes, repr, signals, traps and flags, localcontext, templates.
import decimal
from decimal import *

print(decimal.HAVE_CONTEXTVAR, decimal.HAVE_THREADS, decimal.__version__)
for c in [DefaultContext, BasicContext, ExtendedContext, Context(), getcontext()]:
    print(repr(c))
names = ['DecimalException', 'Clamped', 'InvalidOperation', 'ConversionSyntax',
         'DivisionImpossible', 'DivisionUndefined', 'InvalidContext', 'DivisionByZero',
         'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow', 'FloatOperation']
for n in names:
    cls = getattr(decimal, n)
    print(n, cls.__module__, [b.__name__ for b in cls.__mro__])
print([r for r in dir(decimal) if r.startswith('ROUND')], ROUND_HALF_EVEN)
c = Context(prec=5, rounding=ROUND_DOWN, Emin=-10, Emax=10, capitals=0, clamp=1,
            flags=[Inexact], traps=[DivisionByZero])
print(repr(c), c.Etiny(), c.Etop(), c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp)
print(c.flags, c.traps[DivisionByZero], c.traps[Overflow], len(c.flags), list(c.flags)[:3])
c2 = c.copy()
c2.prec = 9
print(c.prec, c2.prec, c2.flags[Inexact], c.__reduce__())
c.flags[Inexact] = False
c.traps = {s: False for s in c.traps}
print(repr(c))
try:
    c.traps = [Overflow, InvalidOperation]
except TypeError as e:
    print('TypeError', e)
c.traps = Context(traps=[Overflow, InvalidOperation]).traps
c.flags = c2.flags
print(repr(c), c.flags == c2.flags, dict(c.flags) == c.flags.copy())
for attr, val in [('prec', 0), ('prec', 'x'), ('Emax', -1), ('Emin', 1), ('capitals', 2),
                  ('clamp', -1), ('rounding', 'ROUND_X'), ('rounding', 1), ('traps', [1]),
                  ('flags', {Inexact: True}), ('traps', 'abc')]:
    try:
        setattr(c, attr, val)
        print(attr, 'ok')
    except Exception as e:
        print(attr, type(e).__name__, e)
try:
    del c.prec
except AttributeError as e:
    print('AttributeError', e)
try:
    c.flags[Inexact]
    c.flags[ValueError]
except KeyError as e:
    print('KeyError', e)
try:
    del c.flags[Inexact]
except ValueError as e:
    print('ValueError', e)
try:
    Context(prec=0)
except ValueError as e:
    print('ValueError', e)
try:
    setcontext(1)
except TypeError as e:
    print('TypeError', e)
try:
    Decimal(1).exp(context=5)
except TypeError as e:
    print('TypeError', e)
# traps raise the first signal with the conditions as argument
cases = [lambda: Decimal(1) / 0, lambda: Decimal(0) / 0, lambda: Decimal('abc'),
         lambda: Decimal(-1).sqrt(), lambda: Decimal('1e999999') * 10,
         lambda: Decimal('Inf') - Decimal('Inf'), lambda: Decimal(10) ** 1000 // Decimal('1e-10'),
         lambda: Decimal(1) % 0, lambda: Decimal(0) % 0, lambda: Decimal('sNaN') + 1]
for f in cases:
    try:
        print(f())
    except DecimalException as e:
        print(type(e).__name__, e.args, isinstance(e, ArithmeticError),
              isinstance(e, ZeroDivisionError))
with localcontext(BasicContext) as bc:
    print(repr(bc))
    for f in [lambda: Decimal('1e-999999') / 1000, lambda: Decimal(1) / 3]:
        try:
            print(f())
        except DecimalException as e:
            print(type(e).__name__, e.args)
with localcontext(prec=3, rounding=ROUND_UP, traps=[]) as lc:
    print(repr(lc), Decimal(2) / 3, Decimal(1) / 0, Decimal(0) / 0, Decimal('nan') < 1)
    print(lc.flags)
    lc.clear_flags()
    print(divmod(Decimal(1), 0), lc.flags[DivisionByZero], lc.flags[InvalidOperation])
print(getcontext().prec, getcontext() is getcontext())
try:
    localcontext(prec=-1)
except ValueError as e:
    print('ValueError', e)
try:
    localcontext(foo=1)
except TypeError as e:
    print('TypeError', e)
old = getcontext()
setcontext(ExtendedContext)
print(repr(getcontext()), getcontext() is ExtendedContext)
print(Decimal(1) / 0, Decimal(2) / 3)
setcontext(old)
print(getcontext() is old)
ie = IEEEContext(64)
print(repr(ie))
try:
    IEEEContext(33)
except ValueError as e:
    print('ValueError', str(e)[:30])
# huge and tiny exponents
c = Context(prec=10, traps=[])
for op, a, b in [('multiply', '9e999999', '10'), ('divide', '1e-999999', '1e100'),
                 ('add', '1e999999', '1e-999999'), ('subtract', '1', '1e-1000000'),
                 ('multiply', '-1e500000', '1e500000'), ('divide', '1', '7e999999'),
                 ('power', '10', '999999'), ('power', '10', '1000000'), ('power', '2', '-3500000'),
                 ('add', '0E-1000000', '1'), ('quantize', '1', '1e-1000010'),
                 ('scaleb', '1', '-1000005'), ('multiply', '1e-999990', '1e-20')]:
    c.clear_flags()
    r = getattr(c, op)(Decimal(a), Decimal(b))
    print(op, a, b, r, sorted(k.__name__ for k, v in c.flags.items() if v))
for r in [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
          ROUND_HALF_EVEN, ROUND_05UP]:
    c = Context(prec=10, rounding=r, traps=[])
    print(r, c.multiply(Decimal('9.99e999999'), 10), c.multiply(Decimal('-9.99e999999'), 10),
          c.divide(Decimal('1e-999999'), Decimal('3e25')))
