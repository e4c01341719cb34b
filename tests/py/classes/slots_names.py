# __slots__ entries: identifier check on the whole str, the compiler's own names are allowed.
def attempt(label, make):
    try:
        cls = make()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", sorted(k for k in cls.__dict__ if not k.startswith("__") or "cell" in k or "qual" in k))

attempt("control char", lambda: type("A", (), {"__slots__": [chr(128)]}))
attempt("nbsp", lambda: type("A", (), {"__slots__": ["a\xa0"]}))
attempt("greek", lambda: type("A", (), {"__slots__": ["\u03b1\u03b2"]}))
attempt("digit start", lambda: type("A", (), {"__slots__": ["1a"]}))
attempt("empty", lambda: type("A", (), {"__slots__": [""]}))

class Meta(type):
    def __new__(mcls, name, bases, ns, attr):
        print("in namespace:", attr in ns)
        return super().__new__(mcls, name, bases, ns)

class Base:
    def __init__(self):
        self.seen = True

class WithCell(Base, metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__", "seen"]
    def __init__(self):
        super().__init__()

w = WithCell()
print(type(WithCell.__dict__["__classcell__"]).__name__, w.seen)
print(hasattr(w, "__classcell__"))
w.__classcell__ = 5
print(w.__classcell__)

class WithQual(metaclass=Meta, attr="__qualname__"):
    __slots__ = ["__qualname__"]
print(WithQual.__qualname__)

try:
    class Bad:
        __classcell__ = 42
        __slots__ = ["__classcell__"]
except TypeError as e:
    print("TypeError", e)

try:
    class Conflict:
        x = 1
        __slots__ = ["x"]
except ValueError as e:
    print("ValueError", e)
