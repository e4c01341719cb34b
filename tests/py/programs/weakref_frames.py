# Weak references to generators and coroutines die with them; frame.clear() as unittest's
# assertRaises and traceback.clear_frames use it.
import weakref, gc, sys, traceback

async def agen():
    yield 1
def gen():
    yield 2
async def coro():
    return 3
for make in (agen, gen):
    obj = make()
    seen = []
    r = weakref.ref(obj, lambda ref: seen.append("callback"))
    ws = weakref.WeakSet([obj])
    del obj
    print(make.__name__, r(), len(ws), seen)
c = coro()
r = weakref.ref(c)
try:
    c.send(None)
except StopIteration as e:
    print("coro returned", e.value)
del c
print(r())

class Registry:
    def __init__(self):
        self._items = weakref.WeakValueDictionary()
    def add(self, key, obj):
        self._items[key] = obj
    def keys(self):
        return sorted(self._items.keys())
class Thing:
    pass
reg = Registry()
things = [Thing() for _ in range(3)]
for i, t in enumerate(things):
    reg.add(f"t{i}", t)
del things[1]
print(reg.keys())

def failing():
    local_big = list(range(5))
    raise ValueError("boom")
try:
    failing()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    print([f.f_code.co_name for f in frames])
    print(sorted(frames[-1].f_locals))
    frames[-1].clear()
    print(frames[-1].f_locals)
    try:
        frames[0].clear()
    except RuntimeError as err:
        print("RuntimeError:", err)
    traceback.clear_frames(e.__traceback__)

def g():
    yield sys._getframe()
    yield 2
it = g()
fr = next(it)
try:
    fr.clear()
except RuntimeError as err:
    print("RuntimeError:", err)
def h():
    yield 1
it2 = h()
fr2 = it2.gi_frame
fr2.clear()
print(it2.gi_frame, list(it2))
