# cmath on special values (signed zeros, infinities, NaNs, subnormals, huge and tiny values) and
# on random finite arguments: every result printed bit for bit (float.hex), or the exception.
# Compared with the host's CPython: the same libm as cppy's, and for finite arguments the
# algorithms of 3.11's cmathmodule.c are 3.14's (3.14 changed some special values and the
# errors of log with a base: tests/py/native/cmath_values.py checks those against the
# reference).
import cmath, math, random

def fmt(x):
    if math.isnan(x):
        return 'nan' if math.copysign(1.0, x) > 0 else '-nan'
    return x.hex()

def res(f, *args):
    try:
        r = f(*args)
    except (ValueError, OverflowError) as e:
        return type(e).__name__[0] + 'E'
    if isinstance(r, complex):
        return fmt(r.real) + ',' + fmt(r.imag)
    if isinstance(r, tuple):
        return ','.join(fmt(x) for x in r)
    if isinstance(r, bool):
        return str(r)
    return fmt(r)

INF = float('inf')
NAN = float('nan')
specials = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-320, -5e-324, 2.2250738585072014e-308,
            1e308, -1.7e308, 7e307, 1e-8, 0.71, 1.73, 3.0, 710.0, -745.5, 1e154]
funcs = [cmath.acos, cmath.acosh, cmath.asin, cmath.asinh, cmath.atan, cmath.atanh, cmath.cos, cmath.cosh,
         cmath.exp, cmath.log, cmath.log10, cmath.sin, cmath.sinh, cmath.sqrt, cmath.tan, cmath.tanh,
         cmath.phase, cmath.polar, cmath.isfinite, cmath.isinf, cmath.isnan]
for f in funcs:
    print(f.__name__)
    out = []
    for x in specials:
        for y in specials:
            out.append(res(f, complex(x, y)))
    for i in range(0, len(out), 6):
        print(' '.join(out[i:i + 6]))
print('rect')
out = [res(cmath.rect, x, y) for x in specials for y in specials]
for i in range(0, len(out), 6):
    print(' '.join(out[i:i + 6]))
rng = random.Random(20260101)
def rnd():
    k = rng.random()
    if k < 0.4:
        return rng.uniform(-4, 4)
    if k < 0.7:
        return rng.uniform(-1.5, 1.5)
    if k < 0.9:
        return math.ldexp(rng.uniform(-1, 1), rng.randint(-1074, 1023))
    return rng.choice([0.0, -0.0, 1.0, -1.0])
print('random')
for n in range(300):
    z = complex(rnd(), rnd())
    print(fmt(z.real), fmt(z.imag), ' '.join(res(f, z) for f in funcs[:18]), res(cmath.rect, z.real, z.imag))
