# Closures and decorators: nested functions reading and rebinding cells, decorator stacks
# built with functools.wraps, function factories and callbacks.
import functools


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def make_adder(k):
    return lambda v: v + k


def logged(fn):
    calls = [0]

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls[0] += 1
        return fn(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


def cached(fn):
    memo = {}

    def wrapper(a, b):
        key = (a, b)
        if key in memo:
            return memo[key]
        value = memo[key] = fn(a, b)
        return value
    return wrapper


def clamp(lo, hi):
    def deco(fn):
        def wrapper(v):
            r = fn(v)
            return lo if r < lo else hi if r > hi else r
        return wrapper
    return deco


@logged
def scale(v, factor=2):
    return v * factor


@clamp(0, 1000)
@logged
def square(v):
    return v * v


@cached
def combine(a, b):
    return a * 31 + b


def compose(*fns):
    def run(v):
        for f in fns:
            v = f(v)
        return v
    return run


def run(n):
    inc = counter()
    adders = [make_adder(k) for k in range(10)]
    pipeline = compose(make_adder(1), make_adder(2), lambda v: v % 97)
    total = 0
    for i in range(n):
        inc()
        total += adders[i % 10](i)
        total += scale(i, factor=3) + square(i % 50)
        total += combine(i % 20, i % 7)
        total += pipeline(i)
    return total, inc(0), scale.calls[0], scale.__name__


for _ in range(3):
    result = run(100000)
print(result)
