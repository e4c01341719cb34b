# List, set, dict comprehensions and generator expressions, nesting and scoping.
print([x * x for x in range(6)], [x for x in range(10) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in range(x)], [[y for y in range(x)] for x in range(4)])
print({x % 3 for x in range(10)}, {k: v for k, v in zip('abc', range(3))}, {v: k for k, v in {'a': 1, 'b': 2}.items()})
print(sum(x for x in range(101)), list(x + 1 for x in (1, 2)), max((len(w), w) for w in 'a bb ccc'.split()))
g = (x * 2 for x in range(3))
print(next(g), list(g), list(g))
x = 'outer'
print([x for x in 'ab'], x)
y = 10
print([y * i for i in range(3)], [[i * j for j in range(i)] for i in range(1, 4)])
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        scaled = [i * factor for i in items for factor in [10]]
    except NameError:
        scaled = 'error'
    factor = 3
    try:
        bad = [factor * i for i in range(2)]
    except NameError as e:
        bad = str(e)
print(C.doubled, C.scaled, C.bad)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs], [(lambda i=i: i)() for i in range(3)])
print([c for line in ['ab', 'cd'] for c in line if c != 'c'], [(a, b) for a, b in [(1, 2), (3, 4)]])
print({i: [j for j in range(i)] for i in range(3)}, sorted({(i, j) for i in range(2) for j in range(2)}))
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], [v for row in m for v in row], [[r[i] for r in m] for i in range(3)])
print([*range(3), *'ab'], {*range(3), 5}, {**{'a': 1}, 'b': 2}, (*[1, 2], 3))
print(any(x > 4 for x in range(6)), all(x < 4 for x in range(6)), list(filter(None, [0, 1, '', 'a'])))
def gen_in_func():
    z = 5
    return [z + k for k in range(3)], list(z * k for k in range(2))
print(gen_in_func())
print([i for i in range(3) if (j := i * 10) > 0], j)
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(e)
