# struct over the buffer protocol: unpack/unpack_from from bytearray, memoryview and array,
# pack_into writable buffers (offsets from either end, the messages); os.readinto.
import array
import os
import struct


def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


s = struct.Struct('<hI')
for buf in [bytearray(b'\x01\x00\x02\x00\x00\x00'), memoryview(b'\x01\x00\x02\x00\x00\x00'),
            array.array('B', [1, 0, 2, 0, 0, 0])]:
    print(type(buf).__name__, s.unpack(buf), struct.unpack('<hI', buf), s.unpack_from(buf),
          struct.unpack_from('<h', buf, 2))
show(lambda: s.unpack('abcdef'))
show(lambda: s.unpack(bytearray(5)))
b = bytearray(10)
s.pack_into(b, 0, -1, 7)
struct.pack_into('>H', b, 8, 0x4142)
s.pack_into(b, -6, 3, 4)
print(b)
m = memoryview(b)
struct.pack_into('b', m, 1, -2)
print(b)
a = array.array('b', [0] * 4)
struct.pack_into('<h', a, 2, 258)
print(a)
show(lambda: struct.pack_into('<h', b'abcd', 0, 1))
show(lambda: struct.pack_into('<h', bytearray(2), 1, 1))
show(lambda: struct.pack_into('<h', bytearray(2), -1, 1))
show(lambda: struct.pack_into('<h', bytearray(2), -3, 1))
show(lambda: struct.pack_into('<h', bytearray(2), 'a', 1))
show(lambda: struct.pack_into('<h', bytearray(2)))
show(lambda: struct.pack_into('<h', bytearray(2), 0, 'x'))
c = bytearray(b'\xff' * 4)
show(lambda: struct.pack_into('<hh', c, 0, 1, 'x'))
print(c)
show(lambda: s.pack_into(memoryview(b'abcdef'), 0, 1, 2))
ba = bytearray(b'\x01\x00\x02\x00\x03\x00')
it = struct.iter_unpack('<h', ba)
print(it.__length_hint__(), next(it))
show(lambda: ba.append(0))  # the iterator holds an export
print(list(it), it.__length_hint__())
ba.append(0)
print(list(struct.iter_unpack('<h', memoryview(b'\x05\x00'))), list(struct.iter_unpack('b', array.array('b', [1, 2]))))
show(lambda: struct.iter_unpack('<h', bytearray(3)))
show(lambda: struct.iter_unpack('<h', 'ab'))

name = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_readinto.tmp')
with open(name, 'wb') as f:
    f.write(b'hello world')
fd = os.open(name, os.O_RDONLY)
buf = bytearray(5)
print(os.readinto(fd, buf), buf, os.readinto(fd, memoryview(buf)[1:3]), buf)
arr = array.array('B', [0] * 8)
print(os.readinto(fd, arr), arr.tobytes(), os.readinto(fd, bytearray(3)))
show(lambda: os.readinto(fd, b'abc'))
show(lambda: os.readinto(fd))
os.close(fd)
os.remove(name)
