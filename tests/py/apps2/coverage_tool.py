"""A tiny coverage and call-tracing tool: sys.settrace, sys.monitoring, frames, and a profiler's counts."""
import cProfile
import dis
import io
import pstats
import sys
import types


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    total = 0
    for i in range(n):
        if i % 2:
            total += i
    try:
        if n > 5:
            raise ValueError("big")
    except ValueError:
        total = -total
    return total


def gen(n):
    for i in range(n):
        yield i * i


class Tracer:
    def __init__(self, target_code):
        self.target = target_code
        self.lines = {}
        self.events = []

    def global_trace(self, frame, event, arg):
        if frame.f_code in (classify.__code__, gen.__code__):
            self.events.append((event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))
            return self.local_trace
        return None

    def local_trace(self, frame, event, arg):
        rel = frame.f_lineno - frame.f_code.co_firstlineno
        if event == "line":
            self.lines.setdefault(frame.f_code.co_name, set()).add(rel)
        elif event in ("return", "exception"):
            detail = arg if event == "return" else arg[0].__name__
            self.events.append((event, frame.f_code.co_name, rel, detail))
        return self.local_trace


t = Tracer(classify.__code__)
sys.settrace(t.global_trace)
results = [classify(-1), classify(0), classify(4), classify(7), list(gen(3))]
sys.settrace(None)
print(results)
print({k: sorted(v) for k, v in t.lines.items()})
for e in t.events:
    print(e)
all_lines = {ln - classify.__code__.co_firstlineno for _, _, ln in classify.__code__.co_lines() if ln}
print("classify not covered:", sorted(all_lines - t.lines["classify"]))


# Local variable snapshots via f_locals and frame.f_back
def snapshot():
    frame = sys._getframe(1)
    return frame.f_code.co_name, sorted(frame.f_locals.items()), frame.f_back.f_code.co_name


def worker(a, b=2):
    c = a + b
    return snapshot()


def caller():
    return worker(1)


print(caller())

# sys.monitoring: count instructions/branches of classify without settrace
mon = sys.monitoring
TOOL = mon.COVERAGE_ID
mon.use_tool_id(TOOL, "tinycov")
seen_lines = set()
branches = []
calls = []


def on_line(code, line):
    if code is classify.__code__:
        seen_lines.add(line - code.co_firstlineno)
    return None


def on_branch(code, offset, dest):
    if code is classify.__code__:
        branches.append((offset < dest))


def on_call(code, offset, callable_, arg0):
    if getattr(callable_, "__name__", "") in ("classify", "gen", "len"):
        calls.append(callable_.__name__)


mon.register_callback(TOOL, mon.events.LINE, on_line)
mon.register_callback(TOOL, mon.events.BRANCH_LEFT, lambda c, o, d: on_branch(c, o, d))
mon.register_callback(TOOL, mon.events.BRANCH_RIGHT, lambda c, o, d: on_branch(c, o, d))
mon.register_callback(TOOL, mon.events.CALL, on_call)
mon.set_events(TOOL, mon.events.LINE | mon.events.CALL)
mon.set_local_events(TOOL, classify.__code__, mon.events.BRANCH_LEFT | mon.events.BRANCH_RIGHT)
classify(3)
len("abc")
list(gen(2))
mon.set_events(TOOL, 0)
mon.set_local_events(TOOL, classify.__code__, 0)
mon.free_tool_id(TOOL)
print(sorted(seen_lines), len(branches), sorted(set(branches)), calls)
print(mon.get_tool(TOOL), mon.events.LINE, mon.events.BRANCH_LEFT, type(mon.DISABLE).__name__, mon.MISSING is not mon.DISABLE)

# A profiler: only call counts (times differ from run to run)
prof = cProfile.Profile()
prof.enable()
for n in range(-2, 9):
    classify(n)
sum(gen(50))
prof.disable()
out = io.StringIO()
stats = pstats.Stats(prof, stream=out)
rows = []
for (filename, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
    if name in ("classify", "gen", "<built-in method builtins.sum>"):
        rows.append((name, cc, nc, sorted(c[2] for c in callers)))
print(sorted(rows))
print(stats.total_calls >= 12, stats.prim_calls >= 12)

# Code objects and frames as a debugger sees them
code = classify.__code__
print(code.co_name, code.co_qualname, code.co_argcount, code.co_varnames, code.co_nlocals,
      code.co_filename.endswith("coverage_tool.py"), code.co_flags & 0x20 == 0, gen.__code__.co_flags & 0x20 != 0)
print(sorted({i.opname for i in dis.get_instructions(classify)} & {"FOR_ITER", "RAISE_VARARGS", "COMPARE_OP", "RETURN_VALUE"}))
print([(ln - code.co_firstlineno) for ln in dict.fromkeys(l for _, _, l in code.co_lines() if l)][:6])
positions = list(code.co_positions())
print(len(positions) == len(code.co_code) // 2, positions[2])
g = gen(3)
print(g.gi_frame.f_lasti, next(g), g.gi_frame.f_lineno - gen.__code__.co_firstlineno, g.gi_suspended, g.gi_code is gen.__code__)
fn = types.FunctionType(code.replace(co_name="renamed"), {"ValueError": ValueError, "range": range}, "renamed")
print(fn(7), fn.__name__, fn.__code__.co_name)
try:
    def bad():
        return undefined_name
    bad()
except NameError as exc:
    tb = exc.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno - bad.__code__.co_firstlineno, type(tb.tb_frame.f_locals).__name__,
          exc.name)
