# lzma.open in text mode after other LZMAFile objects (TextIOWrapper over LZMAFile).
import io
import lzma

data = b'The xz container\n' * 500
raw = lzma.compress(data)
with lzma.open(io.BytesIO(raw)) as f:
    print(f.read(17), f.readline(), len(f.read()), f.tell())
    f.seek(34)
    print(f.read(5))
with lzma.LZMAFile(io.BytesIO(raw + lzma.compress(b'second stream'))) as f:
    print(f.read()[-20:])
with lzma.open(io.BytesIO(lzma.compress('t\xe9xt\n'.encode('utf-8'))), 'rt', encoding='utf-8') as f:
    print(repr(f.read()))
with lzma.open(io.BytesIO(raw), 'rt', encoding='ascii', newline='') as f:
    print(f.readline(), f.readlines()[-1])
