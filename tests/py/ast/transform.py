# NodeVisitor, NodeTransformer, walk, fix_missing_locations, copy_location, increment_lineno,
# iter_fields, iter_child_nodes, and compiling the changed trees.
import ast

src = "def f(x):\n    return x + 1\n\nprint(f(2) * 3)\n"
tree = ast.parse(src)


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(v.seen)
print(sorted({type(n).__name__ for n in ast.walk(tree)}))


class AddToSub(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Sub(), node.right), node)
        return node


tree = ast.fix_missing_locations(AddToSub().visit(tree))
code = compile(tree, "<tree>", "exec")
exec(code)


class DropPrint(ast.NodeTransformer):
    def visit_Expr(self, node):
        return None


t2 = DropPrint().visit(ast.parse("print(1)\nx = 2\nprint(x)"))
print(ast.dump(t2))
ns = {}
exec(compile(t2, "<t2>", "exec"), ns)
print(ns["x"])

# A tree built by hand, positions added by fix_missing_locations.
mod = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()),
                                         [ast.Constant("built")], []))], type_ignores=[])
mod = ast.fix_missing_locations(mod)
print(mod.body[0].lineno, mod.body[0].col_offset, mod.body[0].end_lineno)
exec(compile(mod, "<built>", "exec"))
expr = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(expr), "<e>", "eval")))

t3 = ast.parse("a = 1\nb = 2")
ast.increment_lineno(t3, 10)
print([(s.lineno, s.end_lineno) for s in t3.body])
print(list(ast.iter_fields(ast.parse("x = 1").body[0]))[1][0])
print([type(n).__name__ for n in ast.iter_child_nodes(ast.parse("f(a, b=c)").body[0].value)])
print(ast.get_source_segment("x = foo(1,\n  2)", ast.parse("x = foo(1,\n  2)").body[0].value))

# compile() of a tree with PyCF_ONLY_AST returns a new (checked) tree.
t4 = ast.parse("x = 1")
t5 = compile(t4, "<f>", "exec", ast.PyCF_ONLY_AST)
print(t5 is t4, ast.dump(t5) == ast.dump(t4))
t6 = compile(ast.parse("if __debug__: y = 2"), "<f>", "exec", ast.PyCF_OPTIMIZED_AST)
print(ast.dump(t6))
print(compile("1 + 1", "<s>", "eval", ast.PyCF_ONLY_AST).__class__.__name__)
print(compile(ast.parse("z = 3", mode="single"), "<s>", "single").co_name)
