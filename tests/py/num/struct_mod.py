# struct.py on _struct: standard sizes, Struct objects, errors.
import struct

print(struct.pack("<hHiIqQ", -2, 65535, -3, 4000000000, -5, 2**64 - 1))
print(struct.pack(">bBh?", -1, 200, 300, True), struct.pack("!e f d", 1.5, 0.1, -2.25))
print(struct.unpack("<hHiIqQ", struct.pack("<hHiIqQ", -2, 65535, -3, 4000000000, -5, 2**64 - 1)))
print(struct.unpack(">3s2x3p", b"abc\x00\x00\x02hi"))
print(struct.unpack("<e", struct.pack("<e", 0.1)), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.calcsize("<10s3x2q"), struct.calcsize(">"), struct.calcsize("=ihb"))
print(list(struct.iter_unpack("<HB", bytes(range(9)))))
print(struct.unpack_from("<i", b"xxxx\x01\x00\x00\x00", 4), struct.unpack_from(">H", b"\x00\x01\x02", offset=1))

s = struct.Struct("<i2h")
print(s, s.format, s.size, s.pack(1, 2, 3), s.unpack(b"\x01\x00\x00\x00\x02\x00\x03\x00"))
print(struct.Struct(b">q").format)
print(struct.pack("<F", 1.5 + 2j), struct.unpack("<D", struct.pack("<D", -1 - 0.5j)))

for fmt, args in [("<b", (128,)), ("<B", (-1,)), ("<h", (2**15,)), ("<H", (2**16,)),
                  ("<i", (2**31,)), ("<I", (-1,)), ("<q", (2**63,)), ("<Q", (-1,)),
                  ("<i", ("x",)), ("<f", ("x",)), ("<c", (b"xy",)), ("<s", ("x",)),
                  ("<i", ()), ("<2i", (1, 2, 3)), ("<y", (1,)), ("<5", (1,)),
                  ("<e", (1e10,)), ("<f", (1e300,))]:
    try:
        struct.pack(fmt, *args)
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)

for call in (lambda: struct.unpack("<i", b"abc"),
             lambda: struct.unpack_from("<i", b"abc", 1),
             lambda: struct.unpack_from("<i", b"abcdef", -10),
             lambda: struct.iter_unpack("<h", b"abc"),
             lambda: struct.iter_unpack("", b""),
             lambda: struct.Struct(3),
             lambda: struct.calcsize("<3999999999999999999i")):
    try:
        call()
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)
print(struct.error.__module__, issubclass(struct.error, Exception))
