# The lzma package, tarfile with xz and shutil.make_archive('xztar') over _lzma.
import io
import lzma
import os
import shutil
import tarfile
import tempfile

data = b'The xz container\n' * 500
buf = io.BytesIO()
with lzma.open(buf, 'wb', preset=2) as f:
    f.write(data[:3000])
    f.write(data[3000:])
raw = buf.getvalue()
print(raw[:6], lzma.decompress(raw) == data)
with lzma.open(io.BytesIO(raw)) as f:
    print(f.read(17), f.readline(), len(f.read()), f.tell())
    f.seek(34)
    print(f.read(5))
with lzma.LZMAFile(io.BytesIO(raw + lzma.compress(b'second stream'))) as f:
    print(f.read()[-20:])
try:
    lzma.decompress(b'\xfd7zXZ\x00garbage')
except lzma.LZMAError as e:
    print('LZMAError', e)

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    for name, text in [('a.txt', 'alpha\n' * 100), ('sub/b.txt', 'beta\n' * 50)]:
        with open(os.path.join(src, name), 'w') as f:
            f.write(text)
    tpath = os.path.join(tmp, 'out.tar.xz')
    with tarfile.open(tpath, 'w:xz') as tf:
        tf.add(src, arcname='src')
    with tarfile.open(tpath, 'r:*') as tf:
        print(sorted(m.name for m in tf.getmembers()))
        print(tf.extractfile('src/sub/b.txt').read()[:10])
    archive = shutil.make_archive(os.path.join(tmp, 'arch'), 'xztar', root_dir=src)
    print(os.path.basename(archive))
    out = os.path.join(tmp, 'unpacked')
    shutil.unpack_archive(archive, out)
    print(sorted(os.listdir(out)), open(os.path.join(out, 'sub', 'b.txt')).read(10))
    print('xztar' in dict(shutil.get_archive_formats()))
