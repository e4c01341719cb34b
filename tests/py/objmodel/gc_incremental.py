# The incremental collector of 3.14.2 as the gc module shows it: gc.collect(0) collects the
# young generation and counts it in the visited space, gc.collect(1) is an increment,
# gc.collect() a full collection that resets the counts; get_threshold's third value is
# always 0; get_objects(1) is empty; tuples holding only untracked objects leave the collector
# at a collection; callbacks get the generation of each kind of collection.
import gc

def stats():
    return [s['collections'] for s in gc.get_stats()]

gc.collect()
base = stats()
gc.collect(0)
print(gc.get_count(), [a - b for a, b in zip(stats(), base)])
gc.collect(0)
print(gc.get_count())
gc.collect()
print(gc.get_count(), [a - b for a, b in zip(stats(), base)])

gc.set_threshold(700, 5, 3)
print(gc.get_threshold())
gc.set_threshold(700)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 0)
print(gc.get_threshold())

print(gc.get_objects(1))
try:
    gc.get_objects(3)
except ValueError as e:
    print(e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print(e)
print(len(gc.get_objects(-1)) > 100)

class A:
    pass
t = (1, 'x', None, (2.5, b'y'))
u = (1, A())
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u))

log = []
def cb(phase, info):
    log.append((phase, info['generation']))
gc.callbacks.append(cb)
gc.collect(0)
gc.collect(2)
gc.callbacks.remove(cb)
print(log)

events = []
import sys
def hook(event, args):
    if event.startswith('gc.'):
        events.append((event, args if event == 'gc.get_objects' else len(args[0])))
sys.addaudithook(hook)
gc.get_objects()
gc.get_objects(generation=0)
gc.get_referrers(t, u)
gc.get_referents(u)
print(events)
