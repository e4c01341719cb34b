# generator.throw(): a class whose call does not give an exception instance, the thrown
# exception's context inside an except block, and the stack seen by a delegate.
import sys

class NotAnException(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

def plain():
    yield

g = plain()
try:
    g.throw(NotAnException)
except TypeError as e:
    print("TypeError", e)
print(next(g, "exhausted"))

def catching():
    try:
        yield
    except TypeError as e:
        print("inside:", e)
        yield "caught"

g = catching()
next(g)
print(g.throw(NotAnException))

def in_handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield

g = in_handler()
next(g)
try:
    g.throw(ValueError)
except ValueError as e:
    print("context:", repr(e.__context__))

g = in_handler()
next(g)
try:
    g.throw(ValueError("given"))
except ValueError as e:
    print("context:", repr(e.__context__))

def inner():
    try:
        yield
    except ValueError as e:
        print("inner context:", repr(e.__context__))
        names = []
        f = sys._getframe()
        while f and f.f_code.co_name in ("inner", "outer"):
            names.append(f.f_code.co_name)
            f = f.f_back
        print("stack:", names)
        yield "from inner"

def outer():
    try:
        raise IndexError("i")
    except IndexError:
        return (yield from inner())

g = outer()
next(g)
print(g.throw(ValueError))

class InitFails(Exception):
    def __init__(self, *args):
        raise OSError("no init")

def catch_all():
    try:
        yield
    except OSError as e:
        yield "got " + str(e)

g = catch_all()
next(g)
print(g.throw(InitFails))
