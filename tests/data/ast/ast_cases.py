# The reference cases of tests/ast (symtable_cases_test.cpp, validate_cases_test.cpp,
# dump_cases_test.cpp). Run on the reference:
#   node tools/oracle/oracle.mjs --run tests/data/ast/ast_cases.py > tests/data/ast/ast_cases.txt
# Each case starts with "=== KIND NAME" and gives its AST in the S-expression form below, then
#   symtable: the symbol table CPython 3.14 builds for the source (every block: type, name,
#             line, nested, parameters, then its symbols sorted by name with their flags) or
#             the SyntaxError it raises (position, message);
#   validate: "ok" or the error _PyAST_Validate raises for a hand-built tree;
#   dump:     ast.dump(tree, include_attributes=True) of the source's tree.
import _symtable
import ast
import json


def const(v):
    if v is None or v is True or v is False or v is Ellipsis:
        return "#" + repr(v)
    t = type(v)
    if t is int:
        return f"#int:{v}"
    if t is str:
        return "#str:" + json.dumps(v, ensure_ascii=False)
    if t is bytes:
        return "#bytes:" + json.dumps(v.decode("latin-1"), ensure_ascii=False)
    if t is float or t is complex:
        return f"#{t.__name__}:{v!r}"
    if t is tuple or t is frozenset:
        return f"#{t.__name__}:[" + " ".join(const(x) for x in v) + "]"
    return f"#other:{t.__name__}"


CONSTANT_FIELDS = {("Constant", "value"), ("MatchSingleton", "value"), ("Interpolation", "str")}


def sexp(node, cls_field=None):
    if node is None:
        return "None"
    if isinstance(node, list):
        return "[" + " ".join(sexp(x) for x in node) + "]"
    if isinstance(node, str):
        return json.dumps(node, ensure_ascii=False)
    if isinstance(node, int):
        return str(node)
    if isinstance(node, ast.AST):
        name = type(node).__name__
        if not node._fields and not node._attributes:
            return name  # an enumeration value
        parts = [name]
        if node._attributes:
            lineno = getattr(node, "lineno", 0)
            col = getattr(node, "col_offset", 0)
            end_lineno = getattr(node, "end_lineno", None)
            end_col = getattr(node, "end_col_offset", None)
            parts += [str(lineno), str(col), str(lineno if end_lineno is None else end_lineno),
                      str(col if end_col is None else end_col)]
        for f in node._fields:
            v = getattr(node, f, None)
            parts.append(const(v) if (name, f) in CONSTANT_FIELDS else sexp(v))
        return "(" + " ".join(parts) + ")"
    raise TypeError(type(node))


