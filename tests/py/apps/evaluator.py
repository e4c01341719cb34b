import ast
import operator
import math

BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
          ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
          ast.Pow: operator.pow, ast.BitAnd: operator.and_, ast.BitOr: operator.or_,
          ast.BitXor: operator.xor, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
          ast.MatMult: operator.matmul}
UNOPS = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_,
         ast.Invert: operator.invert}
CMPS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
        ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
        ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not}
FUNCS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "len": len,
         "hypot": math.hypot, "round": round, "factorial": math.factorial}


class EvalError(Exception):
    pass


class Evaluator(ast.NodeVisitor):
    def __init__(self, env=None):
        self.env = dict(env or {})

    def generic_visit(self, node):
        raise EvalError(f"unsupported: {type(node).__name__} at col {getattr(node, 'col_offset', '?')}")

    def visit_Expression(self, node):
        return self.visit(node.body)

    def visit_Constant(self, node):
        return node.value

    def visit_Name(self, node):
        try:
            return self.env[node.id]
        except KeyError:
            raise EvalError(f"undefined name {node.id!r}") from None

    def visit_BinOp(self, node):
        return BINOPS[type(node.op)](self.visit(node.left), self.visit(node.right))

    def visit_UnaryOp(self, node):
        return UNOPS[type(node.op)](self.visit(node.operand))

    def visit_BoolOp(self, node):
        if isinstance(node.op, ast.And):
            val = True
            for v in node.values:
                val = self.visit(v)
                if not val:
                    return val
            return val
        val = False
        for v in node.values:
            val = self.visit(v)
            if val:
                return val
        return val

    def visit_Compare(self, node):
        left = self.visit(node.left)
        for op, comp in zip(node.ops, node.comparators):
            right = self.visit(comp)
            if not CMPS[type(op)](left, right):
                return False
            left = right
        return True

    def visit_IfExp(self, node):
        return self.visit(node.body) if self.visit(node.test) else self.visit(node.orelse)

    def visit_Call(self, node):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCS:
            raise EvalError(f"call not allowed: {ast.unparse(node.func)}")
        args = [self.visit(a) for a in node.args]
        kwargs = {k.arg: self.visit(k.value) for k in node.keywords}
        return FUNCS[node.func.id](*args, **kwargs)

    def visit_Tuple(self, node):
        return tuple(self.visit(e) for e in node.elts)

    def visit_List(self, node):
        return [self.visit(e) for e in node.elts]

    def visit_Subscript(self, node):
        return operator.getitem(self.visit(node.value), self.visit(node.slice))

    def visit_Slice(self, node):
        f = lambda n: None if n is None else self.visit(n)
        return slice(f(node.lower), f(node.upper), f(node.step))


class ConstFolder(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant):
            try:
                value = BINOPS[type(node.op)](node.left.value, node.right.value)
            except Exception:
                return node
            return ast.copy_location(ast.Constant(value), node)
        return node


def evaluate(src, **env):
    tree = ast.parse(src, mode="eval")
    return Evaluator(env).visit(tree)


exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 10 - 1", "7 // 2, 7 % 2, -7 // 2", "1 / 4",
         "x * y + z", "sqrt(16) + abs(-3)", "max(1, 5, 3) if x > 1 else min(1, 2)",
         "1 < x <= 10 and y != 0", "not x or 0", "[1, 2, 3][1:]", "'abc'[::-1]",
         "hypot(3, 4)", "round(2.675, 2)", "~5 & 0xff | 1 << 4 ^ 3", "x in [1, 2, 3]",
         "factorial(20)", "len('héllo')", "q + 1", "open('f')", "lambda: 1", "1 / 0",
         "10 >> 1 >> 1", "-x ** 2", "(1, 2) < (1, 3)", "3 is not None"]
for e in exprs:
    try:
        print(f"{e!r:40} -> {evaluate(e, x=2, y=3, z=4)!r}")
    except EvalError as err:
        print(f"{e!r:40} !! EvalError: {err}")
    except Exception as err:
        print(f"{e!r:40} !! {type(err).__name__}: {err}")

tree = ast.parse("a = 1 + 2 * 3\nb = a - (4 - 4)\nprint(a, b, 2 ** 8)")
folded = ast.fix_missing_locations(ConstFolder().visit(tree))
print(ast.unparse(folded))
print(ast.dump(ast.parse("x = f(1, *a, k=2)"), indent=2))
print(ast.dump(ast.parse("lambda x, /, y=1, *a, z, **k: x"), annotate_fields=False))
code = compile(folded, "<folded>", "exec")
exec(code, {"print": lambda *a: print("folded:", *a)})
print(ast.literal_eval("{'a': [1, 2.5, -3j], 'b': (True, None, b'x'), 'c': {1, 2}}"))
for bad in ["__import__('os')", "1 +", "[1, 2"]:
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e)
names = sorted({n.id for n in ast.walk(ast.parse("a + b * c - a(d)")) if isinstance(n, ast.Name)})
print(names)
fn = ast.parse("def f(a, b=2):\n    'doc'\n    return a + b\n").body[0]
print(fn.name, [a.arg for a in fn.args.args], ast.get_docstring(fn), fn.lineno, fn.end_lineno)
print(ast.get_source_segment("x = 1 + 2", ast.parse("x = 1 + 2").body[0].value))
node = ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Name("q", ast.Load()))
print(ast.unparse(node), repr(node)[:40])
print(operator.itemgetter(1, 0)("ab"), operator.attrgetter("real", "imag")(3 + 4j),
      operator.methodcaller("split", ",")("a,b"), operator.index(7), operator.length_hint([1, 2]))
print(operator.concat([1], [2]), operator.countOf([1, 1, 2], 1), operator.indexOf("abc", "c"))
acc = [1]
acc = operator.iadd(acc, [2])
print(acc, operator.truth(0), operator.call(max, 1, 2))
print(list(ast.iter_fields(ast.parse("x", mode="eval").body)))
print(ast.increment_lineno(ast.parse("x"), 5).body[0].lineno)
cmp = ast.compare(ast.parse("a+1"), ast.parse("a + 1"))
print(cmp)
