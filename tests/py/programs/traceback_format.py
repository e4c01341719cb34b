import traceback, sys
def a(x):
    return x["key"]["inner"] + 1
def b(lst):
    return [a(v) for v in lst]
class C:
    def m(self):
        return self.attr.other
    @property
    def p(self):
        return 1 / 0
def chain():
    try:
        b([{"key": {"inner": 1}}, {"key": {}}])
    except KeyError as e:
        raise ValueError("bad input") from e
def ctx():
    try:
        chain()
    except ValueError:
        {}.missing
tests = [lambda: b([{"key": None}]), lambda: C().m(), lambda: C().p, chain, ctx,
         lambda: (1, 2)[5 if True else 0], lambda: int("3" + "x") * 2,
         lambda: sorted([3, None, 1]), lambda: print(*[1, 2], sep=3),
         lambda: max(x for x in []), lambda: {**{1: 2}, **None},
         lambda: f"{1 / 0:>10}", lambda: [x for x in range(3) if x / (x - 1)],
         lambda: exec("def f():\n    return undefined_name\nf()"),
         lambda: eval("1 +\n 2 * (3 / 0)")]
for t in tests:
    try:
        t()
    except Exception as e:
        print("".join(traceback.format_exception(e)), end="")
        print("---")
try:
    raise ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
except ExceptionGroup as eg:
    eg.add_note("note 1")
    eg.exceptions[0].add_note("sub note\nsecond line")
    traceback.print_exc(file=sys.stdout)
    print("".join(traceback.format_exception_only(eg)))
    te = traceback.TracebackException.from_exception(eg, max_group_width=1, max_group_depth=1)
    print("".join(te.format()))
def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    deep(n - 1)
try:
    deep(30)
except RuntimeError:
    traceback.print_exc(limit=3, file=sys.stdout)
    traceback.print_exc(limit=-2, file=sys.stdout)
    print(len(traceback.extract_tb(sys.exc_info()[2])))
    s = traceback.extract_tb(sys.exc_info()[2])[-1]
    print(s.name, s.lineno, s.line, s.colno, s.end_colno, repr(s))
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    lines = traceback.format_exception(e)
    print(lines[-1], lines[-3])
def suppress():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("clean") from None
try:
    suppress()
except TypeError as e:
    traceback.print_exception(e, file=sys.stdout)
    print(e.__suppress_context__, repr(e.__context__), e.__cause__)
print(traceback.format_stack(limit=1))
e = ValueError("no tb")
print(traceback.format_exception(e), traceback.format_exception_only(ValueError, None))
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("str fails")
print(traceback.format_exception_only(Weird()))
class Mod(Exception): pass
Mod.__module__ = "some.mod"
print(traceback.format_exception_only(Mod("x")), traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n", 3, 8))))
a_long_variable_name = {"a": [1, 2, {"b": None}]}
try:
    a_long_variable_name["a"][2]["b"]["c"]
except TypeError:
    traceback.print_exc(file=sys.stdout)
def f1(): return f2()
def f2(): return (lambda: [][0])()
f1()
