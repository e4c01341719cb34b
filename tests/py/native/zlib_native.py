# zlib over the system library: round trips, streaming objects and their attributes.
import zlib

data = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(400))
print(len(data), zlib.crc32(data), zlib.adler32(data), zlib.crc32(data, 12345),
      zlib.adler32(data, 7), zlib.crc32(b''), zlib.adler32(b''), zlib.crc32(b'a', -1),
      zlib.crc32(b'a', 2**40 + 5))
print(zlib.crc32(memoryview(data)[:100]), zlib.adler32(bytearray(b'xyz')))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, zlib.decompress(c) == data)
for wbits in (9, 15, -15, 31, 25, -9):
    c = zlib.compress(data, 6, wbits)
    d = zlib.decompress(c, wbits)
    print(wbits, d == data, zlib.decompress(c, 47 if wbits > 0 else wbits) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data, zlib.decompress(zlib.compress(b'')))
print(zlib.compress(b'hello'), zlib.compress(b'', 9))

co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b'tail'))
parts.append(co.flush())
stream = b''.join(parts)
print(zlib.decompress(stream, -12) == data + b'tail', co.flush(zlib.Z_NO_FLUSH))

do = zlib.decompressobj(-12)
out = do.decompress(stream[:50], 100)
print(len(out), len(do.unconsumed_tail), do.eof, do.unused_data)
out += do.decompress(do.unconsumed_tail + stream[50:], 0)
print(len(out), out == data + b'tail', do.eof, do.unconsumed_tail, do.unused_data)

do = zlib.decompressobj()
c = zlib.compress(data) + b'extra bytes'
res = b''
while not do.eof and (c or do.unconsumed_tail):
    chunk = do.unconsumed_tail or c[:500]
    if not do.unconsumed_tail:
        c = c[500:]
    res += do.decompress(chunk, 1000)
print(res == data, do.eof, do.unused_data, len(c))
print(do.flush(), do.eof)

d2 = zlib.decompressobj()
half = zlib.compress(data)
r1 = d2.decompress(half[:300])
d3 = d2.copy()
print(len(r1 + d2.decompress(half[300:]) + d2.flush()), len(r1 + d3.decompress(half[300:])))
cc = zlib.compressobj()
head = cc.compress(b'abc')
cc2 = cc.copy()
mid = cc.compress(b'def')
print(zlib.decompress(head + mid + cc.flush()), zlib.decompress(head + cc2.flush()))
cc3 = zlib.compressobj().__copy__()
print(type(cc3).__name__, type(zlib.decompressobj().__deepcopy__({})).__name__)
try:
    cc2.copy()
except ValueError as e:
    print('ValueError', e)

zd = b'the quick brown fox jumps over'
cz = zlib.compressobj(zdict=zd)
blob = cz.compress(data) + cz.flush()
dz = zlib.decompressobj(zdict=zd)
print(dz.decompress(blob) == data)
try:
    zlib.decompressobj().decompress(blob)
except zlib.error as e:
    print('error', e)
dr = zlib.decompressobj(-15, zdict=zd)
co = zlib.compressobj(wbits=-15, zdict=zd)
print(dr.decompress(co.compress(b'fox jumps') + co.flush()))

zd = zlib._ZlibDecompressor()
blob = zlib.compress(data) + b'junk'
got = zd.decompress(blob[:200], 50)
print(len(got), zd.needs_input, zd.eof)
got += zd.decompress(b'', 1000)
print(len(got), zd.needs_input)
got += zd.decompress(blob[200:])
print(got == data, zd.eof, zd.unused_data, zd.needs_input)
try:
    zd.decompress(b'x')
except EOFError as e:
    print('EOFError', e)
zd0 = zlib._ZlibDecompressor()
print(zd0.decompress(zlib.compress(b'abc'), 0), zd0.needs_input, zd0.eof)

for expr in ["zlib.decompress(b'abc')", "zlib.compress(b'a', 12)", "zlib.compressobj(wbits=3)",
             "zlib.decompress(zlib.compress(b'x'*100)[:-3])", "zlib.decompressobj(wbits=100)",
             "zlib.compress('s')", "zlib.decompressobj().decompress(b'x', -1)",
             "zlib.decompressobj().flush(0)", "zlib.crc32('a')", "zlib.compressobj(zdict=1)",
             "zlib.decompressobj(zdict=1)", "zlib.compressobj().flush(99)",
             "zlib._ZlibDecompressor().decompress(b'xyz')", "zlib.decompress(b'', bufsize=-1)",
             "zlib.compressobj(method=9)", "zlib.compressobj(memLevel=10)"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION,
      zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_HUFFMAN_ONLY)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, zlib.error.__mro__)
print(isinstance(zlib.ZLIB_VERSION, str), zlib.ZLIB_RUNTIME_VERSION[:2])
print(zlib.__doc__.splitlines()[0])
