# __slots__, __init_subclass__, __set_name__, metaclasses, descriptors and __class__ cells,
# with the errors of their misuse.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
check("slots read unset", lambda: p.y)
check("slots set other", lambda: setattr(p, "z", 1))
check("slots no dict", lambda: p.__dict__)
check("slots members", lambda: (type(P.x).__name__, P.x.__name__, P.__slots__))
check("slots del", lambda: (delattr(p, "x"), hasattr(p, "x")))
check("slots del again", lambda: delattr(p, "x"))


class Q(P):
    pass


q = Q(2)
q.extra = 3
check("slots subclass dict", lambda: (q.__dict__, q.x))
check("slots conflict", lambda: type("R", (), {"__slots__": ("a",), "a": 1}))
check("slots dict twice", lambda: type("R", (Q,), {"__slots__": ("__dict__",)}))
check("slots bad name", lambda: type("R", (), {"__slots__": ("1a",)}))
check("slots str", lambda: type("R", (), {"__slots__": "abc"})().__class__.__slots__)
check("slots weakref", lambda: "__weakref__" in dir(type("R", (), {"__slots__": ("__weakref__",)})))
check("slots int base", lambda: type("R", (int,), {"__slots__": ("a",)}))
check("slots layout", lambda: type("R", (P, type("S", (), {"__slots__": ("b",)})), {}))


class Base:
    registry = []

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.registry.append(cls.__name__)


class A(Base, tag="a"):
    pass


class B(A):
    pass


check("init_subclass", lambda: (A.tag, B.tag, Base.registry))
check("init_subclass bad kw", lambda: type("C", (Base,), {}, color=1))
check("object init_subclass kw", lambda: type("C", (), {}, x=1))


class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return f"{self.owner}.{self.name} of {type(obj).__name__}"


class Host:
    first = Named()
    second = Named()


check("set_name", lambda: (Host.first.name, Host().second, Host.__dict__["first"].owner))


class BadName:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)


def make_bad():
    class H:
        attr = BadName()
    return H


check("set_name error", make_bad)
try:
    make_bad()
except ValueError as e:
    print("notes:", getattr(e, "__notes__", None))


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        inst = super().__call__(*args, **kwargs)
        inst.called = True
        return inst

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"prepared": name}

    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"


class M(metaclass=Meta, flag=1):
    def __init__(self, v):
        self.v = v


m = M(5)
check("meta", lambda: (M.made_by, M.kw, M.prepared, m.called, m.v, repr(M), type(M).__name__))


class Meta2(type):
    pass


check("meta conflict", lambda: type("X", (M, type("Y", (), {}, metaclass=Meta2)), {}))
check("meta prepare bad", lambda: type.__prepare__())


class NoProp(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 1


def make_noprop():
    class Z(metaclass=NoProp):
        pass


check("prepare non-mapping", make_noprop)


class Sup:
    def who(self):
        return "Sup"


class Sub(Sup):
    def who(self):
        return "Sub>" + super().who()

    @classmethod
    def cm(cls):
        return super().who

    def cell(self):
        return __class__


check("super", lambda: (Sub().who(), Sub.cm().__name__, Sub().cell().__name__))
check("super no args", lambda: super())


class CellMeta(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)


def lose_cell():
    class W(metaclass=CellMeta):
        def f(self):
            return __class__


check("classcell lost", lose_cell)


class Rev:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return f"radd({other})"

    def __eq__(self, other):
        return isinstance(other, Rev) and self.v == other.v

    __hash__ = None


check("radd", lambda: 1 + Rev(2))
check("add both NotImpl", lambda: Rev(1) + Rev(2))
check("unhashable class", lambda: hash(Rev(1)))
check("eq", lambda: (Rev(1) == Rev(1), Rev(1) != Rev(2), Rev(1) == 1))


class DataDesc:
    def __get__(self, obj, objtype=None):
        return "data"

    def __set__(self, obj, value):
        obj.__dict__["_set"] = value


class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"


class D:
    d = DataDesc()
    n = NonData()


o = D()
o.__dict__["d"] = "inst"
o.__dict__["n"] = "inst"
check("descriptor priority", lambda: (o.d, o.n))
o.d = 5
check("descriptor set", lambda: o.__dict__["_set"])
check("class attr", lambda: (D.d, D.n))


class BadBases:
    pass


def set_bases():
    class A1:
        def f(self):
            return "A1"

    class A2:
        def f(self):
            return "A2"

    class C(A1):
        pass

    c = C()
    before = c.f()
    C.__bases__ = (A2,)
    return before, c.f(), C.__mro__[1].__name__, A2.__subclasses__()[0].__name__


check("set __bases__", set_bases)
check("set __bases__ bad", lambda: setattr(BadBases, "__bases__", ()))
check("set __bases__ cycle", lambda: setattr(Base, "__bases__", (A,)))
check("set __bases__ int", lambda: setattr(BadBases, "__bases__", (int,)))
check("set __bases__ builtin", lambda: setattr(int, "__bases__", (object,)))
check("set __bases__ type", lambda: setattr(BadBases, "__bases__", [object]))
check("set __bases__ item", lambda: setattr(BadBases, "__bases__", (1,)))
check("set __class__", lambda: setattr(o, "__class__", int))


class Abstract:
    def __init_subclass__(cls):
        cls.sub = True


check("init_subclass implicit classmethod", lambda: type("K", (Abstract,), {}).sub)
check("class getitem", lambda: type("G", (), {"__class_getitem__": lambda cls, item: (cls.__name__, item)})[int])
check("dict keys", lambda: [k for k in type("E", (), {"x": 1}).__dict__ if not k.startswith("__")])
check("qualname", lambda: (Sub.cell.__qualname__, Meta.__call__.__qualname__))
check("mro", lambda: [c.__name__ for c in B.__mro__])
check("mro conflict", lambda: type("X", (A, Base), {}))
check("dup base", lambda: type("X", (A, A), {}))
check("firstlineno static", lambda: (Host.__firstlineno__, sorted(Host.__static_attributes__)))
