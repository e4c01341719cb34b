# str % with plain %s/%d/%i/%u fields on exact str and int arguments (the shortcut of
# PyUnicode_Format): results, object identity of a whole-str result, and every case that must
# fall back to the general path (flags, other types, subclasses, errors, long results).
def m(f, a):
    return f % a  # a variable format: the compiler does not turn it into an f-string


s = "abc"
e = ""
print(m("%s", s) is s, m("%s", (s,)) is s, m("%s%s", (e, s)) is s, m("%s%s", (s, e)) is s)
print(m("%s", (e,)) is e, m("%s%%", s) is s, m("x%s", s) is s, m("%s", (s,)) is s)
print(repr(m("%s", e)), repr(m("", ())), m("x%%y", ()), m("%d%%", 5), m("%%%d", -7))


class S(str):
    pass


class I(int):
    pass


f = S("plain")
print(type(m(f, ())).__name__, m(f, ()) is f, type(m(S("a%sb"), "x")).__name__)
cases = [
    ("k%d", 5), ("k%d", -123456789012), ("k%d", 2**70), ("%s", 2**70), ("%s-%d", ("a", 3)),
    ("%d", True), ("%s", True), ("%s", 1.5), ("%i|%u", (1, 2)), ("%s", "\xe9"), ("a%sb", "\u20ac"),
    ("%s %s", ("x",)), ("%s", ("x", "y")), ("%d", "x"), ("abc%", ()), ("abc%", "x"),
    ("%s" * 200, ("abc",) * 200), ("x" * 300 + "%d", 7), ("%d", 3.7), ("%s", None),
    ("%(a)s", {"a": 1}), ("abc", 5), ("abc", {}), ("abc", "x"), ("abc", ()), ("%s", (1,)),
    ("x", ()), ("%c", 65), ("%5d", 3), ("%-3s|", "a"), ("k%d", 0), ("%s", ""), ("%d", -2**62),
    ("%d", I(4)), ("%s", S("sub")), ("%s", (S("sub"),)), ("%s", [1]), ("%s", ([1],)),
    ("%r %a", ("\xe9", "\xe9")), ("%x", 255), ("%y", 1), ("%s%", ("a",)), ("\xe9%d", 1),
    ("%d %d", (1, 2, 3)), ("%%", ()), ("%%", 5), ("%s", ()), ("%d", ()),
]
for fmt, a in cases:
    try:
        r = m(fmt, a)
        print(repr(r)[:60], type(r).__name__, len(r))
    except Exception as ex:
        print(type(ex).__name__, ex)
# Every length of key a str hash reads (0..40 characters of each kind), hashed via dict use.
d = {}
for n in range(41):
    for ch in "a\xe9\u20ac\U0001f600":
        d[ch * n] = n
print(len(d), sum(d.values()), [d["a" * n] for n in range(0, 41, 7)])
