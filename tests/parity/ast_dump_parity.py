#!/usr/bin/env python3
"""ctest ast.stdlib_dump_parity: the _ast objects cppy makes of the standard library, dumped by
Lib/ast.py on cppy, against the reference's digests.

    python3 tests/parity/ast_dump_parity.py CPPY LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N]
                                            [--code-from-ast]

Runs tests/parity/cppy_ast_dumps.py on cppy (ast.parse -> compile(PyCF_ONLY_AST) -> ast2obj,
then ast.dump(include_attributes=True) in Python), hashes each text and compares with the
second column of STDLIB_TSV (tools/parity/make_reference.py, the same canon.ast_text run on
CPython 3.14.2). Prints "M/N identical" and the paths that differ; fails below MIN_IDENTICAL.
--code-from-ast compares the code objects compiled from the _ast trees (compile(ast.parse(src)))
with the third column instead.
"""
import argparse
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cppy")
    ap.add_argument("libdir")
    ap.add_argument("tsv")
    ap.add_argument("min_identical", type=int)
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--code-from-ast", action="store_true")
    args = ap.parse_args()
    want = {}
    with open(args.tsv, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            want[parts[0]] = parts[2] if args.code_from_ast else parts[1]
    mode = ["--code-from-ast"] if args.code_from_ast else []
    proc = subprocess.Popen([args.cppy, os.path.join(HERE, "cppy_ast_dumps.py")] + mode +
                            [args.libdir, args.tsv], stdout=subprocess.PIPE)
    got = {}
    stream = proc.stdout
    while True:
        head = stream.readline()
        if not head:
            break
        rel, _, size = head.decode("utf-8").rstrip("\n").partition("\t")
        if size.startswith("error:"):
            got[rel] = size
            continue
        text = stream.read(int(size))
        got[rel] = hashlib.sha256(text).hexdigest()
    status = proc.wait()
    same = [rel for rel in want if got.get(rel) == want[rel]]
    differ = [rel for rel in want if rel in got and got[rel] != want[rel]]
    missing = [rel for rel in want if rel not in got]
    print("%d/%d identical" % (len(same), len(want)))
    for rel in differ[:args.show]:
        print("differs:", rel, got[rel] if got[rel].startswith("error:") else "")
    if missing:
        print("not reached (cppy exited with %d): %d files, first %s"
              % (status, len(missing), missing[0]))
    if len(same) < args.min_identical:
        print("FAIL: below the committed figure %d" % args.min_identical)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
