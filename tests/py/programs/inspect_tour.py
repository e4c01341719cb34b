import inspect, functools, collections

def f(a, b: int = 2, /, c=3, *args, d, e: "str" = "x", **kw) -> list:
    """Do f.

        Indented detail.
    """
    return [a, b, c, args, d, e, kw]

class Base:
    """Base doc."""
    cls_attr = 1
    def method(self, x, y=1):
        return x + y
    @classmethod
    def cm(cls, z):
        return z
    @staticmethod
    def sm(q, *, r=0):
        return q
    @property
    def prop(self):
        "the prop"
        return 5

class Child(Base):
    def method(self, x, y=2, *extra):
        return super().method(x, y)

def gen():
    yield 1

async def coro():
    pass

sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.kind.description, p.default is p.empty, p.annotation)
print(sig.return_annotation)
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba, ba.arguments)
ba.apply_defaults()
print(ba.args, ba.kwargs)
try:
    sig.bind(1, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    sig.bind()
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(Base.method), inspect.signature(Base().method), inspect.signature(Base.cm), inspect.signature(Base.sm))
print(inspect.signature(Child), inspect.signature(functools.partial(f, 1, d=4)))
print(inspect.signature(Base.method.__get__))
print(inspect.signature(lambda *, k=1: k), inspect.signature(collections.namedtuple("P", "x y")))
print(inspect.getdoc(f))
print(repr(inspect.cleandoc("   a\n     b\n   c  ")))
print(inspect.getsource(Base.method), end="")
print(inspect.getsourcelines(gen)[1], inspect.getfile(f) == __file__)
print(inspect.isfunction(f), inspect.ismethod(Base().method), inspect.isgeneratorfunction(gen), inspect.iscoroutinefunction(coro), inspect.isclass(Base), inspect.isbuiltin(len), inspect.isroutine(len))
print([n for n, _ in inspect.getmembers(Child) if not n.startswith("__")])
print([n for n, _ in inspect.getmembers(Child, inspect.isfunction)])
print(inspect.getmro(Child))
print(type(inspect.getattr_static(Base, "cm")).__name__, type(inspect.getattr_static(Base(), "prop")).__name__)
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, d=9))
def outer():
    x = 10
    def inner():
        return x
    return inner
print(inspect.getclosurevars(outer()))
fr = inspect.currentframe()
info = inspect.getframeinfo(fr)
print(info.function, info.lineno, info.code_context, info.positions)
def where():
    st = inspect.stack()
    return [(s.function, s.lineno) for s in st[:2]]
print(where())
g = gen()
print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
c = coro(); print(inspect.getcoroutinestate(c)); c.close()
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
new = sig.replace(parameters=list(sig.parameters.values())[:3], return_annotation=inspect.Signature.empty)
print(new, new == inspect.signature(lambda a, b=2, /, c=3: 0))
try:
    inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=1), inspect.Parameter("b", inspect.Parameter.POSITIONAL_OR_KEYWORD)])
except ValueError as e:
    print("ValueError:", e)
@functools.wraps(f)
def wrapper(*a, **k):
    return f(*a, **k)
print(inspect.signature(wrapper), inspect.unwrap(wrapper) is f)
print(inspect.get_annotations(f), inspect.formatannotation(list[int]))
print(inspect.isabstract(Base), inspect.ismodule(inspect), inspect.getmodulename("pkg/mod.py"))
class WithSig:
    __signature__ = inspect.Signature([inspect.Parameter("only", inspect.Parameter.POSITIONAL_ONLY)])
    def __call__(self, *a):
        pass
print(inspect.signature(WithSig))
for b in (int, range):
    try:
        inspect.signature(b)
    except ValueError as e:
        print("ValueError:", e)
try:
    inspect.signature(1)
except TypeError as e:
    print("TypeError:", e)
