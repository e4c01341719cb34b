"""A plugin/ORM-style framework: metaclasses, descriptors, __init_subclass__, super(), slots."""
import abc
import weakref


class Field:
    """A validating descriptor that knows its name."""
    counter = 0

    def __init__(self, kind, *, default=None, choices=None):
        self.kind, self.default, self.choices = kind, default, choices
        Field.counter += 1
        self.order = Field.counter

    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name} must be one of {self.choices}")
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        raise AttributeError(f"cannot delete {self.name}")


class ModelMeta(type):
    registry = {}

    def __new__(mcls, name, bases, ns, table=None, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        fields = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "_fields", {}))
        fields.update({k: v for k, v in ns.items() if isinstance(v, Field)})
        cls._fields = dict(sorted(fields.items(), key=lambda kv: kv[1].order))
        cls._table = table or name.lower() + "s"
        if bases:
            mcls.registry[name] = cls
        return cls

    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        obj._frozen = True
        return obj

    def __repr__(cls):
        return f"<model {cls.__name__} table={cls._table}>"

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases)
        ns["created_by_prepare"] = True
        return ns


class Model(metaclass=ModelMeta):
    id = Field(int, default=0)

    def __init__(self, **values):
        for k, v in values.items():
            if k not in self._fields:
                raise TypeError(f"{type(self).__name__} has no field {k!r}")
            setattr(self, k, v)

    def __setattr__(self, key, value):
        if getattr(self, "_frozen", False) and key in self._fields:
            raise AttributeError(f"{type(self).__name__} is frozen")
        super().__setattr__(key, value)

    def __repr__(self):
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}({inner})"


class User(Model, table="people"):
    name = Field(str, default="")
    role = Field(str, default="guest", choices=("guest", "admin"))


class Admin(User):
    level = Field(int, default=1)

    def __init__(self, **values):
        values.setdefault("role", "admin")
        super().__init__(**values)


u = User(id=1, name="ann")
a = Admin(id=2, name="root", level=9)
print(u, a, User, Admin, Model.registry.keys())
print(list(Admin._fields), type(User.name).__name__, type(User.__dict__["name"]).__name__, User.created_by_prepare)
for bad in [dict(id="x"), dict(role="boss"), dict(nick="n")]:
    try:
        User(**bad)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)
try:
    u.name = "bob"
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    del a.level
except AttributeError as exc:
    print("AttributeError:", exc)
print(type(User), type(type(User)), isinstance(a, User), issubclass(Admin, Model), Admin.__mro__)


class Plugin:
    plugins = []

    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.plugins.append(cls)
        Plugin.plugins.sort(key=lambda c: -c.priority)

    def run(self, data):
        return data


class Upper(Plugin, name="up", priority=5):
    def run(self, data):
        return super().run(data).upper()


class Strip(Plugin, priority=10):
    def run(self, data):
        return super().run(data).strip()


class Exclaim(Upper, name="bang"):
    def run(self, data):
        return super().run(data) + "!"


data = "  hello  "
for p in Plugin.plugins:
    data = p().run(data)
    print(p.plugin_name, p.priority, repr(data))
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as exc:
    print("TypeError:", exc)


# Cooperative multiple inheritance
class Base:
    def __init__(self, **kw):
        self.trail = ["Base"]
        super().__init__(**kw)

    def describe(self):
        return ["Base"]


class Timestamped(Base):
    def __init__(self, ts=0, **kw):
        super().__init__(**kw)
        self.ts = ts
        self.trail.append("Timestamped")

    def describe(self):
        return ["Timestamped"] + super().describe()


class Named(Base):
    def __init__(self, name="?", **kw):
        super().__init__(**kw)
        self.name = name
        self.trail.append("Named")

    def describe(self):
        return ["Named"] + super().describe()


class Record(Timestamped, Named):
    def describe(self):
        return ["Record"] + super().describe()


r = Record(ts=5, name="rec")
print(r.trail, r.describe(), [c.__name__ for c in Record.__mro__], r.ts, r.name)
try:
    class Conflict(Named, Record):
        pass
except TypeError as exc:
    print("TypeError:", exc)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @property
    @abc.abstractmethod
    def sides(self): ...

    def __lt__(self, other):
        return self.area() < other.area()


class Sq(Shape):
    __slots__ = ("s",)

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def sides(self):
        return 4


try:
    Shape()
except TypeError as exc:
    print("TypeError:", exc)


class Half(Shape):
    def area(self):
        return 0


try:
    Half()
except TypeError as exc:
    print("TypeError:", exc)
print(sorted([Sq(3), Sq(1), Sq(2)], key=lambda s: s.s)[0].s, min(Sq(3), Sq(2)).s, Sq(2).sides)
try:
    Sq(1).color = "red"
except AttributeError as exc:
    print("AttributeError:", exc)


class Seq(abc.ABC):
    pass


Seq.register(list)
print(isinstance([], Seq), issubclass(tuple, Seq), Shape.__abstractmethods__ == frozenset({"area", "sides"}))


class Temperature:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature()
t.celsius = 100
print(t.fahrenheit, Temperature.celsius.__doc__)
try:
    t.fahrenheit = 5
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    t.celsius = -300
except ValueError as exc:
    print("ValueError:", exc)
try:
    del t.celsius
except AttributeError as exc:
    print("AttributeError:", exc)


class Lazy:
    def __getattr__(self, name):
        if name.startswith("x_"):
            value = name[2:] * 2
            setattr(self, name, value)
            return value
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return super().__getattribute__(name)


lz = Lazy()
print(lz.x_ab, vars(lz))
for attr in ("nothing", "secret"):
    try:
        getattr(lz, attr)
    except AttributeError as exc:
        print("AttributeError:", exc)
print(getattr(lz, "nothing", "default"), hasattr(lz, "secret"))


class Observable:
    def __init__(self):
        self._observers = weakref.WeakSet()

    def subscribe(self, o):
        self._observers.add(o)

    def notify(self, msg):
        return sorted(o.got(msg) for o in self._observers)


class Observer:
    def __init__(self, name):
        self.name = name

    def got(self, msg):
        return f"{self.name}:{msg}"


obs = Observable()
o1, o2 = Observer("a"), Observer("b")
obs.subscribe(o1)
obs.subscribe(o2)
print(obs.notify("hi"))
del o2
print(obs.notify("again"))
cache = weakref.WeakValueDictionary()
cache["k"] = o1
r = weakref.ref(o1, lambda ref: print("finalized callback"))
print(cache.get("k") is o1, r() is o1)
del o1
print(cache.get("k"), r())
fin = weakref.finalize(Observer("z"), print, "finalize ran")
print(fin.alive)


class Singleton(type):
    _instances = {}

    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v


print(Config(1).v, Config(2).v, Config() is Config())
print(type("Dyn", (Base,), {"x": 1, "describe": lambda self: ["Dyn"]})().describe())
class WithClassGetItem:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(WithClassGetItem[int])
