# Errors for trees compile() rejects: obj2ast's type checks and Python/ast.c's validation.
import ast


def attempt(label, tree, mode="exec"):
    try:
        compile(tree, "<bad>", mode)
        print(label, "compiled")
    except (TypeError, ValueError, SyntaxError, RecursionError) as e:
        print(label, type(e).__name__, e)


def mod(*stmts):
    return ast.fix_missing_locations(ast.Module(body=list(stmts), type_ignores=[]))


attempt("no lineno", ast.Module([ast.Expr(ast.Name("x", ast.Load()))]))
attempt("int as expr", ast.Module([ast.Expr(5, lineno=1, col_offset=0)]))
attempt("wrong mod", ast.Expression(ast.Name("x", ast.Load())))
attempt("wrong mode", mod(ast.Pass()), "eval")
attempt("stmt as expr", mod(ast.Expr(ast.Pass())))
attempt("not a list", mod(ast.If(ast.Name("x", ast.Load()), ast.Pass(), [])))
attempt("bad ctx", mod(ast.Assign([ast.Name("x", ast.Load())], ast.Constant(1))))
attempt("bad ctx2", mod(ast.Expr(ast.Name("x", ast.Store()))))
attempt("empty body", mod(ast.If(ast.Name("x", ast.Load()), [], [])))
attempt("none value", mod(ast.Expr(None)))
attempt("bad identifier", mod(ast.Expr(ast.Name(1, ast.Load()))))
attempt("bad constant", mod(ast.Expr(ast.Constant([1]))))
attempt("bad op", mod(ast.Expr(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2)))))
attempt("bad int", mod(ast.ImportFrom("m", [ast.alias("a")], "x")))
attempt("negative level", mod(ast.ImportFrom("m", [ast.alias("a")], -1)))
attempt("empty names", mod(ast.Import([])))
attempt("bad name", mod(ast.Expr(ast.Name("None", ast.Load()))))
attempt("compare", mod(ast.Expr(ast.Compare(ast.Constant(1), [ast.Eq()], []))))
attempt("empty dict keys", mod(ast.Expr(ast.Dict([], [ast.Constant(1)]))))
attempt("ok dict", mod(ast.Expr(ast.Dict([None], [ast.Name("d", ast.Load())]))))
attempt("line range", ast.Module([ast.Pass(lineno=5, col_offset=0, end_lineno=2, end_col_offset=0)], []))
attempt("col range", ast.Module([ast.Pass(lineno=1, col_offset=5, end_lineno=1, end_col_offset=2)], []))
attempt("no col", ast.Module([ast.Pass(lineno=1)], []))
attempt("bad end", ast.Module([ast.Pass(lineno=1, col_offset=0, end_lineno="x")], []))
attempt("not a node", "x = 1".encode() and 42)
attempt("nonlocal at module", mod(ast.Nonlocal(["x"])))
attempt("return outside", mod(ast.Return(ast.Constant(1))))
attempt("star", mod(ast.Expr(ast.Starred(ast.Name("x", ast.Load()), ast.Load()))))
attempt("match empty", mod(ast.Match(ast.Name("x", ast.Load()), [])))
attempt("bad pattern", mod(ast.Match(ast.Name("x", ast.Load()), [
    ast.match_case(ast.MatchValue(ast.Name("y", ast.Load())), None, [ast.Pass()])])))
attempt("type ignore", ast.Module([], [5]))
attempt("func_type", ast.FunctionType([], ast.Name("x", ast.Load())))


class Weird:
    pass


attempt("weird", Weird())
t = mod(ast.Expr(ast.Constant(1)))
t.body.append(7)
attempt("appended", t)
