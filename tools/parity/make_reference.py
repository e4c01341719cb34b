#!/usr/bin/env python3
"""Regenerates tests/data/parity/stdlib.tsv from the reference CPython 3.14.2.

For every .py file of the standard library, the reference parses and compiles it and records
the SHA-256 of tests/parity/canon.py's AST text and code-object text. cppy's parity tests
compute the same texts with the same canon.py and compare. Run from anywhere:

    python3 tools/parity/make_reference.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "oracle"))
import oracle_run  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parity = os.path.join(REPO, "tests", "parity")
    with open(os.path.join(parity, "canon.py"), encoding="utf-8") as f:
        canon_source = f.read()
    with open(os.path.join(parity, "reference_digests.py"), encoding="utf-8") as f:
        body = f.read()
    # The oracle runs one source file: define the canon module inline, then the driver.
    program = ("import sys, types\n"
               "canon = types.ModuleType('canon')\n"
               "exec(%r, canon.__dict__)\n"
               "sys.modules['canon'] = canon\n" % canon_source) + body
    stdout = oracle_run.run_source(program, "stdlib")
    out = os.path.join(REPO, "tests", "data", "parity", "stdlib.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# path\tsha256(canon.ast_text)\tsha256(canon.code_text); "
                "written by tools/parity/make_reference.py\n")
        f.write(stdout)
    print("%d files" % stdout.count("\n"))


if __name__ == "__main__":
    main()
