# Generator state and introspection: inspect.getgeneratorstate, gi_yieldfrom, gi_frame locals,
# close() return values (3.13+), exceptions thrown into suspended generators.
import inspect
def worker():
    total = 0
    try:
        while True:
            value = yield total
            total += value
    except GeneratorExit:
        return total
g = worker()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), g.gi_frame.f_locals['total'])
g.send(5); g.send(7)
print(g.gi_frame.f_locals['total'], g.close(), inspect.getgeneratorstate(g), g.gi_frame)
def inner():
    yield 'i1'
    yield 'i2'
def outer():
    yield from inner()
o = outer()
next(o)
print(o.gi_yieldfrom.__name__, o.gi_running, o.gi_code.co_name, o.gi_suspended)
print(list(o), o.gi_yieldfrom)
def catches():
    while True:
        try:
            yield
        except KeyError as e:
            print('caught', repr(e))
c = catches(); next(c)
c.throw(KeyError('a'))
c.throw(KeyError, KeyError('b'))
try:
    c.throw(ValueError('x'))
except ValueError as e:
    print('escaped', e, inspect.getgeneratorstate(c))
def returns_on_close():
    try:
        yield 1
    finally:
        return 'from finally'
r = returns_on_close(); next(r)
print(r.close())
def never_started():
    yield 1
print(never_started().close())
import itertools
counter = itertools.count()
gens = [(lambda k: (k * i for i in range(3)))(k) for k in range(3)]
print([list(gn) for gn in gens])
def gen_with_locals(a):
    b = a * 2
    yield locals()
print(next(gen_with_locals(4)))
print(type(g).__name__, inspect.isgenerator(g), inspect.isgeneratorfunction(worker), hasattr(g, '__next__'), iter(g) is g)
