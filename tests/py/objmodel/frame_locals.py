# PEP 667: frame.f_locals of a function is a write-through FrameLocalsProxy; locals() is a
# snapshot dict; frame.clear().
import sys

def f():
    x = 1
    fr = sys._getframe()
    loc = fr.f_locals
    print(type(loc).__name__)
    loc['x'] = 5
    print(x)
    loc['newvar'] = 3
    print(sorted(k for k in loc if k != 'loc'))
    print('newvar' in loc, loc['newvar'])
    try:
        del loc['x']
    except Exception as e:
        print(type(e).__name__, e)
    print(len(loc))
    print(fr.f_locals is fr.f_locals, fr.f_locals == fr.f_locals, fr.f_locals != fr.f_locals)
    print(list(loc.keys())[:2], type(loc.keys()).__name__)
    y = 7
    print(loc['y'])
    try:
        loc['undefined_name']
    except KeyError as e:
        print('KeyError', e)
    loc[1] = 2
    print(loc[1], 1 in loc)
    loc.update({'x': 42})
    print(x)
    try:
        loc.update([('x', 1)])
    except TypeError as e:
        print('TypeError', e)
    print(loc.get('zz', 'dflt'), loc.get('zz'))
    print(loc.setdefault('x', 0), loc.setdefault('fresh', 'v'), loc['fresh'])
    try:
        loc.pop('x')
    except Exception as e:
        print(type(e).__name__, e)
    print(loc.pop('newvar'), loc.pop('missing', 'd'))
    try:
        loc.pop('missing')
    except KeyError as e:
        print('KeyError', e)
    c = loc.copy()
    print(type(c).__name__, c['x'])
    snap = locals()
    print(type(snap).__name__, 'fresh' in snap, snap is not locals())
    print(list(reversed(loc))[:2])
    print(loc | {'q': 1} == {**dict(loc), 'q': 1})
    loc |= {'x': 99}
    print(x, type(loc).__name__)
    loc.pop(1)
    print(dir()[:4])
    print(list(loc.items())[0], list(loc.values())[0])
    print(loc == dict(loc), loc != {})
    try:
        hash(loc)
    except TypeError as e:
        print('TypeError', e)
    try:
        loc[[]] = 1
    except TypeError as e:
        print('TypeError', e)
    P = type(loc)
    print(P.__name__, P(fr) == loc)
    try:
        P(1)
    except TypeError as e:
        print('TypeError', e)
    try:
        P()
    except TypeError as e:
        print('TypeError', e)
    import collections.abc
    print(isinstance(loc, collections.abc.Mapping), isinstance(loc, dict))
f()

def cells():
    a = 1
    def inner():
        return a
    fr = sys._getframe()
    fr.f_locals['a'] = 10
    print(inner(), fr.f_locals['a'])
    b = 'unbound later'
    del b
    print('b' in fr.f_locals)
    fr.f_locals['b'] = 'rebound'
    print(b)
cells()

def comprehension():
    x = 'outer'
    r = [sorted(sys._getframe().f_locals) for y in range(1)]
    return r
print(comprehension())

fr = sys._getframe()
print(fr.f_locals is globals(), type(locals()).__name__)
class C:
    print(type(sys._getframe().f_locals).__name__)
    z = 1
    print('z' in locals())

def gen():
    v = 1
    yield sys._getframe()
    yield v
g = gen()
gf = next(g)
gf.f_locals['v'] = 'changed'
print(next(g))
try:
    gf.clear()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print('RuntimeError', e)

def dead():
    q = [1, 2]
    return sys._getframe()
df = dead()
print(df.f_locals['q'])
df.clear()
print(dict(df.f_locals))

def tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
e = tb()
fr = e.__traceback__.tb_next.tb_frame if e.__traceback__.tb_next else e.__traceback__.tb_frame
print(fr.f_code.co_name, fr.clear())
import traceback
traceback.clear_frames(e.__traceback__)
print('cleared')

def tracer_changes():
    def trace(frame, event, arg):
        if event == 'line' and frame.f_code.co_name == 'target':
            if 'n' in frame.f_locals and frame.f_locals['n'] == 1:
                frame.f_locals['n'] = 100
        return trace
    def target():
        n = 1
        n += 1
        return n
    sys.settrace(trace)
    try:
        return target()
    finally:
        sys.settrace(None)
print(tracer_changes())

def gen2():
    yield sys._getframe().f_generator
g2 = gen2()
print(next(g2) is g2, sys._getframe().f_generator)
async def co():
    return sys._getframe().f_generator
c = co()
try:
    c.send(None)
except StopIteration as e:
    print(e.value is c)
