# types.MappingProxyType, property, classmethod and staticmethod: behaviour, reprs, errors.
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

MP = type(type.__dict__)
d = {"a": 1, "b": 2}
p = MP(d)
print(p, type(p).__name__, len(p), p["a"], "a" in p, "z" in p, list(p), list(reversed(p)))
print(p.get("a"), p.get("z"), p.get("z", 0), list(p.keys()), list(p.values()), list(p.items()))
c = p.copy()
print(c, type(c).__name__, c is d)
print(p | {"c": 3}, {"c": 3} | p, type(p | {}).__name__)
print(p == d, p == {"a": 1}, p != d, str(p))
d["c"] = 3
print(p, len(p))
t("setitem", lambda: p.__setitem__("a", 5))
t("delitem", lambda: p.__delitem__("a"))
t("ior", lambda: p.__ior__({}))
t("missing", lambda: p["zz"])
t("list arg", lambda: MP([1, 2]))
t("tuple arg", lambda: MP((1, 2)))
t("no arg", lambda: MP())
t("kw", lambda: MP(mapping={}))
t("hash", lambda: hash(MP({})))
t("hash frozen", lambda: hash(MP(__import__("builtins").__dict__)) if False else "skip")
t("attribute", lambda: p.x)
print(type(MP[int]).__name__, MP[str, int])

class C:
    def __init__(self):
        self._x = 0

    def getx(self):
        "the x"
        return self._x

    def setx(self, v):
        self._x = v

    def delx(self):
        del self._x

    x = property(getx, setx, delx)
    ro = property(getx)

    @property
    def named(self):
        "named doc"
        return 42

    @named.setter
    def named(self, v):
        self._named = v

    @classmethod
    def cm(cls, a):
        return (cls.__name__, a)

    @staticmethod
    def sm(a, b=2):
        return a + b

o = C()
o.x = 5
print(o.x, C.x.__doc__, C.named.__doc__, C.x.fget is C.getx, C.ro.fset, C.x.__isabstractmethod__)
del o.x
t("deleted", lambda: o.x)
t("read-only set", lambda: setattr(o, "ro", 1))
t("read-only del", lambda: delattr(o, "ro"))
o.named = 3
print(o.named, o._named, C.named.__name__, C.x.__name__, C.ro.__name__)
print(property().__name__ if hasattr(property(), "__name__") else "no name")
t("no getter", lambda: C.__dict__["named"].deleter(None).__get__(o))
t("unreadable", lambda: property().__get__(o, C))
t("unset", lambda: property(lambda s: 1).__set__(o, 1))
t("undeletable", lambda: property(lambda s: 1).__delete__(o))
pr = property(lambda s: 1, doc="custom")
print(pr.__doc__, pr.getter(lambda s: 2).__doc__, property(C.getx).__doc__)
print(C.x.__get__(None, C) is C.x, type(C.__dict__["x"]).__name__)

class Named:
    p = property(lambda s: 1)

print(Named.p.__name__)
print(C.cm(1), o.cm(2), C.sm(1), o.sm(1, 3), C.__dict__["cm"].__func__ is C.cm.__func__)
cmo = C.__dict__["cm"]
smo = C.__dict__["sm"]
print(type(cmo).__name__, type(smo).__name__, cmo.__isabstractmethod__, smo.__wrapped__ is smo.__func__)
print(smo(5), cmo.__get__(None, C)(7), cmo.__get__(o)(8), smo.__get__(o)(1))
print(callable(smo), callable(cmo), repr(smo).startswith("<staticmethod("), repr(cmo).startswith("<classmethod("))
cmo2 = classmethod(len)
cmo2.extra = 1
print(cmo2.extra, cmo2.__dict__, classmethod(len).__doc__ == len.__doc__, staticmethod(len).__name__)
t("classmethod args", lambda: classmethod())
t("staticmethod args", lambda: staticmethod(1, 2))
t("classmethod kw", lambda: classmethod(f=len))
print(staticmethod(smo.__func__)(1), classmethod(cmo.__func__).__get__(None, int)(0))

def annotated(a: int) -> str:
    return str(a)

print(staticmethod(annotated).__annotations__, classmethod(annotated).__annotations__)
