# datetime with fixed dates: arithmetic, formatting, parsing, time zones with fixed offsets.
from datetime import date, time, datetime, timedelta, timezone
d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.replace(year=2023))
print(date(2024, 12, 31) - date(2024, 1, 1), date.fromisoformat('2023-07-04').strftime('%A %d %B %Y (%j)'), date.fromordinal(738000))
print(date(2000, 1, 1) < date(2000, 1, 2), max(date(1999, 12, 31), date(2000, 1, 1)), d.ctime(), d.timetuple()[:6])
dt = datetime(2024, 3, 10, 14, 30, 5, 123456)
print(dt, repr(dt), dt.date(), dt.time(), dt.isoformat(), dt.isoformat(sep=' ', timespec='seconds'), dt.strftime('%Y-%m-%d %H:%M:%S.%f %p %I'))
print(dt + timedelta(hours=10, minutes=45), dt - timedelta(weeks=1), dt - datetime(2024, 1, 1), (dt - datetime(2024, 1, 1)).total_seconds())
print(datetime.strptime('2021-05-06 07:08:09', '%Y-%m-%d %H:%M:%S'), datetime.fromisoformat('2022-02-02T02:02:02+05:30'), datetime.combine(d, time(9, 15)))
td = timedelta(days=1, hours=25, minutes=-30, seconds=3661.5)
print(td, td.days, td.seconds, td.microseconds, td.total_seconds(), -td, abs(-td), td * 2, td / 3, td // timedelta(hours=1), td % timedelta(hours=1))
print(timedelta(0), timedelta(microseconds=1), timedelta(days=-1, seconds=1), repr(timedelta(days=2, seconds=5)), timedelta.max, timedelta.resolution)
utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), 'IST')
aware = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(aware, aware.astimezone(ist), aware.astimezone(timezone(timedelta(hours=-8))), aware.utcoffset(), aware.tzname(), ist.tzname(None))
print(aware.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1700000000, tz=utc).isoformat(), aware == aware.astimezone(ist))
try:
    aware - datetime(2024, 1, 1)
except TypeError as e:
    print(e)
try:
    date(2023, 2, 29)
except ValueError as e:
    print(e)
try:
    datetime.strptime('2021-13-01', '%Y-%m-%d')
except ValueError as e:
    print(e)
t = time(23, 59, 59, 999999)
print(t, t.isoformat(timespec='milliseconds'), time(7, 5).strftime('%H:%M'), t.replace(hour=0), time.fromisoformat('10:20:30'), time() < t)
print(f'{dt:%d/%m/%y}', format(d, '%b %d'), str(date.min), str(date.max), datetime.min.year, datetime(2024, 1, 1).timetuple().tm_yday)
print(sorted([datetime(2024, 1, 2), datetime(2023, 5, 5), datetime(2024, 1, 1, 23)]), date(2024, 3, 1) - timedelta(days=1))
import calendar
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.weekday(2024, 1, 1), calendar.leapdays(2000, 2025), calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.month(2024, 2))
