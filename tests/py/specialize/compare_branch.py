# Comparisons followed by a conditional jump, once specialised (COMPARE_OP_INT / _FLOAT /
# _STR), with the jump taken and not taken; then the same code traced and monitored after
# warming up (the branch events must still be seen), and operands that miss the guards.
import sys


def classify(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    if not a < b:
        out.append("!lt")
    if not a == b:
        out.append("!eq")
    return " ".join(out)


def count_below(n, limit):
    i = 0
    below = 0
    while i < n:
        if i * 3 < limit:
            below += 1
        i += 1
    return below


def run_pairs(pairs):
    for _ in range(40):  # past the adaptive counters
        for a, b in pairs:
            classify(a, b)
    for a, b in pairs:
        print(repr(a), repr(b), classify(a, b))


run_pairs([(1, 2), (2, 1), (3, 3), (-5, 0), (0, -5), (-7, -7), (1 << 29, (1 << 29) + 1)])
run_pairs([(1.5, 2.5), (2.5, 1.5), (0.0, -0.0), (float("nan"), 1.0), (-1e300, 1e300)])
run_pairs([("a", "b"), ("b", "b"), ("", ""), ("x", "xy")])
# Warmed up on small ints, then given big ints, a float, a bool and an int subclass.
run_pairs([(1, 2), (2, 1)] * 5 + [(10**30, 10**30 + 1), (2.5, 2), (True, 1)])


class MyInt(int):
    pass


print(classify(MyInt(3), 3), classify(3, MyInt(4)))

for _ in range(30):
    count_below(50, 40)
print(count_below(50, 40), count_below(0, 10), count_below(1000, 10**40))

# Traced after warming up: every line of the loop is reported.
lines = []


def tracer(frame, event, arg):
    if frame.f_code is count_below.__code__:
        if event == "line":
            lines.append(frame.f_lineno - count_below.__code__.co_firstlineno)
        return tracer
    return tracer if event == "call" else None


sys.settrace(tracer)
r = count_below(4, 5)
sys.settrace(None)
print(r, lines)

# Monitored after warming up: the branch events of the compares.
mon = sys.monitoring
TOOL = 3
events = []
mon.use_tool_id(TOOL, "compare_branch")


def on_branch(kind):
    def cb(code, src, dest):
        if code is count_below.__code__:
            events.append((kind, src, dest))
    return cb


mon.register_callback(TOOL, mon.events.BRANCH_LEFT, on_branch("left"))
mon.register_callback(TOOL, mon.events.BRANCH_RIGHT, on_branch("right"))
mon.set_events(TOOL, mon.events.BRANCH_LEFT | mon.events.BRANCH_RIGHT)
r = count_below(3, 4)
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
print(r, len(events), sorted(set(k for k, _, _ in events)))
print(events)
# And plain again afterwards.
print(count_below(50, 40), classify(5, 6))
