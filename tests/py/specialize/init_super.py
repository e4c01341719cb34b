# Class instantiation and super() at warmed-up sites: CALL_ALLOC_AND_ENTER_INIT (a class
# with a simple Python __init__: the instance is made and __init__ runs in a pushed frame
# above a shim that checks it returned None), CALL_BUILTIN_CLASS, LOAD_SUPER_ATTR_ATTR and
# LOAD_SUPER_ATTR_METHOD, and what happens when a class or its __init__ changes, when __init__
# raises or returns a value, when super is shadowed, and under recursion limits.
import dis
import sys
import traceback


def call_ops(f):
    return [i.opname for i in dis.get_instructions(f, adaptive=True)
            if i.opname.startswith(("CALL", "LOAD_SUPER"))]


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y=0, z=0):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Inherits(Point):
    pass


class NoInit:
    pass


class VarInit:
    def __init__(self, *args):
        self.args = args


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


def make(n):
    out = []
    for i in range(n):
        out.append((Point(i).x, Point3(i, 1, 2).norm1(), Slotted(i, -i).b, Inherits(i, 5).y,
                    type(NoInit()).__name__, len(VarInit(i, i).args), WithMeta(i).v))
    return out[-1]


print(make(100), call_ops(make))
print(call_ops(Point3.__init__))


def builtins_(n):
    out = None
    for i in range(n):
        out = (list(), list((i,)), range(i), bool(i), str(i), tuple(), type(i), int(i),
               float(i), dict(), set(), frozenset(), object().__class__, bytearray())
    return out[:5]


print(builtins_(60), call_ops(builtins_))


# The class changes under a specialised site: a new __init__, then one returning a value.
def build(cls, n):
    return [cls(i).x for i in range(n)][-1]


print(build(Point, 40))
Point.__init__ = lambda self, x, y=0: setattr(self, "x", x * 10)
print(build(Point, 40))
Point.__init__ = lambda self, x: 42
try:
    build(Point, 3)
except TypeError as e:
    print("TypeError:", e)
    tb = traceback.extract_tb(e.__traceback__)
    print([f.name for f in tb])


def init_raises(self, x):
    if x == 7:
        raise ValueError("seven")
    self.x = x


Point.__init__ = init_raises
try:
    build(Point, 40)
except ValueError as e:
    print("ValueError:", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
try:
    Point()
except TypeError as e:
    print("TypeError:", e)


class Back:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name
        self.back = sys._getframe().f_back.f_code.co_name


def who(n):
    return [(b.caller, b.back) for b in [Back() for _ in range(n)]][-1]


print(who(30))


# Recursion through __init__.
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


def depth(n):
    d = Deep(n)
    k = 0
    while d:
        d, k = d.child, k + 1
    return k


print(depth(50), depth(100))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError")


# super() forms.
class Base:
    tag = "base"

    def hello(self, x):
        return ("Base.hello", x)

    @classmethod
    def make(cls):
        return cls.__name__

    @staticmethod
    def stat(v):
        return v * 2

    @property
    def prop(self):
        return "prop"


class Child(Base):
    tag = "child"

    def hello(self, x):
        return ("Child",) + super().hello(x)

    def attrs(self):
        return (super().tag, super().prop, super().make(), super().stat(4), super().hello)

    @classmethod
    def make(cls):
        return "child-" + super().make()


def supers(n):
    c = Child()
    out = None
    for i in range(n):
        out = (c.hello(i), c.attrs()[:4], Child.make(), super(Child, c).hello(-i))
    return out


print(supers(60))
print(call_ops(Child.hello), call_ops(Child.attrs))


class GetattrSelf(Base):
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)

    def hello(self, x):
        return super().hello(x + 1)


print([GetattrSelf().hello(i) for i in range(30)][-1])


def shadowed(n):
    super = lambda *a: Base
    out = []

    class C(Base):
        def m(self):
            return super().tag
    for i in range(n):
        out.append(C().m())
    return out[-1]


print(shadowed(30))
try:
    class Bad(Base):
        def m(self):
            return super().nope
    [Bad().m() for _ in range(30)]
except AttributeError as e:
    print("AttributeError:", e)


class NotSub:
    def m(self):
        return super(Child, self).hello(1)


try:
    [NotSub().m() for _ in range(20)]
except TypeError as e:
    print("TypeError:", e)
