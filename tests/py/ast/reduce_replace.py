# AST.__reduce__, AST.__replace__ (3.14) and repr of nodes (3.14).
import _ast

n = _ast.Name("x", _ast.Load(), lineno=1, col_offset=0)
r = n.__reduce__()
print(r[0].__name__, r[1], sorted(r[2]))
print(_ast.AST().__reduce__())
print(_ast.Load().__reduce__())
m = _ast.Module([])
print(m.__reduce__()[1])
b = _ast.BinOp(_ast.Constant(1), _ast.Add(), n)
print(b.__reduce__()[1])

n2 = n.__replace__(id="y")
print(n2.id, type(n2.ctx).__name__, n2.lineno, n2.col_offset, n2 is n)
try:
    n.__replace__(foo=1)
except TypeError as e:
    print("TypeError", e)
try:
    n.__replace__(1)
except TypeError as e:
    print("TypeError", e)
c = _ast.Constant(value=3)
print(c.__replace__(kind="u").kind, c.__replace__().value)
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        _ast.UnaryOp(op=_ast.Not()).__replace__()
    except TypeError as e:
        print("TypeError", e)
print([str(w.message) for w in caught])

print(repr(n))
print(repr(b))
print(repr(_ast.List([_ast.Constant(i) for i in range(5)])))
print(repr(_ast.Tuple([_ast.Constant(1), _ast.Constant(2)])))
print(repr(_ast.Module([_ast.Expr(_ast.Attribute(_ast.Attribute(_ast.Attribute(
    _ast.Name("a"), "b"), "c"), "d"))])))
print(repr(_ast.AST()), repr(_ast.Load()), repr(_ast.Pass()))
print(repr(_ast.Dict(keys=[None], values=[_ast.Constant(1)])))
print(repr(_ast.Constant(value=(1, 2, 3))))
