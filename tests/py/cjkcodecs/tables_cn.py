# The Chinese codecs' tables (_codecs_cn, _codecs_tw, _codecs_hk) against the reference, by
# digest: decoding every short byte sequence and encoding every code point they map.
import hashlib
from _tables import report

report("gb2312")
report("gbk")
report("gb18030")
report("big5")
report("cp950")
report("big5hkscs", planes=(0, 2))

# gb18030's four-byte codes: every BMP one and a sample of the supplementary planes.
h = hashlib.sha256()
for b1 in range(0x81, 0x85):
    for b2 in range(0x30, 0x3a):
        for b3 in range(0x81, 0xff):
            for b4 in range(0x30, 0x3a):
                try:
                    h.update(bytes([b1, b2, b3, b4]).decode("gb18030").encode("utf-8", "surrogatepass"))
                except UnicodeDecodeError as e:
                    h.update(b"!%d" % e.end)
print("gb18030 four-byte", h.hexdigest()[:16])
for b in (b"\x90\x30\x81\x30", b"\xe3\x32\x9a\x35", b"\xe3\x32\x9a\x36", b"\x84\x31\xa4\x39",
          b"\x84\x31\xa5\x30", b"\x80\x30", b"\x81\x30\x81", b"\x81\x30\x81\x2f", b"\xff\x30\x81\x30"):
    try:
        print(b, ascii(b.decode("gb18030")))
    except UnicodeDecodeError as e:
        print(b, e)
for s in ("\U0010ffff", "\U00010000", "\x80", "\ue5e5", "\uffff", "\u00b7\u2014\u2015\u30fb"):
    print(ascii(s), s.encode("gb18030", "replace"), s.encode("gbk", "replace"))
