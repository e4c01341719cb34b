# Decorators: plain, with arguments, stacked, class decorators, functools.wraps.
import functools
def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f'call {func.__name__}{args}{kwargs if kwargs else ""}')
        result = func(*args, **kwargs)
        print(f'  -> {result!r}')
        return result
    return wrapper
@trace
def add(a, b=0):
    """Adds."""
    return a + b
add(1, 2); add(3, b=4)
print(add.__name__, add.__doc__, add.__wrapped__(10, 20))
def repeat(times):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'), hello.__name__)
def tag(label):
    def deco(f):
        print('decorating', f.__name__, 'with', label)
        f.tags = getattr(f, 'tags', []) + [label]
        return f
    return deco
@tag('outer')
@tag('inner')
def target(): pass
print(target.tags)
def register(cls):
    cls.registered = True
    return cls
@register
class Thing: pass
print(Thing.registered)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@CountCalls
def sq(x): return x * x
sq(2); sq(3)
print(sq.calls, sq(4))
@(lambda f: lambda: f().upper())
def shout(): return 'quiet'
print(shout())
decos = {'double': lambda f: lambda x: 2 * f(x)}
@decos['double']
def inc(x): return x + 1
print(inc(5))
@functools.singledispatch
def show(x): return f'object {x}'
@show.register
def _(x: int): return f'int {x}'
@show.register(list)
def _(x): return f'list of {len(x)}'
print(show('s'), show(3), show([1, 2]), show(True))
@functools.cache
def slow(x):
    print('computing', x)
    return x * 2
print(slow(4), slow(4), slow(5))
print(functools.partial(add.__wrapped__, 1)(2), functools.reduce(lambda a, b: a * b, range(1, 6)))
