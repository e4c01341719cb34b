# bytes and bytearray: construction, methods, mutation, hex and conversion.
b = b'Hello\x00\xff'
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), b.hex(), b.hex(':'), b.hex('-', 2))
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes('é', 'utf-8'), bytes.fromhex('de ad be ef'), bytes(memoryview(b'mv')))
print(b'abc'.upper(), b'a,b'.split(b','), b' x '.strip(), b'abc'.replace(b'b', b'B'), b'ab' * 2, b'ab' + b'cd')
print(b'abc'.find(b'c'), b'abcb'.count(b'b'), b'x' in b'xyz', 120 in b'xyz', b'abc'.startswith(b'ab'), b'A1'.isalnum())
print(b'hello world'.title(), b'\t'.isspace(), b'-'.join([b'a', b'b']), b'abc'.center(7, b'*'), b'%d' % 5)
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba[0] = 65
ba[1:3] = b'XYZ'
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.insert(1, 33)
ba.remove(ord('Y'))
del ba[0]
print(ba, ba.decode(), bytes(ba), ba == b'XZdef'[:0] + bytes(ba), ba.reverse(), ba)
ba += b'!'
ba *= 2
print(ba, ba.index(b'!'), ba.rindex(33), ba.count(b'!'))
for bad in [lambda: bytes([256]), lambda: bytearray(b'x').append(300), lambda: b'x' + 'y', lambda: bytes('x'), lambda: bytes.fromhex('zz'), lambda: b'abc'[5], lambda: bytearray(b'x').remove(5)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
m = memoryview(b'abcdef')
print(m[1], bytes(m[1:4]), m.tobytes(), m.tolist()[:3], m.nbytes, m.readonly, len(m), m.format, m.itemsize)
mb = memoryview(bytearray(b'xyz'))
mb[0] = ord('X')
print(mb.obj, mb[::-1].tobytes(), mb.cast('B').tolist())
print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(2, 'big'), bytes.maketrans(b'ab', b'xy'), b'aabb'.translate(bytes.maketrans(b'ab', b'xy')))
print(repr(bytes(range(0, 256, 17))), b'\\n', ascii(b'\n'), str(b'q', 'ascii'))
