"""_queue.SimpleQueue across threads (the reference runs no threads, so this checks itself):
blocked get() woken by put() from another thread, items handed to waiting getters exactly
once and in order per producer, timeouts that wait and then raise Empty, a blocked get() on
the main thread interrupted by a signal, and the stdlib users (concurrent.futures, logging's
QueueListener). Prints "all queue thread cases passed" when every case behaved."""
import _queue
import concurrent.futures
import logging
import logging.handlers
import threading
import time
import signal

failures = []


def check(name, cond):
    if not cond:
        failures.append(name)
        print("FAIL", name)


# A getter blocked before any put is woken by the put of another thread.
q = _queue.SimpleQueue()
got = []
t = threading.Thread(target=lambda: got.append(q.get()))
t.start()
time.sleep(0.05)
q.put("x")
t.join(5)
check("woken getter", got == ["x"] and not t.is_alive() and q.empty())

# Many producers and consumers: every item arrives once, each producer's items in order.
q = _queue.SimpleQueue()
N_PROD, N_CONS, N_ITEMS = 4, 4, 2000
received = [[] for _ in range(N_CONS)]


def consumer(i):
    while True:
        item = q.get()
        if item is None:
            return
        received[i].append(item)


def producer(p):
    for k in range(N_ITEMS):
        q.put((p, k))


cons = [threading.Thread(target=consumer, args=(i,)) for i in range(N_CONS)]
prods = [threading.Thread(target=producer, args=(p,)) for p in range(N_PROD)]
for th in cons + prods:
    th.start()
for th in prods:
    th.join()
for _ in cons:
    q.put(None)
for th in cons:
    th.join(30)
allitems = [x for r in received for x in r]
check("every item once", sorted(allitems) == sorted((p, k) for p in range(N_PROD) for k in range(N_ITEMS)))
for r in received:
    for p in range(N_PROD):
        ks = [k for (pp, k) in r if pp == p]
        check("per-producer order", ks == sorted(ks))
check("drained", q.qsize() == 0 and q.empty())

# Timeouts wait (with the GIL released: another thread runs meanwhile) and raise Empty.
q = _queue.SimpleQueue()
ticks = []
stop = threading.Event()


def ticker():
    while not stop.is_set():
        ticks.append(1)
        time.sleep(0.005)


tt = threading.Thread(target=ticker)
tt.start()
t0 = time.monotonic()
try:
    q.get(timeout=0.2)
    check("timeout raises Empty", False)
except _queue.Empty:
    pass
elapsed = time.monotonic() - t0
stop.set()
tt.join()
check("timeout waited", 0.19 <= elapsed < 3)
check("GIL released while waiting", len(ticks) >= 5)

# A timed get() that is handed an item before its deadline returns it.
q = _queue.SimpleQueue()
threading.Timer(0.05, q.put, args=("late",)).start()
check("timed get handed item", q.get(timeout=5) == "late")

# Several waiters: each put wakes exactly one of them.
q = _queue.SimpleQueue()
outs = []
lock = threading.Lock()


def waiter():
    v = q.get(timeout=10)
    with lock:
        outs.append(v)


ws = [threading.Thread(target=waiter) for _ in range(5)]
for w in ws:
    w.start()
time.sleep(0.1)
for i in range(5):
    q.put(i)
for w in ws:
    w.join(10)
check("one item per waiter", sorted(outs) == list(range(5)) and q.empty())

# A blocked get() on the main thread is interrupted by a signal (KeyboardInterrupt).
q = _queue.SimpleQueue()
main_ident = threading.main_thread().ident
threading.Timer(0.1, signal.pthread_kill, args=(main_ident, signal.SIGINT)).start()
t0 = time.monotonic()
try:
    q.get()
    check("interrupted get", False)
except KeyboardInterrupt:
    check("interrupted promptly", time.monotonic() - t0 < 5)

# The stdlib users.
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    check("ThreadPoolExecutor", list(ex.map(lambda x: x * x, range(50))) == [x * x for x in range(50)])
import queue as queue_mod
check("queue.SimpleQueue is _queue's", queue_mod.SimpleQueue is _queue.SimpleQueue)
lq = queue_mod.SimpleQueue()
records = []


class Collect(logging.Handler):
    def emit(self, record):
        records.append(record.getMessage())


listener = logging.handlers.QueueListener(lq, Collect())
listener.start()
logger = logging.getLogger("queue_threads")
logger.propagate = False
logger.addHandler(logging.handlers.QueueHandler(lq))
for i in range(10):
    logger.warning("message %d", i)
listener.stop()
check("QueueListener", records == ["message %d" % i for i in range(10)])

if not failures:
    print("all queue thread cases passed")
