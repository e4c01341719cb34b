# The compressed bytes of _zstd for fixed inputs, levels and parameters. Debian 12's libzstd
# (1.5.4) and the reference's (1.5.7) write the same frames for these levels and parameters;
# levels 12 and 19 (the binary-tree strategies, retuned since 1.5.4) write different ones, so
# they are checked by what they decompress to, like every level in zstd_native.py.
import zlib
from compression import zstd
from compression.zstd import CompressionParameter as P, Strategy, ZstdCompressor, ZstdDict

data = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(3000))
inputs = [b'', b'a', b'abc' * 10, bytes(range(256)), data[:5000], data]
for inp in inputs:
    for level in (-5, -1, 1, 3, 6, 9):
        f = zstd.compress(inp, level)
        print(len(inp), level, len(f), zlib.crc32(f), f[:14].hex())
    for level in (12, 19):
        f = zstd.compress(inp, level)
        print(len(inp), level, zstd.decompress(f) == inp, zstd.get_frame_info(f))
for opts in ({P.checksum_flag: 1}, {P.dict_id_flag: 0, P.content_size_flag: 0},
             {P.window_log: 14, P.strategy: Strategy.dfast}, {P.hash_log: 12, P.chain_log: 12,
             P.search_log: 3, P.min_match: 5, P.target_length: 16, P.strategy: Strategy.lazy},
             {P.enable_long_distance_matching: 1, P.window_log: 22, P.ldm_hash_log: 16,
              P.ldm_min_match: 32, P.ldm_bucket_size_log: 4, P.ldm_hash_rate_log: 6}):
    f = zstd.compress(data, options=opts)
    print(sorted((int(k), v) for k, v in opts.items()), len(f), zlib.crc32(f))
# Streaming with the three modes.
c = ZstdCompressor(4)
out = [c.compress(data[:70000]), c.compress(data[70000:90000], ZstdCompressor.FLUSH_BLOCK),
       c.compress(data[90000:], ZstdCompressor.CONTINUE), c.flush(ZstdCompressor.FLUSH_BLOCK),
       c.compress(b'second frame', ZstdCompressor.FLUSH_FRAME)]
print([(len(o), zlib.crc32(o)) for o in out])
c.set_pledged_input_size(len(data))
o = c.compress(data, ZstdCompressor.FLUSH_FRAME)
print(len(o), zlib.crc32(o), zstd.get_frame_info(o))
# With a raw-content dictionary and as a prefix.
raw = ZstdDict(data[:2000], is_raw=True)
for form in (raw, raw.as_digested_dict, raw.as_prefix):
    f = zstd.compress(data[2000:6000], 3, zstd_dict=form)
    print(len(f), zlib.crc32(f), zstd.decompress(f, form) == data[2000:6000])
