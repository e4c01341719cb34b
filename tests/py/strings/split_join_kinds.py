# str.split / splitlines / join and f-string building across kinds, piece counts around the
# preallocated 12 slots, maxsplit limits, and str subclasses (whose pieces are exact str).
texts = [
    "", " ", "a", " a ", "a b c", "  lead and trail  ", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f x",
    " ".join(str(i) for i in range(11)), " ".join(str(i) for i in range(12)),
    " ".join(str(i) for i in range(13)), " ".join(str(i) for i in range(40)),
    "caf\xe9 cr\xe8me\xa0br\xfbl\xe9e\x85end", "\u0101 \u0102\u2003\u0103", "\U0001f600 x \U0001f601",
]
for t in texts:
    for maxsplit in (-1, 0, 1, 2, 11, 12, 13, 100):
        print(repr(t[:20]), maxsplit, t.split(maxsplit=maxsplit), t.rsplit(maxsplit=maxsplit))
for t in ["a,b,,c,", ",", "", "no sep", ",".join("x" * 30), "\xe9,\xe8,\xe0", "\u0101,\u0102"]:
    for sep in (",", "\xe9", "\u0101", ",,", "b,"):
        for maxsplit in (-1, 0, 1, 12, 13):
            print(repr(t[:20]), repr(sep), maxsplit, t.split(sep, maxsplit), t.rsplit(sep, maxsplit))
lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029"
for s in (lines, lines.encode("latin-1", "ignore").decode("latin-1"), "", "\n", "x", "\r\n\r\n",
          "\n".join(str(i) for i in range(30))):
    print(s.splitlines()[:40], s.splitlines(True)[:40], s.splitlines(keepends=True) == s.splitlines(True))


class S(str):
    pass


s = S("whole")
for piece in (s.split()[0], s.split(",")[0], s.splitlines()[0], S("a b").split()[1]):
    print(type(piece).__name__, piece)
print(type(" ".split(" ")[0]).__name__, "x".split("x"))
word = "word"
print(word.split()[0] is word, word.split(",")[0] is word, word.splitlines()[0] is word)

print("-".join([]), "-".join(["a"]), "-".join(["a", "b"]), "".join(["a", "\xe9", "\u0101", "\U0001f600"]))
print("\xe9".join(["a", "b"]), "\u0101".join(["a", "\xe9"]), ", ".join(("x", "y", "z")))
print(type("".join([S("sub")])).__name__, "".join([S("sub")]))
print(len("ab".join(["xyz"] * 1000)), "".join(map(str, range(20))))
for bad in (["a", 1], ["a", b"b"], [None]):
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError", e)
for i in (0, 7, 255, 256, 65535, 65536):
    c = chr(i + 32)
    print(repr(f"{c}-{i}-{c * 2}"), repr(f"{i}{c}"), repr(f"x{c}"))
print(f"{'a'}{'b'}{'c'}", f"{s}", type(f"{s}").__name__, type(f"{s}{s}").__name__)
