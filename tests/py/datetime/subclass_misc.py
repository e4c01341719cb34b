# _datetime: subclass constructors, tzinfo subclasses and their errors, timestamps with
# CPython's rounding (TZ=UTC), replace, IsoCalendarDate, strptime, type attributes.
import datetime as D, pickle, copy, time, sys, os
from datetime import date, time as dtime, datetime, timedelta, timezone, tzinfo, UTC
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# subclasses
class MyDate(date):
    def __new__(cls, y, m, d, extra='e'):
        self = super().__new__(cls, y, m, d)
        self.extra = extra
        return self
class MyDT(datetime):
    pass
class MyTime(dtime):
    pass
class MyTD(timedelta):
    pass
md = MyDate(2020, 1, 1, 'x')
print(repr(md), md.extra, type(md + timedelta(1)).__name__, type(MyDate.today()).__name__, type(MyDate.fromordinal(5)).__name__,
      type(MyDate.fromisoformat('2020-01-05')).__name__, type(md.replace(day=3)).__name__, MyDate.fromisocalendar(2020, 1, 1))
m = MyDT(2020, 1, 1, 12, tzinfo=UTC)
print(repr(m), type(m + timedelta(1)).__name__, type(m - timedelta(1)).__name__, type(m - m).__name__, type(MyDT.fromtimestamp(0)).__name__,
      type(MyDT.fromtimestamp(0, UTC)).__name__, type(MyDT.now()).__name__, type(MyDT.combine(date(2000,1,1), dtime(1))).__name__,
      type(MyDT.fromisoformat('2020-01-01T00:00')).__name__, type(m.replace(fold=1)).__name__, type(m.astimezone(timezone(timedelta(hours=3)))).__name__,
      type(MyDT.strptime('2020', '%Y')).__name__, type(m.date()).__name__, type(m.time()).__name__)
print(repr(MyTime(1, 2)), type(MyTime(1).replace(hour=2)).__name__, type(MyTime.fromisoformat('01:02')).__name__, repr(MyTD(1)), type(MyTD(1) + MyTD(2)).__name__, type(-MyTD(1)).__name__)
print(type(pickle.loads(pickle.dumps(m))).__name__)
class TZ2(tzinfo):
    def __init__(self, h=0): self.h = h
    def utcoffset(self, dt): return timedelta(hours=self.h)
    def tzname(self, dt): return f'TZ{self.h}'
    def dst(self, dt): return timedelta(0)
    def __repr__(self): return f'TZ2({self.h})'
z = TZ2(3)
print(pickle.loads(pickle.dumps(z)).h, z.__reduce__()[0].__name__, datetime(2020,1,1,tzinfo=z).astimezone(UTC), datetime(2020,1,1,tzinfo=UTC).astimezone(z))
print(z.fromutc(datetime(2020,1,1,tzinfo=z)), repr(datetime(2020,1,1,tzinfo=z)), datetime(2020,1,1,tzinfo=z).isoformat())
class BadTZ(tzinfo):
    def utcoffset(self, dt): return 5
    def tzname(self, dt): return 3
    def dst(self, dt): return timedelta(days=2)
t(lambda: datetime(2020,1,1,tzinfo=BadTZ()).utcoffset())
t(lambda: datetime(2020,1,1,tzinfo=BadTZ()).tzname())
t(lambda: datetime(2020,1,1,tzinfo=BadTZ()).dst())
t(lambda: datetime(2020,1,1,tzinfo=BadTZ()).isoformat())
t(lambda: datetime(2020,1,1,tzinfo=BadTZ()).strftime('%Z'))
t(lambda: tzinfo().tzname(None))
t(lambda: tzinfo().dst(None))

# timestamps (UTC machine)
for ts in [0, 1.5, -1.5, 1e9 + 0.4999995, 1e9 + 0.5000005, 1234567890.123456, 1.0000005, 2.0000015, -0.0000005, 86399.9999995]:
    print(ts, datetime.fromtimestamp(ts, UTC), datetime.fromtimestamp(ts, timezone(timedelta(hours=2))), date.fromtimestamp(ts))
