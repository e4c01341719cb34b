# The file helpers of Objects/fileobject.c: PyObject_AsFileDescriptor (select, fcntl, os),
# PyFile_GetLine (input() on a stream that is not a terminal), PyFile_WriteObject/WriteString.
import io, os, select, sys, warnings
warnings.simplefilter("always")
warnings.showwarning = lambda msg, cat, *a, **k: print("warning:", cat.__name__, msg)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Fileno:
    def __init__(self, v): self.v = v
    def fileno(self): return self.v
class Raises:
    def fileno(self): raise OSError("no fileno")

r, w = os.pipe()
for obj in [r, Fileno(r), False, True, Fileno("x"), Fileno(2.5), object(), -3, Fileno(-1), 2**40,
            Raises()]:
    t(lambda: type(select.select([obj], [], [], 0)).__name__)
import fcntl
for obj in [r, Fileno(r), "x", -5]:
    t(lambda: fcntl.fcntl(obj, fcntl.F_GETFD) >= 0)
for obj in [1.5, Fileno(None)]:
    t(lambda: os.fsync(obj))
os.close(r); os.close(w)

# input() reads through PyFile_GetLine when stdin is not a terminal
saved = sys.stdin, sys.stdout
class Lines:
    def __init__(self, items): self.items = list(items)
    def readline(self): return self.items.pop(0) if self.items else ""
try:
    out = io.StringIO()
    sys.stdout = out
    sys.stdin = io.StringIO("first\nsecond")
    got = [input("p> "), input()]
    try:
        input()
    except EOFError as e:
        got.append("EOFError " + str(e))
    sys.stdin = Lines([b"raw bytes\n", 42])
    got.append(input())
    try:
        input()
    except TypeError as e:
        got.append("TypeError " + str(e))
    sys.stdin = Lines(["no newline"])
    got.append(input())
finally:
    sys.stdin, sys.stdout = saved
print(got, repr(out.getvalue()))

# print() writes with PyFile_WriteObject / PyFile_WriteString
class Writer:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
wr = Writer()
print(1, "a", None, sep="|", end="!\n", file=wr)
print(wr.parts)
class BadWriter:
    def write(self, s): raise ValueError("cannot write " + repr(s))
t(lambda: print("x", file=BadWriter()))
t(lambda: print("x", file=object()))
