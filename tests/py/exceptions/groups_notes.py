# Exception groups (split, subgroup, derive, except*), notes, and their display by the
# default excepthook.
import sys


def check(label, f):
    try:
        r = f()
    except BaseException as e:
        print(f"{label}: {type(e).__name__}: {e!r}")
    else:
        print(f"{label}: {r!r}")


eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
check("repr", lambda: eg)
check("str", lambda: str(eg))
check("exceptions", lambda: eg.exceptions)
match, rest = eg.split(ValueError)
check("split match", lambda: match)
check("split rest", lambda: rest)
check("split none", lambda: eg.split(OSError))
check("split all", lambda: eg.split(Exception)[0] is eg)
check("split pred", lambda: eg.split(lambda e: isinstance(e, KeyError)))
check("subgroup", lambda: eg.subgroup((TypeError, KeyError)))
check("subgroup none", lambda: eg.subgroup(OSError))
check("derive", lambda: eg.derive([ValueError(9)]))
check("empty", lambda: ExceptionGroup("e", []))
check("not list", lambda: ExceptionGroup("e", ValueError()))
check("bad item", lambda: ExceptionGroup("e", [1]))
check("base in eg", lambda: ExceptionGroup("e", [KeyboardInterrupt()]))
check("base group", lambda: type(BaseExceptionGroup("e", [ValueError()])).__name__)
check("base group 2", lambda: type(BaseExceptionGroup("e", [KeyboardInterrupt()])).__name__)
check("msg type", lambda: ExceptionGroup(1, [ValueError()]))
check("args", lambda: ExceptionGroup("m", (ValueError(),)).args)


class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)


mg = MyEG("mine", [ValueError(1), TypeError(2)])
check("subclass split", lambda: [type(x).__name__ for x in mg.split(ValueError)])

e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nmultiline")
check("notes", lambda: e.__notes__)
check("add_note bad", lambda: e.add_note(1))
e2 = ValueError()
e2.__notes__ = "not a list"
check("notes not list", lambda: e2.add_note("x"))


def star():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as g:
        print("caught values", g.exceptions)
    except* TypeError as g:
        print("caught types", g.exceptions)


star()


def star_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled value")


check("star reraise", star_reraise)


def star_naked():
    try:
        raise TypeError("naked")
    except* TypeError as g:
        print("naked wrapped", repr(g))


star_naked()


def star_raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("new")


check("star raise new", star_raise_new)
check("star group type", lambda: exec("try:\n  pass\nexcept* ExceptionGroup:\n  pass"))


def show(exc):
    sys.__excepthook__(type(exc), exc, exc.__traceback__)
    sys.stderr.flush()


n = ValueError("noted")
n.add_note("a note")
n.add_note("two\nlines")
show(n)
g = ExceptionGroup("many", [ValueError("v"), ExceptionGroup("sub", [TypeError("t")]), KeyError("k")])
g.add_note("group note")
show(g)
try:
    try:
        raise ValueError("cause")
    except ValueError as c:
        raise ExceptionGroup("chained", [KeyError("x")]) from c
except ExceptionGroup as ch:
    show(ch)
big = ExceptionGroup("big", [ValueError(i) for i in range(17)])
show(big)
deep = ValueError("leaf")
for i in range(12):
    deep = ExceptionGroup(f"level{i}", [deep])
show(deep)


class BadNote(Exception):
    pass


bn = BadNote("x")
bn.__notes__ = ["ok", 42]
show(bn)
print("done")
