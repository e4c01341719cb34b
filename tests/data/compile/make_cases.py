# Run under the reference (CPython 3.14.2 in pyodide):
#   node tools/oracle/oracle.mjs --run tests/data/compile/make_cases.py > tests/data/compile/cases.txt
#
# For the functions of the snippets below and for every code unit of a few standard library
# modules (module, classes, functions, lambdas, generator expressions), records:
# - the input of the compiler back end: the instruction sequence CPython's codegen emits
#   (_testinternalcapi.compiler_codegen), with co_consts as codegen built it and the unit's
#   names and counts;
# - what CPython 3.14.2 makes of it: co_code, co_linetable, co_exceptiontable, co_stacksize,
#   co_consts and the localsplus names and kinds of the compiled code object.
# tests/unit/compile_pipeline_test.cpp runs src/compile's passes and assembler on the input
# and compares. Codegen does not report its constants, so they are recovered: a LOAD_CONST
# whose position is that of an ast.Constant loads that constant; the implicit ones (code
# objects, CALL_KW's keyword names, IMPORT_NAME's level and names, a class body's
# __qualname__, __firstlineno__ and __static_attributes__, None otherwise) are recognised by
# the instruction that uses them. A unit whose constants are ambiguous is left out.
import ast
import dis
import marshal
import re
import sys

import _testinternalcapi

