"""Canonical text of a module's AST and code objects, for parity with CPython 3.14.2.

Both sides run this same file: the reference (tools/oracle, under pyodide) to produce the
committed digests in tests/data/parity/, and cppy to be compared with them. It uses only
compile(), ast and code-object attributes, so it measures the front end and the compiler.

  ast_text(source, filename)   ast.dump(..., include_attributes=True) of the parsed module
  code_text(source, filename)  every code object (recursively) field by field

The reference is 32-bit: frozenset constants are written sorted by repr, since their order
follows string hashes there.
"""
import ast


def ast_text(source, filename):
    tree = ast.parse(source, filename)
    return ast.dump(tree, include_attributes=True)


def _const(value, out, depth):
    kind = type(value).__name__
    if hasattr(value, "co_code"):
        return "<code %s>" % value.co_qualname
    if isinstance(value, frozenset):
        return "frozenset({%s})" % ", ".join(sorted(_const(v, out, depth) for v in value))
    if isinstance(value, tuple):
        inner = ", ".join(_const(v, out, depth) for v in value)
        return "(%s%s)" % (inner, "," if len(value) == 1 else "")
    if isinstance(value, float) or isinstance(value, complex):
        return "%s:%r" % (kind, value)
    return "%s:%r" % (kind, value)


def _code(co, out, depth=0):
    pad = "  " * depth
    out.append("%scode %s" % (pad, co.co_qualname))
    fields = ["co_name", "co_filename", "co_firstlineno", "co_flags", "co_argcount",
              "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
              "co_names", "co_varnames", "co_cellvars", "co_freevars"]
    for name in fields:
        out.append("%s  %s=%r" % (pad, name, getattr(co, name)))
    for name in ("co_code", "co_linetable", "co_exceptiontable"):
        out.append("%s  %s=%s" % (pad, name, getattr(co, name).hex()))
    out.append("%s  co_consts=[%s]" % (pad, ", ".join(_const(c, out, depth) for c in co.co_consts)))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            _code(c, out, depth + 1)


def code_text(source, filename):
    co = compile(source, filename, "exec", dont_inherit=True)
    out = []
    _code(co, out)
    return "\n".join(out)
