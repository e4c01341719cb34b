# fork, _exit, waitpid/wait/wait3-free status handling, kill, register_at_fork hooks, pipes
# between parent and child. Run by tools/posix/compare_host.py under python3 and cppy.
import os
import sys

log = []
os.register_at_fork(before=lambda: log.append("before1"),
                    after_in_parent=lambda: log.append("parent1"),
                    after_in_child=lambda: log.append("child1"))
os.register_at_fork(before=lambda: log.append("before2"), after_in_parent=lambda: log.append("parent2"))
for bad in [dict(), dict(before=1), dict(after_in_child="x")]:
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print("register_at_fork:", e)

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ",".join(log).encode())
    os.close(w)
    os._exit(7)
os.close(w)
data = b""
while chunk := os.read(r, 100):
    data += chunk
os.close(r)
wpid, status = os.waitpid(pid, 0)
print("child log:", data.decode())
print("parent log:", ",".join(log))
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

SIGTERM = 15  # Linux's number (the signal module needs _signal)
block_r, block_w = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(block_r, 1)  # blocks until killed
    os._exit(0)
print(os.waitpid(pid, os.WNOHANG))
os.kill(pid, SIGTERM)
wpid, status = os.waitpid(pid, 0)
os.close(block_r)
os.close(block_w)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == SIGTERM, os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    os._exit(3)
wpid, status = os.wait()
print(wpid == pid, os.waitstatus_to_exitcode(status))
try:
    os.wait()
except ChildProcessError as e:
    print(type(e).__name__, e.strerror)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.strerror)
try:
    os.kill(pid, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e.strerror)

# A child that raises SystemExit through sys.exit in Python code after fork.
pid = os.fork()
if pid == 0:
    try:
        sys.exit(4)
    finally:
        os._exit(4)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(os.getpgrp() == os.getpgid(0), os.getsid(0) == os.getsid(os.getpid()), os.getppid() > 0)

# Threads after fork: threading's at-fork hook makes the forking thread the main one.
import threading
t = threading.Thread(target=lambda: None)
t.start()
t.join()
sys.stdout.flush()  # the child would print the parent's buffered output again
pid = os.fork()
if pid == 0:
    names = []
    t = threading.Thread(target=lambda: names.append(threading.current_thread() is not threading.main_thread()))
    t.start()
    t.join()
    print("child threads:", names, threading.active_count(),
          threading.main_thread() is threading.current_thread(), flush=True)
    os._exit(0)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