CASES = [
    ("empty", ""),
    ("assign", "x = 1\ny = x + z\n"),
    ("function", "def f(a, b=1, *args, c, d=2, **kw):\n    e = a + b\n    return g(e)\n"),
    ("posonly", "def f(a, /, b, *, c):\n    pass\n"),
    ("closure", "def f():\n    x = 1\n    def g():\n        return x\n    return g\n"),
    ("nonlocal", "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    g()\n"),
    ("global", "def f():\n    global x\n    x = 1\n"),
    ("class", "class C(B, metaclass=M):\n    x = 1\n    def m(self):\n        return x\n"),
    ("class_super", "class C:\n    def m(self):\n        super().m()\n        return __class__\n"),
    ("class_free", "def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self):\n            return x\n"),
    ("lambda", "f = lambda a, *b, **c: a + b\n"),
    ("listcomp", "def f(y):\n    return [x * y for x in y if x]\n"),
    ("listcomp_module", "[x for x in range(3)]\n"),
    ("genexp", "def f(y):\n    return (x for x in y)\n"),
    ("setcomp_dictcomp", "s = {x for x in a}\nd = {k: v for k, v in b}\n"),
    ("nested_comp", "def f(m):\n    return [[i * j for j in row] for i, row in enumerate(m)]\n"),
    ("comp_cell", "def f():\n    return [lambda: x for x in range(3)]\n"),
    ("comp_in_class", "class C:\n    y = 1\n    z = [y for x in range(3)]\n"),
    ("walrus_comp", "def f(a):\n    if any((w := x) for x in a):\n        return w\n"),
    ("walrus_listcomp", "def f(a):\n    [(w := x) for x in a]\n    return w\n"),
    ("walrus_module_comp", "[(w := x) for x in a]\n"),
    ("generator", "def f():\n    yield 1\n    x = yield from g()\n"),
    ("coroutine", "async def f():\n    await g()\n    async for x in y:\n        pass\n    async with z as w:\n        pass\n"),
    ("async_comp", "async def f():\n    return [x async for x in g()]\n"),
    ("imports", "import a.b.c\nimport d.e as f\nfrom g import h, i as j\nfrom . import k\n"),
    ("import_star", "from m import *\n"),
    ("try", "try:\n    pass\nexcept E as e:\n    pass\nelse:\n    x = 1\nfinally:\n    y = 2\n"),
    ("with", "with open(f) as (a, b), g() as c:\n    pass\n"),
    ("match", "match p:\n    case [a, *rest]:\n        pass\n    case {\"k\": v, **kw}:\n        pass\n    case Point(x=px, y=0) | Point(px, _) if px:\n        pass\n    case str() as s:\n        pass\n"),
    ("annotations_module", "x: int = 1\ny: list[int]\n"),
    ("annotations_cond", "if c:\n    x: int = 1\n"),
    ("annotations_class", "class C:\n    x: int\n    if c:\n        y: str = ''\n"),
    ("annotations_function", "def f(a: int, *b: str, c: T = 1, **d: U) -> R:\n    v: V = 1\n    return v\n"),
    ("annotations_method", "class C:\n    def m(self, a: C) -> int:\n        pass\n"),
    ("future_annotations", "from __future__ import annotations\nx: int = 1\ndef f(a: int) -> str:\n    pass\n"),
    ("generic_function", "def f[T, *Ts, **P](a: T, *b: *Ts) -> T:\n    return a\n"),
    ("generic_defaults", "def f[T: int = str, U = T](a=1, *, b=2):\n    pass\n"),
    ("generic_class", "class C[T: (int, str)](Base[T]):\n    def m(self) -> T:\n        return self\n"),
    ("generic_class_mangle", "class C[__T]:\n    __x = 1\n    def m(self, __y):\n        return __T, __x, __y\n"),
    ("type_alias", "type A = int\ntype B[T] = list[T]\nclass C:\n    type D = A\n"),
    ("mangle", "class _C:\n    __a = 1\n    def __m(self, __p):\n        self.__q = __r\n        import __mod.sub\n    __dunder__ = 2\n"),
    ("mangle_underscore_class", "class __:\n    __a = 1\n"),
    ("fstring", "def f(a):\n    return f'{a!r:{w}}' + t'{b}{c:>{d}}'\n"),
    ("del_aug", "def f():\n    x = 1\n    x += 2\n    del x\n    a.b = 1\n    c[d] = 2\n"),
    ("decorators", "@d1\n@d2(x)\ndef f():\n    pass\n@d3\nclass C:\n    pass\n"),
    ("docstrings", "'''mod'''\ndef f():\n    '''doc'''\nclass C:\n    '''doc'''\n"),
    ("nested_free", "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n    return g\n"),
    ("class_in_function_global", "def f():\n    class C:\n        global g\n        g = 1\n        def m(self):\n            return g\n"),
    ("comprehension_class_scope_annotation", "class C:\n    x: [y for y in z]\n"),
    ("lambda_default", "def f(a=lambda: b):\n    pass\n"),
    ("kwonly_defaults_generic", "def f[T](*, a=1):\n    pass\n"),
    ("super_in_comp", "class C:\n    def m(self):\n        return [super() for _ in ()]\n"),
    ("classdict", "class C:\n    def f[T](self): pass\n    type A = int\n"),
    # errors
    ("err_dup_arg", "def f(a, a):\n    pass\n"),
    ("err_dup_type_param", "def f[T, T](): pass\n"),
    ("err_nonlocal_module", "nonlocal x\n"),
    ("err_no_binding", "def f():\n    nonlocal x\n"),
    ("err_global_param", "def f(a):\n    global a\n"),
    ("err_nonlocal_param", "def f():\n    x = 1\n    def g(x):\n        nonlocal x\n"),
    ("err_global_after_use", "def f():\n    print(x)\n    global x\n"),
    ("err_global_after_assign", "def f():\n    x = 1\n    global x\n"),
    ("err_nonlocal_after_use", "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n"),
    ("err_global_annot", "def f():\n    x: int\n    global x\n"),
    ("err_annot_global", "def f():\n    global x\n    x: int = 1\n"),
    ("err_nonlocal_and_global", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n"),
    ("err_import_star", "def f():\n    from m import *\n"),
    ("err_yield_listcomp", "def f():\n    [(yield x) for x in y]\n"),
    ("err_yield_genexp", "def f():\n    ((yield) for x in y)\n"),
    ("err_await_outside", "await x\n"),
    ("err_await_sync", "def f():\n    await x\n"),
    ("err_async_for", "def f():\n    async for x in y:\n        pass\n"),
    ("err_async_with", "def f():\n    async with x:\n        pass\n"),
    ("err_async_comp", "def f():\n    return [x async for x in y]\n"),
    ("err_walrus_iter", "[x for x in (y := [1, 2])]\n"),
    ("err_walrus_rebind", "[i := 0 for i in range(5)]\n"),
    ("err_walrus_class", "class C:\n    [(y := x) for x in range(3)]\n"),
    ("err_inner_loop", "[(j := 0) for i in range(3) for j in range(3)]\n"),
    ("err_yield_annotation", "def f(x: (yield)): pass\n"),
    ("err_walrus_annotation", "x: (y := 1) = 2\n"),
    ("err_await_type_alias", "type A = await x\n"),
    ("err_yield_typevar_bound", "def f[T: (yield)](): pass\n"),
    ("err_yield_typevar_default", "def f[T = (yield)](): pass\n"),
    ("err_yield_paramspec_default", "class C[**P = (yield)]: pass\n"),
    ("err_yield_generic", "def f[T](x=(yield)): pass\n"),
    ("err_nonlocal_type_param", "def f[T]():\n    def g():\n        nonlocal T\n"),
    ("err_future_late", "x = 1\nfrom __future__ import annotations\n"),
    ("err_debug_assign", "__debug__ = 1\n"),
    ("err_debug_param", "def f(__debug__): pass\n"),
    ("err_debug_kwarg", "f(__debug__=1)\n"),
    ("err_debug_attr", "del a.__debug__\n"),
    ("err_classdict_type_param", "def f[__classdict__](): pass\n"),
]


def dump(t, out, indent=""):
    syms = " ".join(f"{k}={v}" for k, v in sorted(t.symbols.items()))
    out.append(f"{indent}{t.type} {t.name} {t.lineno} nested={t.nested} "
               f"varnames={','.join(t.varnames)}")
    out.append(f"{indent}  {syms}")
    for c in t.children:
        dump(c, out, indent + "  ")


for name, source in CASES:
    print("=== symtable " + name)
    print("source " + json.dumps(source))
    tree = ast.parse(source)
    print("ast " + sexp(tree))
    try:
        top = _symtable.symtable(source, "<case>", "exec")
    except SyntaxError as e:
        print(f"error {e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.msg}")
        continue
    out = []
    dump(top, out)
    print("\n".join(out))


# Hand-built trees for the validator: each is Python code building a module; positions are
# filled by ast.fix_missing_locations unless the tree sets them. compile() with
# PyCF_OPTIMIZED_AST validates without compiling.
def pos(node, lineno, col, end_lineno, end_col):
    node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = lineno, col, end_lineno, end_col
    return node


def mod(*stmts):
    return ast.Module(list(stmts), [])


def expr(e):
    return mod(ast.Expr(e))


def name(id, ctx=None):
    return ast.Name(id, ctx or ast.Load())


def cst(v):
    return ast.Constant(v)


def args(**kw):
    return ast.arguments(**kw)


VALIDATE = [
    ("ok_simple", "expr(ast.BinOp(name('a'), ast.Add(), cst(1)))"),
    ("name_none", "expr(name('None'))"),
    ("name_true_store", "mod(ast.Assign([name('True', ast.Store())], cst(1)))"),
    ("store_in_load", "expr(name('x', ast.Store()))"),
    ("load_in_store", "mod(ast.Assign([name('x')], cst(1)))"),
    ("call_in_store", "mod(ast.Assign([ast.Call(name('f'), [], [])], cst(1)))"),
    ("del_of_call", "mod(ast.Delete([ast.Call(name('f'), [], [])]))"),
    ("boolop_one", "expr(ast.BoolOp(ast.And(), [name('a')]))"),
    ("dict_mismatch", "expr(ast.Dict([name('a')], []))"),
    ("dict_none_key", "expr(ast.Dict([None], [name('a')]))"),
    ("dict_none_value", "expr(ast.Dict([name('a')], [None]))"),
    ("compare_empty", "expr(ast.Compare(name('a'), [], []))"),
    ("compare_mismatch", "expr(ast.Compare(name('a'), [ast.Lt(), ast.Gt()], [name('b')]))"),
    ("comp_no_generators", "expr(ast.ListComp(name('a'), []))"),
    ("comp_target_load", "expr(ast.ListComp(name('a'), [ast.comprehension(name('x'), name('y'), [], 0)]))"),
    ("namedexpr_attr", "expr(ast.NamedExpr(ast.Attribute(name('a'), 'b', ast.Store()), cst(1)))"),
    ("empty_body", "mod(ast.If(name('a'), [], []))"),
    ("empty_function_body", "mod(ast.FunctionDef('f', args(), [], [], None, None, []))"),
    ("empty_class_body", "mod(ast.ClassDef('C', [], [], [], [], []))"),
    ("empty_targets", "mod(ast.Assign([], cst(1)))"),
    ("empty_delete", "mod(ast.Delete([]))"),
    ("empty_with", "mod(ast.With([], [ast.Pass()]))"),
    ("empty_import", "mod(ast.Import([]))"),
    ("empty_importfrom", "mod(ast.ImportFrom('m', [], 0))"),
    ("negative_level", "mod(ast.ImportFrom('m', [ast.alias('x')], -1))"),
    ("empty_global", "mod(ast.Global([]))"),
    ("empty_nonlocal", "mod(ast.Nonlocal([]))"),
    ("raise_cause_only", "mod(ast.Raise(None, name('c')))"),
    ("try_nothing", "mod(ast.Try([ast.Pass()], [], [], []))"),
    ("try_orelse_only", "mod(ast.Try([ast.Pass()], [], [ast.Pass()], [ast.Pass()]))"),
    ("trystar_nothing", "mod(ast.TryStar([ast.Pass()], [], [], []))"),
    ("trystar_orelse_only", "mod(ast.TryStar([ast.Pass()], [], [ast.Pass()], [ast.Pass()]))"),
    ("handler_empty_body", "mod(ast.Try([ast.Pass()], [ast.ExceptHandler(None, None, [])], [], []))"),
    ("annassign_simple_attr", "mod(ast.AnnAssign(ast.Attribute(name('a'), 'b', ast.Store()), name('int'), None, 1))"),
    ("typealias_attr", "mod(ast.TypeAlias(ast.Attribute(name('a'), 'b', ast.Store()), [], cst(1)))"),
    ("defaults_too_many", "mod(ast.FunctionDef('f', args(args=[], defaults=[cst(1)]), [ast.Pass()], [], None, None, []))"),
    ("kw_defaults_mismatch", "mod(ast.FunctionDef('f', args(kwonlyargs=[ast.arg('a')], kw_defaults=[]), [ast.Pass()], [], None, None, []))"),
    ("stmt_list_none", "mod(ast.If(name('a'), [ast.Pass(), None], []))"),
    ("expr_list_none", "expr(ast.List([None], ast.Load()))"),
    ("constant_list", "expr(cst([1]))"),
    ("constant_tuple_ok", "expr(cst((1, 'a', (None, 2.5))))"),
    ("constant_tuple_bad", "expr(cst((1, [2])))"),
    ("lines_reversed", "mod(pos(ast.Pass(), 3, 0, 2, 4))"),
    ("columns_reversed", "mod(pos(ast.Pass(), 2, 5, 2, 1))"),
    ("negative_column", "mod(pos(ast.Pass(), 2, -1, 2, 3))"),
    ("match_empty_cases", "mod(ast.Match(name('x'), []))"),
    ("match_star_top", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchStar('a'), None, [ast.Pass()])]))"),
    ("match_capture_underscore", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchAs(None, '_'), None, [ast.Pass()])]))"),
    ("match_as_pattern_no_name", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchAs(ast.MatchAs(None, 'a'), None), None, [ast.Pass()])]))"),
    ("match_or_one", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchOr([ast.MatchAs(None, 'a')]), None, [ast.Pass()])]))"),
    ("match_singleton_int", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchSingleton(1), None, [ast.Pass()])]))"),
    ("match_value_name", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchValue(name('y')), None, [ast.Pass()])]))"),
    ("match_value_none", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchValue(cst(None)), None, [ast.Pass()])]))"),
    ("match_value_negative", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchValue(ast.UnaryOp(ast.USub(), cst(1))), None, [ast.Pass()])]))"),
    ("match_value_complex", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchValue(ast.BinOp(cst(1), ast.Add(), cst(2j))), None, [ast.Pass()])]))"),
    ("match_value_bad_binop", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchValue(ast.BinOp(cst(1), ast.Add(), cst(2))), None, [ast.Pass()])]))"),
    ("match_mapping_mismatch", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchMapping([cst(1)], [], None), None, [ast.Pass()])]))"),
    ("match_mapping_true_key", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchMapping([cst(True)], [ast.MatchAs(None, 'a')], None), None, [ast.Pass()])]))"),
    ("match_class_mismatch", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchClass(name('C'), [], ['a'], []), None, [ast.Pass()])]))"),
    ("match_class_call", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchClass(ast.Call(name('C'), [], []), [], [], []), None, [ast.Pass()])]))"),
    ("match_class_kwd_none", "mod(ast.Match(name('x'), [ast.match_case(ast.MatchClass(name('C'), [], ['None'], [ast.MatchAs(None, 'a')]), None, [ast.Pass()])]))"),
    ("typevar_none", "mod(ast.TypeAlias(name('A', ast.Store()), [ast.TypeVar('None')], cst(1)))"),
    ("starred_store", "mod(ast.Assign([ast.Starred(name('a'), ast.Store())], cst(1)))"),
    ("starred_ctx_mismatch", "mod(ast.Assign([ast.Starred(name('a'), ast.Load())], cst(1)))"),
    ("interpolation_ok", "expr(ast.TemplateStr([ast.Interpolation(name('a'), 'a', -1, None)]))"),
    ("lambda_defaults", "expr(ast.Lambda(args(args=[ast.arg('a')], defaults=[cst(1), cst(2)]), name('a')))"),
    ("expression_mode_store", "ast.Expression(name('x', ast.Store()))"),
]

