# The ISO 2022 codecs against the reference, by digest: every designatable double-byte set
# decoded in full after its escape sequence, and every BMP (and plane 2) code point encoded.
import hashlib

SETS = {
    "iso2022_kr": [b"\x1b$)C\x0e"],
    "iso2022_jp": [b"\x1b$B", b"\x1b$@", b"\x1b&@\x1b$B"],
    "iso2022_jp_1": [b"\x1b$B", b"\x1b$(D"],
    "iso2022_jp_2": [b"\x1b$B", b"\x1b$(D", b"\x1b$(C", b"\x1b$A"],
    "iso2022_jp_2004": [b"\x1b$(Q", b"\x1b$(P", b"\x1b$B"],
    "iso2022_jp_3": [b"\x1b$(O", b"\x1b$(P", b"\x1b$B"],
    "iso2022_jp_ext": [b"\x1b$B", b"\x1b$(D", b"\x1b(I", b"\x1b(J"],
}
for enc, escapes in SETS.items():
    for esc in escapes:
        h = hashlib.sha256()
        valid = 0
        for b1 in range(0x21, 0x7f):
            row = []
            for b2 in range(0x21, 0x7f):
                try:
                    row.append(( esc + bytes([b1, b2])).decode(enc))
                    valid += 1
                except UnicodeDecodeError as e:
                    row.append("!%d%d" % (e.start, e.end))
            h.update("|".join(row).encode("utf-8", "surrogatepass"))
        print(enc, esc, "decode", valid, h.hexdigest()[:16])
    planes = (0, 2) if enc in ("iso2022_jp_2004", "iso2022_jp_3") else (0,)
    text = "".join(chr(c) for p in planes for c in range(p << 16, (p + 1) << 16)
                   if not 0xd800 <= c < 0xe000)
    data = text.encode(enc, "backslashreplace")
    print(enc, "encode", len(data), hashlib.sha256(data).hexdigest()[:16])
