# Micro: small-int arithmetic, comparisons and bit operations in a loop.
total = 0
for i in range(2000000):
    total = (total + i * 3 - (i >> 2)) & 0xFFFFFF
    if i % 7 == 0:
        total ^= i
print(total)
