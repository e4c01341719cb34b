# tracemalloc over _tracemalloc: properties that hold whatever the byte counts are.
import gc
import os
import tracemalloc
import _tracemalloc


class Item:
    pass


def make_items(n):
    return [Item() for _ in range(n)]  # the allocation line


def make_nested(n):
    return make_items(n)


def here():
    return os.path.basename(__file__)


print("== not tracing")
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
print(tracemalloc.get_object_traceback(object()))
print(_tracemalloc._get_traces())
print(tracemalloc.get_tracemalloc_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as exc:
    print("RuntimeError", exc)

print("== start")
for bad in (0, -1, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as exc:
        print("ValueError", exc)
print(tracemalloc.is_tracing())
tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_tracemalloc_memory() > 0)

print("== a list of objects on a known line is the top statistic")
cur0, peak0 = tracemalloc.get_traced_memory()
items = make_items(10000)
cur1, peak1 = tracemalloc.get_traced_memory()
print(cur1 > cur0 + 10000 * 16, peak1 >= cur1)
snap = tracemalloc.take_snapshot()
top = snap.statistics("lineno")[0]
frame = top.traceback[0]
print(os.path.basename(frame.filename) == here(), frame.lineno, top.count >= 10000, top.size > 10000 * 16)
tb = tracemalloc.get_object_traceback(items[1234])
print(type(tb).__name__, len(tb), os.path.basename(tb[0].filename) == here(), tb[0].lineno)

print("== statistics by file and by traceback")
by_file = snap.statistics("filename")
print(os.path.basename(by_file[0].traceback[0].filename) == here(), by_file[0].traceback[0].lineno)
by_tb = snap.statistics("traceback")
print(by_tb[0].traceback[0].lineno, len(by_tb[0].traceback))

print("== filters")
only_here = snap.filter_traces([tracemalloc.Filter(True, __file__)])
stats = only_here.statistics("lineno")
print(all(os.path.basename(s.traceback[0].filename) == here() for s in stats))
print(stats[0].traceback[0].lineno)

print("== memory drops when the objects go")
del items, top, frame, tb, snap, by_file, by_tb, only_here, stats
gc.collect()
cur2, peak2 = tracemalloc.get_traced_memory()
print(cur2 < cur1 - 10000 * 16, peak2 >= cur1)
tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print(peak3 < peak2, peak3 >= cur3)

print("== compare_to")
s1 = tracemalloc.take_snapshot()
keep = make_items(2000)
s2 = tracemalloc.take_snapshot()
diff = s2.compare_to(s1, "lineno")
print(diff[0].traceback[0].lineno, diff[0].count_diff >= 2000, diff[0].size_diff > 0)
del keep, s1, s2, diff

print("== deeper tracebacks")
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
tracemalloc.start(5)
print(tracemalloc.get_traceback_limit())
nested = make_nested(3000)
tb = tracemalloc.get_object_traceback(nested[0])
print([f.lineno for f in tb][:3])
snap = tracemalloc.take_snapshot()
stat = snap.statistics("traceback")[0]
print([f.lineno for f in stat.traceback][:3], stat.count >= 3000)
print(stat.traceback.format()[0].strip().endswith("line 15, in make_items") or stat.traceback.format()[0])
del nested, tb, snap, stat

print("== clear_traces")
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory()[0] < 100000)
tracemalloc.stop()
print(tracemalloc.is_tracing())
