# str.replace on 1-byte strings (counted, allocated once), split on one character, and the
# empty-spec format fast paths: results, kinds (ascii() shows them) and identity rules.
import sys

cases = [
    ("word1 word2 word3", "word", "w", -1),
    ("word1 word2 word3", "word", "w", 2),
    ("word1 word2 word3", "word", "w", 0),
    ("aaaa", "a", "bb", -1),
    ("aaaa", "a", "", 3),
    ("aaaa", "aa", "b", -1),
    ("abcabc", "abc", "xyz", -1),
    ("abc", "abcd", "x", -1),
    ("abc", "x", "y", -1),
    ("caf\xe9 caf\xe9", "\xe9", "e", -1),
    ("caf\xe9 caf\xe9", "caf\xe9", "tea", 1),
    ("caf\xe9 caf\xe9", "caf\xe9", "tea", -1),
    ("cafe", "e", "\xe9", -1),
    ("\xe9\xe9", "\xe9", "", -1),
    ("a,b,,c,", ",", ";", -1),
    ("", "a", "b", -1),
    ("x" * 40, "x", "yz", 7),
    ("ab" * 30, "ba", "", -1),
]
for s, old, new, count in cases:
    r = s.replace(old, new, count)
    print(ascii(r), len(r), r.isascii(), r == s.replace(old, new, count))
    print(sys.getsizeof(r) - sys.getsizeof(s[:0] + "x" * len(r)) if r.isascii() else "-")

s = "unchanged text"
print(s.replace("zz", "y") is s, s.replace("t", "t") == s)

class S(str):
    pass

t = S("abcabc")
r = t.replace("zz", "y")
print(type(r).__name__, r)
r = t.replace("b", "B")
print(type(r).__name__, r)

for line in ["a,b,c,1", ",", "", "a", ",,,", "x" * 50 + "," + "y" * 3, "\xe9,\xe9"]:
    print(line.split(","), line.split(",", 1), line.split(sep=","), line.split(",", maxsplit=2))
print("a b".split(None), "a b".split(None, 0))
try:
    "a".split(",", 1, 2)
except TypeError as e:
    print(e)
try:
    "a".split(1)
except TypeError as e:
    print(e)

i = 12345
print(f"{i}-{-i}", f"{True}", f"{i:05}", format(i), format("s"), f"{'x'}")

class I(int):
    def __format__(self, spec):
        return "I" + spec

print(f"{I(3)}", f"{I(3):x}", format(I(4)))
