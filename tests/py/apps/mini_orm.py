"""A tiny ORM: descriptors, metaclasses, __init_subclass__, __set_name__, weakrefs, abc."""
import abc
import weakref
import itertools
from collections.abc import MutableMapping, Iterator
from functools import total_ordering


class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field


class Field(abc.ABC):
    _counter = itertools.count()

    def __init__(self, *, default=None, required=True):
        self.default = default
        self.required = required
        self.order = next(Field._counter)

    def __set_name__(self, owner, name):
        self.name = name
        self.attr = "_f_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.attr, self.default)

    def __set__(self, obj, value):
        if value is None and self.required and self.default is None:
            raise ValidationError(self.name, "required")
        if value is not None:
            value = self.validate(value)
        setattr(obj, self.attr, value)

    def __delete__(self, obj):
        raise AttributeError(f"cannot delete field {self.name!r}")

    @abc.abstractmethod
    def validate(self, value): ...

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class IntField(Field):
    def __init__(self, *, min=None, max=None, **kw):
        super().__init__(**kw)
        self.min, self.max = min, max

    def validate(self, value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(self.name, f"expected int, got {type(value).__name__}")
        if self.min is not None and value < self.min:
            raise ValidationError(self.name, f"{value} < {self.min}")
        if self.max is not None and value > self.max:
            raise ValidationError(self.name, f"{value} > {self.max}")
        return value


class StrField(Field):
    def __init__(self, *, maxlen=50, **kw):
        super().__init__(**kw)
        self.maxlen = maxlen

    def validate(self, value):
        value = str(value).strip()
        if len(value) > self.maxlen:
            raise ValidationError(self.name, f"too long ({len(value)} > {self.maxlen})")
        return value


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self) -> Iterator:
        return iter(sorted(self._d))

    def __len__(self):
        return len(self._d)


REGISTRY = Registry()


class ModelMeta(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        table = kw.pop("table", name.lower() + "s")
        cls = super().__new__(mcls, name, bases, ns, **kw)
        fields = {}
        for base in reversed(cls.__mro__):
            for k, v in vars(base).items():
                if isinstance(v, Field):
                    fields[k] = v
        cls._fields = dict(sorted(fields.items(), key=lambda kv: kv[1].order))
        cls._table = table
        if not ns.get("__abstract__"):
            REGISTRY[name] = cls
        return cls

    def __prepare__(name, bases, **kw):
        return {"__created_by__": "ModelMeta"}

    def __repr__(cls):
        return f"<model {cls.__name__} table={cls._table}>"


@total_ordering
class Model(metaclass=ModelMeta):
    __abstract__ = True
    _ids = itertools.count(1)
    _instances = weakref.WeakValueDictionary()
    id = IntField(required=False)

    def __init_subclass__(cls, audited=False, **kw):
        super().__init_subclass__(**kw)
        cls.audited = audited

    def __init__(self, **values):
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} got unexpected fields {sorted(unknown)}")
        for name, f in self._fields.items():
            if name == "id":
                continue
            setattr(self, name, values.get(name, f.default))
        self.id = next(Model._ids)
        Model._instances[self.id] = self

    def __repr__(self):
        vals = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}({vals})"

    def __eq__(self, other):
        if not isinstance(other, Model):
            return NotImplemented
        return (type(self).__name__, self.id) == (type(other).__name__, other.id)

    def __lt__(self, other):
        return (type(self).__name__, self.id) < (type(other).__name__, other.id)

    def __hash__(self):
        return hash((type(self).__name__, self.id))

    def to_row(self):
        return tuple(getattr(self, k) for k in self._fields)


class User(Model, table="people", audited=True):
    name = StrField(maxlen=10)
    age = IntField(min=0, max=150, default=18)


class Admin(User):
    level = IntField(min=1, max=3, default=1)

    @property
    def title(self):
        return f"{self.name} (L{self.level})"


class Post(Model):
    title = StrField()
    author_id = IntField()
    __slots__ = ()


u = User(name="  alice ", age=30)
a = Admin(name="root", level=3)
p = Post(title="Hello", author_id=u.id)
print(u, a, p, sep="\n")
print(User, Admin, Post, User._table, Admin._table, Post._table, User.audited, Post.audited)
print(list(REGISTRY), len(REGISTRY), "Model" in REGISTRY, REGISTRY.get("User") is User)
print(list(Admin._fields), Admin.name, User.__dict__["age"].min, Admin.__created_by__)
print(a.title, a.to_row(), sorted([p, a, u]), u == User.__new__(User) if False else u != a)
for bad in [lambda: User(name="x" * 20), lambda: User(name="bob", age=-1), lambda: User(name="bob", age="3"),
            lambda: User(name="bob", age=True), lambda: Post(title=None, author_id=1), lambda: User(nam="typo"),
            lambda: delattr(u, "name"), lambda: Field(), lambda: setattr(a, "level", 4)]:
    try:
        bad()
    except ValidationError as e:
        print("ValidationError:", e, "| field", e.field)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(sorted(Model._instances.keys()))
del p
import gc; gc.collect()
print(sorted(Model._instances.keys()), isinstance(u, Model), issubclass(Admin, User), Admin.__mro__[1:3])
print(User.__abstractmethods__ if hasattr(User, "__abstractmethods__") else None, IntField.__abstractmethods__, Field.__abstractmethods__)
wr = weakref.ref(u, lambda r: print("user collected", r() is None))
print(wr() is u)
del u
gc.collect()
print(wr())
ws = weakref.WeakSet([a])
print(len(ws), a in ws)
try:
    Post(title="t", author_id=1).extra = 5
except AttributeError as e:
    print("AttributeError:", e)


class Meta2(type):
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created = True
        return inst

    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")


class Duck(metaclass=Meta2):
    pass


class Robot:
    quack = True


print(Duck().created, isinstance(Robot(), Duck), isinstance(1, Duck), type(Duck).__name__)
print(type("Dyn", (User,), {"extra": StrField(default="e")})(name="dyn"))
