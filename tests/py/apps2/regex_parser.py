"""Text processing with re: a tokenizer, log scraping, templated substitution, verbose patterns."""
import re
from collections import Counter

TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?(?:[eE][+-]?\d+)?"),
    ("STRING", r'"(?:[^"\\]|\\.)*"'),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"==|!=|<=|>=|[-+*/=<>(),;{}]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+|#[^\n]*"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{n}>{p})" for n, p in TOKEN_SPEC))
KEYWORDS = {"if", "else", "while", "print", "let"}


def tokenize(code):
    line, start = 1, 0
    for m in MASTER.finditer(code):
        kind, value = m.lastgroup, m.group()
        col = m.start() - start
        if kind == "NUMBER":
            value = float(value) if any(c in value for c in ".eE") else int(value)
        elif kind == "ID" and value in KEYWORDS:
            kind = value.upper()
        elif kind == "NEWLINE":
            start = m.end()
            line += 1
            continue
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            yield ("ERROR", value, line, col)
            continue
        yield (kind, value, line, col)


code = '''let total = 3.5e2 + 12 # comment
if total >= 100 { print("big \\"number\\"", total); }
else { x = y != 2 $ }
'''
for tok in tokenize(code):
    print(tok)

LOG = """\
2024-05-01 12:00:01,123 INFO  [web-1] GET /index.html 200 512b 0.013s
2024-05-01 12:00:02,004 WARN  [web-2] GET /api/users?id=7 404 0b 0.002s
2024-05-01 12:00:02,990 ERROR [web-1] POST /api/login 500 73b 1.204s user=bob@example.com
2024-05-01 12:00:03,500 INFO  [web-3] GET /static/app.js 200 20480b 0.050s
2024-05-01 12:01:00,000 INFO  [web-2] PUT /api/users/7 204 0b 0.120s user=alice@example.org
garbage line
"""
LINE = re.compile(r"""
    ^(?P<date>\d{4}-\d\d-\d\d)\s(?P<time>[\d:]+),(?P<ms>\d{3})\s+
    (?P<level>[A-Z]+)\s+\[(?P<host>[\w-]+)\]\s+
    (?P<method>GET|POST|PUT|DELETE)\s(?P<path>\S+)\s(?P<status>\d{3})\s
    (?P<size>\d+)b\s(?P<secs>[\d.]+)s
    (?:\s+user=(?P<user>[^@\s]+)@(?P<domain>\S+))?$
""", re.VERBOSE | re.MULTILINE)
stats = Counter()
for m in LINE.finditer(LOG):
    d = m.groupdict()
    stats[d["level"]] += 1
    print(f"{d['time']} {d['method']:<4} {d['path']:<18} {d['status']} user={d['user'] or '-'} "
          f"span={m.span('path')} last={m.lastgroup}")
print(stats.most_common(), len(LINE.findall(LOG)))
print(re.findall(r"(\w+)@(\w+)\.(\w+)", LOG))
print(re.findall(r"\b\d{3}\b", LOG)[:6], re.findall(r"user=(\w+)", LOG))

print(re.sub(r"(\d+)b\b", lambda m: f"{int(m[1]) / 1024:.1f}KiB", LOG.splitlines()[3]))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", r"\g<d>/\g<m>/\g<y>", "on 2024-05-01 and 1999-12-31"))
print(re.subn(r"\s+", " ", "  too   many\t\tspaces \n here "), re.sub("a|", "-", "banana"))
print(re.split(r"[;,]\s*", "a, b;c ,d"), re.split(r"(\d)", "a1b2c"), re.split(r"\b", "hi you", maxsplit=2))
print(re.split(r"x*", "axbxxc"), re.sub(r"x*", "-", "abxd"), re.findall(r"\d*", "a12b"))
m = re.match(r"(?P<key>\w+)\s*=\s*(?P<val>.*?)\s*(?:#.*)?$", "timeout = 30s   # seconds")
print(m.group("key", "val"), m.groups(), m.start("val"), m.end(), m.re.pattern[:10], m.string[-7:], m[0])
print(re.fullmatch(r"[a-z]+", "abc1"), re.fullmatch(r"[a-z]+\d", "abc1").group())
print(re.search(r"(?i)HELLO", "say hello").span(), re.search(r"^b", "a\nb", re.M).start(),
      re.search(r"a.c", "a\nc", re.S).group(), re.search(r"(?<=\$)\d+", "cost $42").group(),
      re.search(r"\d+(?= dollars)", "100 dollars").group(), re.search(r"(?<!x)y", "xyay").start())
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"(?:ab)+", "ababxab"), re.findall(r"((a)|b)+", "abab"))
print(re.sub(r"(?m)^", "> ", "l1\nl2"), re.escape("1+1=2? [yes] a.b*c"), re.sub(r"\\", "/", r"a\b\c"))
print(re.findall(r"\w+", "naïve café straße ÉCOLE"), re.findall(r"\w+", "naïve café", re.ASCII))
print(re.sub(r"(?i)strasse", "X", "STRASSE Straße"), re.match(r"(?i)ß", "SS"), re.match(r"(?i)k", "\u212a"))
print(re.search(r"(\d+)-\1", "12-12 34-35").group(), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' \"x\"").group())
print(re.match(r"(a+)+b", "aaab").group(), re.match(r"a{2,3}?", "aaaa").group(), re.match(r"a{,2}", "aaa").group(),
      re.match(r"(?>a+)b", "aaab").group(), re.match(r"a++b", "aaab").group(), re.match(r"(?:a|ab)c", "abc").group())
print(re.sub(r"(?x) \d+ # digits", "N", "a1b22"), re.match(r"(?s:.)(?-i:A)", "\nA").group(),
      re.findall(r"[^\W\d_]+", "ab_12cd"), re.findall(r"[\s\S]", "a b")[:3])
for bad in [r"(unclosed", r"[z-a]", r"a**", r"(?P<1>x)", r"\k", r"(?<=a+)b", "x{2,1}"]:
    try:
        re.compile(bad)
    except re.error as exc:
        print(f"{bad!r}: {exc} (pos {exc.pos})")
pat = re.compile(r"(?P<word>\b\w{5,}\b)", re.I)
print(pat.groupindex, pat.groups, pat.flags & re.I != 0, pat.sub(lambda m: m["word"].upper(), "short and lengthy words"))
print(pat.search("tiny words", 3), pat.match("xxxxxx yyy", 0, 3), pat.search("abcdefg", pos=1, endpos=6))
scanner = re.Scanner([(r"\d+", lambda s, t: int(t)), (r"[a-z]+", lambda s, t: t), (r"\s+", None)])
print(scanner.scan("12 apples 7 pears !?"))
it = re.finditer(r"\d", "a1b2c3")
print([m.start() for m in it], [m.expand(r"<\g<0>>") for m in re.finditer(r"\d", "x9y8")])
print(re.compile(r"\d") == re.compile(r"\d"), repr(re.compile(r"a\d", re.I | re.M)), re.purge())
print(repr(re.match(r"(\w+) (\w+)", "hello world")), re.template if hasattr(re, "template") else "no template")
print(re.sub(r"(?P<n>\d)", r"\g<n>\g<0>", "a1"), re.sub("x", r"\n", "axb"), re.sub("x", lambda m: "\\n", "axb"))
try:
    re.sub("x", r"\9", "x")
except re.error as exc:
    print("sub:", exc)
words = re.findall(r"[a-z']+", open(__file__).read().lower())
print(len(words) > 100, Counter(words).most_common(3))
