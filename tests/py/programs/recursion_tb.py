import sys
sys.setrecursionlimit(200)
def walk(n):
    return walk(n + 1) + 1
def a(n):
    return b(n)
def b(n):
    return a(n + 1)
try:
    walk(0)
except RecursionError as e:
    import traceback
    lines = traceback.format_exc().splitlines()
    print(len(lines) < 30, lines[-1], [l for l in lines if "Previous" in l])
try:
    a(0)
except RecursionError as e:
    lines = traceback.format_exc().splitlines()
    print([l for l in lines if "Previous" in l])
class Weird:
    def __repr__(self):
        raise ValueError("repr failed")
    def __str__(self):
        return "weird-str"
print([1, Weird()] if False else "skip")
try:
    print(repr([Weird()]))
except ValueError as e:
    print("ValueError", e)
def gen():
    yield 1
    raise KeyError("in generator")
try:
    list(gen())
except KeyError as e:
    print(traceback.format_exc())
def g2():
    try:
        yield 1
    finally:
        raise RuntimeError("from finally")
x = g2(); next(x)
try:
    x.close()
except RuntimeError as e:
    print("close raised", e)
print("after del")
sys.stdout.flush()
walk(0)
