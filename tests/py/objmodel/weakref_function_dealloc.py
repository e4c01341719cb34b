# A weak reference to a function dies with it (and its callback runs) when the last
# reference goes, without a collection.
import weakref

def make():
    value = 5
    def closure():
        return value
    return closure

events = []
f = make()
r = weakref.ref(f, lambda ref: events.append("callback"))
print(r() is f)
del f
print(r(), events)

def plain(x):
    return x
r2 = weakref.ref(plain)
del plain
print(r2())

lam = lambda: None
p = weakref.proxy(lam)
del lam
try:
    p()
except ReferenceError as e:
    print("ReferenceError", e)
