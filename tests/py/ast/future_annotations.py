# `from __future__ import annotations`: every annotation becomes the string the compiler's
# unparser (_PyAST_ExprAsUnicode) writes. Module-level definitions here, then a corpus of
# annotation expressions compiled one by one.
from __future__ import annotations


def f(a: int, b: list[int] = [], *args: tuple[int, ...], c: "str" = "", **kw: dict[str, int]) -> None:
    pass


class C:
    x: int | None
    y: lambda a, b=1, *c, d, **e: a
    z: f"{x!r:>{width}} {y=}"


v: [i for i in range(3) if i]
print(f.__annotations__)
print(C.__annotations__)
print(__annotations__)

CORPUS = [
    # names, attributes, subscripts, slices
    "int", "a.b.c", "a[b]", "a[b, c]", "a[b:c]", "a[:]", "a[::]", "a[1:2:3]", "a[:, 1]",
    "a[b:c, d:e]", "a[(b, c)]", "a[()]", "a[(b,)]", "a[b,]", "a[*b]", "a[*b, c]", "a[1:2, ...]",
    "(1).real", "1 .real", "1.5.real", "a[b][c]", "a.b[c].d", "a()()", "a[b:=1]",
    # constants
    "None", "True", "False", "...", "Ellipsis", "0", "-1", "1_000", "0x10", "0o7", "0b101",
    "1.0", "1e100", "1e400", "-1e400", "1e-400", "2j", "1e400j", "-(1e400j)", "1+2j",
    "'s'", '"s"', "'a\"b'", "\"a'b\"", "'a\\'b\"c'", "'\\n\\t\\x00\\u1234'", "'é'", "'\\U0001f600'",
    "b'x'", "b'\\x00\\xff'", "u'text'", "'a' 'b'", "r'\\d'", "'''tri'''", "10**100",
    # operators and precedence
    "a + b", "a - b - c", "a - (b - c)", "a * b + c", "a * (b + c)", "a ** b ** c",
    "(a ** b) ** c", "-a ** b", "(-a) ** b", "a // b % c @ d", "a << b >> c", "a & b ^ c | d",
    "a | (b ^ c)", "~a", "+a", "-a", "- -a", "not a", "not not a", "a and b", "a or b",
    "a and b or c", "a and (b or c)", "(a or b) and c", "not a and b", "not (a and b)",
    "a < b", "a < b < c", "a == b != c", "a is b", "a is not b", "a in b", "a not in b",
    "(a < b) < c", "a < (b < c)", "not a < b", "(not a) < b", "a + b < c * d", "a < b and c > d",
    "a if b else c", "(a if b else c) if d else e", "a if (b if c else d) else e",
    "a if b else c if d else e", "(a if b else c) + 1", "-(a if b else c)",
    "await x", "(await x) ** 2", "-await x", "await (a + b)",
    # containers
    "()", "(a,)", "(a, b)", "((a, b), c)", "[]", "[a]", "[a, b]", "[*a, b]", "{}", "{a}",
    "{a, b}", "{a: b}", "{a: b, c: d}", "{**a}", "{**a, b: c}", "{**(a or b)}", "{*a, b}",
    "{'k': (a, b)}", "[(a, b)]", "{(a, b): c}",
    # comprehensions
    "[x for x in y]", "[x for x in y if x]", "[x for x in y if a if b]", "[x for x in y for z in x]",
    "[(x, y) for x, y in z]", "[x for (x, y) in z]", "[x for x, in z]", "[x for x in (a if b else c)]",
    "[x for x in lambda: y]", "[x for x in y if (lambda: x)]", "{x for x in y}",
    "{k: v for k, v in d.items()}", "(x for x in y)", "((x for x in y))", "f(x for x in y)",
    "f((x for x in y), z)", "f(a, (x for x in y))", "[x async for x in y]", "[[y for y in x] for x in z]",
    "[x for x in y if (z := x)]", "[x for x in *a, b]",
    # lambdas
    "lambda: 0", "lambda x: x", "lambda x, y: x", "lambda x=1: x", "lambda x, y=2: x",
    "lambda *a: a", "lambda *a, b: a", "lambda *, b: b", "lambda *, b=1: b", "lambda **k: k",
    "lambda a, /: a", "lambda a, /, b: a", "lambda a=1, /, b=2: a", "lambda a, /, *, b: a",
    "lambda a, *b, c=3, **d: a", "lambda: (yield)", "lambda: lambda: 0", "(lambda: 0)()",
    "(lambda: 0).x", "(lambda: 0) + 1", "[lambda: 0]", "a if b else lambda: c",
    "(lambda: a) if b else c", "f(lambda: 0)", "f(x=lambda: 0)",
    # calls
    "f()", "f(a)", "f(a, b)", "f(*a)", "f(**k)", "f(a, *b, c=d, **e)", "f(*a, *b)", "f(a=1, *b)",
    "f(a)(b)", "a.f(b)[c]", "f(*(a, b))", "f(**{'a': 1})",
    # f-strings and t-strings
    "f''", "f'x'", "f'{a}'", "f'{a!r}'", "f'{a!s}'", "f'{a!a}'", "f'{a:>10}'", "f'{a:{b}}'",
    "f'{a:{b}.{c}f}'", "f'{a!r:^{w}}'", "f'{a=}'", "f'{a = }'", "f'{a=!s}'", "f'{a=:>3}'",
    "f'{{}}'", "f'{{{a}}}'", "f'a{b}c'", "f'{a}{b}'", "f'{{a}}'", "f'{ {a} }'", "f'{ {a: b} }'",
    "f'{(lambda: 0)}'", "f'{a if b else c}'", "f'{(a, b)}'", "f'{a, b}'", "f'{\"q\"}'",
    "f\"{'q'}\"", "f'\\n{a}'", "f'{a}' 'b'", "'a' f'{b}'", "f'{a}' f'{b}'", "f'{f\"{a}\"}'",
    "f'{a:{b:{c}}}'", "f'{a[b]}'", "f'{a!r:{b}}'", "f'{x:%H:%M}'", "f'{3.0:.2f}'", "f'{*a,}'",
    "f'{yield}'", "t''", "t'x'", "t'{a}'", "t'{a!r:>3}'", "t'{a=}'", "t'{a}' t'{b}'",
    "t'{a}' 'b'", "t'{a:{b}}'", "t'{ {a} }'", "t'{{}}'",
    # starred, walrus, yield, misc
    "*a", "*(a, b)", "*a or b", "(a := 1)", "(yield)", "(yield a)", "(yield from a)",
    "a[b] if c else d[e]", "a.b(c).d[e:f]", "(a, *b)", "[*a, *b]",
]

for text in CORPUS:
    src = "from __future__ import annotations\nx: " + text + "\n"
    try:
        ns = {}
        exec(compile(src, "<ann>", "exec", dont_inherit=True), ns)
        print(repr(text), "->", repr(ns["__annotations__"]["x"]))
    except SyntaxError as e:
        print(repr(text), "SyntaxError", e.msg, e.lineno, e.offset)
    # the same expression as a parameter and a return annotation
    src = "from __future__ import annotations\ndef g(p: " + text + ") -> " + text + ": pass\n"
    try:
        ns = {}
        exec(compile(src, "<ann>", "exec", dont_inherit=True), ns)
        ann = ns["g"].__annotations__
        if ann["p"] != ann["return"]:
            print("  differ", ann)
    except SyntaxError as e:
        print("  def:", "SyntaxError", e.msg, e.lineno, e.offset)
