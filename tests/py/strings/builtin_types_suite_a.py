# Behaviours found by running CPython's own unit tests for str, bytes, float and memoryview
# on cppy.
import io

# A space sign has its own message in a str format spec.
for spec in (' ', '+', '-', ' 10', '+5'):
    try:
        format('ab', spec)
    except ValueError as e:
        print(repr(spec), e)

# str.__getnewargs__ returns a copy, never the string itself.
for text in ('abc', 'ä', '\u20ac', '\U0001f600x', 'x' * 100):
    args = text.__getnewargs__()
    print(args == (text,), args[0] is not text, type(args[0]).__name__)
class S(str):
    pass
args = S('sub').__getnewargs__()
print(args, type(args[0]).__name__)

# float.fromhex parses ASCII only: other Unicode digits and spaces are invalid.
for s in ('0x1p0', ' 0x1p1 ', '0x1p\uff10', '\uff10x1p0', '0x\u0661p0', '\u20000x1p0', '0x1p0\u2000'):
    try:
        print(repr(s), float.fromhex(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)

# bytes and bytearray searches stay linear on adversarial inputs.
for N in (10, 1000, 200_000):
    A, B = b'a' * N, b'b' * N
    hay = A + A + B + A + A
    needle = A + B + B + A
    for t in (bytes, bytearray):
        h = t(hay)
        # (rfind is left out for the big inputs: CPython's reverse search is not linear.)
        print(N, t.__name__, h.find(needle), h.rfind(needle) if N < 5000 else '-', h.count(needle),
              (h + needle).find(needle) == len(h), (h + needle).count(needle),
              len(h.split(needle)), len((h + needle).replace(needle, b'!')))
print(b'abcabc'.find(b'c'), b'abcabc'.rfind(b'c'), b'abcabc'.count(b'c'), b'abc'.find(b''),
      b'abc'.rfind(b''), b'abc'.count(b''), b'abc'.find(b'', 5), b'aaaa'.count(b'aa'),
      b'abcabc'.find(b'bc', 2), b'abcabc'.rfind(b'ab', 0, 4), b'a,b,,c'.split(b','),
      b'xaxbx'.replace(b'x', b'--', 2), bytearray(b'1.2.3').rsplit(b'.', 1))

# readinto wants a writable buffer; any other argument is a TypeError naming the method.
m = memoryview(b'abc')
for f in (io.BytesIO(b'zz'), io.BufferedReader(io.BytesIO(b'zz'))):
    for arg in (m, b'abc', 5, None):
        try:
            f.readinto(arg)
        except Exception as e:
            print(type(f).__name__, type(e).__name__, e)
    try:
        f.readinto1(m)
    except Exception as e:
        print(type(f).__name__, type(e).__name__, e)
buf = bytearray(4)
print(io.BytesIO(b'xy').readinto(buf), buf, io.BytesIO(b'pq').readinto(memoryview(buf)[1:]), buf)

# A multi-index whose __index__ releases the view.
ba = bytearray(b'\xff' * 16)
m = memoryview(ba).cast('B', (4, 4))
class Releasing:
    def __index__(self):
        m.release()
        return 1
for key in ((Releasing(), 0), (0, Releasing())):
    m = memoryview(ba).cast('B', (4, 4))
    try:
        m[key]
    except ValueError as e:
        print('ValueError:', e)

# Without -X dev, an unknown error handler is only looked up when an error needs it.
print(repr(str(b'', errors='no such handler')), repr(''.encode('utf-8', 'no such handler')),
      repr(b'abc'.decode('ascii', 'no such handler')))

# bytes.hex separators: the length first, then str or bytes only, then ASCII.
for sep in ('', 'xx', '\xff', b'\xff', b'\x80', '\u20ac', b'', ':', b'_', bytearray(b':'),
            memoryview(b':'), 5, [1], [1, 2]):
    for obj in (b'\xb9\x01\xef', bytearray(b'\xb9\x01\xef'), memoryview(b'\xb9\x01\xef')):
        try:
            print(type(sep).__name__, repr(sep)[:12], type(obj).__name__, obj.hex(sep, 2))
        except Exception as e:
            print(type(sep).__name__, repr(sep)[:12], type(obj).__name__, type(e).__name__, e)

# struct reports an int that overflows a converter as struct.error.
import struct
for fmt in ('P', 'Q', 'q', 'e', '<H'):
    for v in (-(1 << 70), 1 << 70, (1 << 64) - 1, -1):
        if fmt == 'P' and v == (1 << 64) - 1:
            continue  # fits a 64-bit pointer only
        try:
            print(fmt, v.bit_length(), struct.pack(fmt, v) != b"")
        except Exception as e:
            print(fmt, v.bit_length(), type(e).__name__, e)

# A NUL separator is a separator like any other.
print(repr(b'\xb9\x01\xef'.hex('\x00')), repr(bytearray(b'ab').hex(b'\x00', -1)),
      repr(memoryview(b'abc').hex('\x00', 2)), repr(b'ab'.hex()), repr(b''.hex('\x00')))
