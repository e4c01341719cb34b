# memoryview == / != for formats other than equal native single characters: the struct
# module unpacks each item (memory_richcompare, struct_get_unpacker, unpack_cmp).
from _testbuffer import ndarray, ND_WRITABLE, ND_PIL, ND_FORTRAN
import struct

def cmp(label, a, b):
    try:
        r = (a == b, a != b, b == a)
    except Exception as e:
        r = (type(e).__name__, str(e))
    print(label, r)

# little/big endian, explicit sizes
a = ndarray([1, 2, 3, -4], shape=[4], format='<i')
b = ndarray([1, 2, 3, -4], shape=[4], format='>i')
c = ndarray([1, 2, 3, -4], shape=[4], format='i')
d = ndarray([1, 2, 3, 5], shape=[4], format='<h')
cmp('<i vs >i', memoryview(a), memoryview(b))
cmp('<i vs i', memoryview(a), memoryview(c))
cmp('>i vs <h', memoryview(b), memoryview(d))
cmp('<i vs ndarray >i', memoryview(a), b)
cmp('<i vs list', memoryview(a), [1, 2, 3, -4])
cmp('<i vs self', memoryview(a), memoryview(a))
m = memoryview(a)
cmp('<i same object', m, m)
# '=' and '!' prefixes
e = ndarray([7, 8], shape=[2], format='=q')
f = ndarray([7, 8], shape=[2], format='!q')
cmp('=q vs !q', memoryview(e), memoryview(f))
cmp('=q vs @q', memoryview(e), memoryview(ndarray([7, 8], shape=[2], format='@q')))
# bytes-like members and padding
s1 = ndarray([b'abc', b'xyz'], shape=[2], format='3s')
s2 = ndarray([b'abc', b'xyz'], shape=[2], format='3s')
s3 = ndarray([b'abc', b'xyw'], shape=[2], format='3s')
cmp('3s equal', memoryview(s1), memoryview(s2))
cmp('3s differ', memoryview(s1), memoryview(s3))
p1 = ndarray([(1, 2), (3, 4)], shape=[2], format='<bxh')
p2 = ndarray([(1, 2), (3, 4)], shape=[2], format='<bxh')
p3 = ndarray([(1, 2), (3, 5)], shape=[2], format='<bxh')
cmp('bxh equal', memoryview(p1), memoryview(p2))
cmp('bxh differ', memoryview(p1), memoryview(p3))
cmp('bxh vs hh', memoryview(p1), memoryview(ndarray([(1, 2), (3, 4)], shape=[2], format='<hh')))
cmp('bxh vs tuples', memoryview(p1), [(1, 2), (3, 4)])
# struct formats whose items are tuples compared to the same values
t1 = ndarray([(1, 2.5), (3, 4.5)], shape=[2], format='<id')
t2 = ndarray([(1, 2.5), (3, 4.5)], shape=[2], format='>id')
cmp('id equal', memoryview(t1), memoryview(t2))
# different native formats: values, not bytes
cmp('B vs b (255/-1)', memoryview(ndarray([255], shape=[1], format='B')),
    memoryview(ndarray([-1], shape=[1], format='b')))
cmp('B vs h', memoryview(ndarray([1, 2], shape=[2], format='B')),
    memoryview(ndarray([1, 2], shape=[2], format='h')))
cmp('i vs d', memoryview(ndarray([1, 2], shape=[2], format='i')),
    memoryview(ndarray([1.0, 2.0], shape=[2], format='d')))
# NaN: never equal, native or not
nan = float('nan')
cmp('d nan', memoryview(ndarray([nan], shape=[1], format='d')),
    memoryview(ndarray([nan], shape=[1], format='d')))
cmp('<d nan', memoryview(ndarray([nan], shape=[1], format='<d')),
    memoryview(ndarray([nan], shape=[1], format='<d')))