for case_name, code in VALIDATE:
    print("=== validate " + case_name)
    tree = eval(code)
    ast.fix_missing_locations(tree)
    print("ast " + sexp(tree))
    mode = "eval" if isinstance(tree, ast.Expression) else "exec"
    try:
        compile(tree, "<validate>", mode, flags=ast.PyCF_OPTIMIZED_AST)
        print("ok")
    except (ValueError, TypeError) as e:
        print(f"error {type(e).__name__}: {e}")


DUMP = [
    ("assign", "x = 1\n"),
    ("strings", "s = 'a\\'b' + \"c\\n\" + f'{x!r:>{w}}' + t'{y}'\n"),
    ("numbers", "n = -1 + 2.5 * 10**3\n"),
    ("function", "@d\nasync def f[T](a: int, /, b=2, *c, d, e=None, **g) -> T:\n    '''doc'''\n    return [i async for i in a if i]\n"),
    ("class", "class C(B, metaclass=M):\n    x: int = 1\n    def m(self): pass\n"),
    ("control", "for a, *b in c:\n    if a: break\n    elif b: continue\n    else: pass\nelse:\n    while x: del y\n"),
    ("try", "try:\n    pass\nexcept* (E, F) as e:\n    raise X from e\nfinally:\n    assert a, 'm'\n"),
    ("match", "match p:\n    case [1, *r] | {'k': v, **kw} if v:\n        pass\n    case C(a, b=c) as d:\n        pass\n    case None:\n        pass\n"),
    ("imports", "import a.b as c\nfrom .. import d\nfrom e import *\nglobal g\n"),
    ("exprs", "a[1:2, ::3] = b.c, (d := e), lambda x=1: x, {1, 2}, {k: v for k, v in z}, not a is not b, ...\n"),
    ("with", "with a as b, c:\n    yield d\n    yield from e\n    await f\n"),
    ("type_alias", "type A[T: int = str, *Ts, **P] = list[T]\n"),
    ("unicode", "\u00e9t\u00e9 = '\u00fcber \U0001F600'\n"),
]

for case_name, source in DUMP:
    print("=== dump " + case_name)
    tree = ast.parse(source)
    print("ast " + sexp(tree))
    print(ast.dump(tree, include_attributes=True))
