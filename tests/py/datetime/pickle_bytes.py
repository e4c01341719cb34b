# _datetime pickles: the byte states of every protocol (fold in the high bit at protocol 4+),
# copy and deepcopy.
import datetime as D, pickle, copy, time, sys, os
from datetime import date, time as dtime, datetime, timedelta, timezone, tzinfo, UTC
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# pickling: bytes and round trips at every protocol
objs = [date(2024, 2, 29), dtime(1, 2, 3, 4), dtime(23, 59, 59, 999999, tzinfo=UTC, fold=1),
        datetime(2024, 3, 10, 2, 30, 15, 123456), datetime(1, 1, 1), datetime.max,
        datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=-5), 'EST'), fold=1),
        timedelta(days=-3, seconds=5, microseconds=7), timedelta.max, timedelta.min,
        timezone.utc, timezone(timedelta(minutes=90)), timezone(timedelta(hours=-3), 'X'),
        timezone.min, timezone.max, date(2020,5,5).isocalendar()]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for o in objs:
        s = pickle.dumps(o, proto)
        o2 = pickle.loads(s)
        print(proto, repr(o2), o2 == o, type(o2).__name__, s.hex() if proto in (0, 2, 4) else len(s))
for o in objs:
    print(repr(copy.copy(o)), repr(copy.deepcopy(o)))
print(datetime(2000,1,1,fold=1).__reduce_ex__(4), datetime(2000,1,1,fold=1).__reduce_ex__(3))
print(dtime(5,fold=1).__reduce_ex__(4), dtime(5,fold=1).__reduce__())
