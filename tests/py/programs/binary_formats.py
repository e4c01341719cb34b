import struct, hashlib, base64, zlib, binascii, hmac, bz2, lzma, gzip, io, uuid, secrets
rec = struct.pack("<IhBx8sd?", 123456, -42, 7, b"name", 3.5, True)
print(rec, len(rec), struct.calcsize("<IhBx8sd?"), struct.calcsize("IhBx8sd?"))
print(struct.unpack("<IhBx8sd?", rec))
print(struct.pack(">Q", 2**64 - 1), struct.pack("!f", 1.1), struct.unpack("<e", struct.pack("<e", 0.1)))
print(list(struct.iter_unpack("<HH", bytes(range(8)))), struct.Struct("3s2i").size)
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error:", e)
try:
    struct.unpack("<I", b"ab")
except struct.error as e:
    print("struct.error:", e)
for name in ("md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s"):
    h = hashlib.new(name, b"The quick brown fox")
    print(name, h.hexdigest()[:32], h.digest_size, h.block_size)
h = hashlib.sha256(); h.update(b"a"); h2 = h.copy(); h2.update(b"b")
print(h.hexdigest()[:16], h2.hexdigest()[:16], hashlib.sha256(b"ab").hexdigest()[:16])
print(hashlib.blake2b(b"x", digest_size=16, key=b"k", person=b"p").hexdigest())
print(hashlib.shake_128(b"x").hexdigest(10))
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.compare_digest(b"a", b"a"))
print(hashlib.file_digest(io.BytesIO(b"data" * 1000), "sha1").hexdigest())
raw = "Hello, wörld! \x00\xff".encode()
for enc in (base64.b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b16encode, base64.a85encode, base64.b85encode, base64.b32hexencode):
    print(enc.__name__, enc(raw))
print(base64.b64decode(base64.b64encode(raw)) == raw, base64.b64decode("aGk"[:3] + "="), base64.encodebytes(raw * 5))
try:
    base64.b64decode("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.hexlify(raw, "-", 4), binascii.crc32(raw), binascii.crc_hqx(raw, 0), binascii.unhexlify("deadbeef"))
data = b"abcabcabc" * 100 + bytes(range(256))
c = zlib.compress(data, 9)
print(len(c), zlib.decompress(c) == data, zlib.crc32(data), zlib.adler32(data), c[:10])
co = zlib.compressobj(6, zlib.DEFLATED, -15); d = co.compress(data) + co.flush()
print(len(d), zlib.decompressobj(-15).decompress(d) == data)
try:
    zlib.decompress(b"not zlib")
except zlib.error as e:
    print("zlib.error:", e)
b = bz2.compress(data); print(len(b), bz2.decompress(b) == data)
x = lzma.compress(data); print(lzma.decompress(x) == data, lzma.compress(data, format=lzma.FORMAT_ALONE)[:5])
g = gzip.compress(data, mtime=0); print(len(g), g[:10], gzip.decompress(g) == data)
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.int, u.version, u.urn, uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_URL, "x"))
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), uuid.uuid4().version)
print(int.from_bytes(b"\x01\x02", "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(bytes.fromhex("de ad be ef").hex(":"), bytearray(b"abc").hex(), memoryview(b"abcd")[1:3].tobytes())
mv = memoryview(bytearray(range(8))).cast("H"); print(mv.tolist(), mv.format, mv.itemsize, mv.nbytes)
