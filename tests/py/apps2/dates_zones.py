"""Scheduling across time zones with datetime and zoneinfo."""
import datetime as dt
from datetime import date, datetime, time, timedelta, timezone

import io
import struct
import zoneinfo


def tzif(rules, abbrevs=("XXX",), transitions=()):
    """A version 2 TZif file: a few transitions and the POSIX TZ footer for later times."""
    chars = b"".join(a.encode() + b"\0" for a in abbrevs)
    types = [(0, 0, 0)] if not transitions else sorted({(off, dst, idx) for _, off, dst, idx in transitions})
    def block(fmt):
        out = struct.pack(">6l", 0, 0, 0, len(transitions), len(types), len(chars))
        out += b"".join(struct.pack(">" + fmt, max(t[0], -2 ** 31) if fmt == "l" else t[0])
                        for t in transitions)
        out += bytes(types.index(t[1:]) for t in transitions)
        out += b"".join(struct.pack(">lBB", *t) for t in types)
        return out + chars
    head = b"TZif2" + bytes(15)
    return head + block("l") + head + block("q") + b"\n" + rules.encode() + b"\n"


PARIS = tzif("CET-1CEST,M3.5.0,M10.5.0/3")
NEWYORK = tzif("EST5EDT,M3.2.0,M11.1.0")
TOKYO = tzif("JST-9")
LORD_HOWE = tzif("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0")
try:
    zoneinfo.ZoneInfo("Mars/Olympus")
except zoneinfo.ZoneInfoNotFoundError as exc:
    print("not found:", type(exc).__name__, isinstance(exc, KeyError))
HAVE_TZ = True

d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d.isoweekday(), d.isocalendar(),
      d.strftime("%A %d %B %Y, week %W, day %j"), d.replace(year=2023).isoformat())
print(date.fromisocalendar(2024, 1, 1), date.fromordinal(738000), d.toordinal(),
      date(2024, 12, 31) - date(2024, 1, 1), d.ctime(), d.timetuple()[:8])
try:
    date(2023, 2, 29)
except ValueError as exc:
    print("ValueError:", exc)
try:
    d.replace(month=13)
except ValueError as exc:
    print("ValueError:", exc)

t = datetime(2024, 3, 10, 1, 30, 15, 250000)
print(t, repr(t), t.isoformat(timespec="milliseconds"), t.timestamp() if False else "-",
      t.strftime("%Y-%m-%dT%H:%M:%S.%f %p %I"), t.date(), t.time(), t.weekday())
print(datetime.fromisoformat("2024-03-10T01:30:15.25+05:30"),
      datetime.fromisoformat("2024-03-10 01:30"), datetime.fromisoformat("20240310T0130Z"),
      datetime.strptime("10/03/24 13:05", "%d/%m/%y %H:%M"),
      datetime.strptime("Mar 5 2021 3PM", "%b %d %Y %I%p"))
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as exc:
    print("strptime:", exc)
try:
    datetime.strptime("2024-01-01 extra", "%Y-%m-%d")
except ValueError as exc:
    print("strptime:", exc)
td = timedelta(days=-1, seconds=5, microseconds=-1)
print(td, repr(td), td.total_seconds(), abs(td), timedelta(hours=36) // timedelta(hours=5),
      timedelta(hours=36) % timedelta(hours=5), timedelta(minutes=90) / 60, -timedelta(0),
      timedelta(weeks=1, milliseconds=1), str(timedelta(microseconds=1)), timedelta.max)
try:
    timedelta(days=10 ** 9)
except OverflowError as exc:
    print("OverflowError:", exc)

utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
minus = timezone(-timedelta(hours=3, minutes=15))
meeting = datetime(2024, 6, 1, 9, 0, tzinfo=utc)
for tz in (ist, minus, timezone(timedelta(0))):
    local = meeting.astimezone(tz)
    print(local, local.tzname(), local.utcoffset(), local.strftime("%z %Z"))
print(meeting == meeting.astimezone(ist), meeting.astimezone(ist) - meeting,
      repr(ist), repr(minus), str(minus), utc, repr(utc))
naive = datetime(2024, 6, 1, 9, 0)
try:
    naive < meeting
except TypeError as exc:
    print("TypeError:", exc)
print(naive == meeting)
try:
    naive - meeting
except TypeError as exc:
    print("TypeError:", exc)
print(time(23, 59, 59, 999999).isoformat(), time(7, 5).strftime("%H:%M"), time.fromisoformat("04:23:01.000384"),
      time(12, tzinfo=ist), time(12, tzinfo=ist).utcoffset())

