# gc.callbacks (start/stop with the info dict), gc.freeze/unfreeze/get_freeze_count, and
# collections triggered by allocation alone (no gc.collect call).
import gc, weakref

gc.collect()
log = []
def cb(phase, info):
    log.append((phase, dict(info)))
gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.collect(1)
l = []
l.append(l)
del l
gc.collect()
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
print(gc.callbacks is gc.callbacks, type(gc.callbacks).__name__)

# A callback that changes the list while it runs, and one calling gc.collect (ignored:
# a collection is running).
seen = []
def adder(phase, info):
    seen.append(('adder', phase))
    if phase == 'start':
        gc.callbacks.append(late)
def late(phase, info):
    seen.append(('late', phase, gc.collect()))
gc.callbacks.append(adder)
gc.collect()
gc.callbacks.clear()
print(seen)

print(gc.get_freeze_count())
gc.freeze()
n = gc.get_freeze_count()
print(n > 100, len(gc.get_objects()) < n)
class A:
    pass
a = A()
print(gc.is_tracked(a), any(x is a for x in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
b = A()
print(any(x is b for x in gc.get_objects(generation=0)), any(x is b for x in gc.get_objects(generation=2)))
gc.collect()
print(any(x is b for x in gc.get_objects(generation=2)))

# Frames in cycles: an exception kept in a local of the frame its traceback holds.
import sys
def keep():
    holder = A()
    try:
        1 / 0
    except ZeroDivisionError:
        holder.tb = sys.exc_info()[2]
    return weakref.ref(holder, lambda r: print('holder freed'))
r = keep()
print(r() is not None)
gc.collect()
print(r() is None)
