# _bz2 over libbz2, and the bz2 package on it.
import _bz2
import bz2

data = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(2000))
for level in (1, 5, 9):
    c = _bz2.BZ2Compressor(level)
    out = c.compress(data[:50000]) + c.compress(data[50000:]) + c.flush()
    print(level, len(out), out[:10], bz2.decompress(out) == data)
d = _bz2.BZ2Decompressor()
blob = bz2.compress(data) + b'trailing junk'
got = d.decompress(blob[:100], 10)
print(len(got), d.needs_input, d.eof)
got += d.decompress(b'', 100000)
print(len(got), d.needs_input, d.eof)
got += d.decompress(blob[100:])
print(got == data, d.eof, d.unused_data, d.needs_input)
for f in [lambda: d.decompress(b'x'), lambda: _bz2.BZ2Compressor(0), lambda: _bz2.BZ2Compressor(10),
          lambda: _bz2.BZ2Decompressor().decompress(b'not bz2 data at all'),
          lambda: _bz2.BZ2Compressor('a'), lambda: _bz2.BZ2Compressor().compress('s')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
c = _bz2.BZ2Compressor()
c.compress(b'abc')
c.flush()
for f in [c.flush, lambda: c.compress(b'x')]:
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
print(bz2.decompress(bz2.compress(b'a') + bz2.compress(b'b')))
print(bz2.compress(b''), bz2.decompress(b''))
try:
    bz2.decompress(bz2.compress(b'abc')[:-5])
except ValueError as e:
    print('ValueError', e)
d0 = _bz2.BZ2Decompressor()
print(d0.decompress(bz2.compress(b'xyz'), 0), d0.needs_input, d0.eof)
print(type(_bz2.BZ2Compressor()).__name__, type(d0).__module__)
