# The standard library's tracing tools on top of sys.settrace: trace and bdb.
import bdb
import sys
import trace


def counted(n):
    s = 0
    for i in range(n):
        s += i
    return s


t = trace.Trace(count=1, trace=0)
t.runfunc(counted, 4)
first = counted.__code__.co_firstlineno
counts = sorted((line - first, n) for (fname, line), n in t.results().counts.items()
                if fname == __file__)
print(counts)


class Stepper(bdb.Bdb):
    def __init__(self):
        super().__init__()
        self.lines = []

    def user_call(self, frame, args):
        self.lines.append(("call", frame.f_code.co_name))
        self.set_step()

    def user_line(self, frame):
        self.lines.append(("line", frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))
        self.set_step()

    def user_return(self, frame, value):
        self.lines.append(("return", frame.f_code.co_name, value))
        self.set_step()


def target(x):
    y = x + 1
    z = counted(y)
    return z


s = Stepper()
s.runcall(target, 2)
for entry in s.lines:
    if entry[1] in ("target", "counted"):
        print(entry)


class Breaker(bdb.Bdb):
    def user_line(self, frame):
        print("stopped", frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno,
              sorted(frame.f_locals))
        self.set_continue()


b = Breaker()
b.set_break(__file__, target.__code__.co_firstlineno + 2)
b.runcall(target, 5)
b.clear_all_breaks()
