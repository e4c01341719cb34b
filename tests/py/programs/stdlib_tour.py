import hashlib, hmac, zlib, base64, binascii, datetime, decimal, fractions, statistics, calendar, difflib, textwrap, string, pprint, reprlib, shlex, configparser, tomllib, ipaddress, uuid, html, html.parser, xml.etree.ElementTree as ET, xml.dom.minidom, email.message, email.parser, email.utils, urllib.parse, graphlib, heapq, bisect, sqlite3, gzip, io, zipfile, tarfile, unicodedata, locale, time, colorsys, fnmatch, struct, codecs, quopri, plistlib, netrc
print(hashlib.md5(b"abc").hexdigest(), hashlib.sha1(b"abc").hexdigest(), hashlib.sha256(b"abc").hexdigest()[:16], hashlib.sha512(b"").hexdigest()[:16], hashlib.sha3_256(b"x").hexdigest()[:16], hashlib.blake2b(b"x", digest_size=8).hexdigest())
h = hashlib.new("sha256"); h.update(b"a"); h2 = h.copy(); h2.update(b"b"); print(h.name, h.digest_size, h.block_size, h2.hexdigest()[:12])
print(hmac.new(b"key", b"msg", "sha256").hexdigest()[:20], hmac.compare_digest(b"a", b"a"))
print(sorted(hashlib.algorithms_guaranteed))
c = zlib.compress(b"hello " * 100, 9); print(len(c), zlib.decompress(c)[:12], zlib.crc32(b"abc"), zlib.adler32(b"abc"))
d = zlib.decompressobj(); print(d.decompress(c[:10]) + d.decompress(c[10:]) == b"hello " * 100, d.eof)
print(base64.b64encode(b"\x00\xffhi"), base64.b32encode(b"abc"), base64.b85encode(b"abc"), base64.urlsafe_b64decode("_-8="), binascii.hexlify(b"ab", "-"), binascii.crc_hqx(b"abc", 0))
dt = datetime.datetime(2024, 3, 10, 14, 5, 9, 123456)
print(dt, dt.isoformat(timespec="milliseconds"), dt.strftime("%A %d %B %Y %I:%M%p %j %U %W %a %b %y"), dt.timestamp() if False else "", dt.weekday(), dt.isocalendar())
tz = datetime.timezone(datetime.timedelta(hours=-5, minutes=-30), "X")
a = dt.replace(tzinfo=tz); print(a, a.utcoffset(), a.tzname(), a.astimezone(datetime.timezone.utc), repr(a))
print(datetime.timedelta(days=-1, seconds=5), repr(datetime.timedelta(hours=25, microseconds=3)), datetime.timedelta(weeks=3) / datetime.timedelta(days=2), datetime.timedelta(seconds=7) // 2)
print(datetime.date.fromisoformat("2024-02-29") + datetime.timedelta(days=366), datetime.datetime.strptime("2021-07-04 10:11", "%Y-%m-%d %H:%M"), datetime.date(2020, 1, 1).toordinal(), datetime.datetime.fromisoformat("2024-01-01T10:00:00+02:00"))
try:
    datetime.date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.datetime.strptime("2021-13-01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
D = decimal.Decimal
decimal.getcontext().prec = 30
print(D(1) / D(7), D("1.10") + D("2.205"), D("10").sqrt(), D(2).ln(), D("1e-3").quantize(D("1.00")), D("123.456").quantize(D("0.1"), rounding=decimal.ROUND_DOWN), D(0.1), D("-0"), D("NaN"), D("1.5e+10").to_eng_string())
with decimal.localcontext(prec=5) as ctx:
    print(D(1) / D(3), ctx.prec, D("12345678").normalize(), +D("1.234567"))
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero:", type(e).__mro__[:3], e)
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation:", e)
print(f"{D('1234.5678'):,.2f}", f"{D('0.000012'):e}", format(D("5"), ">8"), D("3.14159").as_tuple(), D("2.5").as_integer_ratio(), round(D("2.675"), 2), int(D("-3.9")), D(3) ** 100 > 10**47)
F = fractions.Fraction
print(F(3, 4) + F(1, 6), F("1.25"), F(0.1), F(0.1).limit_denominator(100), F(7, 3) // 1, F(-7, 3) % 2, F(1, 3) ** 2, F(2, 3) ** -2, f"{F(22, 7):.5f}", repr(F(4, 2)), F(1, 3) < 0.34, float(F(1, 3)), round(F(7, 2)), F(5, 3).as_integer_ratio())
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.stdev(data), statistics.pstdev(data), statistics.variance(data), statistics.quantiles(data, n=4), statistics.median_low([1, 3, 5, 7]), statistics.harmonic_mean([40, 60]), statistics.geometric_mean([1, 4, 16]), statistics.fmean([1, 2, 3.5]), statistics.multimode("aabbc"))
nd = statistics.NormalDist(100, 15); print(nd, round(nd.cdf(130), 6), round(nd.inv_cdf(0.975), 4), nd + nd, statistics.correlation([1, 2, 3], [2, 4, 7]), statistics.linear_regression([1, 2, 3], [2, 4, 7]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
print(calendar.month(2024, 2), calendar.isleap(2100), calendar.monthrange(2024, 2), calendar.weekday(2024, 1, 1), list(calendar.day_abbr), calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12, w=3))
print(calendar.HTMLCalendar().formatmonth(2024, 1)[:200])
a = "the quick brown fox\njumps over\nthe lazy dog\n".splitlines(keepends=True)
b = "the quick red fox\njumps over\nthe lazy cat\nand more\n".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, "a.txt", "b.txt")), "".join(difflib.ndiff(a, b)), difflib.SequenceMatcher(None, "abcd", "bcde").ratio(), difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.HtmlDiff().make_table(a[:1], b[:1])[:120])
