# Arithmetic, bitwise, boolean and identity operators, with their precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a // b, -a % b)
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 10 - 3 - 2, 100 / 10 / 5)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, 7 & 3 == 3)
print(not 1 == 2, not (1 and 0), 1 and 2, 0 and 2, 0 or 3, '' or [] or None)
print(1 or 1 / 0, 0 and 1 / 0)
print(5 > 3 > 1, 1 < 2 < 2, 1 < 3 > 2, 1 == 1.0 == True, 1 is not None)
x = [1]
y = x
print(x is y, x is not [1], x == [1], 'a' in 'abc', 3 not in [1, 2])
print(-7 // 2, 7 // -2, -7 % 3, 7 % -3, -7.5 // 2, 7.5 % -2)
print(True + True, True * 10, False - 1, True / 2)
print('ab' * 3, 3 * [0], [1] + [2], (1,) * 2)
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 3; n %= 7; n <<= 4; n >>= 1; n |= 1; n &= 0xF; n ^= 3
print(n)
s = 'x'; s += 'y'; s *= 3
print(s)
l = [1]; m = l; l += [2]; print(m, l is m)
t = (1,); u = t; t += (2,); print(u, t is u)
print(divmod(a, b), abs(-a), a.__add__(b), (3).__rpow__(2))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1 / 3, 2 / 3, 1e16 + 1)
print(7 @ 1 if False else 'no matmul on ints')
