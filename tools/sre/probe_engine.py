# Run on the reference (CPython 3.14.2, tools/oracle) by tools/sre/gen_engine_cases.py.
# For each pattern: the code list re._compiler gives _sre.compile on a 64-bit build (the
# compiler is re-imported over a stand-in _sre whose MAXREPEAT/MAXGROUPS are the 64-bit
# values; everything else is the reference's own _sre), then the reference's results of
# match / fullmatch / search (with pos/endpos) and of the finditer scan on subjects.
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
        captured.append((flags, list(code), groups))
        return real_re.compile("")  # re/__init__.py takes type(...match('')) at import


saved = {k: v for k, v in sys.modules.items() if k == "re" or k.startswith("re.")}
for k in saved:
    del sys.modules[k]
sys.modules["_sre"] = FakeSre
import re._compiler as fake_compiler
sys.modules["_sre"] = real_sre
for k in [k for k in sys.modules if k == "re" or k.startswith("re.")]:
    del sys.modules[k]
sys.modules.update(saved)

I, M, S, X, A, L = (real_re.I, real_re.M, real_re.S, real_re.X, real_re.A, real_re.L)

# (pattern, flags, [subjects])
W = ["", "a", "abc", "aaa", "abcabc", "xyz", "hello world", "foo bar baz", "a1b2c3",
     "AbC", "ABC", "aBc", "\n", "a\nb\nc", "x\n", "  spaced  out ", "tab\there",
     "caf\xe9", "CAF\xc9", "\u0394\u03b4", "\u03a3\u03c3\u03c2", "\u0130i\u0131I",
     "\u212a k K", "\ufb01 fi", "\U0001f600x\U0001f600", "\u00df SS", "123 456",
     "\u0661\u0662\u0663", "x" * 12, "ab" * 20 + "c", "aaab", "mississippi",
     "the cat sat on the mat", "2024-01-15", "john@example.com", "<a><b></b></a>"]
