# The native _pickle Pickler/Unpickler with pickle.PickleBuffer (protocol 5 out-of-band data):
# in-band and out-of-band writing, buffer_callback results, buffers= iterables, errors.
import _pickle, pickle, io, array
from pickle import PickleBuffer
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
print(pickle.PickleBuffer is _pickle.PickleBuffer, pickle._HAVE_PICKLE_BUFFER)
print(pickle.Pickler is _pickle.Pickler, "PickleBuffer" in pickle.__all__)
t(lambda: _pickle.dumps(PickleBuffer(memoryview(b"abcdefgh")[::2]), protocol=5))
t(lambda: _pickle.dumps(PickleBuffer(b"a"), protocol=4))
t(lambda: _pickle.dumps(PickleBuffer(b"a"), protocol=4, buffer_callback=print))
t(lambda: _pickle.Pickler(io.BytesIO(), protocol=2, buffer_callback=print))
pb = PickleBuffer(b"gone"); pb.release()
t(lambda: _pickle.dumps(pb, protocol=5))
t(lambda: _pickle.dumps(pb, protocol=5, buffer_callback=lambda b: 1 / 0))
for ret in (True, False, 0, 1, None, "", "x", []):
    bufs = []
    def cb(b):
        bufs.append(b)
        return ret
    d = _pickle.dumps([PickleBuffer(b"ro"), PickleBuffer(bytearray(b"rw"))], protocol=5,
                      buffer_callback=cb)
    print(repr(ret), d, len(bufs))
class Bad:
    def __bool__(self): raise ValueError("no truth")
t(lambda: _pickle.dumps(PickleBuffer(b"x"), protocol=5, buffer_callback=lambda b: Bad()))
# the same PickleBuffer twice: the memo gives the second occurrence
p = PickleBuffer(b"twice")
print(_pickle.dumps([p, p], protocol=5))
bufs = []
d = _pickle.dumps([p, p], protocol=5, buffer_callback=bufs.append); print(d, len(bufs))
r = _pickle.loads(d, buffers=bufs); print([type(x).__name__ for x in r], r[0] is r[1], r[0] is p)
# out-of-band round trips through Pickler/Unpickler objects and iterables of buffers
f = io.BytesIO(); bufs = []
pk = _pickle.Pickler(f, protocol=5, buffer_callback=bufs.append)
pk.dump({"a": PickleBuffer(array.array('d', [1.5, 2.5])), "b": PickleBuffer(b"bytes")})
print(f.getvalue(), len(bufs))
u = _pickle.Unpickler(io.BytesIO(f.getvalue()), buffers=iter(bufs))
r = u.load(); print(sorted((k, type(v).__name__, bytes(v)) for k, v in r.items()))
r = _pickle.loads(f.getvalue(), buffers=(bytearray(b"x" * 16), b"y"))
print(sorted((k, type(v).__name__, bytes(v), memoryview(v).readonly) for k, v in r.items()))
t(lambda: _pickle.loads(f.getvalue(), buffers=None))
t(lambda: _pickle.loads(f.getvalue(), buffers=5))
t(lambda: _pickle.loads(f.getvalue(), buffers=[b"one"]))
def gen():
    yield b"1"
    raise KeyError("from the iterator")
t(lambda: _pickle.loads(f.getvalue(), buffers=gen()))
# in-band: the pure-Python unpickler reads what the native pickler wrote and conversely
d = _pickle.dumps([PickleBuffer(b"in"), PickleBuffer(bytearray(b"band"))], protocol=5)
print(d, pickle._loads(d), _pickle.loads(d))
d = pickle._dumps([PickleBuffer(b"in"), PickleBuffer(bytearray(b"band"))], protocol=5)
print(d == _pickle.dumps([PickleBuffer(b"in"), PickleBuffer(bytearray(b"band"))], protocol=5))
bufs = []
d = pickle._dumps([PickleBuffer(b"oob")], protocol=5, buffer_callback=bufs.append)
r = _pickle.loads(d, buffers=bufs); print(d, [type(x).__name__ for x in r], bytes(r[0]))
# protocol 5 bytearray and reducer_override seeing PickleBuffer
class P(_pickle.Pickler):
    def reducer_override(self, obj):
        print("override", type(obj).__name__)
        return NotImplemented
f = io.BytesIO(); P(f, protocol=5).dump([PickleBuffer(b"r"), bytearray(b"s")]); print(f.getvalue())
print(_pickle.dumps(PickleBuffer(memoryview(bytes(range(6))).cast('B', (2, 3))), protocol=5))
print(_pickle.dumps(PickleBuffer(memoryview(array.array('i', [1, 2]))), protocol=5))
