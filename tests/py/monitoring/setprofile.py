# sys.setprofile: 'call' / 'return' for Python functions, 'c_call' / 'c_return' /
# 'c_exception' for builtins, and sys.getprofile.
import sys

log = []


def prof(frame, event, arg):
    code = frame.f_code
    if event.startswith("c_"):
        name = getattr(arg, "__qualname__", repr(arg))
        log.append(f"{event} {name} (in {code.co_name})")
    else:
        log.append(f"{event} {code.co_name} {arg!r}")


def f(x):
    return len([x]) + g(x)


def g(x):
    try:
        int("z")
    except ValueError:
        pass
    return x


def gen():
    yield 1
    yield 2


sys.setprofile(prof)
f(3)
list(gen())
"a b".split()
sys.setprofile(None)
print(sys.getprofile())
for line in log:
    print(line)
