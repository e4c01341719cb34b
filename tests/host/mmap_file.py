# mmap over files (behaviour 3.14 shares with the host's 3.11): whole-file and offset maps,
# writes reaching the file, flush, size, resize (file grows and shrinks), ACCESS_READ /
# ACCESS_WRITE / ACCESS_COPY, the construction errors, madvise, anonymous private resizes, a
# shared map seen across fork().
import mmap
import os
import tempfile


def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


d = tempfile.mkdtemp()
path = os.path.join(d, 'data')
with open(path, 'wb') as f:
    f.write(b'0123456789' * 1000)

with open(path, 'r+b') as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m.size(), m[:12], m[-3:], m.find(b'789', 5), m.rfind(b'0'))
    m[0:5] = b'ABCDE'
    m.seek(9995)
    m.write(b'vwxyz')
    m.flush()
    m.flush(0, mmap.PAGESIZE)
    show(lambda: m.flush(1, 10))  # not page aligned: EINVAL
    m.resize(20000)
    print(len(m), m.size(), os.path.getsize(path), m[9995:10001])
    m.resize(5000)
    print(len(m), m.size(), os.path.getsize(path))
    v = memoryview(m)
    show(lambda: m.resize(100))
    show(lambda: m.close())
    v.release()
    print(repr(m))
    m.close()
    print(repr(m))
with open(path, 'rb') as f:
    print(f.read(12), len(f.read()))

with open(path, 'r+b') as f:
    g = mmap.ALLOCATIONGRANULARITY
    m = mmap.mmap(f.fileno(), 100, offset=g)
    print(len(m), m[:10], repr(m).replace(str(g), 'G'))
    m.close()
    show(lambda: mmap.mmap(f.fileno(), 100, offset=3))
    show(lambda: mmap.mmap(f.fileno(), 10 ** 6))
    show(lambda: mmap.mmap(f.fileno(), 0, offset=10 ** 6))

    r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    show(lambda: r.resize(10))
    show(lambda: r.write(b'x'))
    print(memoryview(r).readonly, r[:5])
    r.close()
    c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    c[:5] = b'zzzzz'
    show(lambda: c.resize(10))
    c.flush()
    print(c[:6])
    c.close()
    w = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
    w[:2] = b'ww'
    w.close()
    p = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
    print(repr(p)[:40])
    p.close()
    f.seek(0)
    print(f.read(6))

empty = os.path.join(d, 'empty')
open(empty, 'wb').close()
with open(empty, 'r+b') as f:
    show(lambda: mmap.mmap(f.fileno(), 0))
show(lambda: mmap.mmap(99, 10))

with open(path, 'r+b') as f:
    m = mmap.mmap(f.fileno(), 0)
    for args in [(mmap.MADV_NORMAL,), (mmap.MADV_RANDOM, 0, 100), (mmap.MADV_SEQUENTIAL, 0, 10 ** 9),
                 (mmap.MADV_WILLNEED, mmap.PAGESIZE), (mmap.MADV_NORMAL, -1), (mmap.MADV_NORMAL, 10 ** 9),
                 (mmap.MADV_NORMAL, 0, -1), (mmap.MADV_NORMAL, 1), (12345,), ('a',)]:
        show(lambda: m.madvise(*args))
    m.close()

a = mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE)
a[:3] = b'abc'
a.resize(5000)
print(len(a), a[:4])
a.resize(3)
print(len(a), a[:])
s = mmap.mmap(-1, 10)
s.resize(5)
print(len(s))

shared = mmap.mmap(-1, 16)
pid = os.fork()
if pid == 0:
    shared[:5] = b'child'
    os._exit(0)
os.waitpid(pid, 0)
print(shared[:5])

os.remove(path)
os.remove(empty)
os.rmdir(d)
