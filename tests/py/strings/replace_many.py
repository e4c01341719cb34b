# str.replace on 1-byte strings with many occurrences: the positions kept from the counting
# scan (a stack buffer of 256, then a heap buffer up to 65536) and the ones found again after
# them must give the reference's result, with count limits around those sizes, overlapping
# patterns and replacements of every relative length.
import zlib


def digest(s):
    return len(s), zlib.crc32(s.encode("latin-1")), s[:24], s[-24:]


base = "".join("ab%dxy" % (i % 97) for i in range(80000))
for old, new in [("ab", "Z"), ("ab", "ab"), ("xya", "-"), ("xy", "\xe9\xe9\xe9"), ("1xy", "")]:
    print(old, new, base.count(old), digest(base.replace(old, new)))
    for count in (0, 1, 255, 256, 257, 1023, 1024, 1025, 65535, 65536, 65537, 70000, -1):
        print(" ", count, digest(base.replace(old, new, count)))

runs = "a" * 200003
for old in ("aa", "aaa", "aaaa"):
    for count in (-1, 100, 65536, 66000):
        print(old, count, digest(runs.replace(old, "b", count)))
dense = "\xff\xfe" * 140000
print(digest(dense.replace("\xff\xfe", "ok")), digest(dense.replace("\xfe\xff", "?", 70000)))
print(digest(("word " * 3000).replace("word", "w")), digest(("word " * 300).replace("word", "")))
print(digest(("x" * 300).replace("xx", "y")), ("yz" * 300).replace("zy", "") == "y" + "z")
