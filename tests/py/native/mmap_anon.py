# mmap on anonymous memory: construction and its argument checks, items and slices (extended
# slices in get and set), read/write/seek/find/rfind/move/readline, the buffer protocol and
# its exports, the repr, closing and the context manager, the messages.
import mmap


def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(mmap.mmap.__module__, mmap.error is OSError, mmap.ACCESS_READ, mmap.ACCESS_WRITE,
      mmap.ACCESS_COPY, mmap.ACCESS_DEFAULT, mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.PROT_READ,
      mmap.PROT_WRITE, mmap.__doc__)
print(mmap.mmap.__doc__)
m = mmap.mmap(-1, 16)
print(len(m), m[:], m.tell(), m.closed, m.seekable())
print(repr(m).replace(str(mmap.PAGESIZE), 'PAGESIZE'))
print(m.write(b'hello world\n'), m.tell(), m.write(bytearray(b'ab')), m.tell())
show(lambda: m.write(b'xyz'))
show(lambda: m.write('str'))
m.write_byte(ord('c'))
m.write_byte(0x64)
show(lambda: m.write_byte(1))
show(lambda: m.write_byte(256))
show(lambda: m.write_byte(-1))
show(lambda: m.write_byte(b'a'))
print(m[:], m[0], m[-1], m[2:5], m[::3], m[::-1], m[100:], m[5:2])
show(lambda: m[16])
show(lambda: m[-17])
show(lambda: m['a'])
print(m.seek(0), m.read(5), m.read_byte(), m.readline(), m.readline(), m.readline(), m.read())
print(m.seek(-4, 2), m.read(), m.seek(2), m.seek(3, 1), m.tell())
show(lambda: m.seek(17))
show(lambda: m.seek(-1))
show(lambda: m.seek(0, 3))
show(lambda: m.seek(1, 2))
show(lambda: m.read_byte() if m.seek(0, 2) == 16 else None)
print(m.read(), m.read(-1), m.seek(0), m.read(None), m.seek(0), m.read(3))
show(lambda: m.read('a'))
show(lambda: m.read(1, 2))
print(m.find(b'o'), m.find(b'o', 5), m.find(b'zz'), m.find(b''), m.find(b'l', -12, -8),
      m.rfind(b'o'), m.rfind(b'o', 0, 6), m.rfind(b''), m.find(b'world', 0), m.find(b'l', 10, 2))
m.seek(5)
print(m.find(b'o'), m.rfind(b'h'), m.rfind(b'h', 0), m.find(memoryview(b'ld')))
show(lambda: m.find('o'))
show(lambda: m.find())
show(lambda: m.find(b'o', 'a'))
m[0] = 72
m[1:3] = b'EL'
m[::5] = b'***;'
print(m[:])
show(lambda: m.__setitem__(0, 256))
show(lambda: m.__setitem__(0, b'a'))
show(lambda: m.__setitem__(0, -1))
show(lambda: m.__setitem__(20, 1))
show(lambda: m.__setitem__(slice(0, 2), b'abc'))
show(lambda: m.__setitem__('a', 1))
show(lambda: m.__delitem__(0))
show(lambda: m.__delitem__(slice(0, 2)))
m.move(0, 8, 4)
print(m[:])
show(lambda: m.move(0, 14, 4))
show(lambda: m.move(-1, 0, 1))
show(lambda: m.move(0, 0))
m.flush()
show(lambda: m.flush(0, 100))
show(lambda: m.flush(-1))

# the buffer protocol
v = memoryview(m)
print(v.readonly, v.nbytes, bytes(v[:4]), v.format)
v[0] = 0x41
print(m[:2])
show(lambda: m.close())
print(m.closed)
v.release()
b = bytearray(4)
b[:] = m[:4]
print(b, bytes(m)[:4])

# ACCESS_READ / ACCESS_COPY / prot on anonymous memory
r = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
print(repr(r), memoryview(r).readonly)
show(lambda: r.write(b'a'))
show(lambda: r.write_byte(1))
show(lambda: r.__setitem__(0, 1))
show(lambda: r.__setitem__(slice(0, 1), b'a'))
show(lambda: r.move(0, 1, 1))
r.flush()
r.close()
c = mmap.mmap(-1, 8, access=mmap.ACCESS_COPY)
c[0] = 1
print(repr(c), c[:2])
c.close()
print(repr(mmap.mmap(-1, 4, prot=mmap.PROT_READ)))
print(repr(mmap.mmap(-1, 4, flags=mmap.MAP_PRIVATE)))

# construction errors
for args, kw in [((), {}), ((-1,), {}), ((-1, -1), {}), ((-1, 4), {'offset': -1}),
                 ((-1, 4), {'access': 7}), ((-1, 4), {'access': mmap.ACCESS_READ, 'prot': mmap.PROT_READ}),
                 (('a', 4), {}), ((-1, 'a'), {}), ((-1, 4), {'bogus': 1}),
                 ((-1, 4, 1, 2, 3, 4, 5), {}), ((-1, 4, 1, 2, 3, 4), {'trackfd': 1, 'x': 2}), ((-1,), {'fileno': 1}), ((-1, 1), {'fileno': 1}),
                 ((), {'length': 1}), ((-1, 4), {'trackfd': False})]:
    try:
        x = mmap.mmap(*args, **kw)
        print('ok', repr(x))
    except Exception as e:
        print(type(e).__name__, e)

# close, the context manager
with mmap.mmap(-1, 4) as w:
    w[0] = 1
    print(w.closed, w[:])
print(w.closed, repr(w))
for f in [lambda: w[0], lambda: w.read(), lambda: len(w), lambda: w.size(), lambda: w.tell(),
          lambda: w.find(b'a'), lambda: w.write(b'a'), lambda: w.seek(0), lambda: memoryview(w),
          lambda: w.__enter__(), lambda: w[:], lambda: w.flush()]:
    show(f)
w.close()
print(w.closed)


class M(mmap.mmap):
    pass


s = M(-1, 3)
print(type(s).__name__, repr(s)[:30], s[:])
