# array: slices (get, set and delete with steps), the list-like methods, comparisons,
# concatenation and repetition, iteration and its pickling, fromfile/tofile, pickling with
# the machine format codes, the buffer protocol both ways. Typecodes whose size is the same on
# the 32-bit reference as on 64-bit hosts (no 'l'/'L').
import array
import copy
import io
import pickle
import collections.abc


def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


a = array.array('i', range(10))
for s in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1), slice(8, 2, -3),
          slice(-3, None), slice(5, 2), slice(100, 200), slice(None, None, 3)]:
    print(s, a[s], type(a[s]).__name__)
show(lambda: a['x'])
show(lambda: a[1.5])
show(lambda: a[::0])

# slice assignment
for s, v in [(slice(2, 5), array.array('i', [7, 8])), (slice(0, 0), array.array('i', [1, 2, 3])),
             (slice(None, None, 2), array.array('i', [0] * 5)), (slice(None, None, 3), array.array('i', [1])),
             (slice(5, 2), array.array('i', [9, 9])), (slice(None), array.array('i')),
             (slice(1, 3), [1, 2]), (slice(1, 3), array.array('h', [1, 2])),
             (slice(None, None, -2), array.array('i', range(5)))]:
    b = array.array('i', range(10))
    try:
        b[s] = v
        print(s, b)
    except Exception as e:
        print(s, type(e).__name__, e)
b = array.array('i', range(5))
b[1:3] = b
print(b)
b[::-1] = b
print(b)

# deletion with steps
for s in [slice(None, None, 2), slice(1, None, 3), slice(None, None, -2), slice(8, 1, -3),
          slice(2, 5), slice(5, 2), slice(None), slice(-1, None), 3, -1]:
    b = array.array('b', range(10))
    del b[s]
    print(s, b)
b = array.array('b', range(3))
show(lambda: b.__delitem__(5))
show(lambda: b.__setitem__(5, 1))
show(lambda: b.__setitem__('a', 1))

# methods
b = array.array('h', [1, 2, 3, 2, 1])
print(b.count(2), b.count(7), b.count('x'))
print(b.index(2), b.index(2, 2), b.index(1, -1), b.index(3, -100, 100))
show(lambda: b.index(7))
show(lambda: b.index(2, 4))
show(lambda: b.index(2, 'a'))
show(lambda: b.index(2, None))
show(lambda: b.index())
show(lambda: b.index(1, 2, 3, 4))
b.insert(0, 10); b.insert(-1, 11); b.insert(100, 12); b.insert(-100, 13)
print(b)
show(lambda: b.insert(1.0, 3))
show(lambda: b.insert(0, 'x'))
show(lambda: b.insert(0))
print(b.pop(), b.pop(0), b.pop(-2), b)
show(lambda: b.pop(100))
show(lambda: b.pop('x'))
show(lambda: array.array('h').pop())
show(lambda: b.pop(2**100))
b.remove(2)
print(b)
show(lambda: b.remove(42))
b.reverse()
print(b)
b.clear()
print(b, len(b))
for tc in 'bhiqfd':
    c = array.array(tc, [1, 2, 3])
    c.byteswap()
    print(tc, c.tobytes().hex())
    c.reverse()
    print(c.tolist() if tc in 'fd' else c.tobytes().hex())
print(array.array('w', 'abc')[::-1], array.array('w', 'hello')[1:4])

# comparisons
x = array.array('i', [1, 2, 3])
for y in [array.array('i', [1, 2, 3]), array.array('i', [1, 2]), array.array('i', [1, 2, 4]),
          array.array('d', [1.0, 2.0, 3.0]), array.array('b', [1, 2, 3, 0]),
          array.array('d', [1.0, 2.5]), array.array('B', [0])]:
    print(y, x == y, x != y, x < y, x <= y, x > y, x >= y)
print(array.array('w', 'ab') < array.array('w', 'b'), array.array('f', [float('nan')]) == array.array('f', [float('nan')]))
show(lambda: x < [1, 2])
print(x == [1, 2, 3])

# + * += *=
print(x + array.array('i', [4]), x * 2, 2 * x, x * -1, x * 0)
show(lambda: x + [1])
show(lambda: x + array.array('b', [1]))
show(lambda: x * 'a')
y = array.array('i', [5])
y += x
print(y)
y *= 3
print(y)
y *= 1
print(y)
y *= 0
print(y)
def iadd():
    z = array.array('i')
    z += [1]
    return z
show(iadd)
def iadd2():
    z = array.array('i')
    z += array.array('q')
    return z
show(iadd2)
print(2 in x, 5 in x, 'a' in x, 2.0 in x)

# iteration
it = iter(x)
print(type(it).__name__, type(it).__module__, next(it), list(it), list(it))
it = iter(x)
next(it)
print(it.__reduce__()[1:], it.__reduce__()[0] is iter)
it2 = pickle.loads(pickle.dumps(it))
print(list(it2))
for _ in it:
    pass
print(it.__reduce__()[1:])
it = iter(x)
it.__setstate__(2)
print(list(it))
it = iter(x)
it.__setstate__(-5)
print(list(it))
show(lambda: type(it)())
show(lambda: iter(x).__reduce__(1))

