# A trace function assigning frame.f_lineno: jumps forward and backward, and the checks of
# frame_setlineno with their messages.
import sys
import warnings

warnings.simplefilter("ignore")
out = []


def f():
    a = 1
    b = 2
    c = 3
    for i in range(2):
        d = i
    return a, b, c


def tracer(frame, event, arg):
    if frame.f_code is not f.__code__:
        return tracer
    first = f.__code__.co_firstlineno
    rel = frame.f_lineno - first
    out.append((event, rel))
    if event == "call":
        try:
            frame.f_lineno = first + 2
        except ValueError as e:
            out.append(str(e))
    if event == "line" and rel == 1:
        frame.f_lineno = first + 3
    if event == "line" and rel == 5 and len(out) < 12:
        for target in (-1, 99, 5, 1):
            try:
                frame.f_lineno = first + target
            except ValueError as e:
                out.append(str(e).replace(str(first + target), "N"))
                continue
            out.append(("jumped", target))
            break
    if event == "return":
        try:
            frame.f_lineno = first + 1
        except ValueError as e:
            out.append(str(e))
    return tracer


sys.settrace(tracer)
try:
    print(f())
except Exception as e:
    print(type(e).__name__, e)
sys.settrace(None)
for item in out:
    print(item)
try:
    sys._getframe().f_lineno = 3
except ValueError as e:
    print(e)
