import re
log = """2024-01-15 10:23:45 ERROR [db] Connection failed: timeout after 30s
2024-01-15 10:24:01 INFO [web] GET /index.html 200 0.012s
2024-01-15 10:24:02 WARNING [web] GET /missing 404 0.003s
2024-01-16 08:00:00 INFO [cron] job=backup status=ok duration=12.5s
2024-01-16 08:05:13 ERROR [web] POST /api/users 500 1.204s"""
pat = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) (?P<level>\w+) \[(?P<src>\w+)\] (?P<msg>.*)$", re.M)
for m in pat.finditer(log):
    print(m.group("level"), m["src"], m.span("msg"), m.groupdict()["date"])
print(pat.findall(log)[0])
print(re.findall(r"(\w+)=(\S+)", log))
print(re.sub(r"(\d+\.\d+)s", lambda m: f"{float(m[1]) * 1000:.0f}ms", log.splitlines()[1]))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", r"\g<d>/\g<m>/\g<y>", log)[:40])
print(re.split(r"\s*[,;]\s*", "a , b;c ;  d"), re.split(r"(\d)", "a1b2c"), re.split(r"x*", "axbc"))
print(re.subn(r"o", "0", "foo boo"), re.escape("a.b*c?"), re.fullmatch(r"\d+", "123"), re.match(r"\d+", "x1"))
m = re.search(r"(\w+)@(\w+)\.com", "contact: alice@example.com!")
print(m, m.group(0, 1, 2), m.start(2), m.end(), m.lastindex, m.re.pattern, m.string[m.start():m.end()])
print(re.findall(r"\b[A-Z][a-z]+\b", "Hello World from Python And re"))
print(re.findall(r"(?i)hello", "Hello HELLO hello"), re.findall(r"a.c", "a\nc abc", re.S))
print(re.sub(r"(?x) \s+  # whitespace\n", " ", "a   b \t c"))
print(re.findall(r"(?<=\$)\d+(?:\.\d\d)?", "cost $12.50 or $7"), re.findall(r"\d+(?!px)", "12px 34em"))
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"))
print(re.compile(r"\d+", re.I | re.M), re.compile("x").flags, re.I | re.S)
words = "the cat sat on the mat the end".split()
print(re.sub(r"\b(\w+)( \1\b)+", r"\1", "the the cat sat sat sat down"))
print([m.group() for m in re.finditer(r"\w+", "one, two; three")])
tokens = re.Scanner([(r"\d+", lambda s, t: ("NUM", int(t))), (r"[a-z]+", lambda s, t: ("ID", t)), (r"\s+", None), (r".", lambda s, t: ("OP", t))])
print(tokens.scan("x = 42 + y1"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e, e.pos)
try:
    re.compile(r"a{2,1}")
except re.error as e:
    print("re.error:", e)
print(re.sub(r"(\w)(\w*)", lambda m: m[1].upper() + m[2], "hello big world"))
print(re.findall(r"[\u00e0-\u00ff]+", "café naïve"), re.findall(r"\w+", "日本語 text"), re.findall(rb"\w+", b"abc def"))
csvline = 'a,"b,c",d,"e ""q"""'
print(re.findall(r'"((?:[^"]|"")*)"|([^,]+)', csvline))
print(re.sub(r"\s+", " ", "  many   spaces\n\there ").strip())
print(re.purge(), re.template if False else None)
email = re.compile(r"""
    ^(?P<user>[\w.+-]+)
    @(?P<domain>[\w-]+(?:\.[\w-]+)+)$
""", re.VERBOSE)
for e in ["a.b+c@x.org", "bad@", "u@d.co.uk"]:
    m = email.match(e)
    print(e, bool(m), m and m.groupdict())
