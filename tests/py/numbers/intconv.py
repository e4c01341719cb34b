# int() from strings in every base, and its error messages.
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0), int('z', 36))
print(int('  -12_345  '), int('+7'), int('10', 2), int('777', 8), int('Zz', 36), int('0', 0))
print(int('1_0', 0), int('0_0', 0), int(b'42'), int(bytearray(b'-9')), int('٣'))
bad = [('', 10), ('1.5', 10), ('12a', 10), ('_1', 10), ('1__0', 10), ('08', 0), ('2', 2), ('0x', 16), (' ', 10)]
for s, base in bad:
    try:
        int(s, base)
    except ValueError as e:
        print(repr(s), base, '->', e)
for base in [1, 37, -1]:
    try:
        int('1', base)
    except ValueError as e:
        print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    int('5', base=10.0)
except TypeError as e:
    print(e)
try:
    int(5, 10)
except TypeError as e:
    print(e)
try:
    int([1])
except TypeError as e:
    print(e)
class I:
    def __index__(self): return 41
class T:
    def __trunc__(self): return 1
class N:
    def __int__(self): return 99
import operator
print(int(N()), operator.index(I()), range(I())[-1], [0, 1, 2][-3:I()], bin(I()), hex(I()))
try:
    int(T())
except TypeError as e:
    print('T:', e)
print(str(12345), repr(-7), format(255, 'x'), format(255, '#b'), format(10, '08d'), format(-3, '+d'))
try:
    int('1' * 5000)
except ValueError as e:
    print(str(e)[:60])
