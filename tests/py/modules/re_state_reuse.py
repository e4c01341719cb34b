# The regex engine's per-call state: buffers reused from one call to the next (nested calls
# from sub() callbacks, interleaved scanners and finditer iterators, a deep backtracking
# match before small ones), and \w, \d, \s on ASCII and non-ASCII characters.
import re

word = re.compile(r"\w+")
num = re.compile(r"\d+")
pair = re.compile(r"(\w+)=(\w+)")


def inner(m):
    # A match inside a sub() callback, while the outer call's state is alive.
    parts = pair.findall(m.group())
    return "<" + ",".join(k + ":" + v for k, v in parts) + "|" + str(len(word.findall(m.group()))) + ">"


text = "a=1 b=22 [c=333 d=4444] e=5 [f=6]"
print(re.sub(r"\[[^\]]*\]", inner, text))
print(re.sub(r"\d+", lambda m: str(int(num.sub("9", m.group())) + 1), "x1 y22 z333"))

s1 = word.scanner("alpha beta gamma delta")
s2 = num.scanner("10 200 3000 40000")
out = []
for _ in range(5):
    a = s1.search()
    b = s2.match()
    out.append((a and a.group(), b and b.group()))
    s2.search()
print(out)

it1 = word.finditer("one two three")
it2 = num.finditer("1 22 333 4444")
print([(x.group(), y.group()) for x, y in zip(it1, it2)])

deep = re.compile(r"(ab|a)*c")
print(bool(deep.match("ab" * 2000 + "c")), bool(deep.match("ab" * 2000 + "d")))
print(re.match(r"(?:(\w)(\d))*x", "a1b2c3" * 100 + "x").group(1, 2))
print(word.findall("short one"), num.findall("7 8 9"))

samples = ["abc_123", "caf\xe9 na\xefve", "\u0661\u0662\u0663 \u0968", "tab\there\x1cx",
           "\u00b2\u00b3 \u2155", "MiXeD_42\u00df", "\u3000wide\u2003space", "a\u0300b"]
for s in samples:
    print(ascii(s), re.findall(r"\w+", s), re.findall(r"\d+", s), re.findall(r"\s", s),
          re.findall(r"\W+", s), re.findall(r"\D+", s), re.findall(r"(?a)\w+", s),
          re.findall(r"\b\w", s), re.findall(r"[\w:]+", s), re.findall(r"[^\d\s]+", s))
print(re.findall(rb"\w+", b"caf\xe9 abc_1 \xb2"), re.findall(rb"\d", b"a1\xb2"))

for n in range(3):
    m = re.match(r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) \[(?P<level>\w+)\] (?P<msg>.*)$",
                 "2024-01-0%d 12:00:0%d [INFO] user=u%d took %d ms" % (n + 1, n, n, n * 10))
    print(m.groupdict(), m.span("msg"), m.lastgroup, m.lastindex)
