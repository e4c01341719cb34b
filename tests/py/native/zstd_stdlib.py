# compression.zstd (PEP 784) running unchanged on _zstd: one-shot functions, parameters,
# dictionaries, ZstdFile and open(), and the zstd support of tarfile, zipfile and shutil.
import io
import os
import shutil
import tarfile
import tempfile
import zipfile
import zlib
from compression import zstd
from compression.zstd import (CompressionParameter, DecompressionParameter, Strategy,
                              ZstdCompressor, ZstdDecompressor, ZstdDict, ZstdError, ZstdFile)

data = b''.join(b'record %05d: lorem ipsum dolor sit amet %d\n' % (i, i * i % 97) for i in range(5000))

def digest(b):
    return len(b), zlib.crc32(b)

def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print('  ', type(e).__name__, e)
    else:
        print('   ok', digest(r) if isinstance(r, bytes) else r)

print(zstd.COMPRESSION_LEVEL_DEFAULT, len(zstd.zstd_version_info), zstd.zstd_version_info[:2])
print(sorted(zstd.__all__))
print(list(CompressionParameter)[:3], DecompressionParameter.window_log_max, Strategy.btultra2)
print(CompressionParameter.compression_level.bounds(), CompressionParameter.strategy.bounds(),
      CompressionParameter.checksum_flag.bounds(), CompressionParameter.min_match.bounds())
print(DecompressionParameter.window_log_max.bounds()[0])

for level in (None, 1, 9, -3):
    frame = zstd.compress(data, level)
    info = zstd.get_frame_info(frame)
    print(level, info, info.decompressed_size, info.dictionary_id, zstd.decompress(frame) == data)
frame = zstd.compress(data, options={CompressionParameter.checksum_flag: 1,
                                     CompressionParameter.window_log: 16,
                                     CompressionParameter.strategy: Strategy.lazy2})
print(zstd.decompress(frame) == data)
err(zstd.compress, data, options={DecompressionParameter.window_log_max: 20})
err(zstd.decompress, frame, options={CompressionParameter.checksum_flag: 1})
err(zstd.compress, data, level=1, options={})
multi = zstd.compress(b'one ') + zstd.compress(b'two ') + zstd.compress(b'three')
print(zstd.decompress(multi))
err(zstd.decompress, multi[:-3])
err(zstd.decompress, b'\x28\xb5\x2f\xfd junk')
err(zstd.decompress, b'')
err(zstd.get_frame_info, b'xx')
try:
    zstd.get_frame_info(frame).decompressed_size = 1
except AttributeError as e:
    print(e)

# Dictionaries through the package.
samples = [b'{"id": %d, "kind": "%s", "value": %d, "ok": %s}' %
           (i, [b'alpha', b'beta', b'gamma'][i % 3], i * 37 % 1000, [b'true', b'false'][i % 2])
           for i in range(3000)]
zd = zstd.train_dict(samples, 2048)
print(type(zd).__name__, zd.dict_id != 0, 0 < len(zd) <= 2048)
s = b''.join(samples[10:15])
for form in (zd, zd.as_digested_dict, zd.as_undigested_dict, zd.as_prefix):
    f = zstd.compress(s, zstd_dict=form)
    print(zstd.decompress(f, zstd_dict=form if form is not zd.as_undigested_dict else zd) == s,
          zstd.get_frame_info(f).dictionary_id == (0 if form is zd.as_prefix else zd.dict_id))
fz = zstd.finalize_dict(zd, samples, 4096, 3)
print(fz.dict_id != 0, 0 < len(fz) <= 4096, zstd.decompress(zstd.compress(s, zstd_dict=fz), fz) == s)
err(zstd.train_dict, samples, 2048.0)
err(zstd.train_dict, [], 2048)
err(zstd.train_dict, [b''], 2048)
err(zstd.finalize_dict, b'x', samples, 4096, 3)
err(zstd.finalize_dict, zd, samples, '4096', 3)
err(zstd.finalize_dict, zd, samples, 4096, None)
err(zstd.finalize_dict, zd, [], 4096, 3)

# ZstdFile and open().
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'a.zst')
with ZstdFile(path, 'w', level=5) as f:
    print(f.write(data[:100000]), f.write(memoryview(data[100000:])), f.tell())
    f.flush()
    f.flush(ZstdFile.FLUSH_FRAME)
    print(f.mode, f.closed, f.name == path, f.writable(), f.readable(), f.seekable())
