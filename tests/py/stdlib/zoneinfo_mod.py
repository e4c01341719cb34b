# zoneinfo over _zoneinfo, with TZif files of the tz database under data/tz (Europe/Dublin has a
# negative DST, Australia/Lord_Howe a 30-minute one).
import os
import pickle
import zoneinfo
from datetime import datetime, timedelta, timezone

TZDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "tz")
zoneinfo.reset_tzpath([TZDIR])
ZI = zoneinfo.ZoneInfo

ny = ZI("America/New_York")
print(repr(ny), str(ny), ny.key, ny is ZI("America/New_York"), type(ny).__module__)
print(ny is ZI.no_cache("America/New_York"), isinstance(ny, zoneinfo.ZoneInfo))

def show(zone, *args, fold=0):
    dt = datetime(*args, tzinfo=zone, fold=fold)
    print(dt.isoformat(), dt.utcoffset(), dt.dst(), dt.tzname())

show(ny, 2024, 1, 15, 12)
show(ny, 2024, 7, 4, 12)
show(ny, 2024, 3, 10, 2, 30)          # in the gap
show(ny, 2024, 11, 3, 1, 30)          # ambiguous, fold 0
show(ny, 2024, 11, 3, 1, 30, fold=1)  # ambiguous, fold 1
show(ny, 1850, 1, 1)                  # before the first transition (LMT)
show(ny, 2090, 7, 1)                  # after the last one: the POSIX rule
for zone in ("Europe/London", "Europe/Dublin", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"):
    z = ZI(zone)
    for month in (1, 7):
        show(z, 2030, month, 1, 12)
        show(z, 2010, month, 1, 12)

# fromutc and conversions around transitions
utc = timezone.utc
for hour in range(4, 8):
    u = datetime(2024, 11, 3, hour, 30, tzinfo=utc)
    local = u.astimezone(ny)
    print(u.isoformat(), "->", local.isoformat(), local.fold, local.tzname())
for hour in range(5, 9):
    u = datetime(2024, 3, 10, hour, 30, tzinfo=utc)
    print(u.astimezone(ny).isoformat())
u = datetime(2091, 11, 4, 5, 30, tzinfo=utc)
print(u.astimezone(ny).isoformat(), u.astimezone(ny).fold)
lh = ZI("Australia/Lord_Howe")
print(datetime(2030, 4, 6, 14, 45, tzinfo=utc).astimezone(lh).isoformat())
print((datetime(2024, 7, 1, tzinfo=ny) - datetime(2024, 1, 1, tzinfo=ny)))

# time objects and None
print(ny.utcoffset(None), ZI("UTC").utcoffset(None), ZI("Asia/Kolkata").tzname(None))

# from_file, str/repr, pickling
with open(os.path.join(TZDIR, "Europe", "London"), "rb") as f:
    lon = ZI.from_file(f, key="my/London")
print(str(lon), lon.key, lon is ZI("Europe/London"))
with open(os.path.join(TZDIR, "UTC"), "rb") as f:
    anon = ZI.from_file(f)
print(repr(anon).startswith("zoneinfo.ZoneInfo.from_file(<_io.BufferedReader"), anon.key, str(anon) == repr(anon))
print(pickle.loads(pickle.dumps(ny)) is ny)
nc = ZI.no_cache("America/New_York")
print(pickle.loads(pickle.dumps(nc)) is nc, pickle.loads(pickle.dumps(nc)).key)
try:
    pickle.dumps(lon)
except Exception as e:
    print(type(e).__name__, e)

# caches and subclasses
ZI.clear_cache(only_keys=["America/New_York"])
print(ZI("America/New_York") is ny)
ZI.clear_cache()
class MyZI(ZI):
    pass
m = MyZI("Asia/Kolkata")
print(type(m).__name__, repr(m), m is MyZI("Asia/Kolkata"), m is ZI("Asia/Kolkata"))

# errors
for call in [lambda: ZI("Nowhere/Zone"), lambda: ZI("../etc/passwd"), lambda: ny.fromutc(5),
             lambda: ny.fromutc(datetime(2020, 1, 1)), lambda: ZI.from_file(__import__("io").BytesIO(b"TZxx")),
             lambda: ZI(), lambda: ZI("a", "b"), lambda: ZI(key="UTC", x=1), lambda: ZI(kee=1),
             lambda: ZI.__new__()]:
    try:
        call()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
