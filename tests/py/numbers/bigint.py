# Arbitrary-precision integers: arithmetic, division, shifts, conversions.
a = 2 ** 200 + 12345
b = 3 ** 77 - 1
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, -a // b, -a % b, a // -b)
print(divmod(a, 7), divmod(-a, 7))
print(a >> 150, a << 10, -a >> 190, a & b, a | 0xFF, a ^ b)
print(~a, -(-a), abs(-a))
f = 1
for i in range(1, 41):
    f *= i
print('40! =', f, len(str(f)), f.bit_length())
print(pow(2, 1000) % 1000007, pow(3, 10**6, 10**9 + 7), pow(a, b, 2**61 - 1))
print(pow(3, -1, 7), pow(38, -1, 97))
print((10 ** 30) // (10 ** 15), 10 ** 30 / 10 ** 15, 2 ** 64 / 3)
print(int('1' * 50), int('-' + '9' * 30) + 1)
print(hex(a), oct(b)[:20], bin(2 ** 70 + 1))
print((2**100).to_bytes(13, 'big').hex(), int.from_bytes(b'\x01\x00' * 5, 'little'))
print((-1).to_bytes(4, 'big', signed=True), int.from_bytes(b'\xff\xfe', 'big', signed=True))
print((255).bit_count(), (2**100 - 1).bit_count(), (0).bit_length(), (-8).bit_length())
print(a.as_integer_ratio() == (a, 1), (12).is_integer(), int.__name__)
print(sum(range(10 ** 6)), 7 ** 7 ** 2)
print(float(2 ** 100), float(-(2 ** 1023)), int(1e20), int(-2.5e15))
try:
    float(2 ** 1024)
except OverflowError as e:
    print('OverflowError:', e)
try:
    import math
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
print(2 ** 1000 > 1e300, 2 ** 1024 > 1e308, 10 ** 400 > float('inf'), 10 ** 400 == float('inf'))
print(str(-10 ** 60), repr(10 ** 25), format(10 ** 25, ','), format(-2**70, '_x'))
