# get_docstring, match statements over nodes (__match_args__), and node comparisons.
import ast

tree = ast.parse('"""Module doc."""\ndef f():\n    """  Indented\n    doc.\n    """\nclass C:\n    x = 1\nasync def g():\n    "g doc"\n')
print(repr(ast.get_docstring(tree)))
print(repr(ast.get_docstring(tree.body[1])))
print(repr(ast.get_docstring(tree.body[1], clean=False)))
print(repr(ast.get_docstring(tree.body[2])))
print(repr(ast.get_docstring(tree.body[3])))
try:
    ast.get_docstring(tree.body[2].body[0])
except TypeError as e:
    print("TypeError", e)


def describe(node):
    match node:
        case ast.BinOp(ast.Constant(value=l), ast.Add(), ast.Constant(value=r)):
            return f"sum {l}+{r}"
        case ast.Call(ast.Name(id=fn), args):
            return f"call {fn} with {len(args)}"
        case ast.Name(id) if id.startswith("_"):
            return "private " + id
        case ast.Name(id=name, ctx=ast.Store()):
            return "store " + name
        case ast.Constant(value=str() as s):
            return "string " + s
        case _:
            return "other " + type(node).__name__


for src in ["1 + 2", "f(a, b)", "_x", "y", "'s'", "3"]:
    print(describe(ast.parse(src, mode="eval").body))
print(describe(ast.parse("y = 1").body[0].targets[0]))
print(ast.BinOp.__match_args__, ast.Name.__match_args__)
print(ast.compare(ast.parse("x + 1"), ast.parse("x+1")), ast.compare(ast.parse("x"), ast.parse("y")))
print(ast.compare(ast.parse("x"), ast.parse("\nx"), compare_attributes=True))
