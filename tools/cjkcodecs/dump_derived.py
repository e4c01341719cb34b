"""Runs under the reference CPython 3.14.2: prints the codec data that _codecs_cn and
_codecs_hk keep in static arrays rather than in exported maps, recovered from the codecs'
behaviour:
    R <first> <last> <base>   gb18030_to_unibmp_ranges: the four-byte sequences numbered
                              base.. (lseq < 39420) decode to U+first..U+last
    P <hex code> ...          big5hkscs: the two-byte codes whose big5hkscs_decmap value is
                              plane-2 (the big5hkscs_phint_* bitmaps: decoded | 0x20000)
"""
import sys

out = []
run = None
for lseq in range(39420):
    c4 = lseq % 10
    c3 = lseq // 10 % 126
    c2 = lseq // 1260 % 10
    c1 = lseq // 12600
    cp = ord(bytes([c1 + 0x81, c2 + 0x30, c3 + 0x81, c4 + 0x30]).decode("gb18030"))
    if run and cp == run[1] + 1:
        run[1] = cp
    else:
        if run:
            out.append("R %d %d %d" % tuple(run))
        run = [cp, cp, lseq]
out.append("R %d %d %d" % tuple(run))

codes = []
for c1 in range(0x87, 0xff):
    for c2 in range(0x40, 0xff):
        try:
            s = bytes([c1, c2]).decode("big5hkscs")
        except UnicodeDecodeError:
            continue
        if len(s) == 1 and ord(s) >= 0x20000:
            codes.append("%04x" % (c1 << 8 | c2))
for i in range(0, len(codes), 16):
    out.append("P " + " ".join(codes[i:i + 16]))
sys.stdout.write("\n".join(out) + "\n")
