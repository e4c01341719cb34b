# sys.monitoring's namespace, tool ids and error messages.
import sys

m = sys.monitoring
E = m.events
print(sorted((k, v) for k, v in vars(E).items()))
print(m.DEBUGGER_ID, m.COVERAGE_ID, m.PROFILER_ID, m.OPTIMIZER_ID)
print(type(m.DISABLE).__name__, type(m.MISSING).__name__, m.DISABLE is not m.MISSING)
print(sorted(k for k in dir(m) if not k.startswith('__')))
print(type(m).__name__, m.__name__, type(E).__name__)
m.use_tool_id(3, "x")
print(m.get_tool(3), m.get_tool(4))
m.set_events(3, E.BRANCH)
print(m.get_events(3) == E.BRANCH_LEFT | E.BRANCH_RIGHT)
m.set_events(3, E.CALL | E.C_RETURN | E.C_RAISE)
print(m.get_events(3))
m.set_events(3, E.PY_START | E.RAISE)
print(m.get_events(3))


def f():
    pass


code = f.__code__
print(m.get_local_events(3, code))
m.set_local_events(3, code, E.LINE | E.PY_RETURN)
print(m.get_local_events(3, code))
m.set_local_events(3, code, 0)
print(m.get_local_events(3, code))

calls = [
    (m.set_events, (3, E.C_RETURN)),
    (m.set_events, (3, 1 << 19)),
    (m.set_events, (3, -1)),
    (m.set_events, (6, 0)),
    (m.set_events, (2, 0)),
    (m.use_tool_id, (3, "y")),
    (m.use_tool_id, (4, 5)),
    (m.use_tool_id, (9, "x")),
    (m.use_tool_id, ("a", "b")),
    (m.use_tool_id, (1,)),
    (m.register_callback, (3, 3, None)),
    (m.register_callback, (3, 1 << 20, None)),
    (m.register_callback, (3, 0, None)),
    (m.get_local_events, (3, 1)),
    (m.set_local_events, (3, code, E.RAISE)),
    (m.set_local_events, (3, code, E.C_RAISE)),
    (m.set_local_events, (2, code, E.LINE)),
    (m.get_tool, (7,)),
    (m.free_tool_id, (7,)),
    (m.get_events, (-1,)),
    (m.clear_tool_id, (6,)),
]
for fn, args in calls:
    try:
        print(fn.__name__, fn(*args))
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)

print(m.register_callback(3, E.LINE, print))
print(m.register_callback(3, E.LINE, None))
print(m.register_callback(3, E.LINE, None))
print(m._all_events())
m.clear_tool_id(3)
print(m.get_tool(3), m.get_events(3), m._all_events())
m.free_tool_id(3)
print(m.get_tool(3))
m.free_tool_id(3)
try:
    m.set_events(3, E.LINE)
except ValueError as e:
    print(e)
m.restart_events()
print("done")
