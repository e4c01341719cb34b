# What the table cases share: digests of a codec's decoding of every one-, two- (and, for
# the EUC codecs, three-) byte sequence and of its encoding of every code point, so that a
# single differing table entry changes the output.
import hashlib

SURROGATES = range(0xD800, 0xE000)


def decode_digest(encoding, leads=range(0x80, 0x100), trails=range(0x21, 0x100), triple=None):
    h = hashlib.sha256()
    valid = 0
    for b1 in range(0x100):
        try:
            h.update(bytes([b1]).decode(encoding).encode("utf-8", "surrogatepass"))
            valid += 1
        except UnicodeDecodeError as e:
            h.update(("!%d%d%s" % (e.start, e.end, e.reason)).encode())
    for b1 in leads:
        for b2 in trails:
            try:
                s = bytes([b1, b2]).decode(encoding)
                valid += 1
                h.update(s.encode("utf-8", "surrogatepass"))
            except UnicodeDecodeError as e:
                h.update(("!%d%d%s" % (e.start, e.end, e.reason[0])).encode())
    if triple is not None:
        for b2 in range(0xa1, 0xff):
            for b3 in range(0xa1, 0xff):
                try:
                    s = bytes([triple, b2, b3]).decode(encoding)
                    valid += 1
                    h.update(s.encode("utf-8", "surrogatepass"))
                except UnicodeDecodeError as e:
                    h.update(("!%d%d" % (e.start, e.end)).encode())
    return valid, h.hexdigest()[:16]


def encode_digest(encoding, planes=(0,)):
    chars = []
    for plane in planes:
        for c in range(plane << 16, (plane + 1) << 16):
            if c not in SURROGATES:
                chars.append(chr(c))
    text = "".join(chars)
    data = text.encode(encoding, "backslashreplace")
    mapped = sum(1 for ch in chars[:0x3000] if ch.encode(encoding, "replace") != b"?")
    return len(data), mapped, hashlib.sha256(data).hexdigest()[:16]


def report(encoding, planes=(0,), **kw):
    print(encoding, "decode", *decode_digest(encoding, **kw))
    print(encoding, "encode", *encode_digest(encoding, planes))
