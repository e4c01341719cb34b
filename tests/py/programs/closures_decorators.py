import functools, time, inspect
def retry(times=3, exceptions=(ValueError,)):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"{fn.__name__} failed after {times} attempts")
        return wrapper
    return decorator
calls = {"n": 0}
@retry(times=3)
def flaky():
    calls["n"] += 1
    if calls["n"] < 3:
        raise ValueError(f"try {calls['n']}")
    return "success"
print(flaky())
@retry(times=2)
def always():
    raise ValueError("nope")
try:
    always()
except RuntimeError as e:
    print(e)
def singleton(cls):
    instances = {}
    @functools.wraps(cls, updated=())
    def get(*a, **k):
        if cls not in instances:
            instances[cls] = cls(*a, **k)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self):
        print("init config")
print(Config() is Config(), Config.__name__)
def validate(**types):
    def deco(fn):
        sig = inspect.signature(fn)
        @functools.wraps(fn)
        def inner(*a, **k):
            bound = sig.bind(*a, **k)
            for name, val in bound.arguments.items():
                if name in types and not isinstance(val, types[name]):
                    raise TypeError(f"{name} must be {types[name].__name__}")
            return fn(*a, **k)
        return inner
    return deco
@validate(x=int, y=str)
def combine(x, y="s"):
    return y * x
print(combine(3), combine(2, y="ab"))
try:
    combine("3")
except TypeError as e:
    print(e)
class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.__wrapped__(*a)
    def __get__(self, obj, objtype=None):
        return functools.partial(self, obj) if obj else self
@CountCalls
def hello(n):
    return "hi" * n
hello(1); hello(2)
print(hello.calls, hello.__name__)
class K:
    @CountCalls
    def m(self, v):
        return v + 1
k = K(); print(k.m(1), k.m(2), K.m.calls)
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(4)]
print([m(2) for m in make_multipliers()])
def accumulator():
    total = 0
    items = []
    def add(x):
        nonlocal total
        total += x
        items.append(x)
        return total
    add.items = items
    return add
acc = accumulator()
acc(5); acc(10)
print(acc(1), acc.items, acc.__code__.co_freevars, [c.cell_contents for c in acc.__closure__])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
x = "global"
def shadow():
    print(x)
    x = "local"
try:
    shadow()
except UnboundLocalError as e:
    print(e)
def g():
    global counter
    counter = 1
g(); print(counter)
def stacked(tag):
    def d(fn):
        def w(*a):
            return f"<{tag}>{fn(*a)}</{tag}>"
        return w
    return d
@stacked("b")
@stacked("i")
def txt(s):
    return s
print(txt("hi"))
def memoize(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(60), len(ways.cache))
print((lambda *a, **k: (a, k))(1, 2, z=3), (lambda: None).__name__, (lambda x: x).__qualname__)
def kwonly(a, *, b, c=3, **rest): return a, b, c, rest
print(kwonly(1, b=2, d=4))
try:
    kwonly(1, 2)
except TypeError as e:
    print(e)
try:
    kwonly(1)
except TypeError as e:
    print(e)
def posonly(a, b, /, c): return a + b + c
try:
    posonly(1, b=2, c=3)
except TypeError as e:
    print(e)
try:
    (lambda x: x)()
except TypeError as e:
    print(e)
try:
    combine(1, 2, 3)
except TypeError as e:
    print(e)
def f(a, b=[]):
    b.append(a)
    return b
print(f(1), f(2), f.__defaults__)
print(f.__kwdefaults__, kwonly.__kwdefaults__, kwonly.__code__.co_kwonlyargcount, posonly.__code__.co_posonlyargcount)
