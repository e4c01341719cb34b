# Assignment expressions in conditions, comprehensions and calls.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long list', n)
i = 0
while (item := data[i]) != 9:
    print('item', item)
    i += 1
print('stopped at', item)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)
print([last := v for v in range(3)], last)
total = 0
print([total := total + x for x in data], total)
def f(a):
    return a * 2
print(f(z := 7), z)
print((w := 5) + w)
vals = {k: (d := k * 10) for k in range(3)}
print(vals, d)
import re
if (m := re.match(r'(\d+)-(\d+)', '12-34')) is not None:
    print(m.group(1), m.group(2))
print([(p, q) for p in range(3) if (q := p % 2)])
def g():
    [hidden := 1 for _ in range(2)]
    return hidden
print(g())
