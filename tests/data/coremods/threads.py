# Real threads under the GIL (run by cppy and by the host's CPython, whose output is the
# reference: the oracle has no threads). Only deterministic results are printed.
import _thread

lock = _thread.allocate_lock()
done = _thread.allocate_lock()
results = []
remaining = [4]


def work(n):
    total = 0
    for i in range(n):  # long enough to be switched out by the eval breaker
        total += i * i
    with lock:
        results.append(total)
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()


done.acquire()
for n in (30000, 60000, 90000, 120000):
    _thread.start_new_thread(work, (n,))
print(done.acquire(True, 30))
print(sorted(results))

# A lock handed between threads: each thread waits for its turn.
turns = [_thread.allocate_lock() for _ in range(5)]
for t in turns:
    t.acquire()
order = []
finished = _thread.allocate_lock()
finished.acquire()


def relay(i):
    turns[i].acquire()
    order.append(i)
    if i + 1 < len(turns):
        turns[i + 1].release()
    else:
        finished.release()


for i in reversed(range(5)):
    _thread.start_new_thread(relay, (i,))
turns[0].release()
print(finished.acquire(True, 30), order)

# Thread-local data is per thread.
local = _thread._local()
local.name = "main"
seen = []
seen_lock = _thread.allocate_lock()
seen_lock.acquire()


def look():
    seen.append(hasattr(local, "name"))
    local.name = "other"
    seen.append(local.name)
    seen_lock.release()


_thread.start_new_thread(look, ())
print(seen_lock.acquire(True, 30), seen, local.name)

# RLock ownership is per thread.
rlock = _thread.RLock()
owner_done = _thread.allocate_lock()
owner_done.acquire()


def take():
    rlock.acquire()
    owner_done.release()


_thread.start_new_thread(take, ())
owner_done.acquire(True, 30)
print(rlock.acquire(False), rlock._is_owned())
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
