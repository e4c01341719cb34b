# PEP 669 events as the eval loop raises them: one recorder for every event, printing the
# code name, the line relative to the code's first line, and the event's arguments.
import sys

m = sys.monitoring
E = m.events
TOOL = 2
log = []


def show(x):
    if x is m.MISSING:
        return "MISSING"
    if isinstance(x, BaseException):
        return f"{type(x).__name__}({x})"
    if isinstance(x, (int, str, type(None))):
        return repr(x)
    return getattr(x, "__qualname__", type(x).__name__)


def make(name):
    def cb(code, *args):
        if code.co_filename != __file__ or code.co_name == "cb":
            return
        rest = list(args)
        if name == "LINE":
            rest = [args[0] - code.co_firstlineno]
        log.append(f"{name} {code.co_name} " + " ".join(show(a) for a in rest))
    return cb


names = ["PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "LINE", "JUMP",
         "BRANCH_LEFT", "BRANCH_RIGHT", "RAISE", "RERAISE", "EXCEPTION_HANDLED", "PY_UNWIND",
         "PY_THROW", "C_RETURN", "C_RAISE"]
m.use_tool_id(TOOL, "events")
for n in names:
    m.register_callback(TOOL, getattr(E, n), make(n))


def run(title, fn):
    log.clear()
    every = 0
    for n in names:
        every |= getattr(E, n)
    m.set_events(TOOL, every)
    try:
        fn()
    except Exception as e:
        log.append(f"escaped {type(e).__name__}")
    m.set_events(TOOL, 0)
    print("==", title)
    for line in log:
        print("  ", line)


def simple(a, b):
    c = a + b
    return c * 2


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total


def gen(n):
    for i in range(n):
        x = yield i
        if x:
            yield x


def use_gen():
    g = gen(2)
    a = next(g)
    b = g.send(None)
    c = list(gen(1))
    return a, b, c


def caught():
    try:
        int("x")
    except ValueError:
        pass
    try:
        raise KeyError(1)
    except KeyError as e:
        v = e
    return len([v])


def uncaught():
    def inner():
        raise RuntimeError("boom")
    inner()


def reraise():
    try:
        try:
            1 / 0
        finally:
            x = 1
    except ZeroDivisionError:
        return x


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return True


def with_stmt():
    with Ctx() as c:
        y = 1
    with Ctx():
        raise ValueError("inside")
    return y


def comps():
    a = [x * 2 for x in range(3) if x]
    b = {x: x for x in (1, 2)}
    return sum(a) + len(b)


def throwing():
    g = gen(3)
    next(g)
    try:
        g.throw(KeyError("t"))
    except KeyError:
        pass


def calls():
    s = "a,b"
    parts = s.split(",")
    n = len(parts)
    o = object()
    sorted([3, 1], key=lambda v: -v)
    f = simple
    return f(n, *parts[:0], b=1)


for title, fn in [("simple", lambda: simple(1, 2)), ("loop", lambda: loop(3)),
                  ("gen", use_gen), ("caught", caught), ("uncaught", uncaught),
                  ("reraise", reraise), ("with", with_stmt), ("comps", comps),
                  ("throw", throwing), ("calls", calls)]:
    run(title, fn)
m.free_tool_id(TOOL)
