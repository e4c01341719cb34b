# When automatic collections run and what they report, with the heap's size taken out of
# the increments' sizing: everything alive at the start is frozen (gc.freeze) and the
# second threshold is so large that the heap's share of the work owed is 0. What is left
# depends only on the objects the program tracks: each collection is scheduled when the
# young count passes the threshold and runs at the next eval-breaker check; the first
# increment of a scan only marks what the roots (the frames' stacks) reach, and the work
# those marked objects cost is owed before increments collect again.
import gc

class A:
    pass

def make_cycles(n):
    for i in range(n):
        a = A()
        a.a = a

def keep(n, into):
    for i in range(n):
        into.append(A())

def run(label, body):
    gc.collect()
    gc.freeze()
    base = [s['collections'] for s in gc.get_stats()]
    log = []
    def cb(phase, info):
        log.append((phase, info['generation'], info['collected'], info['uncollectable'],
                    gc.get_count()[0]))
    gc.callbacks.append(cb)
    try:
        body()
    finally:
        gc.callbacks.remove(cb)
        gc.unfreeze()
    stats = [s['collections'] - b for s, b in zip(gc.get_stats(), base)]
    print(label, stats)
    for entry in log:
        print('   ', entry)

gc.set_threshold(100, 1000000)
run('cycles', lambda: make_cycles(1000))
kept = []
run('kept objects', lambda: keep(1000, kept))
run('kept then cycles', lambda: (keep(300, kept), make_cycles(700)))
del kept
gc.set_threshold(2000, 10)
gc.collect()
