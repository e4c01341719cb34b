# marshal and bytes-like objects: dumps writes bytearray, memoryview and array as bytes
# (a non-contiguous buffer is unmarshallable), loads accepts any contiguous buffer, load wants
# read() to return bytes.
import marshal, io, array
for v in [bytearray(b'abc'), memoryview(b'xyz'), memoryview(bytearray(b'q')), array.array('b', [1, 2]),
          [bytearray(b'a'), memoryview(b'b')], memoryview(b'abcdef')[::2], memoryview(array.array('i', [1, 2]))]:
    try:
        d = marshal.dumps(v)
        print(type(v).__name__, d, marshal.loads(d))
    except Exception as e:
        print(type(v).__name__, type(e).__name__, e)
data = marshal.dumps((1, 'a', b'b'))
for buf in [data, bytearray(data), memoryview(data), array.array('b', data), memoryview(data + b'zz')[:len(data)]]:
    print(type(buf).__name__, marshal.loads(buf))
for bad in ['str', 1, None, memoryview(b'abcdef')[::2]]:
    try:
        marshal.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
class R:
    def __init__(self, d): self.f = io.BytesIO(d)
    def read(self, *a): return bytearray(self.f.read(*a))
    def readinto(self, b): return self.f.readinto(b)
    def readable(self): return True
try:
    print(marshal.load(R(data)))
except Exception as e:
    print(type(e).__name__, e)
class OnlyRead:
    def __init__(self, d): self.f = io.BytesIO(d)
    def read(self, *a): return self.f.read(*a)
try:
    print(marshal.load(OnlyRead(data)))
except Exception as e:
    print(type(e).__name__, e)
class BadRead:
    def readinto(self, b): return 'x'
    def read(self, *a): return 'x'
try:
    print(marshal.load(BadRead()))
except Exception as e:
    print(type(e).__name__, e)
f = io.BytesIO(data + marshal.dumps([1]) + b'tail')
print(marshal.load(f), marshal.load(f), f.read())
f = io.BytesIO()
marshal.dump(bytearray(b'zz'), f)
marshal.dump(memoryview(b'mm'), f, 2)
print(f.getvalue())
try:
    marshal.dump(1, io.StringIO())
except Exception as e:
    print(type(e).__name__, e)
try:
    marshal.load(io.BytesIO(b''))
except Exception as e:
    print(type(e).__name__, e)
try:
    marshal.load(io.BytesIO(data[:3]))
except Exception as e:
    print(type(e).__name__, e)
