"""functools in a real setting: a shape library with singledispatch, caching and ordering."""
import functools
import math
from functools import (cache, cached_property, lru_cache, partial, partialmethod, reduce,
                       singledispatch, singledispatchmethod, total_ordering, wraps)


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "Version(%r)" % ".".join(map(str, self.parts))


vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs), Version("1.2") >= Version("1.2"), Version("2") > Version("10"))
try:
    Version("1") <= 3
except TypeError as exc:
    print("total_ordering:", exc)


@singledispatch
def area(shape):
    raise TypeError(f"no area for {type(shape).__name__}")


class Circle:
    def __init__(self, r):
        self.r = r


class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


@area.register
def _(shape: Circle):
    return math.pi * shape.r ** 2


@area.register(Rect)
def _rect(shape):
    return shape.w * shape.h


@area.register
def _(shape: int | float):
    return shape


@area.register(list)
def _(shape):
    return sum(area(s) for s in shape)


print(f"{area(Circle(1)):.4f}", area(Rect(2, 3)), area(Square(4)), area(2.5), area(7))
print(f"{area([Circle(2), Square(1), 3]):.3f}")
try:
    area("text")
except TypeError as exc:
    print(exc)
print(area.dispatch(Square).__name__, area.dispatch(bool).__name__, sorted(
    t.__name__ for t in area.registry if t is not object))


class Formatter:
    @singledispatchmethod
    def fmt(self, value):
        return f"<{value!r}>"

    @fmt.register
    def _(self, value: int):
        return f"int:{value:+d}"

    @fmt.register
    def _(self, value: list):
        return "[" + ", ".join(self.fmt(v) for v in value) + "]"


print(Formatter().fmt([1, "a", [2, None]]))


calls = []


@lru_cache(maxsize=3)
def slow_square(n):
    calls.append(n)
    return n * n


for n in [1, 2, 3, 1, 4, 2, 5, 1]:
    slow_square(n)
print(calls, slow_square.cache_info())
slow_square.cache_clear()
print(slow_square.cache_info(), slow_square.__wrapped__(9), slow_square.cache_parameters())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), fib.cache_info())


@lru_cache(typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind.cache_info().currsize)


class Dataset:
    loads = 0

    def __init__(self, values):
        self.values = values

    @cached_property
    def stats(self):
        Dataset.loads += 1
        n = len(self.values)
        mean = sum(self.values) / n
        var = sum((v - mean) ** 2 for v in self.values) / n
        return {"n": n, "mean": mean, "sd": round(math.sqrt(var), 4)}


d = Dataset([2, 4, 4, 4, 5, 5, 7, 9])
print(d.stats, d.stats is d.stats, Dataset.loads, "stats" in vars(d))
del d.stats
d.values.append(11)
print(d.stats["n"], Dataset.loads, Dataset.stats.attrname)


def log_calls(prefix):
    def deco(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            result = fn(*args, **kwargs)
            print(f"{prefix}{fn.__name__}{args}{kwargs or ''} -> {result}")
            return result
        return wrapper
    return deco


@log_calls(">> ")
def combine(a, b, *, sep="-"):
    """Join two things."""
    return f"{a}{sep}{b}"


combine(1, 2)
combine("x", "y", sep="+")
print(combine.__name__, combine.__doc__, combine.__wrapped__.__name__)

to_hex = partial(int, base=16)
print(to_hex("ff"), to_hex("10", base=8), repr(partial(max, 1, key=abs)).split(" at ")[0])
p2 = partial(partial(pow, 2), 10)
print(p2(), p2.func, p2.args)


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, state):
        self.state = state

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)


c = Cell()
c.set_alive()
print(c.state)
c.set_dead()
print(c.state)
print(reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]), reduce(max, [], "empty"))
try:
    reduce(max, [])
except TypeError as exc:
    print(exc)
key = functools.cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b)) or
                           (a > b) - (a < b))
print(sorted(["ccc", "a", "bb", "aa", "b"], key=key))
print(functools.update_wrapper(lambda: None, combine).__name__)
