# io.StringIO/BytesIO, struct, base64, binascii, hashlib on fixed bytes, zlib checksums.
import io, struct, base64, binascii, hashlib, zlib
s = io.StringIO('line1\nline2\nline3')
print(s.readline(), s.read(3), s.tell(), s.readlines(), s.read(), s.seek(0), s.read(5))
w = io.StringIO()
w.write('hello '); print('world', file=w); w.writelines(['a', 'b'])
print(repr(w.getvalue()), w.tell(), w.seek(0), w.truncate(5), repr(w.getvalue()), list(io.StringIO('x\ny')))
b = io.BytesIO(b'\x01\x02\x03\x04')
print(b.read(2), b.getvalue(), b.seek(-1, 2), b.read(), b.write(b'ZZ'), b.getvalue(), b.getbuffer().nbytes)
t = io.TextIOWrapper(io.BytesIO('héllo\nwörld\n'.encode('utf-8')), encoding='utf-8')
print(t.readlines(), t.encoding)
packed = struct.pack('<hHiIqQfd?c3s', -2, 65535, -100000, 4000000000, -2 ** 40, 2 ** 63, 1.5, 0.1, True, b'x', b'abc')
print(packed.hex(), len(packed), struct.calcsize('<hHiIqQfd?c3s'), struct.calcsize('@bi'), struct.calcsize('=bi'))
print(struct.unpack('<hHiIqQfd?c3s', packed))
print(struct.pack('>I', 1), struct.pack('<I', 1), struct.pack('!h', -1), struct.unpack('>HH', b'\x00\x01\x00\x02'), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
print(struct.pack('>e', 1.5), struct.unpack('<e', b'\x00\x3c'), struct.pack('5p', b'ab'), struct.pack('<2x b', 7))
try:
    struct.pack('<b', 200)
except struct.error as e:
    print('struct.error', e)
try:
    struct.unpack('<i', b'\x00')
except struct.error as e:
    print('struct.error', e)
S = struct.Struct('<3sxI'); print(S.size, S.pack(b'key', 9), S.unpack(S.pack(b'key', 9)), S.format)
raw = b'Man is distinguished \x00\xff\xfe'
print(base64.b64encode(raw), base64.b64decode(base64.b64encode(raw)) == raw, base64.urlsafe_b64encode(b'\xfb\xff'), base64.b32encode(b'hello'), base64.b16encode(b'\xab'))
print(base64.a85encode(b'hello world'), base64.b85encode(b'hello'), base64.standard_b64decode('aGk='), base64.b64decode('aGk', validate=False) if False else base64.b64encode(b''))
try:
    base64.b64decode('abc')
except binascii.Error as e:
    print('binascii.Error', e)
print(binascii.hexlify(b'\x01\xab', '-'), binascii.unhexlify('cafe'), binascii.crc32(b'hello'), zlib.crc32(b'hello world'), zlib.adler32(b'hello'))
for name in ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b']:
    print(name, hashlib.new(name, b'The quick brown fox').hexdigest())
h = hashlib.sha256(); h.update(b'part one, '); h.update(b'part two')
print(h.hexdigest() == hashlib.sha256(b'part one, part two').hexdigest(), h.digest_size, h.block_size, h.name, hashlib.md5(b'').hexdigest())
print(hashlib.blake2s(b'x', digest_size=8).hexdigest(), sorted(hashlib.algorithms_guaranteed)[:4])
import hmac
print(hmac.new(b'key', b'message', 'sha256').hexdigest(), hmac.compare_digest(b'a', b'a'))
comp = zlib.compress(b'abc' * 100)
print(len(zlib.decompress(comp)), zlib.decompress(comp)[:6])
