# sys._current_frames and sys._current_exceptions (Python/pystate.c's thread list) on the
# main thread: the keys are thread ids, the values the topmost frame and handled exception.
import sys
import threading
import traceback


def probe():
    frames = sys._current_frames()
    me = threading.get_ident()
    print(list(frames) == [me], frames[me].f_code.co_name, frames[me].f_back.f_code.co_name)
    print([f.name for f in traceback.extract_stack(frames[me])][-3:])
    return sys._current_exceptions()[me]


def outer():
    return probe()


print(outer())
try:
    {}["missing"]
except KeyError:
    exc = outer()
    print(type(exc).__name__, exc.args)
    try:
        int("x")
    except ValueError:
        print(type(outer()).__name__)
    print(type(outer()).__name__)
print(outer())
print(sorted(type(v).__name__ for v in sys._current_frames().values()))
