# Returning sys.monitoring.DISABLE turns an event off at one location until restart_events;
# a non-local event cannot be disabled.
import sys

m = sys.monitoring
E = m.events
TOOL = 4
seen = []


def line_cb(code, line):
    if code.co_name != "work":
        return
    rel = line - code.co_firstlineno
    seen.append(rel)
    if rel == 2:
        return m.DISABLE


def start_cb(code, offset):
    if code.co_name == "work":
        seen.append("start")
        return m.DISABLE


def work(n):
    t = 0
    for i in range(n):
        t += i
    return t


m.use_tool_id(TOOL, "dis")
m.register_callback(TOOL, E.LINE, line_cb)
m.register_callback(TOOL, E.PY_START, start_cb)
m.set_events(TOOL, E.LINE | E.PY_START)
work(3)
work(2)
m.set_events(TOOL, 0)
print(seen)
seen.clear()
m.set_events(TOOL, E.LINE | E.PY_START)
m.restart_events()
work(2)
m.set_events(TOOL, 0)
print(seen)


def raise_cb(code, offset, exc):
    seen.append(type(exc).__name__)
    return m.DISABLE


m.register_callback(TOOL, E.RAISE, raise_cb)
m.set_events(TOOL, E.RAISE)
seen.clear()
try:
    try:
        {}[1]
    except KeyError:
        pass
except ValueError as e:
    print("ValueError", e)
m.set_events(TOOL, 0)
print(seen)

# Local events on one code object only.
seen.clear()
m.register_callback(TOOL, E.LINE, lambda code, line: seen.append((code.co_name, line - code.co_firstlineno)))
m.set_local_events(TOOL, work.__code__, E.LINE)
work(1)
simple = lambda: 1
simple()
m.set_local_events(TOOL, work.__code__, 0)
work(1)
print(seen)
m.free_tool_id(TOOL)