cases = [
    ("a", 0, None), ("abc", 0, None), ("a|b", 0, None), ("ab|cd|ef", 0, None),
    ("a*", 0, None), ("a+", 0, None), ("a?", 0, None), ("a*?", 0, None), ("a+?", 0, None),
    ("a??", 0, None), ("a{2}", 0, None), ("a{2,3}", 0, None), ("a{2,}", 0, None),
    ("a{,2}", 0, None), ("a{2,3}?", 0, None), ("(a)", 0, None), ("(a)(b)?", 0, None),
    ("(a|b)*", 0, None), ("(a|b)*?c", 0, None), ("(ab)+", 0, None), ("(ab)+?", 0, None),
    ("(?:ab)*c", 0, None), ("(a*)*", 0, None), ("(a*)+", 0, None), ("(a|)*b", 0, None),
    ("(?:a|b|c)+", 0, None), ("[abc]", 0, None), ("[^abc]", 0, None), ("[a-z]+", 0, None),
    ("[a-z]+", I, None), ("[^a-z]+", 0, None), ("[\\d]+", 0, None), ("\\d+", 0, None),
    ("\\D+", 0, None), ("\\w+", 0, None), ("\\W+", 0, None), ("\\s+", 0, None),
    ("\\S+", 0, None), ("\\w+", A, None), ("\\d+", A, None), ("\\s+", A, None),
    ("\\bcat\\b", 0, None), ("\\Bat\\b", 0, None), ("\\b", 0, None), ("\\B", 0, None),
    ("\\b\\w", A, None), ("^a", 0, None), ("^a", M, None), ("c$", 0, None), ("c$", M, None),
    ("b$", M, None), ("$", 0, None), ("^", M, None), ("\\Aa", 0, None), ("c\\Z", 0, None),
    ("x$", 0, None), (".", 0, None), (".+", 0, None), (".+", S, None), (".*", 0, None),
    (".*?b", 0, None), ("a.c", 0, None), ("a.c", S, None), ("(.)\\1", 0, None),
    ("(\\w+) \\1", 0, None), ("(a)|b", 0, None), ("(a)|(b)", 0, None),
    ("(?P<x>a)(?P<y>b)?", 0, None), ("(?P<w>\\w)(?P=w)", 0, None), ("(?i)abc", 0, None),
    ("abc", I, None), ("ABC", I, None), ("caf\xe9", I, None), ("\u03c3+", I, None),
    ("\u03a3", I, None), ("[\u03c3]", I, None), ("k", I, None), ("\u212a", I, None),
    ("[k]", I, None), ("i", I, None), ("\u0130", I, None), ("s", I, None), ("ss", I, None),
    ("\xdf", I, None), ("[a-c]+", I, None), ("[^a-c]+", I, None), ("[\u0391-\u03a9]+", I, None),
    ("abc", I | A, None), ("[A-Z]+", I | A, None), ("(?=a)", 0, None), ("a(?=b)", 0, None),
    ("a(?!b)", 0, None), ("(?<=a)b", 0, None), ("(?<!a)b", 0, None), ("(?<=ab)c", 0, None),
    ("(?<!\\d)\\d+", 0, None), ("(?=(a+))a*b\\1", 0, None), ("(?!x)\\w+", 0, None),
    ("(a)(?(1)b|c)", 0, None), ("(a)?(?(1)b|c)", 0, None), ("(a)?(?(1)b)", 0, None),
    ("(?P<q>\")?\\w+(?(q)\")", 0, None), ("(?>a+)b", 0, None), ("(?>a+)a", 0, None),
    ("(?>ab|a)c", 0, None), ("a++", 0, None), ("a++a", 0, None), ("a*+b", 0, None),
    ("a?+", 0, None), ("(ab)++", 0, None), ("(ab)*+ab", 0, None), ("(?:a|b)++c", 0, None),
    ("\\w++\\d", 0, None), ("a{2,3}+", 0, None), ("(a{2})*", 0, None), ("(a{2,3}?)+", 0, None),
    ("(?:a{1,2}){2}", 0, None), ("(a+)+b", 0, None), ("(a|aa)+$", 0, None),
    ("(x+x+)+y", 0, None), ("^(\\w+)@(\\w+)\\.com$", 0, None), ("(\\d+)-(\\d+)-(\\d+)", 0, None),
    ("<(\\w+)>.*?</\\1>", 0, None), ("<.*>", 0, None), ("<.*?>", 0, None), ("s+i", 0, None),
    ("(ss)i", 0, None), ("i(ss)+", 0, None), ("(iss)*", 0, None), ("ssi|ppi", 0, None),
    ("[\\s\\w]+", 0, None), ("[^\\s]+", 0, None), ("[\\W\\d]+", 0, None), ("[.]", 0, None),
    ("[\\n]", 0, None), ("[\u0100-\uffff]+", 0, None), ("[\U00010000-\U0010ffff]", 0, None),
    ("[^\x00-\x7f]+", 0, None), ("\U0001f600", 0, None), ("x\U0001f600", 0, None),
    ("[\u0394\u03b4x]+", 0, None), ("[a-z\u0394]+", I, None), ("\u0394", I, None),
    ("[\u0660-\u0669]+", 0, None), ("\\d", 0, None), ("[\\d]", A, None),
    ("[abcdefghijklmnopqrstuvwxyz\u0100\u0200\u0300\u0400\u0500\u0600]+", 0, None),
    ("[\u4e00-\u9fff\u3040-\u309f\u0100-\u017f\u2000-\u206f]", 0, None),
    ("[^\u4e00-\u9fff\u3040-\u309f\u0100-\u017f\u2000-\u206f]+", 0, None),
    ("[\u0100\u0102\u0104\u0106\u0108\u010a\u010c\u010e\u0110\u0112\u0114\u0116]", I, None),
    ("(?:)", 0, None), ("|a", 0, None), ("a|", 0, None), ("()", 0, None), ("(|a)+", 0, None),
    ("(a?)*?b", 0, None), ("(?:a?)+?c", 0, None), ("((a)|b)+", 0, None), ("((a)|(b))*", 0, None),
    ("(a)+", 0, None), ("(a)*?(b)", 0, None), ("(?:(a)|b)*", 0, None), ("(?:x(a)?)*", 0, None),
    ("(?:(?:a|b)(c)?)+", 0, None), ("\\w+(?=\\s)", 0, None), ("(?<=\\s)\\w+", 0, None),
    ("(?<=,)\\w", 0, None), ("\\s*,\\s*", 0, None), ("[ \\t]+", 0, None),
    ("(?m)^\\w+$", 0, None), ("(?s).+", 0, None), ("(?x) a  b # c", 0, None),
    ("the|cat|sat|mat", 0, None), ("t\\w+", 0, None), ("(?i)THE", 0, None), ("at\\b", 0, None),
    ("\\Bo", 0, None), ("o\\b", 0, None), ("\\d{4}-\\d{2}-\\d{2}", 0, None),
    ("(\\d{2})(?=-)", 0, None), ("[-]", 0, None), ("[a\\-z]", 0, None), ("\\.", 0, None),
    ("[^\\n]*", 0, None), ("x*", 0, None), ("x+?x", 0, None), ("x{3,5}?", 0, None),
    ("(?:ab){3,}", 0, None), ("(ab){2}c", 0, None), ("(?:ab)*?c", 0, None),
    ("(a|ab)(c|bcd)(d*)", 0, None), ("a[bc]*?c", 0, None), ("(?i)[^k]", 0, None),
    ("(?i)[\u212a]", 0, None), ("(?i)[i]", 0, None), ("(?i)\u0131", 0, None),
    ("(?a)\\w+", 0, None), ("(?u)\\w+", 0, None),
    (b"a", 0, None), (b"abc", 0, None), (b"\\w+", 0, None), (b"\\d+", 0, None), (b"\\s+", 0, None),
    (b"[a-z]+", I, None), (b"(a)(b)", 0, None), (b"\\bfoo\\b", 0, None), (b"caf\xe9", I, None),
    (b"[\x80-\xff]+", 0, None), (b".+", S, None), (b"(?i)abc", 0, None), (b"a*b", 0, None),
    (b"\\w+", L, None), (b"(?L)[a-z]+", I, None), (b"a", L | I, None), (b"[a-c]", L | I, None),
    (b"\\bx", L, None), (b"(\\w)\\1", I, None),
]

