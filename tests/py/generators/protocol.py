# send(), throw(), close() and GeneratorExit, and yield as an expression.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print('final', e.value)
def echo():
    try:
        while True:
            try:
                received = yield
                print('got', received)
            except ValueError as e:
                print('handled thrown', e)
    except GeneratorExit:
        print('closing')
        raise
    finally:
        print('echo finally')
e = echo()
next(e)
e.send('a')
e.throw(ValueError('oops'))
e.send('b')
e.close()
e.close()
print('closed twice fine')
try:
    e.send('late')
except StopIteration:
    print('send after close -> StopIteration')
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as err:
    print(err)
def not_started():
    yield 1
ns = not_started()
try:
    ns.send(5)
except TypeError as err:
    print(err)
def thrower():
    yield 1
t = thrower(); next(t)
try:
    t.throw(KeyError('k'))
except KeyError as err:
    print('propagated', repr(err))
def inner():
    try:
        x = yield 'i1'
        print('inner got', x)
        yield 'i2'
    except ZeroDivisionError:
        print('inner caught ZDE')
        yield 'recovered'
    return 'inner-ret'
def outer():
    r = yield from inner()
    print('outer sees', r)
    yield 'o'
o = outer()
print(next(o), o.send('sent'), o.throw(ZeroDivisionError()), next(o))
def closes_inner():
    try:
        yield from echo()
    finally:
        print('outer finally')
ci = closes_inner(); next(ci); ci.send('x'); ci.close()
def coroutine_avg():
    count = total = 0
    avg = None
    while True:
        term = yield avg
        total += term; count += 1
        avg = total / count
ca = coroutine_avg(); next(ca)
print([ca.send(v) for v in [10, 20, 60]])
print(ca.gi_suspended if hasattr(ca, 'gi_suspended') else 'n/a', ca.gi_frame.f_lineno > 0)
