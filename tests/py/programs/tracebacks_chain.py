import traceback
import sys

class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field

def parse_age(s):
    try:
        return int(s)
    except ValueError as e:
        raise ValidationError("age", "not a number") from e

def load(record):
    try:
        return parse_age(record["age"])
    except KeyError:
        raise RuntimeError("missing field")

for rec in [{"age": "42"}, {"age": "x"}, {}]:
    try:
        print(load(rec))
    except Exception:
        print(traceback.format_exc())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print("".join(traceback.format_exception(e)))
    print(traceback.format_exception_only(e))
    print(repr(e.__context__), e.__suppress_context__)

def deep(n):
    if n == 0:
        raise KeyError("bottom")
    deep(n - 1)

try:
    deep(3)
except KeyError as e:
    tb = traceback.extract_tb(e.__traceback__)
    for fs in tb:
        print(fs.name, fs.lineno, fs.line)
    print(traceback.format_tb(e.__traceback__)[-1])

e = ExceptionGroup("many", [ValueError("a"), TypeError("b"), ExceptionGroup("inner", [KeyError("c")])])
traceback.print_exception(e, file=sys.stdout)
try:
    raise e
except* ValueError as g:
    print("caught values", repr(g))
except* (TypeError, KeyError) as g:
    print("caught others", repr(g), g.exceptions)

try:
    raise ValueError("with note")
except ValueError as e:
    e.add_note("extra context")
    e.add_note("more")
    traceback.print_exc(file=sys.stdout)

class Res:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise OSError("cleanup failed")
try:
    with Res():
        raise LookupError("body")
except OSError as e:
    print(traceback.format_exc())

def recurse(n):
    return recurse(n + 1)
try:
    recurse(0)
except RecursionError as e:
    print(type(e).__name__, str(e)[:40])

print("now uncaught", flush=True)
def outer():
    inner()
def inner():
    {}["k"]
try:
    outer()
finally:
    print("finally ran")
