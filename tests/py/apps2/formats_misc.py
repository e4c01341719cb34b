"""Config and data formats a tool juggles: tomllib, configparser, plistlib, base64, hashlib, uuid, struct."""
import array
import base64
import binascii
import configparser
import hashlib
import hmac
import io
import plistlib
import struct
import tomllib
import uuid
import zlib, gzip, bz2, lzma
import datetime

TOML = '''
title = "Deploy config"
version = 3
ratio = 0.75
enabled = true
released = 2024-05-01T10:00:00Z
local_date = 2024-05-01
when = 07:32:00
big = 1_000_000
hexa = 0xDEAD
inf_val = inf
multiline = """
Roses are red
  Violets are blue"""
literal = 'C:\\Users\\nodejs'

[owner]
name = "Tom"
emails = ["tom@x.org", "t@y.org"]

[servers.alpha]
ip = "10.0.0.1"
ports = [8000, 8001]

[servers.beta]
ip = "10.0.0.2"
inline = { a = 1, b = { c = [1, 2] } }

[[products]]
name = "Hammer"
sku = 738594937

[[products]]
name = "Nail"
color = "gray"
'''
cfg = tomllib.loads(TOML)
for k, v in cfg.items():
    print(f"{k}: {v!r}")
for bad in ['a = ', 'a = 1\na = 2', '[t]\nx=1\n[t]', 'k = "unterminated', 'x = [1, 2', 'd = 2024-13-01']:
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as exc:
        print("TOMLDecodeError:", exc, "|", exc.lineno, exc.colno)
print(tomllib.load(io.BytesIO(b"n = 1.5e3")), tomllib.loads("x = 1.0", parse_float=str))

INI = """
[DEFAULT]
base = /srv/app
log_level = INFO

[paths]
data = %(base)s/data
logs = %(base)s/logs/${missing}

[server]
host = localhost
port = 8080
debug = yes
timeout = 2.5
multi = first line
    second line

[empty]
"""
cp = configparser.ConfigParser()
cp.read_string(INI)
print(cp.sections(), cp.defaults(), cp["paths"]["data"], cp.get("paths", "logs"))
print(cp.getint("server", "port"), cp.getboolean("server", "debug"), cp.getfloat("server", "timeout"),
      repr(cp["server"]["multi"]), cp.get("server", "nope", fallback="fb"), "host" in cp["server"], list(cp["empty"]))
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[a]\nx = 1\ny = ${x}2\n[b]\nz = ${a:y}3\n")
print(ext["b"]["z"], dict(ext["a"]))
bad_interp = configparser.ConfigParser()
bad_interp.read_string("[s]\na = %(b)s\nb = %(a)s\nc = %(nothing)s\nd = 100%\n")
for key in "acd":
    try:
        bad_interp.get("s", key)
    except configparser.Error as exc:
        print(type(exc).__name__, str(exc).splitlines()[0])
for bad in ["[s]\nx=1\n[s]\n", "no section\n", "[s]\nk=1\nk=2\n", "[s]\n  indented = oops\n"]:
    try:
        configparser.ConfigParser().read_string(bad)
    except configparser.Error as exc:
        print(type(exc).__name__, str(exc).replace("\n", " | "))
cp["new"] = {"key": "value", "n": "3"}
cp.set("server", "port", "9090")
cp.remove_option("server", "multi")
out = io.StringIO()
cp.write(out)
print(out.getvalue())
raw = configparser.RawConfigParser(allow_no_value=True, delimiters=(":",), comment_prefixes=(";",), inline_comment_prefixes=(";",))
raw.read_string("[x]\nflag\nkey: v ; comment\n")
print(dict(raw["x"]), raw.optionxform("MiXeD"))

data = {"name": "app", "items": [1, 2.5, True], "when": datetime.datetime(2024, 1, 2, 3, 4, 5),
        "blob": b"\x00\x01binary", "nested": {"z": None if False else "", "a": {"deep": [{}]}}}
xmlp = plistlib.dumps(data)
print(xmlp.decode())
print(plistlib.loads(xmlp) == data, plistlib.loads(plistlib.dumps(data, fmt=plistlib.FMT_BINARY)) == data,
      plistlib.dumps(data, fmt=plistlib.FMT_BINARY)[:8], len(plistlib.dumps(data, fmt=plistlib.FMT_BINARY, sort_keys=False)))
try:
    plistlib.dumps({"k": None})
except TypeError as exc:
    print("TypeError:", exc)

payload = "héllo wörld ✓".encode()
for fn in [base64.b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b32hexencode, base64.b16encode,
           base64.a85encode, base64.b85encode, base64.z85encode if hasattr(base64, "z85encode") else base64.b85encode,
           binascii.hexlify, binascii.b2a_qp, binascii.b2a_uu]:
    print(fn.__name__, fn(payload))
print(base64.b64decode(b"aMOpbGxv"), base64.b64decode("aGk=\n"), base64.a85decode(base64.a85encode(payload, wrapcol=10, adobe=True), adobe=True) == payload)
for bad in [b"abc", b"a===", b"!!!!"]:
    try:
        print(base64.b64decode(bad, validate=True))
    except binascii.Error as exc:
        print("binascii.Error:", exc)
