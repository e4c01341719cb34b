# type_comments, func_type mode, top-level await, copy/deepcopy/copy.replace of trees, node
# subclasses, instance attributes beyond the fields.
import ast
import copy

t = ast.parse("def f(x: int = 1, *a, **k) -> str:\n    return f'{x!r}'\n")
t2 = copy.deepcopy(t)
print(ast.dump(t2, include_attributes=True) == ast.dump(t, include_attributes=True))
print(t2.body[0] is t.body[0], t2.body[0].returns.ctx is t.body[0].returns.ctx)
print(copy.copy(t.body[0]).name, copy.copy(t.body[0]).body is t.body[0].body)
print(copy.replace(t.body[0], name="g").name)
src = ("x = 1  # type: int\ndef f(a, # type: int\n  ):\n  # type: (...) -> None\n  pass\n"
       "# type: ignore[foo]\nimport x # type: ignore\nfor i in y:  # type: int\n  pass\n"
       "with a as b:  # type: str\n  pass\n")
print(ast.dump(ast.parse(src, type_comments=True)))
print(ast.dump(ast.parse(src)))
print(ast.dump(ast.parse("(a, b) -> c", mode="func_type")))
print(ast.dump(ast.parse("() -> None", mode="func_type"), include_attributes=True))
print(ast.dump(compile("await x", "<s>", "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)))
print(ast.dump(ast.parse("x = 1", optimize=2)))
print(ast.parse("x", mode="eval").body.ctx is ast.parse("y", mode="eval").body.ctx)
print(type(ast.Load()), ast.Load() == ast.Load())
n = ast.Name("x")
n.extra = 5
print(n.__dict__, vars(n))
del n.id
print(hasattr(n, "id"), n._fields)
print(ast.AST.__init__ is ast.Name.__init__, ast.Name.__new__ is object.__new__)


class MyName(ast.Name):
    pass


print(ast.dump(MyName("q")), isinstance(MyName("q"), ast.expr))
print(compile(ast.Expression(MyName("q", lineno=1, col_offset=0)), "", "eval").co_names)
print(ast.unparse(ast.parse("f(*a, b=c, **d)")))
code = compile(ast.parse("result = [i * i for i in range(4)]"), "<l>", "exec")
ns = {}
exec(code, ns)
print(ns["result"])
