# decimal arithmetic under every rounding mode and several precisions, with the flags raised.
from decimal import *

ROUNDINGS = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
             ROUND_HALF_EVEN, ROUND_05UP]
VALUES = ['0', '-0', '1', '-1', '2.5', '-2.5', '3.5', '0.3333', '12345.6789', '-9.99999',
          '1E+5', '7E-3', '123456789', '0.000001', '1.05', '1.15']


def flags(c):
    return ''.join(k.__name__[0:3] for k, v in c.flags.items() if v)


for prec in [1, 3, 9, 28]:
    for r in ROUNDINGS:
        c = Context(prec=prec, rounding=r, traps=[])
        out = []
        for a in ['2.5', '-2.5', '1.15', '-0.0051', '123456789.5', '9.999', '1.005']:
            c.clear_flags()
            out.append('%s:%s' % (c.plus(Decimal(a)), flags(c)))
        print(prec, r, ' '.join(out))

c = Context(prec=9, traps=[])
for a in VALUES:
    for b in ['3', '-7', '0.5', '1E-3', '2.5', '0']:
        x, y = Decimal(a), Decimal(b)
        res = []
        for op in ['add', 'subtract', 'multiply', 'divide', 'divide_int', 'remainder',
                   'remainder_near', 'compare', 'max', 'min', 'max_mag', 'min_mag',
                   'quantize', 'compare_total', 'copy_sign', 'same_quantum']:
            c.clear_flags()
            res.append('%s%s' % (getattr(c, op)(x, y), flags(c) and '/' + flags(c)))
        print(a, b, ' '.join(res))
        c.clear_flags()
        print('  divmod', c.divmod(x, y), flags(c))

for r in ROUNDINGS:
    c = Context(prec=6, rounding=r, traps=[])
    row = []
    for a, b in [('1', '3'), ('2', '3'), ('-2', '3'), ('1', '7'), ('100', '7'), ('5', '2E+10'),
                 ('1', '0.0003'), ('-1', '6')]:
        c.clear_flags()
        row.append('%s%s' % (c.divide(Decimal(a), Decimal(b)), flags(c)))
    print(r, ' '.join(row))

c = Context(prec=12, traps=[])
for a in ['0', '1', '2', '4', '0.04', '1E+3', '1E-3', '10', '16E-4', '-4', '0E+5', '0E-5',
          'Inf', '-Inf', 'NaN', '2.25', '12345678901234567890']:
    x = Decimal(a)
    res = []
    for op in ['sqrt', 'exp', 'ln', 'log10', 'normalize', 'logb', 'next_plus', 'next_minus',
               'to_integral_value', 'to_integral_exact', 'abs', 'minus', 'plus']:
        c.clear_flags()
        res.append('%s%s' % (getattr(c, op)(x), flags(c) and '/' + flags(c)))
    print(a, ' '.join(res))

for prec in [5, 28, 50]:
    c = Context(prec=prec, traps=[])
    for a in ['2', '0.5', '10', '123.456', '1E-10', '-3', '100']:
        x = Decimal(a)
        print(prec, a, c.sqrt(x), c.exp(x), c.ln(abs(x)), c.log10(abs(x)))

c = Context(prec=16, traps=[])
for a, b in [('2', '10'), ('2', '-2'), ('2.0', '2'), ('2.0', '-2'), ('10', '-2'), ('1E+2', '-1'),
             ('4', '0.5'), ('2', '0.5'), ('7', '1.3'), ('-8', '3'), ('-8', '0.5'), ('0', '0'),
             ('0', '-1'), ('-0', '3'), ('Inf', '2'), ('Inf', '-2'), ('-Inf', '3'), ('1', 'Inf'),
             ('0.5', 'Inf'), ('2', 'Inf'), ('1.0', '100'), ('1.5', '200'), ('3', '-1'),
             ('1.0001', '10000'), ('9', '0.5'), ('1E-5', '3'), ('2', '1000')]:
    c.clear_flags()
    print('pow', a, b, c.power(Decimal(a), Decimal(b)), flags(c))
