# Complex numbers: arithmetic, repr, conversions and errors.
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, -z, +z, z ** 2, z.conjugate())
print(abs(z), z.real, z.imag, type(z.real).__name__)
print(complex('1+2j'), complex(' (3-1j) '), complex('5'), complex('-j'), complex(2), complex(1.5, 0))
print(repr(1j), repr(-0j), repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(complex(1e300, 1e300) * 10))
print(1j ** 2, round(((1 + 1j) ** 0.5).imag, 12), 2 ** 1j == 2 ** 1j, 0j ** 0)
print(complex(1, 2) == complex(1.0, 2.0), 1 + 0j == 1.0, hash(1 + 0j) == hash(1))
for s in ['1+', 'j1', '1+2i', '']:
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(e)
try:
    complex('1', 2)
except TypeError as e:
    print(e)
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), round(cmath.exp(1j * cmath.pi).real, 10))
print(f'{z:.2f}', format(w, '>20'), f'{1.5+2.25j:g}', '{:.1e}'.format(z))
print(complex.__name__, isinstance(1j, complex), z.__class__, (2j).__repr__())
