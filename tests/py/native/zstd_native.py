# _zstd over libzstd: compressor and decompressor objects, modes, max_length streaming,
# dictionaries, frame information, parameter bounds and the error messages. The reference's
# libzstd (1.5.7) is newer than Debian's (1.5.4), so compressed bytes are checked by what they
# decompress to and by their frame headers, not byte for byte.
import _zstd
import zlib
from _zstd import ZstdCompressor, ZstdDecompressor, ZstdDict, ZstdError

data = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(3000))

def digest(b):
    return len(b), zlib.crc32(b)

def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print('  ', type(e).__name__, e)
    else:
        print('   ok', digest(r) if isinstance(r, bytes) else
              type(r).__name__ if isinstance(r, (ZstdCompressor, ZstdDecompressor)) else r)

print(_zstd.ZSTD_CLEVEL_DEFAULT, _zstd.ZSTD_DStreamOutSize, type(_zstd.zstd_version).__name__,
      _zstd.zstd_version_number // 100 == 105)
print([(k, getattr(_zstd, k)) for k in sorted(dir(_zstd)) if k.startswith('ZSTD_') and k[5:6] in 'cdfgbl'])
print(ZstdCompressor.CONTINUE, ZstdCompressor.FLUSH_BLOCK, ZstdCompressor.FLUSH_FRAME)
print(ZstdError.__mro__, ZstdError.__module__, ZstdError.__doc__)
for t in (ZstdCompressor, ZstdDecompressor, ZstdDict):
    print(t.__name__, t.__module__, t.__qualname__, t.__text_signature__)
    try:
        t.x = 1
    except TypeError as e:
        print('  ', e)
    try:
        class Sub(t): pass
    except TypeError as e:
        print('  ', e)

# Round trips at several levels, one shot and incremental.
for level in (-5, 1, 3, 10, 19):
    c = ZstdCompressor(level)
    frame = c.compress(data, ZstdCompressor.FLUSH_FRAME)
    print('level', level, c.last_mode, _zstd.get_frame_info(frame), _zstd.get_frame_size(frame) == len(frame))
    d = ZstdDecompressor()
    out = d.decompress(frame)
    print('  ', digest(out), d.eof, d.needs_input, d.unused_data)

c = ZstdCompressor()
print(c.last_mode)
parts = [c.compress(data[:50000]), c.compress(data[50000:100000], ZstdCompressor.FLUSH_BLOCK)]
print(c.last_mode)
parts.append(c.compress(data[100000:]))
print(c.last_mode)
parts.append(c.flush())
print(c.last_mode, c.flush() , c.last_mode)
stream = b''.join(parts)
print(_zstd.get_frame_info(stream), ZstdDecompressor().decompress(stream) == data)
# FLUSH_BLOCK output is decodable before the frame ends.
c = ZstdCompressor()
a = c.compress(data[:1000]) + c.flush(ZstdCompressor.FLUSH_BLOCK)
print(c.last_mode)
d = ZstdDecompressor()
print(d.decompress(a) == data[:1000], d.eof, d.needs_input)
b = c.compress(data[1000:2000], ZstdCompressor.FLUSH_FRAME)
print(d.decompress(b) == data[1000:2000], d.eof, d.needs_input, d.unused_data)
err(d.decompress, b'')

# Pledged sizes.
c = ZstdCompressor()
c.set_pledged_input_size(len(data))
f = c.compress(data) + c.flush()
print(_zstd.get_frame_info(f))
c.set_pledged_input_size(None)
f = c.compress(data, c.FLUSH_FRAME)
print(_zstd.get_frame_info(f))
c.set_pledged_input_size(10)
err(c.compress, data, c.FLUSH_FRAME)
print(c.last_mode)
c.compress(b'abc')
err(c.set_pledged_input_size, 5)
err(c.set_pledged_input_size, -1)
err(c.set_pledged_input_size, 2**64)
err(c.set_pledged_input_size, 2**64 - 2)
err(c.set_pledged_input_size, 'x')
err(c.set_pledged_input_size, 1.0)
c = ZstdCompressor(options={_zstd.ZSTD_c_contentSizeFlag: 0})
c.set_pledged_input_size(3)
print(_zstd.get_frame_info(c.compress(b'abc', 2)))

# Decompression with max_length, unused data, several frames.
frame = ZstdCompressor(5).compress(data, 2)
d = ZstdDecompressor()
got = []
for n in (0, 1, 100, 70000, 10**6):
    got.append(d.decompress(b'' if got else frame, n))
    print('max', n, len(got[-1]), d.eof, d.needs_input)
print(b''.join(got) == data)
err(d.decompress, b'x')
d = ZstdDecompressor()
for i in range(0, len(frame), 997):
    out = d.decompress(frame[i:i + 997], 5000)
print(d.eof, d.needs_input)
tail = d.decompress(b'', -1) if not d.eof else b''
d = ZstdDecompressor()
out = d.decompress(frame + b'trailing junk')
print(out == data, d.eof, d.needs_input, d.unused_data, d.unused_data is d.unused_data)
d = ZstdDecompressor()
out = d.decompress(frame[:50], 10) + d.decompress(frame[50:] + b'more', 10)
print(len(out), d.eof, d.needs_input, d.unused_data)
out += d.decompress(b'', -1)
print(len(out), d.eof, d.needs_input, d.unused_data)
two = ZstdCompressor().compress(b'first', 2) + ZstdCompressor().compress(b'second', 2)
d = ZstdDecompressor()
print(d.decompress(two), d.unused_data == two[_zstd.get_frame_size(two):])
d = ZstdDecompressor()
print(d.decompress(memoryview(bytearray(frame))) == data, d.decompress.__text_signature__)

# Corrupt data.
bad = bytearray(frame)
bad[20] ^= 0xff
d = ZstdDecompressor()
err(d.decompress, bytes(bad))
print(d.eof, d.needs_input, d.unused_data)
err(ZstdDecompressor().decompress, b'not a zstd frame at all')
err(ZstdDecompressor().decompress, 'str')
err(_zstd.get_frame_info, b'abc')
err(_zstd.get_frame_info, frame[:3])
err(_zstd.get_frame_size, b'garbage garbage garbage')
err(_zstd.get_frame_size, frame[:100])
print(_zstd.get_frame_info(frame[:18]))
print(_zstd.get_frame_info(frame_buffer=ZstdCompressor().compress(b'', 2)))
c = ZstdCompressor(options={_zstd.ZSTD_c_checksumFlag: 1})
cf = c.compress(data, 2)
print(len(cf) - len(ZstdCompressor().compress(data, 2)), _zstd.get_frame_size(cf) == len(cf))
bad = bytearray(cf)
bad[-1] ^= 1
err(ZstdDecompressor().decompress, bytes(bad))

# Options.
for opts in [{_zstd.ZSTD_c_compressionLevel: 7}, {_zstd.ZSTD_c_windowLog: 12, _zstd.ZSTD_c_strategy: _zstd.ZSTD_btopt},
             {_zstd.ZSTD_c_enableLongDistanceMatching: 1, _zstd.ZSTD_c_windowLog: 20},
             {_zstd.ZSTD_c_dictIDFlag: 0, _zstd.ZSTD_c_hashLog: 10, _zstd.ZSTD_c_minMatch: 4}]:
    f = ZstdCompressor(options=opts).compress(data, 2)
    print(sorted(opts.items()), ZstdDecompressor().decompress(f) == data)
f = ZstdCompressor(options={_zstd.ZSTD_c_windowLog: 25}).compress(data * 4, 2)
err(ZstdDecompressor(options={_zstd.ZSTD_d_windowLogMax: 10}).decompress, f)
print(ZstdDecompressor(options={_zstd.ZSTD_d_windowLogMax: 25}).decompress(f) == data * 4)
err(ZstdCompressor, 3, {})
err(ZstdCompressor, 'x')
err(ZstdCompressor, 1.5)
err(ZstdCompressor, 100)
err(ZstdCompressor, -2**20)
err(ZstdCompressor, 2**40)
err(ZstdCompressor, options=[])
err(ZstdCompressor, options={'a': 1})
err(ZstdCompressor, options={1: 'a'})
err(ZstdCompressor, options={1: 2**40})
err(ZstdCompressor, options={_zstd.ZSTD_c_compressionLevel: 99})
err(ZstdCompressor, options={_zstd.ZSTD_c_hashLog: 5})
err(ZstdCompressor, options={_zstd.ZSTD_c_strategy: 50})
err(ZstdCompressor, options={9999: 1})
err(ZstdCompressor, options={_zstd.ZSTD_c_minMatch: 100})
err(ZstdCompressor, level=1, bogus=2)
err(ZstdCompressor, 1, None, None, 4)
err(ZstdDecompressor, options=5)
err(ZstdDecompressor, options={1234: 5})
err(ZstdDecompressor, options={'k': 5})
err(ZstdDecompressor, None, None, None)
err(ZstdDecompressor, zstd_dict=b'123456789')
err(ZstdCompressor, zstd_dict=b'123456789')
c = ZstdCompressor()
err(c.compress, b'x', 3)
err(c.compress, b'x', -1)
err(c.compress, 'x')
err(c.compress, b'x', mode='a')
err(c.flush, 0)
err(c.flush, 5)
err(c.flush, mode=1)
err(c.compress)
err(ZstdDecompressor().decompress, b'', 'a')
err(ZstdDecompressor().decompress, b'', max_length=2**70)

# Parameter bounds (the ones that are the same on 32-bit and 64-bit builds, with or without
# worker threads).
for p in (_zstd.ZSTD_c_compressionLevel, _zstd.ZSTD_c_hashLog, _zstd.ZSTD_c_minMatch,
          _zstd.ZSTD_c_targetLength, _zstd.ZSTD_c_strategy, _zstd.ZSTD_c_enableLongDistanceMatching,
          _zstd.ZSTD_c_ldmMinMatch, _zstd.ZSTD_c_ldmBucketSizeLog, _zstd.ZSTD_c_contentSizeFlag,
          _zstd.ZSTD_c_checksumFlag, _zstd.ZSTD_c_dictIDFlag):
    print('bounds', p, _zstd.get_param_bounds(p, True))
print(_zstd.get_param_bounds(parameter=_zstd.ZSTD_d_windowLogMax, is_compress=False)[0])
err(_zstd.get_param_bounds, 9999, True)
err(_zstd.get_param_bounds, 9999, False)
err(_zstd.get_param_bounds, 'a', False)
err(_zstd.get_param_bounds, 1)

# Dictionaries.
samples = [b'%d: {"name": "user%d", "age": %d, "city": "%s", "tags": ["a", "b%d"]}' %
           (i, i, 20 + i % 50, [b'Paris', b'Lyon', b'Nice', b'Lille'][i % 4], i % 7)
           for i in range(2000)]
chunks = b''.join(samples)
sizes = tuple(len(s) for s in samples)
content = _zstd.train_dict(chunks, sizes, 4096)
print(type(content).__name__, 0 < len(content) <= 4096)
zd = ZstdDict(content)
print(zd.dict_id != 0, len(zd) == len(content), zd.dict_content == content,
      repr(zd) == '<ZstdDict dict_id=%d dict_size=%d>' % (zd.dict_id, len(content)))
print(zd.as_digested_dict == (zd, 0), zd.as_undigested_dict[1], zd.as_prefix[1])
sample = samples[7] + samples[300]
for form in (zd, zd.as_digested_dict, zd.as_undigested_dict):
    f = ZstdCompressor(zstd_dict=form).compress(sample, 2)
    info = _zstd.get_frame_info(f)
    print(info[0], info[1] == zd.dict_id,
          ZstdDecompressor(zd).decompress(f) == sample,
          ZstdDecompressor(zd.as_undigested_dict).decompress(f) == sample)
    err(ZstdDecompressor().decompress, f)
f = ZstdCompressor(zstd_dict=zd.as_prefix).compress(sample, 2)
print(_zstd.get_frame_info(f), ZstdDecompressor(zd.as_prefix).decompress(f) == sample)
f1 = ZstdCompressor(level=1, zstd_dict=zd.as_digested_dict).compress(sample, 2)
f2 = ZstdCompressor(level=19, zstd_dict=zd.as_digested_dict).compress(sample, 2)
print(ZstdDecompressor(zd).decompress(f1) == ZstdDecompressor(zd).decompress(f2) == sample)
raw = ZstdDict(b'the quick brown fox jumps over the lazy dog ' * 3, is_raw=True)
print(raw.dict_id, len(raw), repr(raw))
f = ZstdCompressor(zstd_dict=raw).compress(b'the quick brown fox jumps over the lazy dog', 2)
print(ZstdDecompressor(raw).decompress(f))
err(ZstdDict, b'1234567')
err(ZstdDict, b'12345678')
err(ZstdDict, 'abcdefghij')
err(ZstdDict, b'12345678', True)
err(ZstdDict, dict_content=b'12345678')
err(ZstdDict)
print(ZstdDict(bytearray(b'12345678'), is_raw=1).dict_id)
err(ZstdCompressor, zstd_dict=(zd, 5))
err(ZstdCompressor, zstd_dict=[zd, 1])
err(ZstdCompressor, zstd_dict=(zd, 1.0))
err(ZstdDecompressor, zstd_dict=(raw, 0))
err(ZstdCompressor, zstd_dict=ZstdDict(b'\x37\xa4\x30\xec' + b'x' * 60))
fin = _zstd.finalize_dict(content, chunks, sizes, 4096, 5)
fd = ZstdDict(fin)
print(0 < len(fin) <= 4096, fd.dict_id != 0,
      ZstdDecompressor(fd).decompress(ZstdCompressor(5, zstd_dict=fd).compress(sample, 2)) == sample)
err(_zstd.train_dict, chunks, sizes, 0)
err(_zstd.train_dict, chunks, sizes[:-1], 4096)
err(_zstd.train_dict, chunks, sizes[:-1] + (10**6,), 4096)
err(_zstd.train_dict, chunks, sizes[:-1] + (-1,), 4096)
err(_zstd.train_dict, chunks, sizes[:-1] + ('a',), 4096)
err(_zstd.train_dict, chunks, list(sizes), 4096)
err(_zstd.train_dict, bytearray(chunks), sizes, 4096)
err(_zstd.train_dict, b'ab', (1, 1), 4096)
err(_zstd.train_dict, chunks, sizes)
err(_zstd.finalize_dict, content, chunks, sizes, -3, 5)
err(_zstd.finalize_dict, content, chunks, sizes, 4096, 'x')
err(_zstd.finalize_dict, b'x', b'ab', (1, 1), 4096, 5)
err(_zstd.finalize_dict, 'x', chunks, sizes, 4096, 5)
err(_zstd.set_parameter_types, 1, int)
err(_zstd.set_parameter_types, int, 2)
