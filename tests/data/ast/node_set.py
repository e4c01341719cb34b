# Prints the AST node set of the running CPython as `tools/asdl/gen_ast.py --node-set` prints
# the one described by tools/asdl/Python.asdl. Run on the reference to refresh node_set.txt:
#   node tools/oracle/oracle.mjs --run tests/data/ast/node_set.py > tests/data/ast/node_set.txt
# (then drop the oracle's status lines, if any, from the end).
import _ast


def type_text(t):
    r = repr(t)
    return r[len("<class '"):-2] if r.startswith("<class '") else r


def show(cls, indent):
    fields = ", ".join(f"{name}: {type_text(cls._field_types[name])}"
                       for name in cls._fields) if hasattr(cls, "_field_types") else ""
    attrs = ", ".join(cls._attributes)
    print(f"{indent}{cls.__name__}({fields}) [{attrs}]")


for base in _ast.AST.__subclasses__():
    if not hasattr(_ast, base.__name__):
        continue  # deprecated classes defined by Lib/ast.py
    show(base, "")
    for sub in base.__subclasses__():
        if hasattr(_ast, sub.__name__):
            show(sub, "  ")
