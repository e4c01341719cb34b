# Random operations under random contexts (all rounding modes, small and huge exponents,
# clamping), compared with the reference; the seeds fix the cases.
import random
from decimal import *
random.seed(12345)
R = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
def rnd_dec():
    k = random.random()
    if k < 0.03: return random.choice(['NaN', '-NaN', 'sNaN', 'Inf', '-Inf', 'NaN123', '-0', '0E+5', '0E-7'])
    digits = ''.join(random.choice('0123456789') for _ in range(random.randint(1, 30)))
    e = random.choice([0, 0, 1, -1, -5, 3, random.randint(-40, 40), random.randint(-1000010, -999980), random.randint(999970, 1000000)])
    s = random.choice(['', '-'])
    return s + digits + 'E' + str(e)
ops2 = ['add', 'subtract', 'multiply', 'divide', 'divide_int', 'remainder', 'remainder_near', 'compare', 'compare_signal', 'max', 'min', 'max_mag', 'min_mag', 'quantize', 'compare_total', 'next_toward', 'power', 'same_quantum', 'divmod']
ops1 = ['sqrt', 'exp', 'ln', 'log10', 'normalize', 'logb', 'next_plus', 'next_minus', 'to_integral_value', 'to_integral_exact', 'abs', 'minus', 'plus', 'number_class', 'to_sci_string', 'to_eng_string']
for i in range(800):
    prec = random.choice([1, 2, 3, 5, 9, 16, 28, 40])
    c = Context(prec=prec, rounding=random.choice(R), Emin=random.choice([-999999, -20, -99]), Emax=random.choice([999999, 20, 99]), clamp=random.choice([0, 0, 1]), traps=[])
    a = Decimal(rnd_dec()); b = Decimal(rnd_dec())
    if random.random() < 0.5:
        op = random.choice(ops2)
        if op == 'power':
            b = Decimal(random.choice([str(random.randint(-20, 20)), '0.5', '-0.5', '1.5', '2.25', rnd_dec()]))
            a = a.copy_abs() if random.random() < 0.7 else a
            if a.is_finite() and a.adjusted() > 10: a = a.scaleb(-a.adjusted(), context=Context(prec=100, traps=[]))
        try:
            r = getattr(c, op)(a, b)
        except Exception as e:
            r = type(e).__name__
        args = (a, b)
    else:
        op = random.choice(ops1)
        if op in ('exp',) and a.is_finite() and a.adjusted() > 6: a = a.scaleb(-a.adjusted(), context=Context(prec=100, traps=[]))
        try:
            r = getattr(c, op)(a)
        except Exception as e:
            r = type(e).__name__
        args = (a,)
    fl = ''.join(k.__name__[:3] for k, v in c.flags.items() if v)
    print(i, prec, c.rounding[6:], c.Emin, c.Emax, c.clamp, op, *args, '->', r, fl)

random.seed(777)
R2 = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
def num(maxd=20, erange=(-30, 30)):
    digits = ''.join(random.choice('0123456789') for _ in range(random.randint(1, maxd)))
    return random.choice(['', '-']) + digits + 'E' + str(random.randint(*erange))
for i in range(800):
    prec = random.choice([1, 2, 4, 7, 12, 20, 28, 35, 60])
    c = Context(prec=prec, rounding=random.choice(R), Emin=random.choice([-999999, -30]), Emax=random.choice([999999, 30]), clamp=random.choice([0, 1]), traps=[])
    k = random.randrange(12)
    try:
        if k == 0:
            a = Decimal(num(6, (-3, 2))).copy_abs(); b = Decimal(num(4, (-3, 1)))
            args = (a, b); r = c.power(a, b)
        elif k == 1:
            a = Decimal(num(8, (-8, 1))); args = (a,); r = c.exp(a)
        elif k == 2:
            a = Decimal(num(25, (-40, 40))).copy_abs(); args = (a,); r = (c.ln(a), c.log10(a))
        elif k == 3:
            a = Decimal(num(25, (-40, 40))).copy_abs(); args = (a,); r = c.sqrt(a)
        elif k == 4:
            a, b, d = Decimal(num()), Decimal(num()), Decimal(num()); args = (a, b, d); r = c.fma(a, b, d)
        elif k == 5:
            a = Decimal(random.choice(['1', '0', '10', '11', '101', '1101', '111111', '1' * 30, '10' * 20])); b = Decimal(random.choice(['1', '0', '11', '1001', '1' * 25]))
            args = (a, b); r = (c.logical_and(a, b), c.logical_or(a, b), c.logical_xor(a, b), c.logical_invert(a))
        elif k == 6:
            a = Decimal(num(30, (-5, 5))); b = Decimal(random.randint(-prec, prec))
            args = (a, b); r = (c.rotate(a, b), c.shift(a, b), c.scaleb(a, b))
        elif k == 7:
            a = Decimal(num(30)); spec = random.choice(['', 'f', '.3f', 'e', '.2e', 'g', '.4g', '%', ',.2f', '>20.5', '+.1E', '020,.3f', '.0f', 'G', '^12', '<12.3g', '.10', 'n'])
            args = (a, spec); r = format(a, spec)
        elif k == 8:
            s = num(40, (-50, 50)); args = (s,); r = (c.create_decimal(s), c.create_decimal(float(s) if abs(float(s)) < 1e300 else 1.5))
        elif k == 9:
            a = Decimal(num(30, (-10, 10))); args = (a,); r = (int(a), float(a), a.as_integer_ratio(), round(a), round(a, 3), a.__floor__(), a.__ceil__())
        elif k == 10:
            a = Decimal(num(30, (-10, 10))); args = (a,); r = (c.to_integral_exact(a), a.to_integral_value(rounding=random.choice(R), context=c), c.normalize(a), c.logb(a), c.number_class(a), c.next_plus(a), c.next_minus(a), c.to_eng_string(a))
        else:
            a, b = Decimal(num()), Decimal(num()); args = (a, b); r = (c.divide(a, b), c.remainder_near(a, b), c.divmod(a, b) if abs(a.adjusted() - b.adjusted()) < prec else None, c.compare_total_mag(a, b), c.max_mag(a, b), c.min_mag(a, b))
    except Exception as e:
        r = type(e).__name__ + str(e)[:40]
    fl = ''.join(k.__name__[:3] for k, v in c.flags.items() if v)
    print(i, k, prec, c.rounding[6:], c.Emin, c.clamp, *args, '->', r, fl)
