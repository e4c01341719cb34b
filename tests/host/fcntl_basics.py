# fcntl on pipes and a temporary file.
import fcntl
import os

names = sorted(n for n in dir(fcntl) if n.isupper())
# The constants the host's 3.11 and 3.14 both define on Linux.
print([n for n in names if n.startswith(('F_', 'LOCK_', 'FD_', 'DN_', 'FASYNC'))
       and n not in ('F_EXLCK', 'F_SHLCK') and not n.startswith(('LOCK_M', 'LOCK_R', 'LOCK_W'))
       and n not in ('F_GETOWN_EX', 'F_SETOWN_EX', 'F_OWNER_TID', 'F_OWNER_PID',
                     'F_OWNER_PGRP', 'F_SEAL_FUTURE_WRITE') and 'RW_HINT' not in n])
print(fcntl.F_GETFD, fcntl.F_SETFL, fcntl.FD_CLOEXEC, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.F_WRLCK)
r, w = os.pipe()


class F:
    def fileno(self):
        return r


flags = fcntl.fcntl(r, fcntl.F_GETFD)
print(flags & fcntl.FD_CLOEXEC, fcntl.fcntl(F(), fcntl.F_GETFD) == flags)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(fcntl.fcntl(r, fcntl.F_GETFD))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(w))
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 50)
print(d >= 50, os.get_inheritable(d))
os.close(d)
path = '/tmp/cppy_fcntl_test_%d' % os.getpid()
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
fcntl.flock(fd, fcntl.LOCK_UN)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0, 0)
fcntl.lockf(fd, fcntl.LOCK_UN)
fcntl.lockf(fd, fcntl.LOCK_SH)
fcntl.lockf(fd, fcntl.LOCK_UN)
print('locks ok')
os.close(fd)
os.unlink(path)
for expr in ['fcntl.fcntl(-1, 1)', 'fcntl.flock(-1, 1)', 'fcntl.fcntl("x", 1)',
             'fcntl.fcntl(0, 1, 1.5)', 'fcntl.fcntl(999, fcntl.F_GETFD)', 'fcntl.lockf(r, 0)',
             'fcntl.flock(999, fcntl.LOCK_EX)', 'fcntl.ioctl(r, 0)']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
