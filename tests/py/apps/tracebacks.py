import traceback
import sys
import linecache


class ConfigError(Exception):
    pass


def load(cfg):
    return parse(cfg["text"])


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"cannot parse {text!r}") from e


def outer():
    try:
        load({"text": "x1"})
    except ConfigError:
        raise RuntimeError("startup failed")


def deep(n):
    if n == 0:
        return {}["missing"]
    return deep(n - 1)


def attr_err():
    class A:
        value = 1
    return A().valeu


def recursive(n):
    return recursive(n + 1)


def show(label, fn, *a, **kw):
    print(f"===== {label}")
    try:
        fn(*a)
    except BaseException:
        txt = traceback.format_exc(**kw)
        print(txt.replace(__file__, "FILE"), end="")


show("chained", outer)
show("context suppressed", lambda: (_ for _ in ()).throw(ValueError("x")))
show("deep", deep, 5)
show("limit", deep, 5, limit=2)
show("negative limit", deep, 5, limit=-2)
show("attr suggestion", attr_err)
show("name suggestion", lambda: priint("x"))
show("zero div", lambda: 1 / 0)
show("index", lambda: [1, 2][5])
show("type", lambda: "a" + 1)
show("recursion", recursive, 0)
show("assert", lambda: exec("assert 1 == 2, 'math is broken'"))
show("syntax", lambda: compile("def f(:\n  pass", "<cfg>", "exec"))
show("syntax2", lambda: eval("1 +* 2"))
show("indent", lambda: exec("if True:\nprint(1)"))
show("unicode", lambda: b"\xff".decode("utf-8"))
show("keyerror tuple", lambda: {}[(1, 2)])
show("import", lambda: __import__("no_such_module_xyz"))
show("from import", lambda: exec("from __main__ import no_such_name"))
show("multiline expr", lambda: (
    1 +
    int("q")
))


def with_notes():
    e = ValueError("base")
    e.add_note("note one")
    e.add_note("note\ntwo lines")
    raise e


show("notes", with_notes)


def cause_none():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None


show("from None", cause_none)


def explicit_cause_and_context():
    try:
        try:
            raise OSError(2, "No such file or directory", "cfg.ini")
        except OSError as e:
            raise TypeError("bad type") from ValueError("root")
    except TypeError:
        raise SystemError("final")


show("cause and context", explicit_cause_and_context)

try:
    deep(2)
except KeyError as e:
    tbe = traceback.TracebackException.from_exception(e)
    print("".join(tbe.format_exception_only()), end="")
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.line, fs.colno is not None)
    summary = traceback.extract_tb(e.__traceback__)
    print("".join(traceback.format_list(summary[:2])).replace(__file__, "FILE"), end="")
    print(traceback.format_exception_only(type(e), e))
    print(len(list(traceback.walk_tb(e.__traceback__))))


def f_stack():
    return traceback.format_stack(limit=2)


print("".join(f_stack()).replace(__file__, "FILE"), end="")
print(traceback.format_exception_only(SyntaxError("msg", ("f.py", 3, 5, "x = = 1\n", 3, 6))))
print(repr(traceback.format_exception(ValueError("no tb"))))
import io
buf = io.StringIO()
try:
    outer()
except RuntimeError:
    traceback.print_exc(file=buf, chain=False)
print(buf.getvalue().replace(__file__, "FILE"), end="")
buf = io.StringIO()
traceback.print_exception(KeyError("x"), file=buf)
print(buf.getvalue(), end="")
print(sys.exception(), sys.exc_info())
