# array: typecodes, item conversions and their messages, construction, the buffer protocol,
# bytes/list/str conversions. Values stay within 32 bits: the reference's C long is 32-bit.
import array

print(array.typecodes, array.ArrayType is array.array, array.array.__module__)
print(array.__doc__)
for tc in 'bBhHiIqQ':
    for v in [-2**31, -129, -1, 0, 255, 256, 2**16, 2**31 - 1, 2**63, -2**63 - 1, 1.5, 'x', None]:
        if tc == 'I' and v == 2**63:
            continue  # fits the host's 64-bit C long, not the reference's 32-bit one
        try:
            a = array.array(tc, [v])
            print(tc, v, 'ok', a[0], a.tolist())
        except Exception as e:
            print(tc, v, type(e).__name__, e)
for tc in ['z', 5, 'bb', '', 'B\0']:
    try:
        array.array(tc)
    except Exception as e:
        print(type(e).__name__, e)
for tc in 'fd':
    for v in ['x', 1, 2**2000, 0.1, -0.0, float('inf')]:
        try:
            print(array.array(tc, [v]))
        except Exception as e:
            print(type(e).__name__, e)
for v in ['ab', 1, 'x', '\U0001f600']:
    try:
        print(array.array('w', [v]))
    except Exception as e:
        print(type(e).__name__, e)
for args in [('b', 'abc'), ('w', b'abcd'), ('i', array.array('w', 'ab')), (), ('i', [1], 3)]:
    try:
        print(array.array(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    array.array('i', typecode='i')
except TypeError as e:
    print('TypeError', e)

for tc in 'bBhHiIqQfdw':
    a = array.array(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))
a = array.array('i', [1, 2, 3])
print(repr(a), a[0], a[-1], len(a), list(a), 2 in a.tolist())
for i in [5, -4]:
    try:
        a[i]
    except IndexError as e:
        print('IndexError', e)
    try:
        a[i] = 1
    except IndexError as e:
        print('IndexError', e)
try:
    a['x']
except TypeError as e:
    print('TypeError', e)
a[1] = 20
a[-1] = -30
del a[0]
print(a)
a.append(7)
a.extend([8, 9])
a.extend(array.array('i', [10]))
a.fromlist([11, 12])
print(a, a.tolist())
for bad in [lambda: a.extend(array.array('b', [1])), lambda: a.fromlist((1,)), lambda: a.fromlist([1, 'x']),
            lambda: a.append('x'), lambda: a.extend(5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(a)

# Bytes and the buffer protocol.
b = array.array('h', [1, -2, 300])
print(b.tobytes(), bytes(b), bytearray(b))
m = memoryview(b)
print(m.format, m.itemsize, m.nbytes, m.tolist(), m.readonly, m.shape, m.strides)
m[0] = 99
print(b)
try:
    b.append(4)
except BufferError as e:
    print('BufferError', e)
m.release()
b.append(4)
b.frombytes(b'\x05\x00')
print(b)
try:
    b.frombytes(b'abc')
except ValueError as e:
    print('ValueError', e)
c = array.array('h', b.tobytes())
print(c == b, c != b, c == array.array('h', [1]), array.array('i', [1]) == array.array('h', [1]))
b.byteswap()
print(b, b.tobytes())
print(array.array('d', [1.5, -2.25]).tobytes(), memoryview(array.array('d', [1.5])).format)
print(array.array('B', b'hello'), array.array('b', bytearray(b'\xff\x01')))
print(bytes(array.array('Q', [2**64 - 1])), bytes(array.array('q', [-2])))

# Unicode arrays.
w = array.array('w', 'h\u00e9\U0001f600')
print(w, len(w), w.tounicode(), w.itemsize, w[2])
w.fromunicode('!')
print(w)
for bad in [lambda: array.array('i').fromunicode('x'), lambda: array.array('i').tounicode(), lambda: w.fromunicode(3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(array.array('w', array.array('w', 'xy')), array.array('i', array.array('i', [4, 5])))
try:
    hash(a)
except TypeError as e:
    print('TypeError', e)
class Sub(array.array):
    pass
s = Sub('i', [1, 2])
print(repr(s), type(s).__name__, s == array.array('i', [1, 2]))
