# _lzma over liblzma: compressor and decompressor objects, formats, checks, filter chains,
# filter properties, errors; the lzma package on it.
import _lzma
import lzma
import zlib

data = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(3000))

def digest(b):
    return len(b), zlib.crc32(b)

# Formats and checks.
for fmt, check in [(lzma.FORMAT_XZ, -1), (lzma.FORMAT_XZ, lzma.CHECK_NONE),
                   (lzma.FORMAT_XZ, lzma.CHECK_CRC32), (lzma.FORMAT_XZ, lzma.CHECK_SHA256),
                   (lzma.FORMAT_ALONE, -1)]:
    c = _lzma.LZMACompressor(fmt, check)
    out = c.compress(data[:70000]) + c.compress(data[70000:]) + c.flush()
    print(fmt, check, out[:6], digest(out))
    for dfmt in (lzma.FORMAT_AUTO, fmt):
        d = _lzma.LZMADecompressor(dfmt)
        print('  ', d.check, d.decompress(out) == data, d.check, d.eof, d.needs_input, d.unused_data)
for preset in (0, 1, 6, 9 | lzma.PRESET_EXTREME):
    out = lzma.compress(data, preset=preset)
    print('preset', preset, digest(out), lzma.decompress(out) == data)

# Raw streams with filter chains.
chains = [
    [{'id': lzma.FILTER_LZMA2}],
    [{'id': lzma.FILTER_LZMA2, 'preset': 1, 'dict_size': 1 << 16, 'lc': 2, 'lp': 1, 'pb': 1,
      'mode': lzma.MODE_FAST, 'nice_len': 32, 'mf': lzma.MF_HC4, 'depth': 8}],
    [{'id': lzma.FILTER_DELTA, 'dist': 4}, {'id': lzma.FILTER_LZMA2, 'preset': 3}],
    [{'id': lzma.FILTER_X86}, {'id': lzma.FILTER_LZMA2}],
    [{'id': lzma.FILTER_ARM, 'start_offset': 16}, {'id': lzma.FILTER_LZMA1}],
]
for chain in chains:
    try:
        out = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
        back = lzma.decompress(out, format=lzma.FORMAT_RAW, filters=chain)
        print('raw', [f['id'] for f in chain], digest(out), back == data)
        out = lzma.compress(data, filters=chain)
        print('xz ', digest(out), lzma.decompress(out) == data)
    except Exception as e:
        print('raw', type(e).__name__, e)

# max_length, needs_input, unused_data.
blob = lzma.compress(data) + b'trailing junk'
d = _lzma.LZMADecompressor()
got = d.decompress(blob[:200], 10)
print(len(got), d.needs_input, d.eof)
got += d.decompress(b'', 100)
print(len(got), d.needs_input, d.eof)
got += d.decompress(blob[200:])
print(got == data, d.eof, d.unused_data, d.needs_input, d.check)
d = _lzma.LZMADecompressor()
pieces = []
while not d.eof:
    pieces.append(d.decompress(blob if not pieces else b'', 50000))
print([len(p) for p in pieces], d.unused_data)

# Filter properties.
for spec in [{'id': lzma.FILTER_LZMA1, 'lc': 3, 'lp': 0, 'pb': 2, 'dict_size': 1 << 20},
             {'id': lzma.FILTER_LZMA2, 'dict_size': 1 << 22}, {'id': lzma.FILTER_DELTA, 'dist': 7},
             {'id': lzma.FILTER_X86, 'start_offset': 0}, {'id': lzma.FILTER_SPARC, 'start_offset': 8}]:
    props = _lzma._encode_filter_properties(spec)
    print(spec['id'], props, _lzma._decode_filter_properties(spec['id'], props))

print([lzma.is_check_supported(c) for c in range(lzma.CHECK_ID_MAX + 1)][:12])
print(lzma.CHECK_UNKNOWN, lzma.CHECK_ID_MAX, lzma.FILTER_LZMA1, lzma.FILTER_LZMA2,
      lzma.PRESET_DEFAULT, lzma.PRESET_EXTREME, lzma.MF_BT4, lzma.MODE_NORMAL)

# Errors.
def attempt(f):
    try:
        r = f()
        print('ok', r if not isinstance(r, bytes) else len(r))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: _lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
attempt(lambda: _lzma.LZMACompressor(preset=1, filters=[]))
attempt(lambda: _lzma.LZMACompressor(format=7))
attempt(lambda: _lzma.LZMACompressor(format=lzma.FORMAT_RAW))
attempt(lambda: _lzma.LZMACompressor(preset=10))
attempt(lambda: _lzma.LZMACompressor(preset=-1))
attempt(lambda: _lzma.LZMACompressor(preset=2**40))
attempt(lambda: _lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=[{'id': lzma.FILTER_LZMA2}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2}] * 5))
attempt(lambda: _lzma.LZMACompressor(filters=[{'nope': 1}]))
attempt(lambda: _lzma.LZMACompressor(filters=[5]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': 99}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'bogus': 1}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'dict_size': -5}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'preset': 42}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_DELTA, 'dist': 'x'}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_X86, 'bad': 1}]))
attempt(lambda: _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_DELTA}]))
attempt(lambda: _lzma.LZMACompressor(check=lzma.CHECK_ID_MAX))
attempt(lambda: _lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=100))
attempt(lambda: _lzma.LZMADecompressor(format=lzma.FORMAT_RAW))
attempt(lambda: _lzma.LZMADecompressor(filters=[]))
attempt(lambda: _lzma.LZMADecompressor(format=9))
attempt(lambda: _lzma.LZMADecompressor(memlimit=1 << 10).decompress(lzma.compress(data)))
attempt(lambda: _lzma.LZMADecompressor().decompress(b'not lzma data at all'))
attempt(lambda: _lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress(lzma.compress(data, lzma.FORMAT_ALONE)))
attempt(lambda: _lzma.LZMADecompressor().decompress(lzma.compress(data)[:-30] + b'\x00' * 30))
attempt(lambda: _lzma.LZMACompressor().compress('text'))
attempt(lambda: _lzma._encode_filter_properties({'id': lzma.FILTER_X86}))
attempt(lambda: _lzma._decode_filter_properties(lzma.FILTER_LZMA1, b'\xff\xff\xff\xff\xff'))
attempt(lambda: _lzma._decode_filter_properties(123, b''))
d = _lzma.LZMADecompressor()
d.decompress(lzma.compress(b'x'))
attempt(lambda: d.decompress(b'more'))
c = _lzma.LZMACompressor()
c.flush()
attempt(c.flush)
attempt(lambda: c.compress(b'x'))
print(_lzma.LZMAError.__module__, _lzma.LZMAError.__mro__)
for t in (_lzma.LZMACompressor, _lzma.LZMADecompressor):
    try:
        class Sub(t):
            pass
    except TypeError as e:
        print('TypeError', e)
