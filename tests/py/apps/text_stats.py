"""Word statistics over a built-in corpus: str methods, unicodedata, format specs, sorting."""
import unicodedata
import string
import collections
import re
import locale
import textwrap

CORPUS = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair. Ça ne fait rien — naïve café résumé, Straße, ǅemal, ﬁne, Ⅻ, ½, ٣.
"""

words = re.findall(r"[\w']+", CORPUS.lower())
freq = collections.Counter(words)
print(len(words), len(freq))
for w, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{w:<10}|{n:>4}|{n / len(words):8.3%}|{'*' * n}")
print(f"{'word':^12}|{'len':^5}|")
for w in sorted(freq, key=lambda w: (-len(w), w))[:5]:
    print(f"{w:>12.8}|{len(w):^5d}|{w!a}")

samples = ["Straße", "ǅemal", "ﬁne", "naïve", "İstanbul", "ΣΊΣΥΦΟΣ", "ß", "Ⅻ", "½", "٣", "x²", "ＡＢＣ", "a\u0301"]
for s in samples:
    print(s, s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), s.isalpha(), s.isdigit(),
          s.isnumeric(), s.isdecimal(), s.isupper(), len(s), ascii(s))
for s in samples:
    print(s, [unicodedata.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          unicodedata.is_normalized("NFC", s))
for ch in "aßǅﬁⅫ½٣€\u0301 \t😀":
    print(repr(ch), unicodedata.name(ch, "?"), unicodedata.category(ch), unicodedata.bidirectional(ch),
          unicodedata.combining(ch), unicodedata.east_asian_width(ch), unicodedata.numeric(ch, None),
          unicodedata.decimal(ch, None), unicodedata.decomposition(ch), unicodedata.mirrored(ch))
print(unicodedata.lookup("SNOWMAN"), unicodedata.unidata_version, "\N{GREEK SMALL LETTER ALPHA}")
try:
    unicodedata.lookup("NO SUCH CHAR")
except KeyError as e:
    print("KeyError:", e)

s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip(" H")), repr(s.rstrip("! ")), s.split(","), s.rsplit(None, 1), s.partition(","), s.rpartition("o"))
print("a,b,,c".split(","), "a b  c".split(), "line1\nline2\r\nline3".splitlines(True), "ab".center(7, "*"), "7".zfill(4), "-7".zfill(4))
print("abc".ljust(6, "."), "abc".rjust(6), "Hello".find("l"), "Hello".rfind("l"), "Hello".index("e"), "Hello".count("l"))
print("tab\tsep".expandtabs(4), "a-b-c".replace("-", "+", 1), "prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
print("hello world".startswith(("he", "x")), "x.py".endswith(".py", 0, 4), "abc".translate(str.maketrans("abc", "xyz", "")), str.maketrans({"a": None}))
print(" ".join(reversed("one two three".split())), "-".join("abc"), "%s is %d years and %.2f%%" % ("Tom", 30, 99.5), "%(a)s-%(b)r" % {"a": 1, "b": "x"})
print("%5s|%-5s|%05d|%+d|%x|%X|%o|%e|%g|%c|%%" % ("ab", "cd", 42, 7, 255, 255, 8, 12345.678, 0.0001, 65))
print(f"{3.14159:.2f} {1234567:,} {1234567:_} {0.5:.1%} {42:#b} {42:#o} {42:#x} {-42:+} {42:=+8} {3.0:g} {1e20:g} {1e-5:.3e}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|{'fill':*^10}|{12:08.3f}|{-1.5:010.2f}|{1e100:.3g}|{float('nan'):f}|{float('-inf'):8}")
print(f"{12345.6789:,.2f} {0.000012345:.3g} {123456789:e} {2**64:,} {255:08b} {True:d} {None!r} {'x'!r:>5}")
print(format(1234.5, "n"), format(10**6, ","), format(1.0, ".0f"), format(2.5, ".0f"), format(3.5, ".0f"), format(-0.0, "f"), format(1/3, ".17g"))
print(f"{'nested':{'>'}{10}}", f"{3.14159:{'.'}{3}}", f"{'a' 'b'}", f"{1+1=}", f"{'x'=!r:>6}", f"{{literal}}")
print(string.capwords("hello   wOrld"), string.digits, string.hexdigits, string.whitespace.encode(), string.printable[-6:].encode())
print(sorted(["b", "A", "a", "B", "é", "e", "Z"]), sorted(["b", "A", "a", "B", "é", "e"], key=str.casefold), sorted(["a10", "a2", "a1"], key=lambda s: int(s[1:])))
print(textwrap.fill(CORPUS.replace("\n", " "), 50, break_on_hyphens=False).splitlines()[-2:])
print("ß".encode(), "é".encode("latin-1"), "é".encode("ascii", "replace"), "é".encode("ascii", "xmlcharrefreplace"), "é😀".encode("utf-16-le"), "x".encode("utf-32"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"), b"\xff".decode("utf-8", "backslashreplace"), b"a\xffb".decode("ascii", "ignore"), b"\xff".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
for bad in [lambda: "é".encode("ascii"), lambda: b"\xe9".decode("utf-8"), lambda: "x".encode("nope"), lambda: b"\xed\xa0\x80".decode()]:
    try:
        bad()
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
print(locale.getlocale(locale.LC_NUMERIC) in [(None, None), ("C", None), ("en_US", "UTF-8")], locale.localeconv()["decimal_point"])
print(str.isidentifier("a1"), "1a".isidentifier(), "class".isidentifier(), "  ".isspace(), "Ab Cd".istitle(), "abc".isascii(), "é".isascii(), "\x00".isprintable())
print(max(freq, key=lambda w: (freq[w], w)), min(words), "".join(sorted(set("mississippi"))), "mississippi".count("ss"), "aaa".replace("a", "b", -1))
