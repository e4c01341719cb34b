"""Runs ON CPPY for ctest ast.stdlib_dump_parity (driven by tests/parity/ast_dump_parity.py):
canon.ast_text (ast.dump(ast.parse(source, path), include_attributes=True), the text whose
SHA-256 is the second column of tests/data/parity/stdlib.tsv) of every file the table lists.
With --code-from-ast, the text is canon.code_text's of the code compiled from the _ast tree
(ast.parse, then compile(tree): obj2ast and validation on every node), to compare with the
third column (ctest ast.stdlib_code_from_ast_parity).

    cppy tests/parity/cppy_ast_dumps.py [--code-from-ast] LIBDIR STDLIB_TSV [FIRST [LAST]]

Writes to stdout, per file: "PATH\\tN\\n" then the N UTF-8 bytes of the text, or
"PATH\\terror:TYPE\\n" when parsing fails (as the reference's table writes it). cppy has no
hashlib yet: the driver hashes.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import canon  # noqa: E402


def code_from_ast_text(source, filename):
    import ast
    tree = ast.parse(source, filename)
    co = compile(tree, filename, "exec", dont_inherit=True)
    out = []
    canon._code(co, out)
    return "\n".join(out)


def main():
    argv = sys.argv[1:]
    text_of = canon.ast_text
    if argv and argv[0] == "--code-from-ast":
        text_of = code_from_ast_text
        argv = argv[1:]
    libdir, tsv = argv[0], argv[1]
    first = int(argv[2]) if len(argv) > 2 else 0
    last = int(argv[3]) if len(argv) > 3 else None
    with open(tsv, encoding="utf-8") as f:
        rels = [line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")]
    out = sys.stdout.buffer
    for rel in rels[first:last]:
        with open(os.path.join(libdir, rel), "rb") as f:
            source = f.read()
        try:
            text = text_of(source, rel).encode("utf-8")
        except Exception as e:  # a file the parser rejects
            out.write(("%s\terror:%s\n" % (rel, type(e).__name__)).encode("utf-8"))
        else:
            out.write(("%s\t%d\n" % (rel, len(text))).encode("utf-8"))
            out.write(text)
        out.flush()


main()
