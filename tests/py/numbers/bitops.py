# Bitwise operations on small, big and negative integers.
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (2**70 + 5, 2**65 + 3), (-(2**70), 255)]:
    print(a & b, a | b, a ^ b, ~a, a >> 3, a << 5)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -1 << 3, 5 >> 10)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1 >> -1
except ValueError as e:
    print(e)
try:
    1.0 & 1
except TypeError as e:
    print(e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__, ~True)
print(bin(-37), oct(-37), hex(-37), bin(0), f'{-37:b}', f'{37:#010b}', f'{2**40:_b}')
x = 0b1010_1010
print(x, x.bit_length(), x.bit_count(), x & -x, x & (x - 1))
mask = 0
for bit in [0, 3, 5, 64]:
    mask |= 1 << bit
print(mask, [i for i in range(70) if mask >> i & 1])
print(int.from_bytes((0x1234).to_bytes(2, 'little'), 'big'))
print((-5).to_bytes(2, 'little', signed=True).hex())
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print(e)
