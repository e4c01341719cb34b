# _multiprocessing.SemLock and _posixshmem (the reference has no multiprocessing): expected output from the host CPython.
import _multiprocessing, _posixshmem, os, threading
from _multiprocessing import SemLock
print(SemLock.SEM_VALUE_MAX, _multiprocessing.flags)
s = SemLock(1, 2, 2, "/cppy-test-sem-%d" % os.getpid(), True)
print(s.kind, s.maxvalue, s.name, s._get_value(), s._is_zero(), s._count())
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.05), s._is_zero(), s._count())
s.release(); s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError", e)
m = SemLock(0, 1, 1, "/cppy-test-mutex-%d" % os.getpid(), True)
print(m.acquire(), m.acquire(), m._count(), m._is_mine())
m.release(); m.release()
try:
    m.release()
except AssertionError as e:
    print("AssertionError", e)
with m:
    print("in", m._is_mine())
fd = _posixshmem.shm_open("/cppy-test-shm-%d" % os.getpid(), os.O_CREAT | os.O_RDWR, 0o600)
os.ftruncate(fd, 16); os.close(fd)
_posixshmem.shm_unlink("/cppy-test-shm-%d" % os.getpid())
try:
    _posixshmem.shm_unlink("/cppy-test-shm-%d" % os.getpid())
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == "/cppy-test-shm-%d" % os.getpid())