CASES = [
    ("return_arg", "def f(a):\n    return a\n"),
    ("add_one", "def f(a):\n    return a + 1\n"),
    ("locals", "def f(a, b):\n    x = a + b\n    y = x * 2\n    return y - a\n"),
    ("fold_binop", "def f():\n    return 2 * 3 + 4\n"),
    ("fold_big", "def f():\n    return 1000 * 1000\n"),
    ("fold_unary", "def f():\n    return -5, ~3, not 0\n"),
    ("fold_tuple", "def f():\n    return (1, 2, (3, 'a'))\n"),
    ("fold_str", "def f():\n    return 'ab' * 3 + 'c'\n"),
    ("fold_limits", "def f():\n    return 'x' * 5000, 2 ** 200, (1,) * 300\n"),
    ("fold_subscr", "def f():\n    return 'abc'[1], (1, 2, 3)[-1]\n"),
    ("fold_div", "def f():\n    return 7 // 2, 7 % 3, 1 / 4, 1 / 0\n"),
    ("const_list", "def f():\n    return [1, 2, 3, 4]\n"),
    ("const_set", "def f(x):\n    return x in {1, 2, 3}\n"),
    ("list_iter", "def f(a, b):\n    for x in [a, b]:\n        print(x)\n"),
    ("const_iter", "def f():\n    for x in [1, 2, 3]:\n        print(x)\n"),
    ("if_else", "def f(a):\n    if a:\n        return 1\n    else:\n        return 2\n"),
    ("if_cmp", "def f(a, b):\n    if a < b:\n        a = b\n    return a\n"),
    ("if_none", "def f(a):\n    if a is None:\n        return 0\n    return a\n"),
    ("if_not_none", "def f(a):\n    if a is not None:\n        a = 1\n    return a\n"),
    ("const_cond", "def f():\n    if 1:\n        return 'yes'\n    return 'no'\n"),
    ("while_loop", "def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n"),
    ("while_true", "def f(n):\n    while True:\n        n -= 1\n        if n < 0:\n            break\n    return n\n"),
    ("for_loop", "def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n"),
    ("for_continue", "def f(xs):\n    for x in xs:\n        if x:\n            continue\n        print(x)\n"),
    ("bool_ops", "def f(a, b, c):\n    return a and b or c\n"),
    ("not_in", "def f(a, b):\n    return not a in b\n"),
    ("try_except", "def f(x):\n    try:\n        return x[0]\n    except KeyError:\n        return None\n"),
    ("try_except_as", "def f(x):\n    try:\n        x()\n    except Exception as e:\n        print(e)\n"),
    ("try_finally", "def f(x):\n    try:\n        x()\n    finally:\n        print('done')\n"),
    ("with_stmt", "def f(m):\n    with m as v:\n        print(v)\n"),
    ("call_kw", "def f(g, a):\n    return g(a, key=1, other=a)\n"),
    ("method_call", "def f(o, a):\n    return o.meth(a, 2)\n"),
    ("global_call", "def f(a):\n    return len(a) + max(a, 0)\n"),
    ("swap", "def f(a, b):\n    a, b = b, a\n    return a, b\n"),
    ("unpack", "def f(t):\n    a, b, c = t\n    return c, b, a\n"),
    ("augassign_subscr", "def f(d, k):\n    d[k] += 1\n    return d\n"),
    ("closure", "def f(a):\n    def g():\n        return a\n    return g\n"),
    ("nonlocal", "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    g()\n    return x\n"),
    ("generator", "def f(n):\n    for i in range(n):\n        yield i\n"),
    ("listcomp", "def f(xs):\n    return [x * 2 for x in xs if x]\n"),
    ("fstring", "def f(a, b):\n    return f'{a}-{b!r:>10}'\n"),
    ("del_local", "def f(a):\n    x = a\n    del x\n    return a\n"),
    ("maybe_unbound", "def f(a):\n    if a:\n        x = 1\n    return x\n"),
    ("store_twice", "def f(a):\n    x = x = a\n    return x\n"),
    ("many_args", "def f(a, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q, r):\n    return r + q\n"),
    ("kwonly", "def f(a, /, b, *args, c, **kw):\n    return a, b, args, c, kw\n"),
    ("slice", "def f(a, i, j):\n    return a[i:j]\n"),
    ("assert_stmt", "def f(a):\n    assert a, 'msg'\n    return a\n"),
    ("raise_stmt", "def f(a):\n    if a:\n        raise ValueError(a)\n    return a\n"),
    ("multiline", "def f(a,\n      b):\n    return (a +\n            b)\n"),
    ("long_jump", "def f(a):\n    while a:\n" + "".join(f"        a = a - {i}\n" for i in range(90)) + "    return a\n"),
    ("nested_try", "def f(a):\n    try:\n        try:\n            a()\n        except ValueError:\n            pass\n    except Exception:\n        return 1\n    return 0\n"),
    ("ternary", "def f(a, b):\n    return a if b else -a\n"),
    ("chained_cmp", "def f(a, b, c):\n    return a < b < c\n"),
    ("dict_build", "def f(a):\n    return {'x': a, 'y': 2}\n"),
    ("async_for", "async def f(xs):\n    async for x in xs:\n        await x\n"),
    ("async_with", "async def f(m):\n    async with m as v:\n        return v\n"),
    ("await_call", "async def f(g):\n    return await g(1)\n"),
    ("async_gen", "async def f(n):\n    for i in range(n):\n        yield i\n"),
    ("yield_from", "def f(g):\n    r = yield from g\n    return r\n"),
    ("match_seq", "def f(p):\n    match p:\n        case [x, y]:\n            return x + y\n        case {'k': v}:\n            return v\n        case str() | bytes():\n            return 0\n        case _:\n            return None\n"),
    ("match_class", "def f(p):\n    match p:\n        case Point(x=0, y=yy):\n            return yy\n        case int(n) if n > 3:\n            return n\n"),
    ("except_star", "def f(g):\n    try:\n        g()\n    except* ValueError as e:\n        print(e)\n    except* TypeError:\n        pass\n"),
    ("return_in_finally_loop", "def f(xs):\n    for x in xs:\n        try:\n            if x:\n                break\n        finally:\n            print(x)\n    else:\n        return 1\n    return 0\n"),
    ("with_multi", "def f(a, b):\n    with a as x, b as y:\n        return x, y\n"),
    ("star_call", "def f(g, a, kw):\n    return g(*a, **kw)\n"),
    ("star_unpack", "def f(t):\n    a, *b, c = t\n    return [*b, a, c], {**{'a': a}}\n"),
    ("lambda_default", "def f(a):\n    return lambda x, y=a: x + y\n"),
    ("genexpr", "def f(xs):\n    return sum(x * x for x in xs)\n"),
    ("dictcomp_cell", "def f(xs):\n    return {x: (lambda: x) for x in xs}\n"),
    ("many_consts", "def f():\n    return [" + ", ".join(f"'s{i}'" for i in range(300)) + "]\n"),
    ("many_locals", "def f(a):\n" + "".join(f"    v{i} = a\n" for i in range(70)) + "    del v3\n    return v69 + v3\n"),
    ("global_nonlocal", "def f():\n    global G\n    G = 1\n    return G\n"),
    ("class_in_func", "def f(b):\n    class C(b):\n        x = 1\n        def m(self):\n            return __class__\n    return C\n"),
    ("while_else", "def f(n):\n    while n:\n        n -= 1\n        if n == 5:\n            break\n    else:\n        n = -1\n    return n\n"),
    ("nested_funcs_cells", "def f(a, b):\n    def g(c):\n        def h():\n            return a + b + c\n        return h\n    return g\n"),
    ("annotations", "def f(a: int, b: 'str' = 'x') -> list[int]:\n    x: int = 1\n    return [a, x]\n"),
    ("bool_const_ops", "def f(a):\n    return a is not None and not a or (a == 1) is True\n"),
    ("big_int_fold", "def f():\n    return 2 ** 64, 1 << 100, -(2 ** 63), 255 + 1\n"),
    ("float_fold", "def f():\n    return 1.5 * 2, 0.1 + 0.2, -0.0, 3 / 2\n"),
    ("frozenset_iter", "def f(x):\n    for y in {1, 2, 3}:\n        if x in (y, 'a'):\n            return y\n"),
    ("fstring_conv", "def f(a):\n    return f'{a!s:{a}}' + f\"{a=}\"\n"),
    ("assert_msg_fmt", "def f(a):\n    assert a, 'bad %s %r' % (a, a)\n"),
]


