# A weakref subclass instance whose attributes hold the only reference to its referent:
# deleting the weakref deletes the object, and the weakref's own callback is not called.
import weakref

class Thing:
    pass

class KeepRef(weakref.ref):
    pass

calls = []
def callback(ref):
    calls.append(ref)

o = Thing()
r1 = KeepRef(o, callback)
r1.o = o
del o
del r1
print("one ref:", calls)

o = Thing()
r1 = KeepRef(o, callback)
r2 = KeepRef(o, callback)
r1.other = r2
r2.o = o
del o, r2
del r1
print("two refs:", calls)

o = Thing()
keep = KeepRef(o, callback)
del o
print("live ref callback:", len(calls), calls[0] is keep if calls else None)
