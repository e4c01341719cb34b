import sys, gc, contextlib, types

def averager():
    total = count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print("averager got", repr(e))
            continue
        except GeneratorExit:
            print("averager closing")
            raise
        if x is None:
            break
        total += x; count += 1
        avg = total / count
    return (count, avg)

g = averager(); next(g)
print(g.send(10), g.send(20), g.throw(ValueError("oops")), g.send(30))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
g2 = averager(); next(g2); g2.close(); print(g2.gi_frame, g2.gi_running)
def delegator():
    result = yield from averager()
    print("delegate result", result)
    yield "after"
d = delegator(); next(d); d.send(4); d.send(6); print(d.send(None))
def bad_close():
    try:
        yield 1
    finally:
        yield 2
b = bad_close(); next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def stopper():
    yield 1
    raise StopIteration("inner")
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def running():
    yield g_self.gi_running
g_self = running(); print(next(g_self))
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
gen = (i * i for i in range(3))
print(gen.__name__, gen.__qualname__, type(gen).__name__, list(gen), list(gen))
def genfn(): yield
print(genfn.__code__.co_flags & 0x20 != 0, genfn().gi_code.co_name, repr(genfn())[:26])
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset": n = 0
        else: n += 1
c = counter(); print([next(c), next(c), c.send("reset"), next(c)])
print(c.gi_frame.f_locals["n"], c.gi_suspended if hasattr(c, "gi_suspended") else "", c.gi_yieldfrom)
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
    def __reversed__(self):
        return iter(range(1, self.n + 1))
print(list(Countdown(3)), list(reversed(Countdown(3))), 2 in Countdown(3))
class OldIter:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(OldIter()), 20 in OldIter(), iter(OldIter()).__class__.__name__)
it = iter([1, 2, 3]); next(it); print(it.__length_hint__(), list(it), list(it))
sentinel_iter = iter(lambda: next(src), 3); src = iter([1, 2, 3, 4]); print(list(sentinel_iter))
@types.coroutine
def legacy():
    yield "legacy-yield"
async def modern():
    r = await legacy()
    return r
co = modern(); print(co.send(None)); 
try:
    co.send("sent-back")
except StopIteration as e:
    print("coroutine result", e.value)
co2 = modern(); co2.close(); print(co2.cr_frame)
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
ag = agen()
async def drive():
    out = [await ag.__anext__()]
    await ag.aclose()
    return out
try:
    drive().send(None)
except StopIteration as e:
    print("drive result", e.value)
async def athrower():
    try:
        yield 1
    except KeyError as e:
        yield f"caught {e!r}"
at = athrower()
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
print(run(at.__anext__()), run(at.athrow(KeyError("k"))))
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError:
        print("suppressed in tag")
    finally:
        print(f"</{name}>")
with tag("a") as t1, tag("b") as t2:
    print(t1, t2)
with tag("c"):
    raise KeyError("x")
try:
    with tag("d"):
        raise IndexError("y")
except IndexError as e:
    print("propagated", e)
@contextlib.contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextlib.contextmanager
def twoyield():
    yield
    yield
try:
    with twoyield(): pass
except RuntimeError as e:
    print("RuntimeError:", e)
with contextlib.ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    stack.push(lambda *exc: print("push saw", exc[0]) )
    print("in stack")
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
try:
    with contextlib.suppress(ValueError):
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except ExceptionGroup as eg:
    print("remaining", repr(eg))
print(contextlib.nullcontext(5).__enter__(), isinstance(contextlib.closing(None), contextlib.AbstractContextManager))
class Res:
    def __enter__(self): print("enter"); return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return et is TypeError
with Res():
    raise TypeError("swallowed")
try:
    with Res():
        raise OSError("kept")
except OSError as e:
    print("kept", e)
class NotCM: pass
try:
    with NotCM(): pass
except TypeError as e:
    print("TypeError:", e)
class OnlyEnter:
    def __enter__(self): pass
try:
    with OnlyEnter(): pass
except TypeError as e:
    print("TypeError:", e)
try:
    async def f():
        async with Res(): pass
    f().send(None)
except TypeError as e:
    print("TypeError:", e)
class AsyncOnly:
    async def __aenter__(self): pass
    async def __aexit__(self, *a): pass
class OnlyAexit:
    def __enter__(self): pass
    async def __aexit__(self, *a): pass
class S:
    def __enter__(self): pass
    def __exit__(self, *a): pass
class NonDescr:
    __enter__ = 1
    __exit__ = 2
for cls in (AsyncOnly, OnlyAexit, S, NonDescr):
    try:
        with cls(): pass
    except TypeError as e:
        print(cls.__name__, "with:", e)
    try:
        async def f():
            async with cls(): pass
        f().send(None)
    except TypeError as e:
        print(cls.__name__, "async with:", e)
    except StopIteration:
        print(cls.__name__, "async ok")
import fractions, collections
for obj in (fractions.Fraction(1), collections.OrderedDict(), 5):
    try:
        with obj: pass
    except TypeError as e:
        print("with:", e)
class Outer:
    class Inner: pass
try:
    with Outer.Inner(): pass
except TypeError as e:
    print("with:", e)
