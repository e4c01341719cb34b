# str.replace: the cases that return the string itself (unicode_result_unchanged), counts,
# empty old/new strings, the kinds of the result (narrowed as replace()'s mayshrink does:
# checked through sys.getsizeof against a freshly built equal string), and long texts where
# the occurrences are found in batches.
import sys

class S(str):
    pass

def canon(r):
    # the same characters in a string built from scratch: the narrowest kind
    return sys.getsizeof(r) == sys.getsizeof("".join(list(r)) if len(r) != 1 else r.encode("utf-32").decode("utf-32"))

base = ["", "a", "abc", "aaa", "abcabc", "caf\xe9", "\xe9\xe9", "x\u0100y\u0100", "\u0100",
        "\U0001f600ab\U0001f600", "ab\U0001f600", "a\xe9\u0100\U0001f600"]
olds = ["", "a", "ab", "abc", "zz", "\xe9", "\u0100", "\U0001f600", "abcdefgh"]
news = ["", "a", "-", "xyz", "\xe9", "\u0101", "\U0001f601"]
for s in base:
    for o in olds:
        for n in news:
            for c in (-1, 0, 1, 2):
                r = s.replace(o, n, c)
                print(repr(s), repr(o), repr(n), c, repr(r), r is s, canon(r))
s = "abc"
print(s.replace("b", "b") is s, s.replace(s, s) is s, s.replace("", "") is s,
      s.replace("zzzz", "y") is s, s.replace("\u0100", "y") is s, s.replace("b", "x", 0) is s)
for t in [S("abc"), S(""), S("aXa")]:
    for args in [("a", "b"), ("z", "y"), ("", ""), ("", "-"), ("a", "a"), ("X", "", 0)]:
        r = t.replace(*args)
        print(repr(t), args, repr(r), type(r).__name__, r is t)
text = " ".join("word%d" % i for i in range(3000))
for o, n in [("word", "w"), ("word", "abcd"), ("word", "longer-word"), ("d1", ""), (" ", "\n"),
             ("word2999", "end"), ("o", "0"), ("wo", "\xe9"), ("word1", "\u20ac")]:
    for c in (-1, 1, 255, 256, 257, 1000, 2999, 3000, 5000):
        r = text.replace(o, n, c)
        print(o, n, c, len(r), r.count(n) if n else -1, hash(r) == hash(str(r)), r[:40], r[-40:], canon(r))
long_hay = ("ab" * 20000) + "needle" + ("ab" * 20000)
print(long_hay.replace("needle", "N").count("N"), long_hay.replace("abab", "x")[:10],
      len(long_hay.replace("ba", "")), long_hay.replace("ab" * 300, "Q", 3)[:50])
for bad in [(1, "a"), ("a", 1), ("a",), ("a", "b", "c")]:
    try:
        "abc".replace(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
print("abc".replace("b", "x", count=1), "aaaa".replace("a", "b", count=2))
try:
    "abc".replace(old="a", new="b")
except TypeError as e:
    print(type(e).__name__, e)
