import re
import statistics
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
from datetime import datetime, timedelta, timezone, date, time

LOG = """\
2024-03-01T12:00:01+00:00 INFO  web-1 GET /index.html 200 123ms user=alice
2024-03-01T12:00:05+00:00 INFO  web-2 GET /about 200 98ms user=bob
2024-03-01T12:01:10+00:00 WARN  web-1 GET /missing 404 12ms user=alice
2024-03-01T12:03:42+00:00 ERROR web-3 POST /api/order 500 1532ms user=carol
2024-03-01T12:05:00+00:00 INFO  web-2 POST /api/order 201 301ms user=dave
2024-03-01T13:15:00+01:00 INFO  web-1 GET /index.html 200 87ms user=erin
2024-03-01T12:20:33+00:00 DEBUG web-3 GET /health 200 2ms user=-
2024-03-01T12:21:00+00:00 ERROR web-1 GET /api/cart 503 2210ms user=bob
2024-03-02T00:00:00+00:00 INFO  web-2 GET /index.html 304 5ms user=alice
garbage line here
2024-03-02T01:30:15-05:00 WARN  web-3 DELETE /api/order/7 403 44ms user=mallory
2024-03-02T08:45:00+00:00 INFO  web-1 GET /about 200 110ms user=carol
"""

LINE = re.compile(
    r"(?P<ts>\S+)\s+(?P<level>[A-Z]+)\s+(?P<host>[\w-]+)\s+"
    r"(?P<method>GET|POST|PUT|DELETE)\s+(?P<path>/\S*)\s+(?P<status>\d{3})\s+"
    r"(?P<ms>\d+)ms\s+user=(?P<user>[\w-]+)$")

Entry = namedtuple("Entry", "ts level host method path status ms user")


def parse(text):
    bad = []
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = LINE.match(line)
        if not m:
            bad.append((n, line))
            continue
        d = m.groupdict()
        ts = datetime.fromisoformat(d["ts"])
        out.append(Entry(ts, d["level"], d["host"], d["method"], d["path"],
                         int(d["status"]), int(d["ms"]), None if d["user"] == "-" else d["user"]))
    return out, bad


entries, bad = parse(LOG)
print("parsed", len(entries), "bad", bad)
levels = Counter(e.level for e in entries)
print(levels.most_common())
print(sorted(levels.elements())[:4], levels.total())
statuses = Counter(e.status // 100 * 100 for e in entries)
print(dict(sorted(statuses.items())))
c2 = Counter(user=3, x=1)
c2.update({"x": 4})
c2.subtract(["user"])
print(c2, c2 + Counter(x=1), c2 - Counter(x=10), c2 | Counter(y=2), +Counter(a=-1, b=2))

by_host = defaultdict(list)
for e in entries:
    by_host[e.host].append(e.ms)
for host, times in sorted(by_host.items()):
    print(f"{host:6} n={len(times)} mean={statistics.mean(times):8.2f} "
          f"median={statistics.median(times):7.1f} max={max(times)}")
ms = [e.ms for e in entries]
print("stdev", round(statistics.stdev(ms), 4), "pstdev", round(statistics.pstdev(ms), 4))
print("quantiles", statistics.quantiles(ms, n=4))
print("median_low/high", statistics.median_low(ms), statistics.median_high(ms))
print("mode", statistics.mode([e.user for e in entries]), statistics.multimode([e.host for e in entries]))
print("fmean", statistics.fmean(ms), "geo", round(statistics.geometric_mean(ms), 6))
print("harmonic", round(statistics.harmonic_mean([1, 2, 4]), 10))
print("variance", statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print("corr", round(statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]), 10))
print("linreg", statistics.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 12]))
nd = statistics.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(nd, round(nd.cdf(3.0), 10), round(nd.inv_cdf(0.9), 10))
print(statistics.NormalDist(100, 15).overlap(statistics.NormalDist(110, 20)))

utc = [e.ts.astimezone(timezone.utc) for e in entries]
first, last = min(utc), max(utc)
print("span", last - first, (last - first).total_seconds())
print(first.isoformat(), last.strftime("%A %d %B %Y %H:%M:%S %Z %z"))
print(first.strftime("%j %U %w %y %I%p %a %b"), first.isocalendar(), first.timetuple()[:6])
buckets = Counter(ts.replace(minute=0, second=0) for ts in utc)
for b, n in sorted(buckets.items()):
    print(" ", b.strftime("%Y-%m-%d %H:00"), "#" * n)
d0 = date(2024, 2, 28)
print(d0 + timedelta(days=2), d0.replace(day=29).weekday(), date.fromisoformat("2024-W10-1"))
print(datetime.strptime("01/03/24 14:05", "%d/%m/%y %H:%M"), time(12, 30).isoformat("minutes"))
print(repr(timedelta(hours=-1, minutes=5)), str(timedelta(days=3, seconds=7261, microseconds=5)))
tz = timezone(timedelta(hours=5, minutes=30), "IST")
print(first.astimezone(tz), tz, repr(tz), first.astimezone(tz).tzname())
print(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp(), datetime.fromtimestamp(0, timezone.utc))
print(timedelta(days=1) / timedelta(hours=5), timedelta(days=1) // 7, divmod(timedelta(hours=25), timedelta(days=1)))

paths = OrderedDict()
for e in entries:
    paths.setdefault(e.path, []).append(e.status)
paths.move_to_end("/index.html")
print(list(paths.items()))
errors = [e for e in entries if e.status >= 500]
print([(e.host, e.path, e.ts.time()) for e in errors])
window = deque(maxlen=3)
for e in entries:
    window.append(e.ms)
    if len(window) == 3 and sum(window) > 1500:
        print("slow window ending", e.ts.strftime("%H:%M:%S"), list(window))
users = re.findall(r"user=(\w+)", LOG)
print(sorted(set(users)), re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3.\2.\1", LOG.splitlines()[0]))
print(re.split(r"\s+", "a  b\tc\n d", maxsplit=2), re.fullmatch(r"[a-z]+", "abc").span())
for m in re.finditer(r"(?P<code>[45]\d\d) (?P<ms>\d+)ms", LOG):
    print(m.group("code"), m["ms"], m.start(), m.expand(r"\g<code>:\2"))
pat = re.compile(r"(?i)GET\s+(/\w*)")
print(pat.pattern, pat.flags & re.I, pat.groups, pat.findall(LOG)[:3], pat.subn("X", LOG)[1])
print(re.escape("a.b*c?"), re.match(r"(a)(b)?", "ac").groups(default="-"))
