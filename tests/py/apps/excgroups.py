import traceback
import sys


class AppError(Exception):
    pass


class NetError(AppError):
    def __init__(self, host, code):
        super().__init__(f"{host} failed with {code}")
        self.host, self.code = host, code


class DiskError(AppError):
    pass


def run_jobs():
    errors = []
    for i, job in enumerate(["ok", "net", "disk", "val", "net2"]):
        try:
            if job == "net":
                raise NetError("a.example", 503)
            if job == "net2":
                raise NetError("b.example", 404)
            if job == "disk":
                raise DiskError("disk full")
            if job == "val":
                raise ValueError("bad value")
        except Exception as e:
            e.add_note(f"job #{i} ({job})")
            errors.append(e)
    if errors:
        raise ExceptionGroup("jobs failed", errors)


try:
    run_jobs()
except* NetError as eg:
    print("net:", [(e.host, e.code) for e in eg.exceptions], eg.message)
    print("notes:", [e.__notes__ for e in eg.exceptions])
except* AppError as eg:
    print("app:", [str(e) for e in eg.exceptions])
except* ValueError as eg:
    print("value:", repr(eg))

try:
    try:
        run_jobs()
    except* NetError:
        print("handled net only")
except ExceptionGroup as rest:
    print("rest:", rest, [type(e).__name__ for e in rest.exceptions])
    print(traceback.format_exception_only(rest)[-1], end="")

eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.subgroup(lambda e: isinstance(e, (TypeError, KeyError))))
print(eg.subgroup(OSError), eg.split(Exception)[1])
print(repr(eg.derive([ZeroDivisionError()])))
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
for args in [("m", []), ("m", [1]), (1, [ValueError()]), ("m", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)

try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise KeyError("from handler")
except BaseException as e:
    print("after raise in except*:", type(e).__name__, repr(e))
    tb = "".join(traceback.format_exception(e))
    print(tb.replace(__file__, "FILE"))

try:
    raise ExceptionGroup("lone", [FileNotFoundError("nope")])
except* FileNotFoundError as e:
    print("caught FNF via errno mapping?", e.exceptions)
except* OSError as e:
    print("oserror", e.exceptions)

try:
    raise TypeError("naked")
except* TypeError as e:
    print("naked wrapped:", repr(e), e.exceptions[0].__traceback__ is not None)


def nested():
    try:
        raise ExceptionGroup("L1", [ValueError("a"), ExceptionGroup("L2", [TypeError("b"), NameError("c")])])
    except* TypeError as e:
        print("inner handler", repr(e))
        raise


try:
    nested()
except* NameError as e:
    print("outer NameError", repr(e))
except* ValueError as e:
    print("outer ValueError", repr(e))

err = ExceptionGroup("display", [ValueError("one"), ExceptionGroup("sub", [KeyError("k")])])
err.add_note("a note on the group")
try:
    raise err
except ExceptionGroup as e:
    text = traceback.format_exc()
print(text.replace(__file__, "FILE"))
many = ExceptionGroup("many", [ValueError(i) for i in range(20)])
print("".join(traceback.format_exception(many)).count("ValueError"))
print("".join(traceback.format_exception(many, limit=1)))
te = traceback.TracebackException.from_exception(err, max_group_width=1, max_group_depth=1)
print("".join(te.format()))
print(sys.exception())
