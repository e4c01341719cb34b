# ast.parse and ast.dump over a range of syntax, with positions and indentation.
import ast

SOURCES = [
    "x = 1",
    "a, *b = c[1:2, ::3]",
    "def f(a, /, b: int = 2, *args, c, d=4, **kw) -> None:\n    '''doc'''\n    return a",
    "async def g():\n    async with a as b, c:\n        await d\n    async for x in y: pass",
    "class C(B, metaclass=M):\n    @dec\n    def m(self): yield from x",
    "lambda x, *, y=1: (x, y)",
    "[i for i in range(3) if i]\n{k: v for k, v in d.items()}\n{s for s in t}\n(g for g in h)",
    "f'{x!r:>{w}} and {y=}'",
    "t'{x}'",
    "t'{a + b!r:>{w}} {c=} {d = !s} {e:{f}.{g}}' t'more {h}'",
    "x if y else z\nnot a and b or c\na < b <= c is not d in e",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del q",
    "try:\n    pass\nexcept* E:\n    pass",
    "match p:\n    case [1, *rest]: pass\n    case {'k': v, **kw}: pass\n"
    "    case Point(x=0, y=_) | None if cond: pass\n    case str() as s: pass",
    "type Alias[T: int, *Ts, **P] = list[T]",
    "def h[T = int](x: T) -> T: ...",
    "global a\nnonlocal b" if False else "global a, b",
    "import a.b as c\nfrom .. import d as e, f\nfrom x import *",
    "while x:\n    break\nelse:\n    continue",
    "with open(f) as (a, b): pass",
    "x: int = 5\ny += 1\nz @= w",
    "assert x, 'msg'\n(y := 10)",
    "print(*args, sep='', **kw)",
    "b'bytes' b'more'; 'str' 'ing'; 1.5; 2j; ...; None; True",
    "é = 'ünïcode'  # comment",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))
print(ast.dump(ast.parse("if x:\n    y = [1, 2]\nelse:\n    pass"), indent=2))
print(ast.dump(ast.parse("f(a)"), annotate_fields=False))
print(ast.dump(ast.parse("x", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("(int, str) -> list[int]", mode="func_type")))
print(ast.dump(ast.parse("a = 1", "<file>", "exec", type_comments=False)))
print(ast.dump(ast.parse("1 + 2", optimize=1)))
print(ast.dump(ast.parse("if __debug__: pass", optimize=1)))
print(ast.dump(ast.parse("x = 1", show_empty=True) if False else ast.parse("x = 1"), show_empty=True))
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    ast.parse("from __future__ import braces")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
print(ast.dump(ast.parse("match x:\n case 1: pass", feature_version=(3, 10))))
try:
    ast.parse("match x:\n case 1: pass", feature_version=(3, 9))
except SyntaxError as e:
    print("SyntaxError", e.msg)
