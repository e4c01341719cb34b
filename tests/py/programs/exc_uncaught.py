import sys, errno
class AppError(Exception):
    """Base error."""
class ConfigError(AppError):
    def __init__(self, key, detail):
        super().__init__(key, detail)
        self.key = key
    def __str__(self):
        return f"bad config key {self.key!r}: {self.args[1]}"
def load_config(d):
    try:
        return int(d["port"])
    except (KeyError, ValueError) as e:
        raise ConfigError("port", "missing or invalid") from e
print(repr(ConfigError("a", "b")), str(ConfigError("a", "b")))
try:
    load_config({"port": "eighty"})
except AppError as e:
    print("caught", e, "| cause:", repr(e.__cause__))
errs = []
for exc in (ValueError(), ValueError("x"), KeyError("k"), KeyError(), 
            UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), SystemExit(3), StopIteration(5), AttributeError("a", name="n", obj=1),
            ExceptionGroup("g", [ValueError(1)]), BaseExceptionGroup("bg", [KeyboardInterrupt()])):
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
e1 = OSError(errno.ENOENT, "No such file", "f.txt")
print(type(e1).__name__, e1.strerror, e1.filename, str(e1).endswith("No such file: 'f.txt'"), type(OSError(errno.EEXIST, "x")).__name__)
print(ExceptionGroup("g", [ValueError(1), TypeError(2)]).split(ValueError))
eg = ExceptionGroup("g", [ValueError(1), TypeError(2), ExceptionGroup("h", [ValueError(3)])])
match_, rest = eg.split(lambda e: isinstance(e, ValueError))
print(repr(match_), repr(rest), eg.subgroup(TypeError), eg.derive([KeyError(0)]))
print(isinstance(eg, Exception), issubclass(BaseExceptionGroup, BaseException), type(BaseExceptionGroup("x", [ValueError()])))
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
def f():
    try:
        return "from try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
g()
try:
    raise ValueError("original")
except ValueError:
    try:
        raise TypeError("secondary")
    except TypeError as t:
        print(repr(t.__context__))
e = None
try:
    raise RuntimeError("x") from None
except RuntimeError as ex:
    print(ex.__cause__, ex.__suppress_context__)
print(sys.exc_info())
def nested():
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__, repr(sys.exception()))
        raise
try:
    nested()
except KeyError as k:
    print("re-raised", repr(k))
sys.stdout.flush()
def level3(data):
    return data["items"][3] * 2
def level2(data):
    return [level3(data) for _ in range(1)]
def level1():
    data = {"items": [1, 2, 3]}
    try:
        return level2(data)
    except IndexError as e:
        raise LookupError("could not compute") from e
level1()
