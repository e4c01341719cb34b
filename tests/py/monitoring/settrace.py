# sys.settrace: the legacy 'call', 'line', 'return' and 'exception' events, local trace
# functions, f_trace_lines, and sys.gettrace.
import sys

log = []


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_filename != __file__:
        return None
    rel = frame.f_lineno - code.co_firstlineno
    if event == "exception":
        arg = arg[0].__name__
    elif event == "return":
        arg = repr(arg)
    log.append(f"{code.co_name} {event} {rel} {arg if arg is not None else ''}".rstrip())
    return tracer


def run(title, fn):
    log.clear()
    sys.settrace(tracer)
    try:
        fn()
    except Exception as e:
        log.append(f"escaped {type(e).__name__}")
    sys.settrace(None)
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
    while n > 0: n -= 1
    return total


def gen(n):
    for i in range(n):
        yield i


def use_gen():
    return list(gen(2)), [x for x in gen(1)]


def caught():
    try:
        {}["k"]
    except KeyError:
        pass
    return 1


def uncaught():
    def inner():
        raise RuntimeError("boom")
    inner()


class Ctx:
    def __enter__(self):
        return "ctx"

    def __exit__(self, *a):
        return True


def with_stmt():
    with Ctx():
        raise ValueError("x")
    return 2


def one_liner(): return [i for i in range(2)]


def no_lines():
    sys._getframe().f_trace_lines = False
    x = 1
    return x


for title, fn in [("simple", lambda: simple(1, 2)), ("loop", lambda: loop(2)),
                  ("gen", use_gen), ("caught", caught), ("uncaught", uncaught),
                  ("with", with_stmt), ("one_liner", one_liner), ("no_lines", no_lines)]:
    run(title, fn)

print(sys.gettrace())
sys.settrace(tracer)
print(sys.gettrace() is tracer)
sys.settrace(None)


# A global tracer that returns None traces calls only.
calls = []


def calls_only(frame, event, arg):
    calls.append((frame.f_code.co_name, event))


sys.settrace(calls_only)
simple(1, 1)
loop(1)
sys.settrace(None)
print(calls)


# An error in the trace function turns tracing off.
def bad(frame, event, arg):
    raise ValueError("tracer failed")


sys.settrace(bad)
try:
    simple(1, 1)
except ValueError as e:
    print("ValueError", e)
print(sys.gettrace())


# Opcode events.
ops = []


def optrace(frame, event, arg):
    if frame.f_code.co_name == "simple":
        frame.f_trace_opcodes = True
        ops.append(event)
        return optrace


sys.settrace(optrace)
simple(1, 2)
sys.settrace(None)
print(ops.count("opcode") > 3, ops[0], ops[-1])
try:
    sys._getframe().f_trace_lines = 1
except TypeError as e:
    print("TypeError", e)
