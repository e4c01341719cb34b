import array
import struct
import sys
import zlib
import binascii
import base64
from collections import namedtuple

# a made-up file format: header, records, trailer with crc
Header = namedtuple("Header", "magic version count flags")
HDR = struct.Struct("<4sHHI")
REC = struct.Struct("<iHd8s")


def build(records):
    body = b"".join(REC.pack(i, len(name), val, name.encode().ljust(8, b"\0"))
                    for i, name, val in records)
    head = HDR.pack(b"RECS", 2, len(records), 0b101)
    crc = zlib.crc32(head + body)
    return head + body + struct.pack(">I", crc)


def parse(blob):
    mv = memoryview(blob)
    h = Header._make(HDR.unpack_from(mv, 0))
    if h.magic != b"RECS":
        raise ValueError(f"bad magic {h.magic!r}")
    off = HDR.size
    out = []
    for _ in range(h.count):
        i, n, val, raw = REC.unpack_from(mv, off)
        out.append((i, raw[:n].decode(), val))
        off += REC.size
    (crc,) = struct.unpack_from(">I", mv, off)
    ok = crc == zlib.crc32(mv[:off])
    return h, out, ok


blob = build([(1, "alpha", 1.5), (-2, "beta", -0.25), (300, "gamma", 1e10)])
print(len(blob), HDR.size, REC.size, blob[:12].hex(" "), binascii.hexlify(blob[-4:]))
h, recs, ok = parse(blob)
print(h, recs, ok)
bad = bytearray(blob)
bad[20] ^= 0xFF
print(parse(bytes(bad))[2])
try:
    parse(b"XXXX" + blob[4:])
except ValueError as e:
    print("ValueError:", e)
for fmt in ["b", "B", "h", "H", "i", "I", "l", "q", "Q", "f", "d", "e", "?", "x", "3s", "p", "P", "n", "N"]:
    try:
        print(fmt, struct.calcsize("<" + fmt) if fmt not in "PnN" else struct.calcsize("@" + fmt) in (4, 8))
    except struct.error as e:
        print(fmt, "struct.error:", e)
print(struct.pack(">hHbB", -2, 65535, -128, 255), struct.pack("<q", -1), struct.pack("!f", 3.14))
print(struct.unpack("<e", struct.pack("<e", 65504.0)), struct.pack("?x?", True, 0), struct.pack("5p", b"ab"))
print(list(struct.iter_unpack("<hh", bytes(range(8)))))
for args in [("b", 200), ("H", -1), ("i", 2**31), ("4s", "str"), ("f", "x")]:
    try:
        struct.pack(*args)
    except struct.error as e:
        print("struct.error:", e)
try:
    struct.unpack("<I", b"abc")
except struct.error as e:
    print("struct.error:", e)
buf = bytearray(16)
struct.pack_into("<II", buf, 4, 7, 9)
print(buf, struct.Struct("=3sx2H").format, struct.Struct("@ci").size == struct.calcsize("@ci"))

a = array.array("h", [1, -2, 3])
a.append(400)
a.extend([5, 6])
print(a, a.itemsize, a.typecode, a.tobytes()[:4], a.index(3), a.count(1), a.buffer_info()[1])
b = array.array("d", (x / 4 for x in range(5)))
print(b, sum(b), b[1:3], b[::-1], array.array("u", "hé"), array.array("w", "ok").tounicode())
c = array.array("B", b"\x01\x02\x03\x04")
c.byteswap() if False else None
i32 = array.array("i", [1, 256])
i32.byteswap()
print(i32, array.array("I", bytes(8)), c.tolist(), array.array("b").frombytes(b"\xff") or "ok")
try:
    array.array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)
try:
    array.array("z")
except ValueError as e:
    print("ValueError:", e)
print(array.typecodes, a == array.array("h", a.tolist()), a < array.array("h", [2]))
a[1:3] = array.array("h", [9, 9, 9])
del a[0]
print(a, a.pop(), a.reverse() or a, 9 in a, a * 2)

data = bytearray(b"Hello, binary world!")
m = memoryview(data)
print(m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, bytes(m[7:13]))
m[0] = ord("J")
print(data[:5], m[:5].tobytes(), m[-1], m.hex(":", 4), m.tolist()[:3])
ints = memoryview(bytearray(struct.pack("<6i", *range(6)))).cast("i")
print(ints.tolist(), ints[2], ints.format, len(ints), ints.cast("B").nbytes)
grid = ints.cast("B").cast("i", [2, 3])
print(grid.shape, grid.tolist(), grid[1, 2])
with memoryview(b"abc") as ro:
    try:
        ro[0] = 1
    except TypeError as e:
        print("TypeError:", e)
print(hasattr(m, "released"), hasattr(ro, "release"))
try:
    ro[0]
except ValueError as e:
    print("ValueError:", e)
mv2 = memoryview(array.array("d", [1.5, 2.5]))
print(mv2.format, mv2.tolist(), mv2.cast("B")[:2].tolist(), mv2 == memoryview(array.array("d", [1.5, 2.5])))
print(int.from_bytes(b"\x00\x10", "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True),
      int.from_bytes(b"\xff\xfe", "little", signed=True), (255).bit_length(), (10).bit_count())
print(base64.b64encode(blob[:10]), base64.b32encode(b"hi"), base64.b85encode(b"hello"), base64.urlsafe_b64encode(b"\xfb\xff"),
      base64.b64decode("aGVsbG8="), base64.a85encode(b"test"), base64.b16decode("4142"))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.crc32(b"abc"), zlib.adler32(b"abc"), binascii.crc_hqx(b"abc", 0), binascii.b2a_base64(b"x", newline=False))
comp = zlib.compress(b"a" * 1000 + b"b" * 1000, 9)
print(len(comp), zlib.decompress(comp)[:3], len(zlib.decompress(comp)))
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw = co.compress(b"stream data " * 20) + co.flush()
do = zlib.decompressobj(-15)
print(len(raw), do.decompress(raw)[:12], do.eof)
bits = 0b1011_0110
print(f"{bits:08b} {bits:#x} {bits:o} {bits >> 2 & 0b11} {~bits & 0xff:08b}", bin(-5), hex(-255), oct(8))
print(bytes.fromhex("de ad be ef"), b"abc".hex("-"), bytes([65, 66]).decode(), b"x\x00y".split(b"\x00"),
      b"%d-%s-%x" % (5, b"q", 255), bytearray(b"abc").zfill(5), b"abc"[1], b"a b".title())
