# Regular expressions: compiled patterns matched, searched and iterated over log lines,
# groups and named groups, sub with a string and with a function, split.
import re

LINE = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) \[(?P<level>\w+)\] (?P<msg>.*)$")
WORD = re.compile(r"\b[a-z]+\b")
NUM = re.compile(r"\d+")
KV = re.compile(r"(\w+)=(\w+)")


def make(n):
    levels = ["INFO", "WARN", "ERROR", "DEBUG"]
    return ["2024-01-%02d 12:%02d:%02d [%s] user=u%d action=login took %d ms" %
            (i % 28 + 1, i % 60, i % 59, levels[i % 4], i % 97, i % 1000) for i in range(n)]


def run(n):
    lines = make(n)
    levels = {}
    words = 0
    kv = 0
    for line in lines:
        m = LINE.match(line)
        if m:
            lv = m.group("level")
            levels[lv] = levels.get(lv, 0) + 1
            words += len(WORD.findall(m.group("msg")))
            kv += len(dict(KV.findall(line)))
    masked = [NUM.sub("#", line) for line in lines[:n // 2]]
    doubled = [NUM.sub(lambda m: str(int(m.group()) * 2), line) for line in lines[:n // 4]]
    parts = sum(len(re.split(r"[ :\[\]]+", line)) for line in lines[:n // 2])
    found = sum(1 for line in lines if re.search("ERROR|WARN", line))
    spans = sum(m.end() - m.start() for line in lines[:n // 4] for m in NUM.finditer(line))
    return sorted(levels.items()), words, kv, masked[7], doubled[3], parts, found, spans


for _ in range(3):
    result = run(20000)
print(result)
