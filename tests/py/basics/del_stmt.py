# del statements on names, attributes, items, slices and tuples of targets.
a = 1
b = [0, 1, 2, 3, 4, 5]
c = {'k': 1, 'j': 2}
class O: pass
o = O(); o.x = 1; o.y = 2
del a
print('a' in globals())
del b[0], b[-1]
print(b)
del b[1:3]
print(b)
del b[:]
print(b)
del c['k']
print(c)
del o.x
print(vars(o))
p, q = 1, 2
del (p, q)
print('p' in globals(), 'q' in globals())
r = [1, 2, 3]
del [r[0]]
print(r)
try:
    del undefined
except NameError as e:
    print(e)
try:
    del c['missing']
except KeyError as e:
    print('KeyError', e)
try:
    del o.missing
except AttributeError as e:
    print(e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
class WithDel:
    def __delitem__(self, k): print('delitem', k)
    def __delattr__(self, k): print('delattr', k)
w = WithDel()
del w[1:2], w['x'], w.attr
for i in range(3):
    pass
del i
print('i' in globals())
x = [[1, 2], [3, 4]]
del x[0][1], x[1]
print(x)
