"""Runs ON CPPY for ctest ast.stdlib_dump_parity (driven by tests/parity/ast_dump_parity.py):
canon.ast_text (ast.dump(ast.parse(source, path), include_attributes=True), the text whose
SHA-256 is the second column of tests/data/parity/stdlib.tsv) of every file the table lists.

    cppy tests/parity/cppy_ast_dumps.py LIBDIR STDLIB_TSV [FIRST [LAST]]

Writes to stdout, per file: "PATH\\tN\\n" then the N UTF-8 bytes of the text, or
"PATH\\terror:TYPE\\n" when parsing fails (as the reference's table writes it). cppy has no
hashlib yet: the driver hashes.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import canon  # noqa: E402


def main():
    libdir, tsv = sys.argv[1], sys.argv[2]
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    last = int(sys.argv[4]) if len(sys.argv) > 4 else None
    with open(tsv, encoding="utf-8") as f:
        rels = [line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")]
    out = sys.stdout.buffer
    for rel in rels[first:last]:
        with open(os.path.join(libdir, rel), "rb") as f:
            source = f.read()
        try:
            text = canon.ast_text(source, rel).encode("utf-8")
        except Exception as e:  # a file the parser rejects
            out.write(("%s\terror:%s\n" % (rel, type(e).__name__)).encode("utf-8"))
        else:
            out.write(("%s\t%d\n" % (rel, len(text))).encode("utf-8"))
            out.write(text)
        out.flush()


main()