print(pow(Decimal(3), 5, 7), pow(Decimal(-3), 3, 7), pow(Decimal(2), 100, Decimal(97)))
print(Decimal(2) ** 3, Decimal('1.5') ** 2, 2 ** Decimal(3), Decimal(2) ** Decimal('0.5'))

c = Context(prec=9, traps=[])
for a, b, d in [('2', '3', '4'), ('1E+9', '1E+9', '-1'), ('0.1', '0.1', '-0.01'),
                ('Inf', '0', '1'), ('NaN', '1', 'sNaN'), ('3', '-7', '21')]:
    c.clear_flags()
    print('fma', a, b, d, c.fma(Decimal(a), Decimal(b), Decimal(d)), flags(c))
for a, b in [('1', '2'), ('10', '-1'), ('-1.5', '3'), ('Inf', '5'), ('1', '1E+10'),
             ('7.50', '1'), ('12345', '-10')]:
    c.clear_flags()
    print('scaleb/shift/rotate', a, b, c.scaleb(Decimal(a), Decimal(b)),
          c.shift(Decimal('123456789'), Decimal(b if abs(Decimal(b)) < 10 else 2)),
          c.rotate(Decimal('123456789'), Decimal(b if abs(Decimal(b)) < 10 else 2)), flags(c))
for a, b in [('1101', '111'), ('1', '0'), ('10', '11'), ('2', '1')]:
    c.clear_flags()
    print('logical', a, b, c.logical_and(Decimal(a), Decimal(b)),
          c.logical_or(Decimal(a), Decimal(b)), c.logical_xor(Decimal(a), Decimal(b)),
          c.logical_invert(Decimal(a)), flags(c))
for a, b in [('1', '1.0'), ('-1', '-1.00'), ('NaN', '1'), ('sNaN', 'NaN'), ('-NaN', '-sNaN'),
             ('Inf', '1E+999'), ('-0', '0'), ('2', 'NaN'), ('NaN', 'NaN5')]:
    print('total', a, b, c.compare_total(Decimal(a), Decimal(b)),
          c.compare_total_mag(Decimal(a), Decimal(b)), c.max(Decimal(a), Decimal(b)),
          c.min(Decimal(a), Decimal(b)))
for a, b in [('1', '2'), ('1', '0'), ('1', '-1'), ('-0', '0'), ('1E-999999', '0')]:
    c.clear_flags()
    print('next_toward', a, b, c.next_toward(Decimal(a), Decimal(b)), flags(c))
x = Decimal('3.14159')
for q in ['1', '0.01', '1E+1', '1E-10', '1E-20']:
    for r in [ROUND_HALF_EVEN, ROUND_UP, ROUND_FLOOR]:
        c.clear_flags()
        print('quantize', q, r, x.quantize(Decimal(q), rounding=r, context=c), flags(c))
print(Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_DOWN),
      Decimal('7.325').quantize(Decimal('1.'), rounding=ROUND_UP),
      Decimal('2.5').to_integral(), Decimal('-2.5').to_integral(rounding=ROUND_HALF_UP),
      Decimal('1E+2').to_integral_exact(), Decimal('123.456').to_integral_exact(ROUND_FLOOR))
d = Decimal('-12.5')
print(-d, +d, abs(d), d + 1, 1 + d, d - 1, 1 - d, d * 2, 2 * d, d / 4, 4 / d, d // 4, -d // 4,
      d % 4, -d % 4, divmod(d, 4), divmod(7, Decimal(2)), d ** 2)
for v in [1.5, 'x', [1]]:
    try:
        d + v
    except TypeError as e:
        print('TypeError', e)
    try:
        d.compare(v)
    except TypeError as e:
        print('TypeError', e)
    try:
        Context().add(d, v)
    except TypeError as e:
        print('TypeError', e)
acc = Decimal(0)
for i in range(1, 200):
    acc += Decimal(1) / Decimal(i)
print(acc)
getcontext().prec = 60
print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln())
