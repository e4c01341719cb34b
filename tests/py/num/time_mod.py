# time: the parts that do not depend on the clock or the time zone.
import time

t = time.gmtime(1700000000)
print(t, t.tm_year, t.tm_yday, t[:3], t.tm_gmtoff)
print(time.gmtime(0), time.gmtime(-1.5)[:6], time.gmtime(951782400)[:3])
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b %A %B %p %U %W %w %y %%", t))
print(time.strftime("%d/%m", (2024, 0, 0, 0, 0, 0, 0, 0, 0)), time.asctime(t))
print(time.asctime((2024, 3, 5, 14, 7, 9, 1, 65, 0)), repr(time.strftime("", t)))
st = time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0))
print(st, st.tm_zone, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.strptime("2024-03-05 14:07", "%Y-%m-%d %H:%M")[:8])
print(type(time.time()), type(time.time_ns()), type(time.monotonic()), type(time.perf_counter_ns()))
a = time.monotonic_ns()
time.sleep(0.001)
print(time.monotonic_ns() - a >= 1000000)
for call in (lambda: time.gmtime(float("nan")), lambda: time.gmtime(10**30),
             lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)),
             lambda: time.strftime("%Y", (2024,)), lambda: time.strftime("%Y", 5),
             lambda: time.sleep(-1), lambda: time.sleep("1"), lambda: time.mktime((1, 2)),
             lambda: time.get_clock_info("nope"), lambda: time.struct_time((1, 2)),
             lambda: time.strptime("x", "%Y")):
    try:
        call()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
