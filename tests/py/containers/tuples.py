# Tuples, named tuples and packing/unpacking.
t = (1, 'two', 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t.index('two'), t.count(1), 3.0 in t, t + (5,), t * 2)
t[3].append(5)
print(t)
try:
    t[0] = 0
except TypeError as e:
    print(e)
try:
    hash(t)
except TypeError as e:
    print(e)
print((), (1,), tuple('ab'), tuple(range(3)), tuple([1, 2]), type(()) is tuple, (1, 2) < (1, 2, 3), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1, 2), max([(1, 'z'), (2, 'a')]))
a, b, *c = 1, 2, 3, 4
print(a, b, c)
(a, b), c = 'xy', 'z'
print(a, b, c)
def f(*args):
    return args
print(f(), f(1), f(*[1, 2], *(3,)), type(f()).__name__)
from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]), p == (1, 2), tuple(p))
x, y = p
print(x + y, Point(*reversed(p)), sum(p))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0])
print(P3(1, 2), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print(e)
from typing import NamedTuple
class Emp(NamedTuple):
    name: str
    dept: str = 'eng'
    def label(self):
        return f'{self.name}@{self.dept}'
e = Emp('ann')
print(e, e.label(), Emp._fields, Emp.__annotations__ if False else 'ok', isinstance(e, tuple))
print(divmod(9, 4), tuple(enumerate('ab')), list(zip((1, 2), (3, 4))), sorted([(2, 'b'), (1, 'c'), (2, 'a')]))
