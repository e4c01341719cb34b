"""Runs under the reference CPython (pyodide) to write tests/data/parity/stdlib.tsv.

Driven by tools/parity/make_reference.sh; for every .py file of the standard library it prints
a line: relative path, SHA-256 of canon.ast_text, SHA-256 of canon.code_text (or the
exception type name when parsing or compiling fails, as for the bad-syntax test data files).
"""
import hashlib
import os
import sys
import zipfile

import canon

# pyodide imports the standard library from a zip archive (the same python_stdlib.zip the
# build installs); read the sources from there.
ARCHIVE = os.path.dirname(os.__file__)


def digest(fn, source, rel):
    try:
        return hashlib.sha256(fn(source, rel).encode("utf-8")).hexdigest()
    except Exception as e:  # a file the reference itself rejects
        return "error:" + type(e).__name__


rows = []
with zipfile.ZipFile(ARCHIVE) as archive:
    for rel in sorted(archive.namelist()):
        if not rel.endswith(".py") or rel.startswith("site-packages/"):
            continue
        source = archive.read(rel)
        rows.append("%s\t%s\t%s" % (rel, digest(canon.ast_text, source, rel),
                                     digest(canon.code_text, source, rel)))
print("\n".join(rows))
