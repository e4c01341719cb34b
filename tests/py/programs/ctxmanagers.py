import contextlib, sys, io, os, tempfile
from contextlib import contextmanager, suppress, ExitStack, redirect_stdout, closing, nullcontext, AsyncExitStack, chdir

class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type.__name__ if exc_type else None, exc)
        return exc_type is KeyError

with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    raise KeyError("swallowed")
try:
    with Timer("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("outer caught", e)

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print("handled zero division")
    finally:
        print(f"</{name}>")

with tag("div") as T:
    print("body", T)
with tag("p"):
    1 / 0
try:
    with tag("span"):
        raise IndexError("x")
except IndexError:
    print("IndexError escaped")
with suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("after suppress")
with ExitStack() as stack:
    for n in ("x", "y", "z"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("stack body")
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured!")
print(repr(buf.getvalue()))
class Res:
    def close(self):
        print("closed")
with closing(Res()):
    pass
with nullcontext(5) as v:
    print(v)
@contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("start"); return self
    def __exit__(self, *exc):
        print("end"); return False
@Reentrant()
def decorated():
    print("in function")
decorated()
with tempfile.TemporaryDirectory() as d:
    with chdir(d):
        print(os.path.basename(os.getcwd()) == os.path.basename(d))
with open(__file__) as f1, open(__file__) as f2:
    print(f1.readline() == f2.readline())
print(f1.closed, f2.closed)
with (Timer("p1") as a,
      Timer("p2") as b):
    print(a.name, b.name)
import asyncio
class AsyncRes:
    async def __aenter__(self):
        print("aenter"); return self
    async def __aexit__(self, *exc):
        print("aexit", exc[0]); return True
@contextlib.asynccontextmanager
async def actx():
    print("actx start")
    yield 42
    print("actx end")
async def main():
    async with AsyncRes():
        raise ValueError
    async with actx() as v:
        print("got", v)
    async with AsyncExitStack() as st:
        await st.enter_async_context(actx())
        st.push_async_callback(asyncio.sleep, 0)
c = main()
try:
    while True:
        c.send(None)
except StopIteration:
    pass
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen()
print(next(g))
g.close()
with contextlib.closing(gen()) as g2:
    print(list(g2))
