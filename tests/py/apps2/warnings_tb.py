"""Error reporting in an application: warnings filters, traceback module, excepthook, chained errors."""
import io
import linecache
import sys
import traceback
import warnings


def old_api(x):
    warnings.warn("old_api() is deprecated; use new_api()", DeprecationWarning, stacklevel=2)
    return x * 2


def risky(n):
    if n > 2:
        raise ValueError(f"n too large: {n}")
    return risky(n + 1)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api(1)
    old_api(2)
    warnings.warn("plain user warning")
    warnings.warn(RuntimeWarning("as instance"))
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno, w.filename == __file__)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        old_api(3)
    print("default filter shows once per location:", len(caught))
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        warnings.warn("now an error")
    except UserWarning as exc:
        print("raised:", repr(exc))
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.filterwarnings("always", category=SyntaxWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
    warnings.warn_explicit("explicit", SyntaxWarning, "virtual.py", 7, module="virt")
    print([(str(w.message), w.filename, w.lineno) for w in caught])


def show(message, category, filename, lineno, file=None, line=None):
    print(f"custom showwarning: {category.__name__}: {message} (line {lineno})")


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = show
    warnings.warn("through the hook")
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "code line"), end="")

with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("printed to stderr with its source line")
    old_api(0)


@warnings.deprecated("use shiny() instead")
def dull():
    return "dull"


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    dull()
    print([str(w.message) for w in caught], dull.__deprecated__)

try:
    risky(0)
except ValueError:
    tb = traceback.format_exc()
    print(tb.replace(__file__, "FILE"))
    etype, value, tbobj = sys.exc_info()
    frames = traceback.extract_tb(tbobj)
    print([(f.name, f.lineno, f.line) for f in frames])
    print(traceback.format_exception_only(etype, value))
    summary = traceback.StackSummary.extract(traceback.walk_tb(tbobj), capture_locals=True)
    print([sorted(f.locals) if f.locals else None for f in summary])


def level3():
    try:
        {}["key"]
    except KeyError as exc:
        raise RuntimeError("lookup failed") from exc


def level2():
    try:
        level3()
    except RuntimeError:
        raise TypeError("wrapped")


try:
    level2()
except TypeError as exc:
    te = traceback.TracebackException.from_exception(exc)
    text = "".join(te.format())
    print(text.replace(__file__, "FILE"))
    print("".join(te.format(chain=False)).count("\n"), te.exc_type_str, str(te))
    print([type(e).__name__ for e in (exc, exc.__context__, exc.__context__.__cause__)])
    print(exc.__suppress_context__, exc.__context__.__suppress_context__)

try:
    raise ExceptionGroup("many", [ValueError("a"), ExceptionGroup("inner", [KeyError("b")])])
except ExceptionGroup as eg:
    print("".join(traceback.format_exception(eg)).replace(__file__, "FILE"))

e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nnote")
print("".join(traceback.format_exception(e)), end="")
print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n", 3, 8))))
buf = io.StringIO()
traceback.print_stack(limit=1, file=buf)
print(buf.getvalue().replace(__file__, "FILE"))
print(linecache.getline(__file__, 1).strip())


def hook(etype, value, tb):
    print(f"excepthook: {etype.__name__}: {value} at line {tb.tb_lineno}", file=sys.stderr)


sys.excepthook = hook
print("about to fail")
raise LookupError("final uncaught error")
