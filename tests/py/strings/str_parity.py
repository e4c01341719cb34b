# str behaviours checked against the reference after comparing with unicodeobject.c and
# stringlib: partition of a str subclass, the iterator kind of a subclass instance,
# __sizeof__ of two-block (subclass) strings and of the latin-1 single characters, the
# Py_ssize_t converters' OverflowError, and the results that are the argument or the format
# string itself (_PyUnicodeWriter's readonly buffer).
import sys

class S(str):
    pass

s = S("abc")
for r in (s.partition("z"), s.rpartition("z"), s.partition("b"), "abc".partition("\u0100"),
          s.partition("abcd"), s.rpartition("\U0001f600")):
    print(r, [type(x).__name__ for x in r], [x is s for x in r])
print(type(iter(S("ab"))).__name__, type(iter("ab")).__name__, type(iter("\xe9")).__name__,
      type(iter(S("\xe9"))).__name__, list(iter(S("ab"))))

base = S("").__sizeof__()
print([S(x).__sizeof__() - base for x in ("a", "ab", "\xe9", "\u0100", "\u0100\u0100",
                                          "\U0001f600")])
# the single characters U+0080..U+00FF carry their UTF-8 form (3 more bytes)
print([c.__sizeof__() - (c * 2).__sizeof__() for c in ("\x7f", "\x80", "\xe9", "\xff", chr(0xe9),
                                                     "\xe9x"[:1], "\u0100")])
print("\xe9\xe9".__sizeof__() - "xx".__sizeof__() == "\xe9\xe8".__sizeof__() - "xy".__sizeof__())

for call in ("'a b'.split(maxsplit=2**100)", "'a b'.rsplit(None, -2**100)",
             "'abc'.center(2**100)", "'abc'.ljust(-2**100)", "'abc'.rjust(2**100, '*')",
             "'abc'.zfill(2**100)", "'abc'.replace('a', 'b', 2**100)",
             "'abc'.expandtabs(2**100)", "'abc'.split(maxsplit=1.5)", "'abc'.zfill('3')"):
    try:
        print(call, eval(call))
    except (OverflowError, TypeError) as e:
        print(call, type(e).__name__, e)

a = "hello"
e = "h\xe9llo"
print(("%s" % a) is a, ("%s" % (a,)) is a, ("%s" % e) is e, ("%s!" % a) is a,
      ("%5s" % a) is a, ("%.9s" % a) is a, ("%(k)s" % {"k": a}) is a, (a % ()) is a,
      ("" % ()) == "", ("%%" % ()) == "%")
print(("{}".format(a)) is a, "{0}".format(a) is a, "{!s}".format(a) is a, "{:s}".format(a) is a,
      "{:3}".format(a) is a, "{:>5}".format(a) is a, "{:.5}".format(a) is a,
      "x{}".format(a) is a, "{}x".format(a) is a, a.format() is a, "{{}}".format() == "{}",
      "{k}".format_map({"k": a}) is a, "{}".format(e) is e)
t = S("plain")
for r in (t.format(), t % (), t.format_map({}), S("{}").format(a), S("%s") % a, S("{}{}").format(a, ""),
          S("{{x}}").format(), S("%%") % ()):
    print(repr(r), type(r).__name__, r is t, r is a)
print(type("{}".format(S("q"))).__name__, type("%s" % S("q")).__name__,
      type(f"{S('q')}").__name__, type(f"{a}") is str, f"{a}" is a)
# one-character results: the cached single characters where CPython returns them, new strings
# where it builds one (case operations, replace)
c = "\xe9"
for name, r in [("lower", "\xc9".lower()), ("upper", "\xe9".upper().lower()), ("slice", "x\xe9"[1:]),
                ("index", "x\xe9"[1]), ("strip", " \xe9 ".strip()), ("join", "".join(["\xe9"])),
                ("format", "{}".format("\xe9")), ("percent", "%c" % 0xe9), ("chr", chr(0xe9)),
                ("decode", b"\xc3\xa9".decode()), ("split", "x\xe9".split("x")[1]),
                ("replace", "x\xe9".replace("x", "")), ("translate", "a".translate({97: 0xe9})),
                ("casefold", "\xc9".casefold()), ("swapcase", "\xc9".swapcase()),
                ("title", "\xe9".title().lower()), ("capitalize", "\xc9".capitalize().lower()),
                ("partition", "x\xe9".partition("x")[2])]:
    print(name, r is c, sys.getsizeof(r) - sys.getsizeof(c))
a1, b1, ab, x1, X1 = "A", "a", "ab", "x", "X"
print(a1.lower() is b1, b1.upper() is a1, ab.lower() is ab, x1.title() is X1)
