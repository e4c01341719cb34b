# What happens to a program's objects at exit (Py_FinalizeEx: finalize_modules after atexit):
# each case runs in a child interpreter (sys.executable) and the parent prints what it saw.
# Finalizer order inside a collected cycle is the collector's business, so lines that can come
# in any order are sorted.
import os
import subprocess
import sys
import tempfile
import textwrap

tmp = tempfile.mkdtemp()


def child(source, sort=False):
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(source)], capture_output=True,
                       text=True, timeout=60, cwd=tmp)
    out = p.stdout.splitlines()
    if sort:
        out.sort()
    err = [line for line in p.stderr.splitlines() if line.strip()]
    print(" ", out, err[-1:] if err else "", "status", p.returncode)


print("a file left open at module level is flushed and closed")
path = os.path.join(tmp, "left_open.txt")
child(f"""
    f = open({path!r}, "w")
    f.write("written but never flushed")
""")
with open(path) as f:
    print(" ", repr(f.read()))

print("the same through a buffered binary file and a file object in a container")
path2 = os.path.join(tmp, "left_open.bin")
child(f"""
    files = [open({path2!r}, "wb")]
    files[0].write(b"x" * 100)
""")
print(" ", os.path.getsize(path2))

print("__del__ of module globals runs at exit")
child("""
    class A:
        def __init__(self, n): self.n = n
        def __del__(self): print("del", self.n)
    a = A(1)
    b = [A(2), A(3)]
    c = {"k": A(4)}
    print("end of program")
""", sort=True)

print("after atexit callbacks, which still see the globals")
child("""
    import atexit
    class A:
        def __del__(self): print("del A")
    a = A()
    atexit.register(lambda: print("atexit sees", type(a).__name__))
""")

print("objects in cycles and weakref callbacks")
child("""
    import weakref
    class Node:
        def __init__(self, name): self.name = name
        def __del__(self): print("del", self.name)
    n = Node("cyclic"); n.me = n
    target = Node("target")
    r = weakref.ref(target, lambda ref: print("weakref callback"))
    fin = weakref.finalize(Node("finalized"), print, "finalize callback")
""", sort=True)

print("globals of imported modules too")
modpath = os.path.join(tmp, "helpermod.py")
with open(modpath, "w") as f:
    f.write(textwrap.dedent("""
        class Res:
            def __del__(self): print("helpermod resource released")
        res = Res()
    """))
child("""
    import helpermod
    print("imported")
""")

print("a daemon thread does not run while the modules go away")
child("""
    import threading, time
    def spin():
        while True:
            time.sleep(0.001)
    threading.Thread(target=spin, daemon=True).start()
    class A:
        def __del__(self): print("del A")
    a = A()
    time.sleep(0.05)
""")

print("an exception in __del__ at exit is reported, the status unchanged")
child("""
    class Bad:
        def __del__(self): raise ValueError("from __del__")
    b = Bad()
""")
