import functools
from functools import lru_cache, singledispatch, singledispatchmethod, total_ordering, cached_property, partial, wraps, reduce, cache
import weakref

@lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__wrapped__(10) if False else fib(10))

@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), fact.cache_info())

@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
@describe.register
def _(x: str | bytes):
    return f"text {x!r}"
for v in (1, "s", b"b", [1, 2], 2.5, True):
    print(describe(v))
print(describe.dispatch(bool).__name__, sorted(k.__name__ for k in describe.registry))

class Shape:
    @singledispatchmethod
    def area(self, arg):
        raise NotImplementedError(type(arg).__name__)
    @area.register
    def _(self, arg: int):
        return arg * arg
print(Shape().area(4))
try:
    Shape().area("x")
except NotImplementedError as e:
    print("NotImplementedError", e)

@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), Version("1.0") >= Version("0.9"), Version("1.0") <= Version("0.9"))

class Data:
    def __init__(self, n):
        self.n = n
    @cached_property
    def expensive(self):
        print("computing")
        return sum(range(self.n))
d = Data(100)
print(d.expensive, d.expensive, "expensive" in d.__dict__)
del d.expensive
print(d.expensive)

def log_calls(prefix="call"):
    def deco(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            print(f"{prefix}: {fn.__name__}{args}{kwargs or ''}")
            return fn(*args, **kwargs)
        return wrapper
    return deco

@log_calls("trace")
def add(a, b=2):
    """Add two numbers."""
    return a + b
print(add(1), add(1, b=5), add.__name__, add.__doc__, add.__wrapped__.__name__)
p = partial(int, base=2)
print(p("1011"), p, p.func, p.args, p.keywords)
p2 = partial(add, 10)
print(p2(5))
print(reduce(lambda a, b: a * b, range(1, 8), 1))
print(functools.cmp_to_key(lambda a, b: (a > b) - (a < b))(3) < functools.cmp_to_key(lambda a, b: (a > b) - (a < b))(4))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: -1 if a.lower() < b.lower() else 1)))

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
c(); c(); print(c(10), c.__closure__[0].cell_contents, c.__code__.co_freevars)
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
funcs = [lambda x: x + i for i in range(3)]
print([f(10) for f in funcs])

class Memo:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.cache = {}
    def __call__(self, *a):
        if a not in self.cache:
            self.cache[a] = self.fn(*a)
        return self.cache[a]
@Memo
def sq(x):
    "square"
    return x * x
print(sq(4), sq(4), sq.cache, sq.__doc__, sq.__name__)
pm = functools.partialmethod
class Cell:
    def set_state(self, state):
        self.state = state
    set_alive = pm(set_state, True)
c = Cell(); c.set_alive(); print(c.state)
print(repr(functools.partial(print, sep="-")).startswith("functools.partial(<built-in function print>"))
