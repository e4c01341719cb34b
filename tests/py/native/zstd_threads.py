# _zstd under threads: libzstd runs without the GIL, and a compressor or decompressor shared by
# several threads stays consistent (its lock). Also libzstd's worker threads (nb_workers) where
# the library has them: the reference's build has none (nb_workers must be 0 there), so the
# case falls back to one thread and prints only what both give. The reference (WebAssembly)
# cannot start threads either: there the targets run one after the other, with the same output.
import threading
import zlib
from compression import zstd
from compression.zstd import CompressionParameter, ZstdCompressor, ZstdDecompressor

def run_all(targets):
    threads = [threading.Thread(target=t) for t in targets]
    try:
        for t in threads:
            t.start()
    except RuntimeError:
        for t in targets:
            t()
        return
    for t in threads:
        t.join()

blocks = [bytes((i * 7 + j * 13) % 251 for j in range(4096)) * 8 + b'block %d\n' % i
          for i in range(24)]
data = b''.join(blocks)

# Independent objects in parallel.
results = [None] * 8
def work(k):
    out = []
    for b in blocks[k::8]:
        out.append(zstd.decompress(zstd.compress(b, 3 + k)) == b)
    results[k] = all(out)
run_all([lambda k=k: work(k) for k in range(8)])
print(results)

# One compressor fed by several threads: every chunk lands whole, in some order.
c = ZstdCompressor(1)
lock = threading.Lock()
pieces = []
def feed(k):
    for b in blocks[k::4]:
        with lock:
            pieces.append(c.compress(b, ZstdCompressor.FLUSH_FRAME))
run_all([lambda k=k: feed(k) for k in range(4)])
out = zstd.decompress(b''.join(pieces))
print(len(pieces), len(out) == len(data), sorted(out.split(b'\n')) == sorted(data.split(b'\n')))

# A shared decompressor with small max_length calls from two threads, serialised by a lock
# the test holds, gives the stream back in order.
frame = zstd.compress(data, 5)
d = ZstdDecompressor()
got = []
def drain():
    while True:
        with lock:
            if d.eof:
                return
            got.append(d.decompress(b'' if got else frame, 10000))
run_all([drain, drain])
print(b''.join(got) == data, d.eof, d.unused_data)

# Worker threads (asynchronous ZSTD_e_continue) where available.
try:
    c = ZstdCompressor(options={CompressionParameter.nb_workers: 2,
                                CompressionParameter.job_size: 1 << 20})
except ValueError:
    c = ZstdCompressor()
parts = [c.compress(b) for b in blocks]
parts.append(c.compress(b'tail', ZstdCompressor.FLUSH_BLOCK))
parts.append(c.compress(data))
parts.append(c.flush())
print(c.last_mode, zstd.decompress(b''.join(parts)) == data + b'tail' + data)
print(zlib.crc32(zstd.decompress(zstd.compress(data * 3, options={CompressionParameter.nb_workers: 0}))))
