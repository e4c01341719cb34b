# cmath: argument conversion, the errors of every entry point, the constants, isclose.
import cmath, math

print(cmath.__doc__)
print(sorted(n for n in dir(cmath) if not n.startswith('_')))
for n in ['pi', 'e', 'tau', 'inf', 'infj', 'nan', 'nanj']:
    v = getattr(cmath, n)
    print(n, type(v).__name__, repr(v), v == getattr(math, n, None))
print(math.copysign(1, cmath.nan), math.copysign(1, cmath.nanj.imag), cmath.nanj.real)
for n in sorted(dir(cmath)):
    f = getattr(cmath, n)
    if callable(f):
        print(n, repr(f.__doc__))

class C:
    def __complex__(self):
        return 1 + 2j
class BadC:
    def __complex__(self):
        return 1
class F:
    def __float__(self):
        return 2.0
class I:
    def __index__(self):
        return 3
class CSub(complex):
    pass

def show(f, *args, **kw):
    try:
        print(f.__name__, f(*args, **kw))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

for a in ['x', None, [], C(), BadC(), F(), I(), 2**2000, 10**400, 1 + 2j, True, CSub(3, 4), -4, 0.25]:
    show(cmath.sqrt, a)
    show(cmath.phase, a)
    show(cmath.isnan, a)
for f in [cmath.acos, cmath.acosh, cmath.asin, cmath.asinh, cmath.atan, cmath.atanh, cmath.cos,
          cmath.cosh, cmath.exp, cmath.log10, cmath.sin, cmath.sinh, cmath.sqrt, cmath.tan, cmath.tanh,
          cmath.phase, cmath.polar, cmath.isfinite, cmath.isinf, cmath.isnan]:
    show(f)
    show(f, 1, 2)
    show(f, z=1)
# Domain and range errors.
for f, z in [(cmath.log, 0), (cmath.log10, 0j), (cmath.atanh, 1), (cmath.atanh, -1), (cmath.exp, 1000),
             (cmath.exp, complex(1, 1e308)), (cmath.cosh, 800), (cmath.sinh, -800j + 800), (cmath.tan, complex(0, 1e308)),
             (cmath.exp, complex(0, math.inf)), (cmath.cos, complex(math.inf, 0)), (cmath.sin, complex(math.inf, 1)),
             (cmath.tanh, complex(1, math.inf)), (cmath.polar, complex(1e308, 1e308)), (cmath.polar, complex(math.inf, math.nan)),
             (cmath.sqrt, complex(-math.inf, math.nan)), (cmath.acos, complex(math.nan, math.inf))]:
    show(f, z)
for args in [(), (1, 2, 3), ('x',), (1, 'y'), (1, 0), (0,), (0, 1), (1, 1), (8, 2), (-1, 1j), (1j, -1), (100, 10),
             (complex(1e308, 1e308), 2), (2, 1e-320), (math.inf, 2), (math.nan, 2), (F(), I())]:
    show(cmath.log, *args)
for args in [(), (1,), ('x', 1), (1, 'y'), (1, 2, 3), (2, 0.5), (F(), I()), (1e308, 1e308), (math.inf, 1),
             (-math.inf, 2), (1, math.inf), (0, math.inf), (math.nan, 0), (-0.0, -0.0), (2, -0.0), (1j, 2)]:
    show(cmath.rect, *args)
for args, kw in [((), {}), ((1,), {}), ((1, 2, 3), {}), ((1, 1), {'rel_tol': -1}), ((1, 1), {'abs_tol': -1e-300}),
                 ((1, 1), {'abs_tol': 'x'}), ((1, 1), {'foo': 1}), ((1, 1.0000000001), {}), ((1, 1.000000002), {}),
                 (('a', 1), {}), ((1j, 1j + 1e-10), {'rel_tol': 1e-12}), ((0, 1e-10), {}), ((0, 1e-10), {'abs_tol': 1e-9}),
                 ((math.inf, math.inf), {}), ((complex(math.inf, 1), complex(math.inf, 2)), {}),
                 ((math.inf, -math.inf), {}), ((math.nan, math.nan), {}), ((1, 2), {'rel_tol': 1}),
                 ((C(), 1 + 2j), {}), ((1, 1), {'rel_tol': F(), 'abs_tol': I()}), ((), {'a': 1, 'b': 1.0})]:
    show(cmath.isclose, *args, **kw)
print(cmath.polar(-2j), cmath.polar(-0.0 - 0j), cmath.phase(complex(-1.0, -0.0)), cmath.phase(-1))
print(cmath.rect(2, cmath.pi), cmath.exp(1j * cmath.pi), cmath.sqrt(-1), cmath.sqrt(complex(-1, -0.0)))
print(cmath.log(cmath.e), cmath.log10(100), cmath.log(-1), cmath.log(1j, 1j))