print(f.closed)
with ZstdFile(path) as f:
    print(f.read(10), f.tell(), f.peek(5)[:5], f.read1(20), f.readline())
    print(f.seek(50000), f.read(30), f.seek(-10, 2), f.read(), f.tell())
    f.seek(0)
    print(len(f.readlines()), f.tell())
    print(f.seekable(), f.fileno() > 0)
with open(path, 'rb') as raw:
    whole = raw.read()
print(zstd.decompress(whole) == data)
with ZstdFile(path, 'a') as f:
    f.write(b'appended\n')
with zstd.open(path, 'rb') as f:
    print(f.read()[-30:])
with zstd.open(path, 'wt', encoding='utf-8', newline='') as f:
    f.write('héllo wörld\nsecond line\r\n')
with zstd.open(path, 'rt', encoding='utf-8') as f:
    print(f.readlines())
bio = io.BytesIO()
with ZstdFile(bio, 'w', options={CompressionParameter.checksum_flag: 1}) as f:
    f.write(b'in memory ' * 100)
bio.seek(0)
with ZstdFile(bio, zstd_dict=None) as f:
    print(f.read(20), len(f.read()))
bio = io.BytesIO()
with ZstdFile(bio, 'w', zstd_dict=zd) as f:
    f.write(s)
print(ZstdFile(io.BytesIO(bio.getvalue()), zstd_dict=zd).read() == s)
err(ZstdFile(io.BytesIO(bio.getvalue())).read)
err(ZstdFile, path, 'r', level=3)
err(ZstdFile, path, 'w', options={DecompressionParameter.window_log_max: 20})
try:  # (errno differs on the reference's WebAssembly build)
    ZstdFile(path, 'x')
except FileExistsError as e:
    print('   FileExistsError', e.filename == path)
err(ZstdFile, path, 'rw')
err(zstd.open, path, 'rb', encoding='utf-8')
err(ZstdFile, 123.5)
with open(path, 'wb') as raw:
    raw.write(zstd.compress(data)[:-5])
with ZstdFile(path) as f:
    err(f.read)
f = ZstdFile(io.BytesIO(), 'w')
f.close()
err(f.write, b'x')
err(f.tell)

# tarfile, zipfile and shutil.
src = os.path.join(tmp, 'src')
os.mkdir(src)
for i in range(3):
    with open(os.path.join(src, 'f%d.txt' % i), 'wb') as out:
        out.write(data[i * 1000:(i + 1) * 5000])
tpath = os.path.join(tmp, 't.tar.zst')
with tarfile.open(tpath, 'w:zst', level=7) as tf:
    tf.add(src, arcname='src')
with tarfile.open(tpath, 'r:zst') as tf:
    print(sorted(tf.getnames()))
    print(tf.extractfile('src/f1.txt').read() == data[1000:10000])
with tarfile.open(tpath) as tf:
    print(len(tf.getmembers()))
with tarfile.open(tpath, 'r|zst') as tf:
    print([m.name for m in tf][:1])
err(tarfile.open, tpath, 'w:zst', compresslevel=3)
zpath = os.path.join(tmp, 'z.zip')
with zipfile.ZipFile(zpath, 'w', compression=zipfile.ZIP_ZSTANDARD) as zf:
    zf.writestr('a.txt', data)
    zf.write(os.path.join(src, 'f0.txt'), 'f0.txt', compresslevel=12)
with zipfile.ZipFile(zpath) as zf:
    print([(i.filename, i.compress_type, i.file_size) for i in zf.infolist()])
    print(zf.read('a.txt') == data, zf.testzip())
    with zf.open('a.txt') as member:
        print(member.read(12), member.seek(100000), member.read(7))
print(sorted(n for n, d in shutil.get_archive_formats() if 'zst' in n),
      [n for n, e, d in shutil.get_unpack_formats() if n == 'zstdtar'])
arch = shutil.make_archive(os.path.join(tmp, 'arch'), 'zstdtar', root_dir=src)
print(os.path.basename(arch))
dst = os.path.join(tmp, 'unpacked')
shutil.unpack_archive(arch, dst)
print(sorted(os.listdir(dst)))
shutil.rmtree(tmp)