print(base64.b64decode(b"!!aGk=!!"), base64.encodebytes(b"x" * 60), binascii.crc32(payload), binascii.crc_hqx(payload, 0), zlib.adler32(payload))
for name in ["md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s", "shake_128"]:
    h = hashlib.new(name, payload)
    print(name, h.digest_size, h.block_size, h.hexdigest(16) if name.startswith("shake") else h.hexdigest()[:32])
h = hashlib.sha256()
for chunk in (b"a", b"b", b"c"):
    h.update(chunk)
c = h.copy()
c.update(b"d")
print(h.hexdigest()[:16], c.hexdigest()[:16], hashlib.blake2b(b"x", digest_size=8, key=b"k", salt=b"s", person=b"p").hexdigest(),
     
      hashlib.file_digest(io.BytesIO(payload), "md5").hexdigest())
mac = hmac.new(b"secret", b"message", "sha256")
print(mac.hexdigest(), mac.name, hmac.compare_digest(mac.digest(), hmac.digest(b"secret", b"message", "sha256")))
u = uuid.uuid5(uuid.NAMESPACE_DNS, "example.com")
print(u, u.version, u.variant, u.hex, u.int, u.urn, u.bytes_le.hex(), uuid.uuid3(uuid.NAMESPACE_URL, "http://x"),
      uuid.UUID("{12345678-1234-5678-1234-567812345678}"), uuid.UUID(int=1), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)),
      uuid.UUID("urn:uuid:12345678123456781234567812345678").fields, uuid.NIL, uuid.MAX if hasattr(uuid, "MAX") else "-")
try:
    uuid.UUID("not-a-uuid")
except ValueError as exc:
    print("ValueError:", exc)

record = struct.Struct("<4sHhIqf?xd")
packed = record.pack(b"HDR1", 65535, -2, 4000000000, -2 ** 62, 1.5, True, 2.25)
print(record.size, packed.hex(), record.unpack(packed), struct.calcsize("@ibq"), struct.calcsize("=ibq"))
print(list(struct.iter_unpack(">hh", bytes(range(8)))), struct.pack(">e", 1.5), struct.unpack("<e", b"\x00\x3c"),
      struct.pack("5p", b"abc"), struct.pack("!Q", 2 ** 64 - 1))
for fmt, args in [("b", (200,)), ("H", (-1,)), ("i", ("x",)), ("3s", (b"abcd",)), ("z", (1,)), (">q", (2 ** 63,)), ("?", ())]:
    try:
        print(struct.pack(fmt, *args))
    except struct.error as exc:
        print("struct.error:", exc)
buf = bytearray(16)
struct.pack_into(">I", buf, 4, 0xCAFEBABE)
print(buf.hex(), struct.unpack_from(">I", buf, 4), struct.unpack_from(">I", memoryview(buf)[4:]))
a = array.array("i", [5, -3, 7])
a.append(10)
a.extend(range(3))
a.insert(0, 99)
print(a, a.tobytes()[:8], a.itemsize, a.typecode, a.index(7), a.count(0), a.buffer_info()[1], a[::2], sum(a))
b = array.array("d", [1.5, 2.5])
b.frombytes(struct.pack("2d", 3.5, 4.5))
print(b, b.tolist(), array.array("u", "héllo") if False else array.array("w", "héllo"), array.array("B", b"\x01\xff"))
try:
    array.array("b", [300])
except OverflowError as exc:
    print("OverflowError:", exc)
m = memoryview(bytearray(b"abcdefgh"))
m2 = m.cast("H")
print(m2.tolist(), m2.format, m2.itemsize, m2.nbytes, m[2:5].tobytes(), m[::-2].tobytes(), m.readonly, m.hex(":"))
m[0:2] = b"XY"
print(m.obj, bytes(m[:4]), m.cast("B", shape=[2, 4]).tolist(), memoryview(b"xyz").toreadonly().readonly)
comp = {"zlib": zlib.compress(payload * 20), "gzip": gzip.compress(payload * 20, mtime=0), "bz2": bz2.compress(payload * 20),
        "lzma": lzma.compress(payload * 20)}
print({k: (type(v).__name__, v[:2].hex()) for k, v in comp.items()})
print(zlib.decompress(comp["zlib"]) == payload * 20, gzip.decompress(comp["gzip"]) == payload * 20,
      bz2.decompress(comp["bz2"]) == payload * 20, lzma.decompress(comp["lzma"]) == payload * 20)
d = zlib.decompressobj()
out = d.decompress(comp["zlib"][:10]) + d.decompress(comp["zlib"][10:]) + d.flush()
print(out == payload * 20, d.eof, d.unused_data)
try:
    zlib.decompress(b"garbage")
except zlib.error as exc:
    print("zlib.error:", exc)
try:
    gzip.decompress(b"\x1f\x8b garbage")
except Exception as exc:
    print(type(exc).__name__, exc)
