# Seconds given to native functions (timeouts, timestamps) are converted as Python/pytime.c
# does: rounding, the accepted types and the error messages are the same everywhere.
import datetime
import os
import queue
import tempfile
import time
import _thread


class Idx:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value

    def __repr__(self):
        return f"Idx({self.value})"


def show(label, fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")


BAD = [float("nan"), "1", 2**63, -(2**63) - 1, 1e300, -1e300, Idx(0), 1.5j]

for v in BAD + [None, 2**62]:
    show(f"sleep({v!r})", time.sleep, v)
show("sleep(-1)", time.sleep, -1)
show("sleep(-0.0)", time.sleep, -0.0)
show("sleep(0)", time.sleep, 0)
show("sleep(1e-10)", time.sleep, 1e-10)

for v in BAD + [1.5, -1.5, 1e9, Idx(3), True]:
    show(f"gmtime({v!r})", lambda x: tuple(time.gmtime(x))[:6], v)
    show(f"ctime-ok({v!r})", lambda x: type(time.ctime(x)).__name__, v)

for v in [0.0000005, 0.0000015, 0.0000025, -0.0000005, -0.0000015, 1.9999995, 1e-7,
          1.0000005, 86399.9999995, float("nan"), "x", Idx(3), 2**70, -2**70, 1e20]:
    show(f"utcfromtimestamp({v!r})",
         lambda x: datetime.datetime.fromtimestamp(x, datetime.timezone.utc).isoformat(), v)
for v in [1.5, -1.5, 86399.9, -0.5, float("nan"), "x", Idx(3), 2**70, 1e20]:
    show(f"date.fromtimestamp({v!r})", lambda x: datetime.date.fromtimestamp(x).isoformat()
         if not isinstance(x, float) or x == x else datetime.date.fromtimestamp(x), v)

lock = _thread.allocate_lock()
for v in [float("nan"), "1", 2**63, 1e300, -1e300, -2, -0.5, 1.5j, Idx(0)]:
    show(f"acquire(timeout={v!r})", lock.acquire, timeout=v)
show("acquire(False, 1)", lock.acquire, False, 1)
show("acquire(timeout=0)", lock.acquire, timeout=0)
show("acquire again(timeout=0.001)", lock.acquire, timeout=0.001)
lock.release()

q = queue.SimpleQueue()
for v in [float("nan"), "1", 2**63, 1e300, -1, -0.5, 0, 0.001, Idx(0)]:
    show(f"get(timeout={v!r})", q.get, timeout=v)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f")
    open(path, "w").close()
    for t in [(1.5, 2.25), (0.5, 1e9 + 0.125), (2.5, 1e9 + 0.25),
              (float("nan"), 0), ("1", 0), (2**63, 0), (1e300, 0), (Idx(3), 3)]:
        try:
            os.utime(path, t)
            st = os.stat(path)
            print("utime", t, st.st_atime_ns, st.st_mtime_ns)
        except Exception as e:
            print("utime", t, f"{type(e).__name__}: {e}")
