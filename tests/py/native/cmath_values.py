# cmath on special values (signed zeros, infinities, NaNs, subnormals, huge and tiny values) and
# on random finite arguments, or the exception. Finite results are rounded to 12 digits: the
# reference's libm (musl, WebAssembly) and the host's (glibc) differ in the last bits, and the
# sign of a NaN is the platform's; tests/host/cmath_bits.py checks every bit against the host.
import cmath, math, random

INF = float('inf')
NAN = float('nan')

def fmt(x):
    if math.isnan(x):
        return 'nan'
    if x == 0.0 or math.isinf(x):
        return repr(x)
    return '%.12g' % x

def underflows(f, args):
    # phase and polar call atan2(y, x), which sets errno on underflow in glibc (OverflowError in
    # CPython on Linux) but not in the reference's musl.
    if f not in (cmath.phase, cmath.polar):
        return False
    z = args[0]
    x, y = abs(z.real), abs(z.imag)
    return 0 < x < INF and 0 < y < INF and math.frexp(y)[1] - math.frexp(x)[1] < -1000

def res(f, *args):
    if underflows(f, args):
        return '-'
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

specials = [0.0, -0.0, INF, -INF, NAN, 1.0, -1.0, 0.5, -2.5, 1e-320, -5e-324, 2.2250738585072014e-308,
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
print('log2')
out = [res(cmath.log, complex(x, y), b) for x in specials[:9] for y in specials[:9] for b in (2, 0.5j, 1, 0, -1e300)]
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