if HAVE_TZ:
    from zoneinfo import ZoneInfo
    paris = ZoneInfo.from_file(io.BytesIO(PARIS), key="Europe/Paris")
    ny = ZoneInfo.from_file(io.BytesIO(NEWYORK), key="America/New_York")
    # Across the spring-forward gap and the fall-back fold
    base = datetime(2024, 3, 31, 0, 30, tzinfo=paris)
    for h in range(4):
        x = (base.astimezone(utc) + timedelta(hours=h)).astimezone(paris)
        print(x, x.tzname(), x.dst())
    amb = datetime(2024, 11, 3, 1, 30, tzinfo=ny)
    print(amb.tzname(), amb.replace(fold=1).tzname(), amb.utcoffset(), amb.replace(fold=1).utcoffset())
    gap = datetime(2024, 3, 10, 2, 30, tzinfo=ny)
    print(gap, gap.tzname(), gap.astimezone(utc))
    flights = [("CDG->JFK", datetime(2024, 7, 1, 10, 15, tzinfo=paris), timedelta(hours=8, minutes=25), ny),
               ("JFK->NRT", datetime(2024, 7, 2, 12, 0, tzinfo=ny), timedelta(hours=14), ZoneInfo.from_file(io.BytesIO(TOKYO), key="Asia/Tokyo"))]
    for name, dep, dur, dest in flights:
        arr = (dep + dur).astimezone(dest)
        print(f"{name}: departs {dep:%Y-%m-%d %H:%M %Z}, arrives {arr:%Y-%m-%d %H:%M %Z} ({arr.utcoffset()})")
    print(repr(paris), str(ny), paris.utcoffset(None), paris.key)
    lh = ZoneInfo.from_file(io.BytesIO(LORD_HOWE), key="Australia/Lord_Howe")
    for month in (1, 4, 7, 10):
        x = datetime(2024, month, 7, 1, 45, tzinfo=lh)
        print(x, x.tzname(), x.utcoffset(), x.dst(), x.astimezone(utc))
    import pickle
    try:
        pickle.dumps(paris)
    except pickle.PicklingError as exc:
        print("PicklingError:", exc)
    with_trans = tzif("CET-1CEST,M3.5.0,M10.5.0/3", ("LMT", "PMT", "WET", "CET", "CEST"),
                      [(-2486592000, 561, 0, 4), (-1855958901, 0, 0, 8), (-1691884800, 3600, 1, 16),
                       (-1680573600, 0, 0, 8), (-1028070000, 3600, 0, 12)])
    old = ZoneInfo.from_file(io.BytesIO(with_trans), key="Old/Paris")
    for year in (1800, 1900, 1916, 1939, 1960, 2030):
        x = datetime(year, 7, 1, 12, tzinfo=old)
        print(year, x.tzname(), x.utcoffset(), x.dst())
    for bad in [b"", b"TZif", b"NOPE" + bytes(40)]:
        try:
            ZoneInfo.from_file(io.BytesIO(bad))
        except ValueError as exc:
            print("ValueError:", exc)

# A recurring event: every second Tuesday of the month
def second_tuesdays(year):
    out = []
    for m in range(1, 13):
        first = date(year, m, 1)
        offset = (1 - first.weekday()) % 7
        out.append(first + timedelta(days=offset + 7))
    return out


print([x.strftime("%m-%d") for x in second_tuesdays(2025)])
import calendar
print(calendar.monthrange(2024, 2), calendar.isleap(2100), calendar.leapdays(1900, 2024),
      calendar.weekday(2024, 1, 1), calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2024, 2))
print(datetime.min, datetime.max, date.resolution, datetime(2024, 1, 1) + timedelta(microseconds=-1),
      datetime(2000, 1, 1).replace(tzinfo=utc).timestamp(), datetime.fromtimestamp(86400 * 365, utc),
      datetime.combine(date(2024, 5, 5), time(6, 30), tzinfo=ist))
print(sorted([datetime(2024, 1, 1, 12, tzinfo=ist), datetime(2024, 1, 1, 7, tzinfo=utc),
              datetime(2024, 1, 1, 3, tzinfo=minus)]))
print(hash(datetime(2024, 1, 1, 12, tzinfo=ist)) == hash(datetime(2024, 1, 1, 6, 30, tzinfo=utc)))
print(format(t, "%d.%m.%Y"), f"{t:%H:%M}", f"{d}", f"{td}", t.__format__(""), dt.MINYEAR, dt.MAXYEAR, dt.UTC is utc)