def is_code(c):
    return hasattr(c, "co_code")


def enc(v):
    """Typed, blank-free encoding of a constant, shared with the C++ test's constant pool."""
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if v is Ellipsis:
        return "E"
    if type(v) is int:
        return "i" + str(v)
    if type(v) is float:
        return "f" + v.hex()
    if type(v) is str:
        return "s" + v.encode("utf-8", "surrogatepass").hex()
    if type(v) is bytes:
        return "b" + v.hex()
    if type(v) is tuple:
        return "t(" + ",".join(enc(x) for x in v) + ")"
    if type(v) is frozenset:
        return "z(" + ",".join(sorted(enc(x) for x in v)) + ")"
    if type(v) is slice:
        return "oslice:" + "".join(enc(x) for x in (v.start, v.stop, v.step)).encode().hex()
    if is_code(v):
        return "ocode:" + v.co_name
    return "o" + type(v).__name__


def spans(tree):
    out = {"ends": {}, "funcs": {}, "binops": []}
    for node in ast.walk(tree):
        if hasattr(node, "lineno") and node.end_lineno is not None:
            key = (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
            out.setdefault(key, []).append(node)
            out["ends"].setdefault((node.end_lineno, node.end_col_offset), []).append(node)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and \
                    isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
                out["binops"].append(node)
            if isinstance(node, ast.Call):
                f = node.func
                out["funcs"].setdefault((f.lineno, f.end_lineno, f.col_offset, f.end_col_offset),
                                        []).append(node)
    return out


class Unresolved(Exception):
    pass


CO_HAS_DOCSTRING = 0x4000000
FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
LOAD_CONST, MAKE_FUNCTION, CALL_KW, IMPORT_NAME, STORE_NAME = 82, 23, 55, 73, 116
SET_FUNCTION_ATTRIBUTE = 108
MATCH_CLASS, JUMP, RETURN_VALUE, STORE_FAST, STORE_DEREF, STORE_GLOBAL = 99, 257, 35, 112, 111, 115
GET_LEN = 18


def format_piece(by_span, instrs, k, used_counts):
    """The k-th LOAD_CONST is a literal piece of an optimized %-format: find the BinOp that
    holds the next located instruction and take its next piece."""
    for op, arg, *loc in instrs[k + 1:]:
        if loc[0] >= 0:
            break
    else:
        raise Unresolved("format piece")
    line, col = loc[0], loc[2]
    best = None
    for node in by_span["binops"]:
        start = (node.lineno, node.col_offset)
        end = (node.end_lineno, node.end_col_offset)
        if start <= (line, col) <= end and (best is None or start >= (best.lineno,
                                                                      best.col_offset)):
            best = node
    if best is None:
        raise Unresolved("format piece")
    pieces = [p.replace("%%", "%") for p in re.split(r"(?<!%)%[sra]", best.left.value)
              if p]
    used = used_counts.get(id(best), 0)
    if used >= len(pieces):
        raise Unresolved("format pieces")
    used_counts[id(best)] = used + 1
    return pieces[used]


def recover_consts(by_span, instrs, code):
    """co_consts as codegen built it for this unit (see the header)."""
    ends = by_span["ends"]
    consts = {}
    if code.co_flags & CO_HAS_DOCSTRING:
        consts[0] = code.co_consts[0]
    children = iter([c for c in code.co_consts if is_code(c)])
    kwnames_used = {}
    for k, (op, arg, *loc) in enumerate(instrs):
        if op != LOAD_CONST:
            continue
        # Every load is looked at, known or not: several rules count their loads.
        nodes = by_span.get(tuple(loc), [])
        nextop, nextarg = instrs[k + 1][:2] if k + 1 < len(instrs) else (None, None)
        after = instrs[k + 2][0] if k + 2 < len(instrs) else None
        found = [n.value for n in nodes if isinstance(n, ast.Constant)]
        if nextop == MAKE_FUNCTION and arg in consts:
            value = consts[arg]  # a code object loaded again
        elif nextop == MAKE_FUNCTION:
            value = next(children, None)
            if value is None:
                raise Unresolved("code constant")
        elif nextop == STORE_NAME and code.co_names[nextarg] == "__qualname__":
            value = code.co_qualname
        elif nextop == STORE_NAME and code.co_names[nextarg] == "__firstlineno__":
            value = code.co_firstlineno
        elif nextop == STORE_NAME and code.co_names[nextarg] in ("__static_attributes__",
                                                                  "__doc__"):
            # The value the compiled code stores there (docstrings are cleaned).
            stored = code.co_names[nextarg]
            ins = list(dis.get_instructions(code))
            stores = [i for i, x in enumerate(ins)
                      if x.opname == "STORE_NAME" and x.argval == stored]
            if len(stores) != 1 or ins[stores[0] - 1].opname != "LOAD_CONST":
                raise Unresolved(stored)
            value = ins[stores[0] - 1].argval
        elif any(isinstance(n, FUNCTION_NODES) for n in nodes):
            # The names of keyword-only defaults (a dict built at the def), in order.
            node = [n for n in nodes if isinstance(n, FUNCTION_NODES)][0]
            names = [a.arg for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults)
                     if d is not None]
            used = kwnames_used.get(id(node), 0)
            if used >= len(names):
                raise Unresolved("keyword default names")
            value = names[used]
            kwnames_used[id(node)] = used + 1
        elif k > 0 and instrs[k - 1][0] == GET_LEN and \
                any(isinstance(n, (ast.MatchSequence, ast.MatchMapping)) for n in nodes):
            # The length a sequence or mapping pattern needs.
            node = [n for n in nodes if isinstance(n, (ast.MatchSequence, ast.MatchMapping))][0]
            if isinstance(node, ast.MatchMapping):
                value = len(node.keys)
            else:
                value = len([p for p in node.patterns if not isinstance(p, ast.MatchStar)])
        elif nextop == MATCH_CLASS:
            pats = [n for n in nodes if isinstance(n, ast.MatchClass)]
            if not pats:
                raise Unresolved("match class")
            value = tuple(pats[0].kwd_attrs)
        elif nextop == JUMP and by_span["funcs"].get(tuple(loc)):
            # all()/any() of a generator, inlined: the result when it stops early, then
            # when it runs out.
            call = by_span["funcs"][tuple(loc)][0]
            name = getattr(call.func, "id", None)
            if name not in ("all", "any"):
                raise Unresolved("inlined call")
            used = kwnames_used.get(id(call), 0)
            value = (name == "any") if used == 0 else (name == "all")
            kwnames_used[id(call)] = used + 1
        elif loc[0] == -1 and nextop not in (RETURN_VALUE, STORE_FAST, STORE_NAME,
                                              STORE_DEREF, STORE_GLOBAL, None):
            # A literal piece of `'...%s' % (x,)`, which 3.14 compiles as an f-string.
            value = format_piece(by_span, instrs, k, kwnames_used)
        elif any(isinstance(n, ast.Call) for n in nodes) and nextop != CALL_KW:
            # f(a=x, **kw): the keyword names of the dict built for the call, in order.
            call = [n for n in nodes if isinstance(n, ast.Call)][0]
            names = [kw.arg for kw in call.keywords if kw.arg]
            used = kwnames_used.get(id(call), 0)
            if used >= len(names):
                raise Unresolved("call keyword names")
            value = names[used]
            kwnames_used[id(call)] = used + 1
        elif any(isinstance(n, ast.ClassDef) for n in nodes) and k > 0 and \
                instrs[k - 1][0] in (MAKE_FUNCTION, SET_FUNCTION_ATTRIBUTE):
            # class C: LOAD_BUILD_CLASS, the body's function, then the name.
            value = [n for n in nodes if isinstance(n, ast.ClassDef)][0].name
        elif any(isinstance(n, ast.keyword) and n.arg for n in nodes):
            # f(**{...}) style keywords built into a dict: their names.
            value = [n for n in nodes if isinstance(n, ast.keyword)][0].arg
        elif any(isinstance(n, ast.Slice) for n in nodes):
            sl = [n for n in nodes if isinstance(n, ast.Slice)][0]
            parts = (sl.lower, sl.upper, sl.step)
            if all(p is None or isinstance(p, ast.Constant) for p in parts):
                value = slice(*[None if p is None else p.value for p in parts])
            else:
                value = None  # a missing bound of a slice that is not constant
        elif any(isinstance(n, ast.Tuple) and not n.elts for n in nodes):
            value = ()
        elif any(isinstance(n, (ast.JoinedStr, ast.TemplateStr)) for n in nodes) and not found:
            # The literal parts of an f-string, in order, at the f-string's position.
            node = [n for n in nodes if isinstance(n, (ast.JoinedStr, ast.TemplateStr))][0]
            parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            used = kwnames_used.get(id(node), 0)
            if used >= len(parts):
                raise Unresolved("f-string parts")
            value = parts[used]
            kwnames_used[id(node)] = used + 1
        elif found:
            if len(set(map(enc, found))) != 1:
                raise Unresolved("several constants at %r" % (loc,))
            value = found[0]
        elif any(isinstance(n, ast.arg) for n in nodes):
            # A keyword-only default's or an annotation's parameter name.
            value = [n for n in nodes if isinstance(n, ast.arg)][0].arg
        elif nextop == CALL_KW:
            # The call's position, its end, or that of the method it calls.
            calls = [n for n in nodes if isinstance(n, ast.Call)] or \
                [n for n in ends.get((loc[1], loc[3]), []) if isinstance(n, ast.Call)] or \
                by_span["funcs"].get(tuple(loc), [])
            if not calls:
                raise Unresolved("keyword names")
            value = tuple(kw.arg for kw in calls[0].keywords if kw.arg)
        elif nextop == IMPORT_NAME or (nextop == LOAD_CONST and after == IMPORT_NAME):
            imports = [n for n in nodes if isinstance(n, (ast.Import, ast.ImportFrom))]
            if not imports:
                raise Unresolved("import")
            node = imports[0]
            if nextop == IMPORT_NAME:
                value = tuple(a.name for a in node.names) \
                    if isinstance(node, ast.ImportFrom) else None
            else:
                value = node.level if isinstance(node, ast.ImportFrom) else 0
        else:
            # The implicit None of returns, with-exits and handler cleanups.
            value = None
        if arg in consts:
            if enc(consts[arg]) != enc(value) and value is not None:
                raise Unresolved("inconsistent constant %d" % arg)
        else:
            consts[arg] = value
    n = max(consts) + 1 if consts else 0
    if sorted(consts) != list(range(n)):
        raise Unresolved("const indices not dense")
    return [consts[i] for i in range(n)]


