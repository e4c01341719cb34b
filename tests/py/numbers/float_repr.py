# Shortest round-trip float repr over many computed values, and float formatting edge cases.
vals = []
x = 1.0
for i in range(40):
    x = x * 1.7 + 0.1
    vals.append(x)
for i in range(1, 30):
    vals.append(1 / i)
    vals.append(i / 7)
    vals.append(10.0 ** -i)
    vals.append(2.0 ** (-i * 9))
print(' '.join(repr(v) for v in vals))
print(all(float(repr(v)) == v for v in vals))
for v in [0.1, 0.5, 1.5, 2.5, 1234.5678, 1e21, 1e-5, 123456789.123, 9.999999999999999e22, float.fromhex('0x1.fffffffffffffp+1023')]:
    print(repr(v), f'{v:.0f}', f'{v:.3f}', f'{v:.3e}', f'{v:g}', f'{v:.12g}', f'{v:r}' if False else f'{v!r}', round(v, 2), f'{v:%}' if v < 1e10 else '')
print(float('1e400'), float('-1e-400'), 1e-320, 2.2250738585072014e-308, 2.2250738585072014e-308 / 2)
print(0.1 + 0.7, 1.1 * 1.1, 3 * 1.1, 100 * 1.1, 1 - 0.9, 4.35 * 100, 0.57 * 100, 1.15 * 100)
print(repr(1e15), repr(1e16), repr(123456789012345.6), repr(1234567890123456.7), repr(0.0001), repr(0.00001))
print(str(1e22), str(1.0e-4), format(1e22, 'f'), format(1e-7, 'f'), format(1 / 3, '.60f'))
print(float.hex(1.0), float.hex(0.1), float.hex(-2.5), float.fromhex('0x.8'), float.fromhex('inf'), (1.5).hex())
