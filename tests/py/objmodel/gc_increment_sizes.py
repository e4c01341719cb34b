# The size of automatic increments: each one collects the young generation plus objects of
# the pending old space while the work owed allows, the work growing by the new objects
# and by the heap's share (heap size / 10 / second threshold, at most twice the new
# objects). The heap's size is made the same on every platform: everything alive is frozen,
# then garbage cycles (surviving a young collection while a frozen dict held them) bring
# the number of tracked objects to a fixed total. Each increment's 'collected' is then its
# young garbage plus the pending garbage it took, the same figures as the reference's.
import gc

class A:
    pass

def make_cycles(n):
    for i in range(n):
        a = A()
        a.a = a

holder = {}

def run(n, target, t0, t1):
    gc.collect()
    gc.freeze()
    gc.disable()
    cycles = []
    for i in range(target - gc.get_freeze_count() - 1):
        a = A()
        a.a = a
        cycles.append(a)
    del a
    holder['pad'] = cycles
    del cycles
    gc.collect(0)
    holder.clear()
    gc.set_threshold(t0, t1)
    base = [s['collections'] for s in gc.get_stats()]
    log = []
    def cb(phase, info):
        if phase == 'stop':
            log.append(info['collected'])
    gc.callbacks.append(cb)
    gc.enable()
    try:
        make_cycles(n)
    finally:
        gc.callbacks.remove(cb)
        gc.unfreeze()
        gc.set_threshold(2000, 10)
    stats = [s['collections'] - b for s, b in zip(gc.get_stats(), base)]
    print((t0, t1), stats, log)
    gc.collect()

run(3000, 60700, 100, 2)
run(3000, 60700, 100, 10)
run(3000, 60700, 100, 150)
run(3000, 60700, 300, 40)
run(6000, 60700, 1000, 100)