# Just enough of marshal's format to read co_localspluskinds (Python/marshal.c).
class Reader:
    def __init__(self, data):
        self.data, self.pos, self.refs = data, 0, []

    def byte(self):
        b = self.data[self.pos]
        self.pos += 1
        return b

    def int32(self):
        v = int.from_bytes(self.data[self.pos:self.pos + 4], "little", signed=True)
        self.pos += 4
        return v

    def raw(self, n):
        v = self.data[self.pos:self.pos + n]
        self.pos += n
        return v

    def obj(self):
        code = self.byte()
        flag, t = code & 0x80, chr(code & 0x7F)
        idx = None
        if flag and t not in "r":
            idx = len(self.refs)
            self.refs.append(None)
        v = self.value(t)
        if idx is not None:
            self.refs[idx] = v
        return v

    def value(self, t):
        if t in "NTF.S":
            return {"N": None, "T": True, "F": False, ".": Ellipsis, "S": StopIteration}[t]
        if t == "i":
            return self.int32()
        if t == "l":
            n = self.int32()
            digits = [int.from_bytes(self.raw(2), "little") for _ in range(abs(n))]
            v = sum(d << (15 * i) for i, d in enumerate(digits))
            return -v if n < 0 else v
        if t == "g":
            return self.raw(8)
        if t == "y":
            return self.raw(16)
        if t in "stuaA":
            return self.raw(self.int32())
        if t in "zZ":
            return self.raw(self.byte())
        if t == ")":
            return tuple(self.obj() for _ in range(self.byte()))
        if t in "([<>":
            return tuple(self.obj() for _ in range(self.int32()))
        if t == "r":
            return self.refs[self.int32()]
        if t == ":":
            return (self.obj(), self.obj(), self.obj())
        if t == "c":
            fields = {}
            for name in ("argcount", "posonly", "kwonly", "stacksize", "flags"):
                fields[name] = self.int32()
            for name in ("code", "consts", "names", "lpnames", "lpkinds", "filename",
                         "name", "qualname"):
                fields[name] = self.obj()
            fields["firstlineno"] = self.int32()
            fields["linetable"] = self.obj()
            fields["exctable"] = self.obj()
            return fields
        raise AssertionError("marshal type " + t)


