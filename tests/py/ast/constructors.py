# Node construction (ast_type_init, 3.14): positional and keyword fields, defaults for
# optional fields and lists, DeprecationWarnings for missing or unknown arguments.
import _ast

n = _ast.Name("x")
print(n.id, type(n.ctx).__name__, n.__dict__)
print(_ast.Name("y", _ast.Store()).__dict__)
print(_ast.Name(id="z", ctx=_ast.Del(), lineno=3, col_offset=4).__dict__)
c = _ast.Constant(5)
print(c.value, c.kind, "kind" in c.__dict__)
m = _ast.Module()
print(m.body, m.type_ignores)
print(_ast.Pass().__dict__)
f = _ast.FunctionDef("f", _ast.arguments())
print(sorted(f.__dict__), f.returns, f.type_comment, f.args.args, f.args.vararg)
print(_ast.ImportFrom(names=[_ast.alias("a")]).__dict__["names"][0].__dict__)
print(_ast.ImportFrom().module, _ast.ImportFrom().level)

for make in (lambda: _ast.Name("x", _ast.Load(), 3),
             lambda: _ast.Pass(1),
             lambda: _ast.Name("x", id="y"),
             lambda: _ast.Constant(1, 2, 3)):
    try:
        make()
    except TypeError as e:
        print("TypeError", e)

# Missing required fields and unknown keywords warn.
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _ast.Name()
    _ast.Constant()
    _ast.Name("x", foo=1)
    _ast.keyword(value=_ast.Constant(1))
for w in caught:
    print(w.category.__name__, w.lineno, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        _ast.Name()
    except DeprecationWarning as e:
        print("error", e)


class Sub(_ast.AST):
    _fields = ("a", "b")


s = Sub(1)
print(s.a, hasattr(s, "b"), Sub(b=2).__dict__)


class Custom(_ast.expr):
    _fields = ("x",)


print(Custom(1).x, Custom._attributes)
try:
    Sub(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
