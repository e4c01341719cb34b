# _datetime: timedelta arithmetic and rounding, aware comparisons and hashes, PEP 495 fold,
# timezone objects.
import datetime as D, pickle, copy, time, sys, os
from datetime import date, time as dtime, datetime, timedelta, timezone, tzinfo, UTC
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# arithmetic and comparison
a = datetime(2024, 3, 10, 1, 30, tzinfo=timezone(timedelta(hours=-5)))
b = datetime(2024, 3, 10, 7, 30, tzinfo=UTC)
print(a - b, b - a, a == b, a < b, hash(a) == hash(b), a + timedelta(days=1, hours=25), timedelta(1) + a)
print(datetime(2024,1,1) - timedelta(microseconds=1), date(2024,3,1) - date(2023,3,1), date(2024,1,1) - timedelta(days=366))
print(dtime(1, tzinfo=timezone(timedelta(hours=1))) == dtime(0, tzinfo=UTC), dtime(1) == dtime(1, tzinfo=UTC), dtime(1) != dtime(1, tzinfo=UTC))
print(hash(dtime(1, tzinfo=timezone(timedelta(hours=1)))) == hash(dtime(0, tzinfo=UTC)))
print(datetime(2000,1,1) == date(2000,1,1), date(2000,1,1) == datetime(2000,1,1), date(2000,1,1) < date(2000,1,2))
t(lambda: datetime(2000,1,1) < date(2000,1,1))
t(lambda: datetime(2000,1,1) - date(2000,1,1))
t(lambda: date(2000,1,1) + 1)
t(lambda: dtime(1) + timedelta(1))
t(lambda: timedelta(1) - datetime(2000,1,1))
td = timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=5, microseconds=6)
print(td, repr(td), td * 2, 2 * td, td * 0.5, 0.5 * td, td / 3, td // 3, td / td, td // timedelta(hours=1), td % timedelta(hours=1))
print(divmod(td, timedelta(hours=7)), -td, +td, abs(-td), td.total_seconds(), bool(timedelta()), bool(td))
print(timedelta(days=1.5, seconds=0.5, microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(microseconds=-0.5))
print(timedelta(weeks=1, days=-1, hours=-1), timedelta(milliseconds=-1), timedelta(seconds=86400*3+1), repr(timedelta(seconds=-1)))
print(timedelta(0) is timedelta(), timedelta(hours=1) / 7, timedelta(hours=1) * 1.1, timedelta(1) / 1e-9 if False else 0)
print(td.days, td.seconds, td.microseconds, timedelta.resolution, timedelta.max, timedelta.min)
t(lambda: timedelta.max + timedelta(microseconds=1))
t(lambda: timedelta.min - timedelta(microseconds=1))
t(lambda: timedelta.max * 2)
t(lambda: -timedelta.max - timedelta(days=1))
t(lambda: timedelta(1) // 1.5)
t(lambda: 1 / timedelta(1))
t(lambda: timedelta(1) % 2)
print(hash(timedelta(1, 2, 3)) == hash((1, 2, 3)), hash(timedelta(0)) == hash((0,0,0)))
print(sorted([datetime(2020,1,1,tzinfo=UTC), datetime(2019,12,31,23,tzinfo=timezone(timedelta(hours=-2)))]))

# fold and PEP 495
class Fold(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=-4) if dt.fold == 0 else timedelta(hours=-5)
    def dst(self, dt): return timedelta(hours=1) if dt.fold == 0 else timedelta(0)
    def tzname(self, dt): return 'EDT' if dt.fold == 0 else 'EST'
F = Fold()
x0 = datetime(2024, 11, 3, 1, 30, tzinfo=F)
x1 = x0.replace(fold=1)
print(x0 == x1, x0 != x1, hash(x0) == hash(x1), x0.utcoffset(), x1.utcoffset(), x1 - x0, x0.astimezone(UTC), x1.astimezone(UTC))
print(x0 == x0.astimezone(UTC), x1 == x1.astimezone(UTC), x1.tzname(), x1.dst(), x0.timetuple(), x1.utctimetuple())

# timezone
for tz in [timezone.utc, timezone(timedelta(0)), timezone(timedelta(0), 'Z'), timezone(timedelta(hours=-1, seconds=1)),
           timezone(timedelta(hours=5, microseconds=1)), timezone(-timedelta(minutes=1)), timezone.min, timezone.max]:
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None), hash(tz) == hash(tz.utcoffset(None)), tz is timezone.utc)
print(timezone(timedelta(0)) is UTC, timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'a'), timezone.utc == 1, UTC.fromutc(datetime(2000,1,1,tzinfo=UTC)))
t(lambda: timezone(timedelta(hours=24)))
t(lambda: timezone(timedelta(hours=-24)))
t(lambda: timezone(offset=timedelta(hours=1), name=None))
t(lambda: UTC.tzname(date(2000,1,1)))
t(lambda: timezone(timedelta(1), 'x', 3))