SPECIAL_CELLS = ("__class__", "__classdict__", "__conditional_annotations__")


def emit_unit(name, source, instrs, code, by_span):
    consts = recover_consts(by_span, instrs, code)
    fields = Reader(marshal.dumps(code)).obj()
    kinds = fields["lpkinds"]
    names = [n.decode() for n in fields["lpnames"]]
    hidden = [n for n, k in zip(names, kinds) if k & 0x10]
    flags = code.co_flags
    is_function = bool(flags & 0x2)  # CO_NEWLOCALS
    nparams = code.co_argcount + code.co_kwonlyargcount + bool(flags & 4) + bool(flags & 8) \
        if is_function else 0
    # u_cellvars: the cells sorted by name, then the implicit ones in creation order.
    is_class = not is_function and code.co_name != "<module>"
    special = SPECIAL_CELLS if is_class else ()
    cells = sorted(c for c in code.co_cellvars if c not in special) + \
        [c for c in special if c in code.co_cellvars]
    print("case", name)
    print("source", source.encode().hex() if source is not None else "")
    print("meta", code.co_argcount - code.co_posonlyargcount, code.co_posonlyargcount,
          code.co_kwonlyargcount, code.co_firstlineno, flags, nparams)
    print("varnames", *code.co_varnames)
    print("cellvars", *cells)
    print("freevars", *sorted(code.co_freevars))
    print("fasthidden", *hidden)
    print("consts", *[enc(c) for c in consts])
    for op, arg, *loc in instrs:
        print("instr", op, 0 if arg is None else arg, *loc)
    print("expect_code", code.co_code.hex())
    print("expect_linetable", code.co_linetable.hex())
    print("expect_exceptiontable", code.co_exceptiontable.hex())
    print("expect_stacksize", code.co_stacksize)
    print("expect_consts", *[enc(c) for c in code.co_consts])
    print("expect_localsplusnames", *names)
    print("expect_localspluskinds", kinds.hex())
    print("end")


