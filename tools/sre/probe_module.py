# Run on the reference (CPython 3.14.2, tools/oracle) by tools/sre/gen_module_cases.py.
# For each pattern: the arguments re._compiler gives _sre.compile on a 64-bit build (see
# probe_engine.py for the stand-in _sre), then the reprs of the Pattern and Match API results
# on subjects, in the order tests/unit/sre_module_test.cpp computes them.
import sys
import _sre as real_sre
import re as real_re

captured = []


class FakeSre:
    MAGIC = real_sre.MAGIC
    CODESIZE = 4
    MAXREPEAT = 2**32 - 1
    MAXGROUPS = 2**31 // 2 - 1
    copyright = real_sre.copyright
    getcodesize = staticmethod(lambda: 4)
    ascii_iscased = staticmethod(real_sre.ascii_iscased)
    unicode_iscased = staticmethod(real_sre.unicode_iscased)
    ascii_tolower = staticmethod(real_sre.ascii_tolower)
    unicode_tolower = staticmethod(real_sre.unicode_tolower)
    template = staticmethod(real_sre.template)

    @staticmethod
    def compile(pattern, flags, code, groups, groupindex, indexgroup):
        captured.append((flags, [int(c) for c in code], groups, dict(groupindex)))
        return real_re.compile("")


saved = {k: v for k, v in sys.modules.items() if k == "re" or k.startswith("re.")}
for k in saved:
    del sys.modules[k]
sys.modules["_sre"] = FakeSre
import re._compiler as fake_compiler
sys.modules["_sre"] = real_sre
for k in [k for k in sys.modules if k == "re" or k.startswith("re.")]:
    del sys.modules[k]
sys.modules.update(saved)

I, M, S, X, A = real_re.I, real_re.M, real_re.S, real_re.X, real_re.A

SUBJECTS = ["", "abc", "hello world", "a1b2c3", "aXbXc", "foo bar foo", "AbC aBc",
            "x\ny\n", "caf\xe9 \u0394\u03b4 \U0001f600!", "  ", "2024-01-15 and 1999-12-31"]
PATTERNS = [
    ("a", 0), ("abc", 0), ("b", 0), ("x*", 0), ("(a)(b)?", 0), ("(?P<first>\\w)(?P<rest>\\w*)", 0),
    ("\\d", 0), ("(\\d)", 0), ("(\\d)(\\w)", 0), ("\\s+", 0), ("X", 0), ("(X)", 0), ("(?P<sep>X)", 0),
    ("o", 0), ("foo", 0), ("(f)(o)(o)", 0), ("abc", I), ("^\\w", M), ("$", M), ("", 0), ("()", 0),
    ("\\b", 0), ("(?P<y>\\d{4})-(?P<m>\\d\\d)-(?P<d>\\d\\d)", 0), ("[\u0394-\u03ff]+", I),
    ("\U0001f600", 0), (".", S), ("(a)|(b)|(c)", 0), ("(?:(a)|b)+", 0), ("a(?=b)", 0),
    ("(?i)c", 0), ("\\w+", A), ("[^a-z ]+", 0), ("(l+)", 0), ("(?P<n>n)?d", 0), ("y$", 0),
    ("a|b|c", X | M), ("(?s:.)", 0), ("x" * 120, 0), ("'", 0), ('"', 0),
    (b"a", 0), (b"(b)(c)", 0), (b"\\w+", 0), (b"(?P<w>o)", 0), (b"", 0), (b"[\\x80-\\xff]", 0),
]

def enc(s):
    if isinstance(s, bytes):
        return "b" + " ".join("%x" % c for c in s)
    return "u" + " ".join("%x" % ord(c) for c in s)

