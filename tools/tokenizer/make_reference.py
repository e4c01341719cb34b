#!/usr/bin/env python3
"""Regenerates tests/data/tokenizer/stdlib_tokens.tsv from the reference CPython 3.14.2.

For every .py file of the standard library, the reference (tools/oracle) decodes the file as
tokenize.detect_encoding says and runs `_tokenize.TokenizerIter(readline, extra_tokens=True)`
over it (what tokenize.generate_tokens uses), then records the SHA-256 of the token stream
written in the canonical form below, and the number of tokens. cppy's tokenizer_parity tool
(tests/tools/tokenizer_parity.cpp) writes the same form from its own tokens and compares.

Canonical form, one line per token (UTF-8):
    TYPE SROW SCOL EROW ECOL LEN:STRING\\n
with columns in characters, as the tokenize module reports them, and LEN the length of STRING
in UTF-8 bytes. A file the reference cannot tokenize ends with the line
    error TYPE LINENO OFFSET MESSAGE\\n
Run from anywhere:  python3 tools/tokenizer/make_reference.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "oracle"))
import oracle_run  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PROGRAM = r'''
import hashlib, io, os, tokenize, zipfile, _tokenize

def canonical(source):
    encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    text = source.decode(encoding)
    out = []
    count = 0
    try:
        for kind, string, (srow, scol), (erow, ecol), line in _tokenize.TokenizerIter(
                io.StringIO(text).readline, extra_tokens=True):
            data = string.encode("utf-8", "surrogatepass")
            out.append(b"%d %d %d %d %d %d:%s\n" % (kind, srow, scol, erow, ecol, len(data), data))
            count += 1
    except SyntaxError as e:
        out.append(("error %s %s %s %s\n" % (type(e).__name__, e.lineno, e.offset, e.msg)).encode())
    return hashlib.sha256(b"".join(out)).hexdigest(), count

archive = zipfile.ZipFile(os.path.dirname(os.__file__))
rows = []
for rel in sorted(archive.namelist()):
    if not rel.endswith(".py") or rel.startswith("site-packages/"):
        continue
    digest, count = canonical(archive.read(rel))
    rows.append("%s\t%s\t%d" % (rel, digest, count))
print("\n".join(rows))
'''


def main():
    stdout = oracle_run.run_source(PROGRAM, "tokens")
    out = os.path.join(REPO, "tests", "data", "tokenizer", "stdlib_tokens.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# path\tsha256(canonical token stream)\ttokens; "
                "written by tools/tokenizer/make_reference.py from CPython 3.14.2\n")
        f.write(stdout)
    print("%d files" % stdout.count("\n"))


if __name__ == "__main__":
    main()