# copy and pickling
print(copy.copy(x), copy.deepcopy(x), x.__copy__() is x)
for tc, init in [('b', [-1, 2]), ('B', [255]), ('h', [-300]), ('H', [65535]), ('i', [-7]),
                 ('I', [7]), ('q', [-2**40]), ('Q', [2**40]), ('f', [0.5]), ('d', [1.25]),
                 ('w', 'xy')]:
    c = array.array(tc, init)
    r = c.__reduce_ex__(3)
    print(tc, r[0].__name__, r[1][1:], r[2])
    print(' ', c.__reduce_ex__(2)[0].__name__, c.__reduce_ex__(2)[1:])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        d = pickle.loads(pickle.dumps(c, proto))
        assert d == c and type(d) is array.array, (tc, proto)
show(lambda: x.__reduce_ex__('3'))
show(lambda: x.__reduce_ex__())


class Sub(array.array):
    pass


s = Sub('i', [1, 2])
s.attr = 5
r = s.__reduce_ex__(4)
print(r[1][0].__name__, r[2])
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.attr, type(s[:]).__name__, type(s + s).__name__, type(s * 2).__name__)
print(repr(s), type(copy.copy(s)).__name__)

rec = array._array_reconstructor
print(rec(array.array, 'i', 8, b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(rec(array.array, 'i', 4, b'\x01\x00\x02\x00'))  # the narrowest match: 'h'
print(rec(array.array, 'h', 5, b'\x00\x01'))
print(rec(array.array, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'))
print(rec(array.array, 'f', 15, b'?\x80\x00\x00'))
print(rec(array.array, 'w', 21, b'\x00\x00\x00a\x00\x00\x00b'))
show(lambda: rec(array.array, 'w', 21, b'\x00\x00\x00a'))
print(rec(array.array, 'w', 19, b'\x00a\x00b'))
print(rec(array.array, 'B', 1, b'\xff'))
print(rec(array.array, 'q', 3, b'\x00\x05'))
for args in [(list, 'i', 8, b''), (1, 'i', 8, b''), (array.array, 'z', 8, b''),
             (array.array, 'i', 22, b''), (array.array, 'i', -2, b''), (array.array, 'i', 8, 'x'),
             (array.array, 'i', 9, b'\x00'), (array.array, 'ii', 8, b''), (array.array, 1, 8, b''),
             (array.array, 'i', 8.0, b''), (array.array, 'i', 8)]:
    show(lambda: rec(*args))

# fromfile / tofile
f = io.BytesIO()
x.tofile(f)
print(f.getvalue())
f.seek(0)
z = array.array('i')
z.fromfile(f, 2)
print(z)
show(lambda: z.fromfile(f, 5))
print(z)
show(lambda: z.fromfile(f, -1))
show(lambda: z.fromfile(io.StringIO('abc'), 1))
show(lambda: z.fromfile(f))
show(lambda: z.tofile())
show(lambda: z.tofile(1))
array.array('i').tofile(1)
big = array.array('b', [1]) * 70000
f = io.BytesIO()
big.tofile(f)
print(len(f.getvalue()))

# buffer protocol both ways
m = memoryview(x)
print(m.format, m.itemsize, m.shape, m.tolist(), m.nbytes, m.readonly)
show(lambda: x.append(4))
show(lambda: x.__delitem__(0))
def setslice():
    x[0:1] = array.array('i', [9, 9])
show(setslice)
x[0:1] = array.array('i', [9])
print(x)
m.release()
x.append(4)
print(x)
b = bytearray(8)
w = array.array('i', [1, 2])
b[:] = w
print(b, bytes(w), bytes(array.array('w', 'a')))
w.frombytes(memoryview(b'\x03\x00\x00\x00'))
w.frombytes(array.array('b', [4, 0, 0, 0]))
print(w)
show(lambda: w.frombytes(array.array('i', [1])))
show(lambda: w.frombytes('abc'))
show(lambda: w.frombytes(w))
bw = array.array('B', b'ab')
show(lambda: bw.frombytes(bw))
print(bw)
w.extend(w)
print(len(w))

# construction from iterables and sequences
print(array.array('i', (1, 2)), array.array('i', range(3)), array.array('i', iter([4, 5])),
      array.array('d', array.array('i', [1, 2])), array.array('b', bytearray(b'\x01\x02')),
      array.array('i', array.array('i', [3])), array.array('w', array.array('w', 'q')))
show(lambda: array.array('i', (1, 'a')))
show(lambda: array.array('i', 5))
show(lambda: array.array('b', array.array('w', 'a')))
show(lambda: array.array('w', array.array('b', [1])))

print(array.array[int], array.array.__class_getitem__(str))
print(issubclass(array.array, collections.abc.MutableSequence), isinstance(x, collections.abc.Sequence))
print('__weaklistoffset__' in array.array.__dict__)
show(lambda: hash(x))
print(array.array.index.__doc__)
print(array.array.__doc__.splitlines()[0])
print(type(x.__sizeof__()).__name__)
