# pickle.PickleBuffer (Objects/picklebufobject.c): construction, the buffer protocol, raw(),
# release(), weak references, and protocol 5 out-of-band pickling with buffer_callback.
import pickle, io, weakref, gc, array
from pickle import PickleBuffer
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
print(PickleBuffer.__doc__, PickleBuffer.__module__, PickleBuffer.__name__, PickleBuffer.__qualname__)
print(sorted(k for k in PickleBuffer.__dict__))
print(PickleBuffer.raw.__doc__); print(PickleBuffer.release.__doc__)
print(PickleBuffer.raw.__text_signature__)
t(lambda: PickleBuffer())
t(lambda: PickleBuffer(1))
t(lambda: PickleBuffer(b"a", b"b"))
t(lambda: PickleBuffer(obj=b"a"))
t(lambda: PickleBuffer("str"))
b = bytearray(b"hello")
pb = PickleBuffer(b)
m = memoryview(pb)
print(m.readonly, m.format, m.shape, m.tobytes())
m[0] = ord("J"); print(b)
t(lambda: b.append(1))
m.release()
print(b)
r = pb.raw(); print(r.readonly, r.format, r.shape, r.strides, r.tobytes(), r.c_contiguous, r.f_contiguous, r.contiguous)
r.release()
pb2 = PickleBuffer(memoryview(array.array('i', [1, 2, 3])))
r = pb2.raw(); print(r.format, r.itemsize, r.ndim, r.shape, r.nbytes, len(r))
print(memoryview(pb2).format, memoryview(pb2).shape)
r.release()
mm = memoryview(b"abcdefgh")[::2]
pb3 = PickleBuffer(mm)
t(lambda: pb3.raw())
print(memoryview(pb3).tobytes())
mm2 = memoryview(bytes(range(12))).cast('B', (3, 4))
pb4 = PickleBuffer(mm2)
r = pb4.raw(); print(r.shape, r.tobytes()); r.release()
pb.release(); pb.release()
t(lambda: pb.raw())
t(lambda: memoryview(pb))
t(lambda: bytes(pb))
w = weakref.ref(pb2); print(w() is pb2)
t(lambda: type('Sub', (PickleBuffer,), {}))
print(bytes(PickleBuffer(b"xyz")), bytearray(PickleBuffer(b"xyz")), b"-".join([PickleBuffer(b"a"), b"b"]))
t(lambda: pickle.dumps(PickleBuffer(b"abc"), protocol=4))
t(lambda: pickle.dumps(PickleBuffer(bytearray(b"abc")), protocol=4))
print(pickle.dumps(PickleBuffer(b"abc"), protocol=5))
print(pickle.dumps(PickleBuffer(bytearray(b"abc")), protocol=5))
t(lambda: pickle.dumps(PickleBuffer(b"abc"), protocol=3))
bufs = []
data = pickle.dumps([PickleBuffer(b"abc"), PickleBuffer(bytearray(b"de")), b"fg"], protocol=5, buffer_callback=bufs.append)
print(data, [type(x).__name__ for x in bufs], [bytes(x) for x in bufs])
obj = pickle.loads(data, buffers=bufs); print([type(x).__name__ for x in obj], [bytes(x) for x in obj])
t(lambda: pickle.loads(data))
t(lambda: pickle.loads(data, buffers=[]))
# pure-Python pickler too
f = io.BytesIO(); bufs2 = []
pickle._Pickler(f, protocol=5, buffer_callback=bufs2.append).dump([PickleBuffer(b"abc"), PickleBuffer(bytearray(b"xy"))])
print(f.getvalue(), [bytes(x) for x in bufs2])
print([bytes(x) for x in pickle._Unpickler(io.BytesIO(f.getvalue()), buffers=iter(bufs2)).load()])
f = io.BytesIO()
pickle._Pickler(f, protocol=5).dump(PickleBuffer(bytearray(b"qq")))
print(f.getvalue(), pickle._loads(f.getvalue()))
bufs3 = []
f = io.BytesIO()
pickle._Pickler(f, protocol=5, buffer_callback=lambda b: False).dump(PickleBuffer(b"in"))
print(f.getvalue())
t(lambda: pickle._dumps(PickleBuffer(mm), protocol=5))
t(lambda: pickle._dumps(PickleBuffer(b"z"), protocol=4))
t(lambda: pickle._dumps(PickleBuffer(bytearray(b"z")), protocol=2))
class Big:
    def __init__(self, data): self.data = data
    def __reduce_ex__(self, proto):
        if proto >= 5: return Big, (PickleBuffer(self.data),)
        return Big, (bytes(self.data),)
bb = []
d = pickle._dumps(Big(bytearray(b"payload")), protocol=5, buffer_callback=bb.append)
o = pickle._loads(d, buffers=bb); print(type(o.data).__name__, bytes(o.data))
print(gc.is_tracked(PickleBuffer(b"x")))
