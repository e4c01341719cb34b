# _lsprof through cProfile and pstats: call counts and the function list (never timings,
# which are masked in printed reports).
import _lsprof
import cProfile
import io
import os
import pstats
import re
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def gen(n):
    for i in range(n):
        yield i


def raiser():
    raise ValueError("x")


def work():
    l = []
    for i in range(6):
        l.append(fib(i))
    boxes = [Box(i) for i in range(3)]
    total = sum(b.get() for b in boxes)
    s = sorted(l, key=abs)
    try:
        raiser()
    except ValueError:
        pass
    list(gen(4))
    "-".join(str(x) for x in s)
    return total


def label(code):
    if isinstance(code, str):
        return code
    return "%s:%s" % (os.path.basename(code.co_filename), code.co_name)


def show_stats(entries):
    rows = []
    for e in entries:
        calls = None
        if e.calls is not None:
            calls = sorted((label(s.code), s.callcount, s.reccallcount) for s in e.calls)
        rows.append((label(e.code), e.callcount, e.reccallcount, calls))
    for r in sorted(rows):
        print(" ", r)


def mask(text):
    text = re.sub(r"\d+\.\d+", "T", text)
    return "\n".join(line.rstrip() for line in text.splitlines())


print("== types")
print(_lsprof.Profiler, _lsprof.profiler_entry, _lsprof.profiler_subentry)
print(_lsprof.profiler_entry.n_fields, _lsprof.profiler_entry.n_sequence_fields)
print(issubclass(cProfile.Profile, _lsprof.Profiler))

print("== getstats with subcalls")
p = _lsprof.Profiler()
p.enable()
work()
p.disable()
show_stats(p.getstats())

print("== no subcalls, no builtins")
p = _lsprof.Profiler(subcalls=False, builtins=False)
p.enable()
work()
p.disable()
show_stats(p.getstats())
p.clear()
print("after clear", p.getstats())

print("== enable(builtins=False) keyword")
p = _lsprof.Profiler()
p.enable(subcalls=False, builtins=False)
fib(5)
p.disable()
show_stats(p.getstats())

print("== integer timer")
ticks = [0]


def timer():
    ticks[0] += 1
    return ticks[0]


p = _lsprof.Profiler(timer, 0.5)
p.enable()
fib(3)
p.disable()
for e in sorted(p.getstats(), key=lambda e: label(e.code)):
    print(" ", label(e.code), e.callcount, type(e.totaltime).__name__, e.totaltime >= 0)

print("== second profiler refused while one is active")
a = cProfile.Profile()
b = cProfile.Profile()
a.enable()
try:
    b.enable()
except ValueError as exc:
    print("ValueError", exc)
a.disable()
b.enable()
b.disable()
print("ok")

print("== runcall and pstats")
pr = cProfile.Profile()
print(pr.runcall(work))
st = pstats.Stats(pr)
print(st.total_calls, st.prim_calls)
for func, (cc, nc, tt, ct, callers) in sorted(st.stats.items(), key=lambda kv: (kv[0][2], kv[0][1])):
    print(" ", os.path.basename(func[0]), func[1], func[2], cc, nc,
          sorted((os.path.basename(k[0]), k[1], k[2], v[0], v[1]) for k, v in callers.items()))

out = io.StringIO()
pstats.Stats(pr, stream=out).strip_dirs().sort_stats("ncalls", "filename", "name").print_stats()
print(mask(out.getvalue()))

out = io.StringIO()
pstats.Stats(pr, stream=out).strip_dirs().sort_stats("name", "line").print_callers("fib")
print(mask(out.getvalue()))

out = io.StringIO()
pstats.Stats(pr, stream=out).strip_dirs().sort_stats("name", "line").print_callees("work")
print(mask(out.getvalue()))

print("== context manager")
with cProfile.Profile() as pr2:
    fib(4)
st = pstats.Stats(pr2)
print(sorted((f[2], v[1]) for f, v in st.stats.items()))

print("== cProfile.run")
saved = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    cProfile.run("fib(6)", sort="ncalls")
finally:
    sys.stdout = saved
# Rows with equal call counts come in the profiler's table order (by object address in
# CPython): the counts are checked, the tied rows sorted.
run_lines = mask(buf.getvalue()).replace("<string>", "STR").splitlines()
run_rows = [line for line in run_lines if re.match(r"\s+\d+(/\d+)?\s+T", line)]
print("\n".join(line for line in run_lines if line not in run_rows))
for line in sorted(run_rows, key=lambda l: (-int(l.split()[0].split("/")[0]), l)):
    print(line)

print("== cProfile.main on a script")
import tempfile
WORKLOAD = """\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def words(text):
    return sorted(set(text.split()))


def gen(n):
    for i in range(n):
        yield i * i


def main():
    total = sum(gen(10))
    out = [fib(i) for i in range(8)]
    out.append(len(words("b a c a b")))
    return total, out


if __name__ == "__main__":
    print("workload", main())
"""
tmpdir = tempfile.mkdtemp()
script = os.path.join(tmpdir, "workload.py")
with open(script, "w") as f:
    f.write(WORKLOAD)
saved_argv, saved_main = sys.argv[:], sys.modules["__main__"]
sys.argv = ["cProfile.py", "-s", "ncalls", script]
sys.stdout = buf = io.StringIO()
try:
    cProfile.main()
finally:
    sys.stdout = saved
    sys.argv[:] = saved_argv
    sys.modules["__main__"] = saved_main
    del sys.path[0]
    os.remove(script)
    os.rmdir(tmpdir)
text = mask(buf.getvalue())
lines = text.splitlines()
print(lines[0])
head, rows = [], []
for line in lines[1:]:
    (rows if re.match(r"\s+\d+(/\d+)?\s+T", line) else head).append(line)
print("\n".join(head))
for line in sorted(rows, key=lambda l: (l.split(None, 5)[-1], l.split()[0])):
    print(re.sub(r"\S*workload\.py", "workload.py", line))
