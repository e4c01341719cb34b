import abc, weakref

class Registry(type):
    classes = {}
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"_order": []}
    def __new__(mcls, name, bases, ns, **kw):
        ns["_order"] = [k for k in ns if not k.startswith("_")]
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes[name] = cls
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.tag = kw.get("tag", "none")
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj._created = True
        return obj
    def __repr__(cls):
        return f"<class {cls.__name__} tag={cls.tag}>"
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack") or super().__instancecheck__(inst)

class Model(metaclass=Registry, tag="m"):
    b = 1
    a = 2
    def z(self): pass

class Sub(Model):
    c = 3

class Duck:
    quack = True

print(Registry.classes, Model._order, Sub._order, Sub.tag, Model().__dict__)
print(isinstance(Duck(), Model), isinstance(3, Model), type(Model), Registry.__mro__)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        raise AttributeError(f"can't delete {self.name}")

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name, self.age = name, age

p = Person("Ann", 30)
print(p.name, p.age, vars(p), Person.name.kind)
for bad in (("Bob", "x"), (3, 4)):
    try:
        Person(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    del p.age
except AttributeError as e:
    print("AttributeError:", e)

class Plugin:
    plugins = []
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        if key is None:
            raise TypeError(f"{cls.__name__} needs a key")
        cls.key = key
        Plugin.plugins.append(cls)

class A(Plugin, key="a"): pass
class B(A, key="b"): pass
try:
    class C(Plugin): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(Plugin, key="d", extra=1): pass
except TypeError as e:
    print("TypeError:", e)
print([c.key for c in Plugin.plugins])

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def sides(self): ...
    def describe(self):
        return f"{type(self).__name__} area={self.area()} sides={self.sides}"

class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def sides(self): return 4

class Half(Shape):
    def area(self): return 0
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).describe(), Shape.__abstractmethods__ == frozenset({"area", "sides"}), Half.__abstractmethods__)

class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v
class Data:
    @Lazy
    def heavy(self):
        print("computing")
        return 42
d = Data(); print(d.heavy, d.heavy, "heavy" in d.__dict__)

class Slotted:
    __slots__ = ("a", "b", "__weakref__")
    def __init__(self): self.a = 1
s = Slotted()
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError:", e)
r = weakref.ref(s); print(r() is s, Slotted.a, type(Slotted.a).__name__)
class SlotChild(Slotted):
    __slots__ = ("c",)
sc = SlotChild(); sc.c = 5; print(sc.a, sc.c, SlotChild.__slots__)
try:
    class Conflict(Slotted):
        __slots__ = ("a",)
        a = 5
except ValueError as e:
    print("ValueError:", e)

class GetAttr:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
g = GetAttr(); print(g.real, g.xyz)
for n in ("secret", "nope"):
    try:
        getattr(g, n)
    except AttributeError as e:
        print("AttributeError:", e)

class Meta2(type):
    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
    @property
    def count(cls):
        return len(cls.__dict__)
class Gen(metaclass=Meta2):
    def __class_getitem__(cls, item):
        return f"cgi {item}"
print(Gen[int], type(Gen).count.__class__.__name__)
class MroEntries:
    def __mro_entries__(self, bases):
        return (dict,)
class FromEntries(MroEntries()):
    pass
print(FromEntries.__bases__, FromEntries.__orig_bases__[0].__class__.__name__)
try:
    class X(metaclass=Registry, tag="1"):
        pass
    class Y(X, Model, int):
        pass
except TypeError as e:
    print("TypeError:", e)
class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Bad(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(int, str): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class O1: pass
    class O2(O1): pass
    class Bad3(O1, O2): pass
except TypeError as e:
    print("TypeError:", e)
