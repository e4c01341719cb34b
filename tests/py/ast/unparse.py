# ast.unparse round trips.
import ast

SOURCES = [
    "x = 1 + 2 * 3 ** -4",
    "(a + b) * c",
    "def f(a, /, b=2, *args, c, **kw) -> int:\n    return a",
    "class C(B):\n    x: int = 0",
    "lambda: (yield)",
    "f'{a!r} {b:{c}} {{d}}'",
    "[x for x in y if x for z in x]",
    "try:\n    pass\nexcept E as e:\n    pass\nfinally:\n    pass",
    "match x:\n    case [a, *_] if a:\n        pass\n    case {'k': 1, **r}:\n        pass",
    "with a as b, c:\n    pass",
    "del a[1], b.c",
    "x = a if b else c",
    "from . import a as b",
    "async def f():\n    await x\n    async for a in b:\n        pass",
    "type X[T] = list[T]",
    "print(*a, **k)",
    "a[1:2, ...]",
    "not (a and b)",
    "'\\n' + \"'\"",
    "-(1) ** 2",
]
for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print(ast.dump(ast.parse(text)) == ast.dump(tree))
print(ast.unparse(ast.BinOp(ast.Name("a"), ast.Add(), ast.Constant(1))))
print(ast.unparse(ast.Constant(value=(1, 2))))
