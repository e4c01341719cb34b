from abc import ABC, abstractmethod
import operator, copy, pickle
from collections.abc import Sequence, MutableMapping, Iterable, Hashable, Sized, Container

class Vector:
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __add__(self, o):
        if not isinstance(o, Vector):
            return NotImplemented
        return Vector(self.x + o.x, self.y + o.y)
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vector) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x; yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __format__(self, spec):
        return f"({format(self.x, spec)}, {format(self.y, spec)})"
v = Vector(3, 4)
print(v, repr(v), v + Vector(1, 1), 2 * v, v * 2, -v, abs(v), bool(Vector()), list(v), v[1], f"{v:.2f}")
print(sum([Vector(1, 2), Vector(3, 4)]), {v: 1}[Vector(3, 4)], v == (3, 4))
try:
    v + 1
except TypeError as e:
    print(e)
try:
    v.z = 1
except AttributeError as e:
    print(e)
class Matrix(Sequence):
    def __init__(self, rows):
        self._rows = [list(r) for r in rows]
    def __getitem__(self, i):
        return self._rows[i]
    def __len__(self):
        return len(self._rows)
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o._rows)] for r in self._rows])
    def __repr__(self):
        return f"Matrix({self._rows})"
m = Matrix([[1, 2], [3, 4]])
print(m @ m, len(m), [1, 2] in m, m.index([3, 4]), list(reversed(m)), m.count([1, 2]))
class LowerDict(MutableMapping):
    def __init__(self, *a, **kw):
        self._d = {}
        self.update(*a, **kw)
    def __getitem__(self, k): return self._d[k.lower()]
    def __setitem__(self, k, v): self._d[k.lower()] = v
    def __delitem__(self, k): del self._d[k.lower()]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
    def __repr__(self): return f"LowerDict({self._d})"
ld = LowerDict(A=1, b=2)
ld["C"] = 3
print(ld, ld["a"], "B" in ld, ld.get("z", 0), ld.pop("c"), dict(ld), ld.setdefault("D", 4), sorted(ld.items()))
print(isinstance(ld, MutableMapping), issubclass(list, Sequence), isinstance(v, Iterable), isinstance([], Hashable), issubclass(Vector, Sized))
class Meta(type):
    registry = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        cls.tag = kw.get("tag", "none")
        return cls
    def __call__(cls, *a, **kw):
        inst = super().__call__(*a, **kw)
        inst.created_by_meta = True
        return inst
class Plugin(metaclass=Meta, tag="base"): pass
class Sub(Plugin, tag="sub"): pass
print(Meta.registry, Sub.tag, Sub().created_by_meta, type(Sub).__name__)
class Auto:
    def __init_subclass__(cls, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.label = prefix + cls.__name__
    def __set_name__(self, owner, name): pass
class Child(Auto, prefix="my_"): pass
print(Child.label)
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age): self.name, self.age = name, age
p = Person("Ann", 30)
print(p.name, p.age, Person.name.name)
try:
    p.age = "old"
except TypeError as e:
    print(e)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
print(Dyn().get_thing())
try:
    Dyn().other
except AttributeError as e:
    print(e)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class X(A, B): pass
except TypeError as e:
    print(e)
class Node:
    def __init__(self, val, children=()):
        self.val, self.children = val, list(children)
    def __eq__(self, o): return self.val == o.val and self.children == o.children
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree); t3 = copy.copy(tree)
print(t2 == tree, t2 is tree, t3.children is tree.children, t2.children is tree.children)
print(pickle.loads(pickle.dumps(tree)) == tree, pickle.loads(pickle.dumps(Vector(1, 2))))
print(vars(Person("x", 1)), Person.__dict__["age"].kind, hasattr(p, "name"), getattr(p, "nope", "dflt"))
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15: raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self): print("deleting")
    @staticmethod
    def conv(c): return c * 9 / 5 + 32
    @classmethod
    def make(cls): return cls()
t = Temp.make(); t.celsius = 100
print(t.celsius, Temp.conv(100), Temp.celsius.__doc__)
del t.celsius
try:
    t.celsius = -300
except ValueError as e:
    print(e)
print(operator.attrgetter("x", "y")(v), operator.methodcaller("upper")("s"), operator.itemgetter(slice(1, None))("abc"))
