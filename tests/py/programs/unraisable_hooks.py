# Errors nobody can catch: __del__, weakref callbacks, generator close, atexit, the
# unraisable hook (default output and a custom hook); addresses are masked.
import sys, io, re, gc, weakref, atexit

def masked(fn):
    saved = sys.stderr
    sys.stderr = buf = io.StringIO()
    try:
        fn()
        gc.collect()
    finally:
        sys.stderr = saved
    print(re.sub(r"0x[0-9a-f]+", "0x...", buf.getvalue()), end="")

class Boom:
    def __del__(self):
        x = 1 + (1 / 0)
class AppError(Exception):
    pass
class Custom:
    def __del__(self):
        raise AppError("custom failure")
def dels():
    b = Boom()
    del b
    Custom()
masked(dels)

def weak():
    class T: pass
    t = T()
    r = weakref.ref(t, lambda ref: {}["missing"])
    del t
masked(weak)

def gens():
    def gen():
        try:
            yield 1
        finally:
            raise ValueError("gen finally")
    g = gen(); next(g); del g
masked(gens)

def cycle():
    class Cyc:
        def __del__(self):
            raise KeyError("cyc")
    c = Cyc(); c.self = c; del c
masked(cycle)

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.err_msg is not None,
                 type(args).__name__, args.exc_traceback is not None, args.object))
sys.unraisablehook = hook
Boom()
print(seen)
def badhook(args):
    raise RuntimeError("hook broke")
sys.unraisablehook = badhook
masked(lambda: Custom())
sys.unraisablehook = sys.__unraisablehook__
print(sys.unraisablehook is sys.__unraisablehook__)
try:
    sys.unraisablehook(1)
except TypeError as e:
    print(e)
class Callback:
    def __call__(self):
        return 1 / 0
    def __repr__(self):
        return "<Callback>"
atexit.register(Callback())
print("end")
