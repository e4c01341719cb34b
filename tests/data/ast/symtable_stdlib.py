# Runs under the reference CPython (pyodide) to write tests/data/ast/symtable_stdlib.tsv:
#   node tools/oracle/oracle.mjs --run tests/data/ast/symtable_stdlib.py > tests/data/ast/symtable_stdlib.tsv
# For every .py file of the standard library: its path and the SHA-256 of its symbol table
# printed as tests/ast/symtable_dump.h prints cppy's (every block: type, name, line, nested,
# parameters, then its symbols sorted by name with their flags; children in order), or
# "error:" and the SyntaxError's position and message when the symbol table rejects it.
import _symtable
import hashlib
import os
import zipfile

# pyodide imports the standard library from the archive the build installs.
ARCHIVE = os.path.dirname(os.__file__)


def dump(t, out, indent=""):
    out.append(f"{indent}{t.type} {t.name} {t.lineno} nested={t.nested} "
               f"varnames={','.join(t.varnames)}")
    out.append(f"{indent}  " + " ".join(f"{k}={v}" for k, v in sorted(t.symbols.items())))
    for c in t.children:
        dump(c, out, indent + "  ")


print("# path\tsha256(symbol table dump) or error:...; written by tests/data/ast/symtable_stdlib.py")
with zipfile.ZipFile(ARCHIVE) as archive:
    for rel in sorted(archive.namelist()):
        if not rel.endswith(".py") or rel.startswith("site-packages/"):
            continue
        source = archive.read(rel)
        try:
            top = _symtable.symtable(source, rel, "exec")
        except SyntaxError as e:
            print(f"{rel}\terror:{e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.msg}")
            continue
        except Exception as e:
            print(f"{rel}\terror:{type(e).__name__}")
            continue
        out = []
        dump(top, out)
        print(f"{rel}\t" + hashlib.sha256("\n".join(out).encode("utf-8")).hexdigest())