out = []
for pattern, flags, subjects in cases:
    captured.clear()
    fake_compiler.compile(pattern, flags)
    cflags, code, groups = captured[0]
    creal = real_re.compile(pattern, flags)
    if subjects is None:
        subjects = W
    if isinstance(pattern, bytes):
        subjects = [s.encode("latin-1") for s in subjects if all(ord(c) < 256 for c in s)]
        subjects += [b"caf\xe9 CAF\xc9", b"\x80\xff\x00"]
    rows = []
    for s in subjects:
        res = {}
        for mode in ("match", "fullmatch", "search"):
            for pos, endpos in ((0, None), (1, None), (0, len(s) - 1), (2, len(s) + 5)):
                if endpos is None:
                    m = getattr(creal, mode)(s, pos)
                else:
                    m = getattr(creal, mode)(s, pos, endpos)
                key = (mode, pos, endpos)
                res[key] = None if m is None else [m.lastindex if m.lastindex is not None else -1] + [x for r in m.regs for x in r]
        it = []
        for m in creal.finditer(s):
            it.append([m.lastindex if m.lastindex is not None else -1] + [x for r in m.regs for x in r])
        res["finditer"] = it
        rows.append((s, res))
    out.append((pattern, flags, cflags, code, groups, rows))

def enc(s):
    if isinstance(s, bytes):
        return "b" + " ".join("%x" % c for c in s)
    return "u" + " ".join("%x" % ord(c) for c in s)


# One line per pattern (P: pattern, flags given to _sre.compile, groups, code) and one per
# subject (S: subject, then the results in the order of `res`: "none", "lastindex regs...",
# or for finditer the matches separated by ";").
for pattern, flags, cflags, code, groups, rows in out:
    print("P\t%s\t%d\t%d\t%s" % (enc(pattern), cflags, groups, " ".join(str(int(c)) for c in code)))
    for s, res in rows:
        fields = []
        for key, val in res.items():
            if key == "finditer":
                fields.append(";".join(" ".join(map(str, v)) for v in val))
            else:
                fields.append("none" if val is None else " ".join(map(str, val)))
        print("S\t%s\t%s" % (enc(s), "\t".join(fields)))