print(datetime(2020,1,1,tzinfo=UTC).timestamp(), datetime(2020,1,1,12,30,1,500000,tzinfo=timezone(timedelta(hours=-7))).timestamp())
print(datetime(1970,1,1,tzinfo=UTC).timestamp(), datetime(1,1,1,tzinfo=UTC).timestamp(), datetime.max.replace(tzinfo=UTC).timestamp())
t(lambda: date.fromtimestamp(float('inf')))
t(lambda: datetime.fromtimestamp(-1e20, UTC))
t(lambda: datetime.fromtimestamp(None))
print(isinstance(datetime.now(), datetime), datetime.now(UTC).tzinfo, type(date.today()).__name__)

# replace and misc
dd = datetime(2020, 2, 29, 12, 0, tzinfo=UTC)
print(dd.replace(year=2021, day=28), dd.replace(tzinfo=None), dd.__replace__(hour=1), dtime(1).replace(fold=1).fold, date(2020,2,29).replace(year=2024))
t(lambda: dd.replace(year=2021))
t(lambda: dd.replace(fold=2))
t(lambda: dd.replace(1,2,3,4,5,6,7,None))
t(lambda: date(2000,1,1).replace(1,2,3,4))
t(lambda: dtime().replace(1,2,3,4,None,0))
print(dd.date(), dd.time(), dd.timetz(), dd.toordinal(), dd.weekday(), dd.isoweekday(), dd.isocalendar(), dd.timetuple(), dd.utctimetuple())
ic = date(2021, 1, 3).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0], tuple(ic), ic == (2020, 53, 7), type(ic).__name__, ic.__reduce__())
t(lambda: type(ic)(2020, 1, 1))
print(date.min, date.max, date.resolution, datetime.min, datetime.max, datetime.resolution, dtime.min, dtime.max, dtime.resolution)
print(D.MINYEAR, D.MAXYEAR, D.UTC is timezone.utc, repr(timezone.utc), [n for n in dir(date) if not n.startswith('_')])
print([n for n in dir(datetime) if not n.startswith('_')])
print([n for n in dir(dtime) if not n.startswith('_')], [n for n in dir(timedelta) if not n.startswith('_')], [n for n in dir(timezone) if not n.startswith('_')])
print(date.__module__, datetime.__qualname__, timezone.__base__, datetime.__base__, datetime.__mro__)
t(lambda: setattr(date, 'x', 1))
t(lambda: setattr(date(2000,1,1), 'x', 1))
t(lambda: setattr(datetime(2000,1,1), 'year', 1))
t(lambda: date.fromisoformat.__doc__)
t(lambda: datetime.replace.__doc__)
t(lambda: datetime.now.__text_signature__)
print(datetime.strptime('2024-01-02 03:04:05.678 +0130', '%Y-%m-%d %H:%M:%S.%f %z'), date.strptime('02/01/24', '%d/%m/%y'), dtime.strptime('03:04 PM', '%I:%M %p'))
t(lambda: datetime.strptime('x', '%Y'))
print(sorted({date(2020,1,1): 1, datetime(2020,1,1): 2, dtime(1): 3, timedelta(1): 4}.values()))

# local time (the reference and run_case.py use TZ=UTC)
for ts in [0, 1e9, 1e9 + 0.5, -86400 * 365.25 * 30]:
    d = datetime.fromtimestamp(ts)
    print(repr(d), d.timestamp(), d.astimezone(), d.astimezone(UTC), d.astimezone().utcoffset(), d.fold)
print(datetime(2020, 1, 1).astimezone(timezone(timedelta(hours=9))), datetime(2020, 1, 1, fold=1).timestamp())
print(datetime(2020, 6, 1, 12, tzinfo=timezone(timedelta(hours=-4))).astimezone())
print(date.fromtimestamp(1e9), date.fromtimestamp(-1.5), type(datetime.today()).__name__)
