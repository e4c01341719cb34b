# memoryview, its managed buffer and its iterator take part in the cycle collector
# (memory_traverse/memory_clear, mbuf_traverse/mbuf_clear).
import gc, weakref

m1 = memoryview(bytearray(b"abc"))
print(gc.is_tracked(m1), gc.is_tracked(iter(m1)), gc.is_tracked(m1[1:]))
w = weakref.ref(m1); del m1; print(w())

b = bytearray(b"xyz")
m2 = memoryview(b)
m3 = m2[1:]
del m2, m3
b.append(1); print(b)

# a cycle through an exporter whose __buffer__ view is kept by the object itself
class E:
    def __init__(self):
        self.data = bytearray(b"cyc")
        self.view = None
    def __buffer__(self, flags):
        return memoryview(self.data)
e = E(); e.view = memoryview(e)
we = weakref.ref(e); del e
print(we() is not None)
gc.collect()
print(we())

# a list holding a view of itself through a bytes-like exporter: view -> mbuf -> exporter -> view
class Holder(bytearray):
    pass
h = Holder(b"hold")
h.view = memoryview(h)
wh = weakref.ref(h); del h
gc.collect()
print(wh())

# an iterator in a cycle
class Box: pass
box = Box()
box.it = iter(memoryview(b"it"))
box.self = box
wb = weakref.ref(box); del box
gc.collect(); print(wb())

# views and a released exporter after collection
data = bytearray(b"after")
mv = memoryview(data)
lst = [mv]; lst.append(lst)
del mv, lst
gc.collect()
data.extend(b"!"); print(data)
