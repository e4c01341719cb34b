# Assignment statements: chained, augmented, unpacking, starred, subscripts and attributes.
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = range(5)
print(first, rest)
*init, last = 'abcd'
print(init, last)
h, *mid, t = [1, 2]
print(h, mid, t)
[m, [n, *o]] = [1, [2, 3, 4]]
print(m, n, o)
d = {}
d['k'] = d['j'] = 5
print(d)
class O: pass
o = O()
o.x = o.y = 'v'
print(o.x, o.y, sorted(vars(o).items()))
lst = [0, 1, 2, 3, 4]
lst[1], lst[3] = lst[3], lst[1]
print(lst)
i = 0
i, lst[i] = 2, 'z'
print(i, lst)
for k, (u, v) in enumerate([(1, 2), (3, 4)]):
    print(k, u, v)
try:
    a1, b1 = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a1, b1, c1 = [1, 2]
except ValueError as e:
    print(e)
try:
    a1, *b1, c1 = [1]
except ValueError as e:
    print(e)
try:
    a1, b1 = 5
except TypeError as e:
    print(e)
n: int = 5
print(n, __annotations__ if False else 'annotated')
del x, lst[0]
print(lst, 'x' in dir())
