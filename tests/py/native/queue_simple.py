"""_queue: SimpleQueue and Empty (Modules/_queuemodule.c): the type, its methods and
messages, FIFO order across the ring buffer's growth and shrinking, timeouts, pickling."""
import _queue
import copy
import gc
import inspect
import pickle
import queue
import weakref

SQ = _queue.SimpleQueue
print(_queue.__doc__)
print(sorted(k for k in vars(_queue) if not k.startswith("__")))
print(queue.SimpleQueue is SQ, queue.Empty is _queue.Empty)
print(SQ, SQ.__module__, SQ.__qualname__, SQ.__mro__)
print(_queue.Empty, _queue.Empty.__mro__, repr(_queue.Empty.__doc__))
print(repr(SQ.__doc__), SQ.__text_signature__)
print(sorted(vars(SQ)))
for name in ("empty", "get", "get_nowait", "put", "put_nowait", "qsize", "__class_getitem__"):
    m = getattr(SQ, name)
    print(name, type(vars(SQ)[name]).__name__, m.__text_signature__)
    print(repr(m.__doc__))
print(inspect.signature(SQ.get), inspect.signature(SQ.put))
print(SQ[int], type(SQ[int]).__name__, SQ[int].__origin__ is SQ)

q = SQ()
print(repr(q).startswith("<_queue.SimpleQueue object at 0x"))
print(q.empty(), q.qsize())
for i in range(100):
    q.put(i)
print(q.empty(), q.qsize())
out = [q.get() for _ in range(60)]
q.put_nowait("a")
q.put(item="b")
q.put("c", False)
q.put("d", block=True, timeout=5)
q.put("e", timeout=-3)  # ignored: put never blocks
out += [q.get_nowait() for _ in range(q.qsize())]
print(out == list(range(100)) + list("abcde"), q.qsize(), q.empty())
for i in range(20):
    q.put(i)
    q.put(-i)
    q.get()
print(q.qsize(), [q.get(block=False) for _ in range(q.qsize())])
q.put(None)
print(q.get(True, 0), q.get(timeout=None) if q.put(1) is None else "?")


def show(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(" ", type(e).__module__ + "." + type(e).__qualname__, e, e.args)
    else:
        print(" ->", repr(r))


class Idx:
    def __index__(self):
        return 0


class Fl(float):
    pass


print("errors")
show(q.get, block=False)
show(q.get, False)
show(q.get, False, -1)        # timeout ignored when not blocking
show(q.get, False, "x")
show(q.get_nowait)
show(q.get, timeout=0)
show(q.get, timeout=0.0)
show(q.get, True, 0.01)
show(q.get, timeout=Idx())
show(q.get, timeout=Fl(0.001))
show(q.get, timeout=True and 0)
show(q.get, timeout=-1)
show(q.get, timeout=-0.5)
show(q.get, timeout=-1e-12)
show(q.get, timeout="1")
show(q.get, timeout=[])
show(q.get, timeout=float("nan"))
show(q.get, timeout=float("inf"))
show(q.get, timeout=1e300)
show(q.get, timeout=10**30)
show(q.get, timeout=2**62)
q.put(7)
show(q.get, timeout=-1)       # checked before looking at the items
show(q.get, timeout=1e300)
show(q.get, timeout=10)
show(q.get, 1, 2, 3)
show(q.get, blocking=True)
show(q.get, True, timeout=1, block=1)
show(q.get_nowait, 1)
show(q.get_nowait, x=1)
show(q.put)
show(q.put, 1, 2, 3, 4)
show(q.put, 1, item=2)
show(q.put, item=1, x=2)
show(q.put_nowait)
show(q.put_nowait, 1, 2)
show(q.put_nowait, item=3)
show(q.qsize, 1)
show(q.empty, 1)
show(SQ, 1)
show(SQ, x=1)
show(setattr, SQ, "x", 1)
show(setattr, q, "x", 1)


class Bad:
    def __bool__(self):
        raise ZeroDivisionError("no truth")


show(q.get, Bad())
show(q.put, 1, Bad())
print(q.qsize())


class Sub(SQ):
    def __init__(self, *args, **kwargs):
        self.args = (args, kwargs)


s = Sub(1, 2, k=3)
print(type(s).__name__, s.args, s.qsize(), isinstance(s, SQ))
s.put(1)
print(s.get(), s.__dict__)


class Sub2(SQ):
    pass


show(Sub2, 1)
print(type(Sub2()).__mro__)

print("pickle/copy")
show(pickle.dumps, q)
show(pickle.dumps, q, 0)
show(copy.copy, q)
show(copy.deepcopy, q)
show(q.__reduce_ex__, 2)

r = weakref.ref(q)
print(r() is q)
del q
print(r())
c = SQ()
c.put(c)
w = weakref.ref(c)
del c
gc.collect()
print(w())
print(_queue.Empty("x"), repr(_queue.Empty(1, 2)), isinstance(_queue.Empty(), Exception))
