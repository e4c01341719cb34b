# The SyntaxWarnings of the compiler (codegen: calls and subscripts of literals, "is" with a
# literal, assert on a tuple; ast_preprocess: return/break/continue leaving a finally block)
# and of the parser/tokenizer (invalid escapes, number literals followed by keywords), as
# recorded warnings and, under an "error" filter, as SyntaxErrors with their positions.
import warnings

SNIPPETS = [
    # not callable
    "(1, 2)(3)", "[1, 2](3)", "{1: 2}(3)", "{1, 2}(3)", "[x for x in y](3)", "{x for x in y}(3)",
    "{x: 1 for x in y}(3)", "(x for x in y)(3)", "f'{a}'(3)", "t'{a}'(3)", "'s'(3)", "b's'(3)",
    "1(3)", "1.5(3)", "2j(3)", "None(3)", "True(3)", "...(3)", "(-1)(3)", "('a' 'b')(3)",
    "x = [\n  f(a)\n  (b, c)\n]", "[(1, 2)\n (3, 4)]", "f(a)(b)", "(lambda: 0)()", "x.y(3)",
    # not subscriptable
    "1[2]", "1.5[2]", "2j[0]", "None[0]", "True[0]", "...[0]", "{1, 2}[0]", "{x for x in y}[0]",
    "(x for x in y)[0]", "(lambda: 0)[0]", "[1, 2][0]", "(1, 2)[0]", "'s'[0]", "{1: 2}[1]",
    "x = [\n  (1, 2)\n  [1, 2]\n]",
    # bad indices
    "[1, 2]['a']", "[1, 2][1.5]", "[1, 2][2j]", "(1, 2)['a']", "(1, 2)[(1, 2)]", "'abc'['a']",
    "b'abc'[1.5]", "[x for x in y]['a']", "f'{a}'['a']", "[1, 2][None]", "[1, 2][True]",
    "[1, 2][1:2]", "[1, 2][x]", "[1, 2][f'{a}']", "[1, 2][t'{a}']", "[1, 2][{1}]", "[1,2][[1]]",
    "(1, 2)[[1, 2] for x in y]" , "[[1, 2]\n [3, 4]]",
    # "is" with a literal
    "x is 1", "x is 'a'", "x is b'a'", "x is 1.5", "x is 2j", "x is (1, 2)", "x is ()",
    "x is not 1", "1 is x", "x is None", "x is True", "x is ...", "x is -1", "x is [1]",
    "a is b is 1", "a < b is 'x'", "x is f'{a}'", "x is (1,)", "x is ('a' 'b')",
    "if x is 1:\n    pass", "y = (x is not 'a')",
    # assert on a tuple
    "assert (x, 'msg')", "assert (x,)", "assert ()", "assert x, 'msg'", "assert (x, y), 'm'",
    # PEP 765
    "def f():\n    try:\n        pass\n    finally:\n        return 1",
    "for x in y:\n    try:\n        pass\n    finally:\n        break",
    "for x in y:\n    try:\n        pass\n    finally:\n        continue",
    "def f():\n    try:\n        pass\n    finally:\n        def g():\n            return 1",
    "try:\n    pass\nfinally:\n    for x in y:\n        break",
    "def f():\n    try:\n        pass\n    finally:\n        try:\n            pass\n        finally:\n            return 2",
    # the finally body is compiled twice: one warning
    "try:\n    pass\nfinally:\n    x is 1",
    "try:\n    pass\nfinally:\n    (1, 2)(3)",
    "with a:\n    x is 1",
    "try:\n    x is 1\nexcept E:\n    y is 2\nelse:\n    z is 3",
    # tokenizer and parser warnings
    "'\\d'", "b'\\d'", "'\\8'", "'\\400'", "b'\\400'", "f'\\d{x}'", "rb'\\d'", "'''\n\\d'''",
    "1if x else y", "0x1for x in y", "1in x", "1.5or x", "1jand x", "0o7is x", "[0x1for x in y]",
    "1else", "x = 1_0if y else 2",
    # several in one source
    "x is 1\ny is 2\n(1, 2)(3)",
    "def f():\n    return (1)(2)",
    "class C:\n    x = 'a'[1.5]",
    "lambda: 1(2)",
    "[1(2) for x in y]",
]


def show(src):
    print(repr(src))
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        try:
            compile(src, "<snippet>", "exec", dont_inherit=True)
        except SyntaxError as e:
            print("  SyntaxError", e.msg, e.lineno, e.offset)
    for w in ws:
        print("  %s: %s (%s:%s)" % (w.category.__name__, w.message, w.filename, w.lineno))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<snippet>", "exec", dont_inherit=True)
        except SyntaxError as e:
            print("  error:", type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno,
                  e.end_offset, repr(e.text))


for src in SNIPPETS:
    show(src)
