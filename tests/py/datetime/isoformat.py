# _datetime: fromisoformat in 3.14's grammar (week dates, 24:00, commas, surrogate
# separators), isoformat timespecs, repr/str, and strftime with %z %:z %Z %f.
import datetime as D, pickle, copy, time, sys, os
from datetime import date, time as dtime, datetime, timedelta, timezone, tzinfo, UTC
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# fromisoformat
for s in ['2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W01-3', '2020W013', '2020-W53-1', '2021-W53-1',
          '2020-01-02T03', '2020-01-02T0304', '2020-01-02T03:04', '2020-01-02T03:04:05', '2020-01-02T030405',
          '2020-01-02T03:04:05.1', '2020-01-02T03:04:05,123', '2020-01-02T03:04:05.1234567',
          '2020-01-02 03:04:05Z', '2020-01-02T03:04:05+01', '2020-01-02T03:04:05-0130', '2020-01-02T03:04:05+01:30:15',
          '2020-01-02T03:04:05+01:30:15.5', '2020-01-02T03:04:05+00:00', '2020-01-02X03:04', '2020-01-02\ud80003:04',
          '2020-01-02T03:04:05+', '2020-01-02T03:04:05Zx', '2020-01-02T25:00', '2020-13-01', '2020-01-02T03:04:05.',
          '2020-01-02T03:04:05 ', '2020-01-02T', '202001', '2020-0102', '2020-01-02T03:4', 'abcdefghij', '2020-01-02T24:00:00',
          '2020-02-29T24:00', '9999-12-31T24:00', '2020-01-02T03:04:05+24:00', '2020-01-02é03:04', '2020-W54', '2020-W01-8']:
    t(lambda: datetime.fromisoformat(s))
for s in ['2020-01-02', '20200102', '2020-W01-3', '2020-01-02T03', '2020-1-02', 'x'*10, '2020-02-30']:
    t(lambda: date.fromisoformat(s))
for s in ['03', '0304', '03:04', 'T03:04:05.5', '03:04:05+05:00', '03:04:05Z', '03:04:05-00:30', '03:04:05.123456789',
          '3:04', '03:04:05:06', '03:04:5', '24:00', '24:00:00.000001', '03:04:05+0530', '', 'T']:
    t(lambda: dtime.fromisoformat(s))

# isoformat / str / repr
d = datetime(2024, 1, 2, 3, 4, 5, 6789, tzinfo=timezone(timedelta(hours=5, minutes=30, seconds=7, microseconds=8)))
for ts in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(d.isoformat(timespec=ts), d.isoformat('_', ts), d.timetz().isoformat(ts))
print(str(d), repr(d), str(d.timetz()), repr(d.timetz()), d.ctime(), date(2024,1,2).ctime())
print(repr(datetime(2024,1,2,3,4,fold=1)), repr(dtime(3,4,fold=1,tzinfo=UTC)), repr(datetime(2024,1,2,3,4,5,fold=1,tzinfo=UTC)))

# strftime
for f in ['%Y-%m-%d %H:%M:%S.%f %z %:z %Z %%', '%a %A %b %B %j %U %W %w %y %p %I', '%%z', '%f%f%z%z', '%Z%Z', '']:
    print(repr(d.strftime(f)), repr(datetime(2024,1,2,3,4,5).strftime(f)), repr(dtime(13,4,5,6).strftime(f)), repr(date(2024,1,2).strftime(f)))
class PctTZ(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=1)
    def tzname(self, dt): return 'A%Y'
    def dst(self, dt): return timedelta(0)
print(datetime(2024,1,2,tzinfo=PctTZ()).strftime('%Z|%z'))
print(format(d, '%Y'), format(d, ''), format(date(2000,1,1), '%d/%m'), format(dtime(1,2), '%H'), f'{d:%H:%M}')
