# sys._current_frames across threads and after fork (Python/pystate.c's thread list): every
# live thread's topmost frame, a finished thread gone, only the forking thread in the child.
import os
import sys
import threading
import traceback

started = threading.Event()
release = threading.Event()


def blocked_in_here():
    started.set()
    release.wait()


def worker():
    blocked_in_here()


t = threading.Thread(target=worker)
t.start()
started.wait()
frames = sys._current_frames()
print(len(frames), sorted(frames) == sorted([threading.main_thread().ident, t.ident]))
names = [f.name for f in traceback.extract_stack(frames[t.ident])]
print(names[names.index("worker"):])
print(frames[threading.get_ident()].f_code.co_name)
release.set()
t.join()
print(list(sys._current_frames()) == [threading.get_ident()])
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child", list(sys._current_frames()) == [threading.get_ident()])
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