def walk_units(prefix, seq, code, by_span, source, counts, top=True):
    """Every code unit of a module: seq's nested sequences are its children, in the order
    their code objects appear in co_consts."""
    if top is not None:
        try:
            emit_unit(prefix, source, seq.get_instructions(), code, by_span)
            counts[0] += 1
        except Unresolved as e:
            print("# skipped", prefix, e)
            counts[1] += 1
    nested = seq.get_nested()
    children = [c for c in code.co_consts if is_code(c)]
    if len(nested) != len(children):
        print("# skipped the children of", prefix, len(nested), len(children))
        return
    for s, c in zip(nested, children):
        walk_units(prefix + "." + c.co_name, s, c, by_span, source, counts)


def module_units(name, source, counts, snippet=False):
    tree = ast.parse(source)
    by_span = spans(tree)
    insts, _ = _testinternalcapi.compiler_codegen(tree, "<case>", 0, 0)
    code = compile(source, "<case>", "exec")
    # A snippet's own module code is trivial: only its function is kept, with its source.
    walk_units(name, insts, code, by_span, source if snippet else None, counts,
               None if snippet else True)


# Modules of the standard library compiled whole, every code unit.
STDLIB = ["bisect", "colorsys", "keyword", "textwrap", "fnmatch", "shlex", "copy",
          "_weakrefset", "heapq", "base64", "string", "functools", "dataclasses", "contextlib",
          "enum", "asyncio.locks", "json.decoder", "json.encoder", "reprlib"]


def main():
    print("# Written by tests/data/compile/make_cases.py under CPython", sys.version.split()[0])
    counts = [0, 0]
    for name, source in CASES:
        module_units(name, source, counts, snippet=True)
    import importlib.util
    for modname in STDLIB:
        source = importlib.util.find_spec(modname).loader.get_source(modname)
        if source is None:
            print("# no source for", modname)
            continue
        module_units(modname, source, counts)
    print("# units:", counts[0], "skipped:", counts[1])


main()
