# Micro: list.sort on ints, floats and strs (random-looking orders from an LCG), and sorted() with a key.
x = 12345
ints = []
for _ in range(20000):
    x = (x * 1103515245 + 12345) % 2147483648
    ints.append(x)
floats = [i / 7.0 for i in ints]
strs = [str(i) for i in ints]
total = 0
for _ in range(10):
    a = ints[:]
    a.sort()
    b = floats[:]
    b.sort()
    c = strs[:]
    c.sort()
    d = sorted(ints, key=lambda v: -v)
    total += a[100] + int(b[200]) + len(c[300]) + d[0]
print(total)
