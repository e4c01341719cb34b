# _thread and threading's locks without starting threads (the reference has none).
import _thread
import threading

lock = _thread.allocate_lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "x"})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

cond = threading.Condition()
with cond:
    print("notify", cond.notify_all())
    print("wait", cond.wait(0.01))
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

local = threading.local()
local.x = 5
print(local.x, local.__dict__)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX)