for pattern, flags in PATTERNS:
    captured.clear()
    fake_compiler.compile(pattern, flags)
    cflags, code, groups, groupindex = captured[0]
    p = real_re.compile(pattern, flags)
    gi = " ".join("%s=%d" % kv for kv in groupindex.items())
    print("P\t%s\t%d\t%d\t%s\t%s" % (enc(pattern), cflags, groups, gi, " ".join(map(str, code))))
    print("Q\t%r\t%r\t%r\t%r" % (p, p.groups, p.flags, p.groupindex))
    subjects = SUBJECTS
    repl = "<>"
    if isinstance(pattern, bytes):
        subjects = [s.encode("latin-1") for s in SUBJECTS if all(ord(c) < 256 for c in s)]
        repl = b"<>"
    for s in subjects:
        m = p.search(s)
        r = [repr(p.match(s)), repr(p.fullmatch(s)), repr(m)]
        if m:
            r += [repr(m.groups()), repr(m.groupdict()), repr(m.regs), repr(m.lastindex),
                  repr(m.lastgroup), repr(m.group(0, 1) if p.groups else m.group()),
                  repr(m[0]), repr(m.span(p.groups)), repr(m.start()), repr(m.end(p.groups)),
                  repr(m.groups("-")), repr((m.pos, m.endpos)), repr(m.re is p),
                  repr(m.string is s)]
        r += [repr(p.findall(s)), repr(p.split(s)), repr(p.split(s, 1)), repr(p.sub(repl, s)),
              repr(p.subn(repl, s, 2)), repr([x.span() for x in p.finditer(s)]),
              repr(p.search(s, 1, 5)), repr(p.findall(s, 2)),
              repr([x.span() for x in p.finditer(s, 1, 9)])]
        print("S\t%s\t%s" % (enc(s), "\t".join(r)))


def err(f):
    try:
        r = f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)

def emit(tag, pattern, flags):
    captured.clear()
    fake_compiler.compile(pattern, flags)
    cflags, code, groups, groupindex = captured[0]
    gi = " ".join("%s=%d" % kv for kv in groupindex.items())
    print("%s\t%s\t%d\t%d\t%s\t%s" % (tag, enc(pattern), cflags, groups, gi, " ".join(map(str, code))))

# The patterns of the error cases: p, the same with re.I, and b"a".
emit("EP", "(a)(?P<n>b)", 0)
emit("EI", "(a)(?P<n>b)", real_re.I)
emit("EB", b"a", 0)
p = real_re.compile("(a)(?P<n>b)")
m = p.match("ab")
E = [
    err(lambda: p.match(1)), err(lambda: p.match(b"ab")),
    err(lambda: real_re.compile(b"a").match("a")), err(lambda: m.group(5)),
    err(lambda: m.group("zz")), err(lambda: m.group(-1)), err(lambda: m["n"]),
    err(lambda: m.group(1, "n", 0)), err(lambda: p.match()), err(lambda: p.match("a", 1, 2, 3)),
    err(lambda: p.match("ab", pos="x")), err(lambda: p.search(string="ab", endpos=1)),
    err(lambda: real_sre.compile("a", 0, (1,), 0, {}, ())),
    err(lambda: real_sre.compile("a", 0, [99], 0, {}, ())),
    err(lambda: real_sre.compile("a", 0, [1], 0, [], ())),
    err(lambda: real_sre.template("x", [1, 2])), err(lambda: real_sre.template("x", (1,))),
    err(lambda: real_sre.template("x", ["a", -1, "b"])),
    err(lambda: real_sre.ascii_iscased(65)), err(lambda: real_sre.unicode_iscased(0x1c4)),
    err(lambda: real_sre.ascii_tolower(0x41)), err(lambda: real_sre.unicode_tolower(0x130)),
    err(lambda: real_sre.unicode_tolower("a")), err(lambda: real_sre.getcodesize()),
    err(lambda: (real_sre.MAGIC, real_sre.CODESIZE)), err(lambda: m.start(3)),
    err(lambda: m.span("n")), err(lambda: m.groups(default=0)), err(lambda: m.copy),
    err(lambda: type(m).__name__), err(lambda: type(p).__module__), err(lambda: type(p).__qualname__),
    err(lambda: p.__copy__() is p), err(lambda: p.__deepcopy__({}) is p),
    err(lambda: p.scanner("ab").match().span()), err(lambda: p.scanner("xab").search().span()),
    err(lambda: type(p.scanner("x")).__name__), err(lambda: p == real_re.compile("(a)(?P<n>b)")),
    err(lambda: p != real_re.compile("(a)(?P<n>b)", real_re.I)), err(lambda: p == 1),
    err(lambda: p < p), err(lambda: p.sub(lambda m: m.group(1) * 2, "abab")),
    err(lambda: p.sub(lambda m: None, "abab")),
]
print("E\t%s" % "\t".join(E))
