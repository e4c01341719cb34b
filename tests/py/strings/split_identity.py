# split/rsplit/splitlines: when the result holds the string itself (stringlib's
# STRINGLIB_CHECK_EXACT cases) and when a new piece, the capacity of the result list
# (PREALLOC_SIZE for split and rsplit, appends for splitlines), str subclasses, and the
# latin-1 whitespace and line breaks of the one-byte fast paths.
import sys

class S(str):
    pass

def cap(lst):
    # allocated slots, from the size difference with an empty list (portable across word sizes)
    return (sys.getsizeof(lst) - sys.getsizeof([])) // (sys.getsizeof([None] * 2) - sys.getsizeof([None]))

samples = ["abc", "ab cd", " ab", "ab ", "a", "caf\xe9", "caf\xe9 x", "\u0100bc", "\u0100b c",
           "\U0001f600x", "\U0001f600 x", "a,b", "abc,", "\u0100,b"]
for s in samples:
    for args in [(), (None, 0), (None, 1), (",",), (",", 0), ("bc",), ("\u0101",), ("zzzzzzzz",),
                 ("\U0001f601",)]:
        for name in ("split", "rsplit"):
            r = getattr(s, name)(*args)
            print(repr(s), name, args, r, [p is s for p in r], cap(r))
    for keep in (False, True):
        r = s.splitlines(keep)
        print(repr(s), "splitlines", keep, r, [p is s for p in r], cap(r))

for s in [S("abc"), S("a b"), S("a,b"), S("\u0100bc"), S("x")]:
    for args in [(), (",",), ("\U0001f601",), ("longer than it",), (None, 0)]:
        for name in ("split", "rsplit"):
            r = getattr(s, name)(*args)
            print(repr(s), name, args, r, [type(p).__name__ for p in r], [p is s for p in r])
    r = s.splitlines()
    print(repr(s), "splitlines", r, [type(p).__name__ for p in r])

# the latin-1 whitespace (U+0085, U+00A0) and line breaks (\x1c-\x1e, U+0085)
t = "a\x85b\xa0c\x1cd\x1de\x1ef\x0bg\x0ch\ri\r\nj\nk"
print(t.split(), t.rsplit(), t.splitlines(), t.splitlines(True))
print(t.split(None, 2), t.rsplit(None, 2))
u = "\u2028x\u2029y\x85z"
print(u.splitlines(), u.splitlines(keepends=True), u.split())
print([len(("w " * n).split()) for n in (0, 1, 11, 12, 13, 40)])
print([cap(("w " * n).split()) for n in (0, 1, 11, 12, 13, 40)])
print([cap(("w," * n).split(",")) for n in (0, 1, 11, 12, 13, 40)])
print([cap(("w\n" * n).splitlines()) for n in (0, 1, 2, 5, 9, 17)])
print([cap(("w " * n).split(None, m)) for n, m in ((5, 0), (5, 1), (20, 3), (20, 15))])
print([cap(("w " * n).rsplit(None, m)) for n, m in ((5, 0), (5, 1), (20, 3), (20, 15))])