nm = memoryview(ndarray([nan], shape=[1], format='<d'))
cmp('<d nan same view', nm, nm)
# a format struct rejects: unequal, no error
bad = ndarray([1, 2], shape=[2], format='B')
# shapes: different shapes are unequal without looking at formats
cmp('shape differs', memoryview(ndarray([1, 2, 3, 4], shape=[2, 2], format='<i')),
    memoryview(ndarray([1, 2, 3, 4], shape=[4], format='<i')))
cmp('2d equal', memoryview(ndarray([1, 2, 3, 4, 5, 6], shape=[2, 3], format='<i')),
    memoryview(ndarray([1, 2, 3, 4, 5, 6], shape=[2, 3], format='>i')))
cmp('2d differ', memoryview(ndarray([1, 2, 3, 4, 5, 6], shape=[2, 3], format='<i')),
    memoryview(ndarray([1, 2, 3, 4, 5, 7], shape=[2, 3], format='>i')))
cmp('zero in shape', memoryview(ndarray([1], shape=[0, 3], format='<i')),
    memoryview(ndarray([1], shape=[0, 5], format='>h')))
# strided and reversed views
x = ndarray(list(range(12)), shape=[12], format='<i')
y = ndarray(list(range(0, 12, 2)), shape=[6], format='>i')
cmp('strided', memoryview(x)[::2], memoryview(y))
cmp('reversed', memoryview(x)[::-1], memoryview(ndarray(list(range(11, -1, -1)), shape=[12], format='>q')))
cmp('negative strides', memoryview(ndarray(list(range(12)), shape=[3, 4], strides=[-16, 4], offset=32, format='<i')),
    memoryview(ndarray([8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3], shape=[3, 4], format='>i')))
# Fortran order and PIL-style suboffsets
fo = ndarray(list(range(6)), shape=[2, 3], format='<h', flags=ND_FORTRAN)
co = ndarray([0, 2, 4, 1, 3, 5], shape=[2, 3], format='>h')
cmp('fortran', memoryview(fo), memoryview(co))
pil = ndarray(list(range(6)), shape=[2, 3], format='<h', flags=ND_PIL)
cmp('pil', memoryview(pil), memoryview(ndarray(list(range(6)), shape=[2, 3], format='>h')))
cmp('pil vs pil', memoryview(pil), memoryview(ndarray(list(range(6)), shape=[2, 3], format='<h', flags=ND_PIL)))
# scalars (ndim 0)
cmp('scalar equal', memoryview(ndarray(5, shape=[], format='<q')), memoryview(ndarray(5, shape=[], format='>q')))
cmp('scalar differ', memoryview(ndarray(5, shape=[], format='<q')), memoryview(ndarray(6, shape=[], format='>q')))
# released views, other objects
r = memoryview(a); r.release()
cmp('released', r, memoryview(a))
cmp('released self', r, r)
cmp('not a buffer', memoryview(a), 5)
# order comparisons are not supported
try:
    memoryview(a) < memoryview(b)
except TypeError as e:
    print('lt', e)
# a format struct accepts only in comparisons: item access still refuses it
for op in ('tolist', 'getitem', 'cast'):
    try:
        if op == 'tolist':
            memoryview(a).tolist()
        elif op == 'getitem':
            memoryview(a)[0]
        else:
            memoryview(a).cast('B').cast('<i')
    except (NotImplementedError, ValueError) as e:
        print(op, type(e).__name__, e)
print(memoryview(a).format, memoryview(a).itemsize, memoryview(p1).itemsize, memoryview(s1).format)
print(memoryview(a).tobytes(), memoryview(b).tobytes(), memoryview(p1).tobytes())
# hash of non-byte formats
try:
    hash(memoryview(a))
except ValueError as e:
    print('hash', e)
# array('u') exports format 'w', which the struct module rejects: unequal, no error
import array, warnings
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    au = array.array('u', 'ab')
aw = array.array('w', 'ab')
cmp('w vs w', memoryview(aw), memoryview(array.array('w', 'ab')))
cmp('w vs u', memoryview(aw), memoryview(au))
cmp('w same view', memoryview(aw), memoryview(aw))
mw = memoryview(aw)
cmp('w same object', mw, mw)
