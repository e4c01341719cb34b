#!/usr/bin/env python3
"""SyntaxError parity of the whole cppy pipeline with CPython 3.14.2.

    syntax_error_parity.py CPPY SYNTAX_ERRORS_TSV MIN_IDENTICAL [--show N]

Runs, on cppy, the very program tests/data/parser/gen_syntax_errors.py ran on the reference
to write SYNTAX_ERRORS_TSV: compile(source, '<snippet>', 'exec') of every snippet with the
warnings recorded. Parser, preprocessing, symbol-table and compiler errors all count. A case is
identical when the outcome (ok, or the exception type, lineno, offset, end_lineno, end_offset
and message) and the warnings equal the reference's. Prints "M/N identical"; fails when M is
below MIN_IDENTICAL (the committed figure).
"""
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tests", "data", "parser"))
import gen_syntax_errors  # noqa: E402


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    cppy, tsv, min_identical = args[0], args[1], int(args[2])
    expected = {}
    order = []
    with open(tsv, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            expected[fields[0]] = fields[2:9]
            order.append(fields[0])
    cases = [(n, s.encode("utf-8")) for n, s in gen_syntax_errors.snippets()]
    cases += [(n + "@bytes", b) for n, b in gen_syntax_errors.BYTE_CASES]
    program = gen_syntax_errors.PROGRAM.replace("CASES", repr([(n, b.hex()) for n, b in cases]))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "syntax_error_parity_run.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(program)
        proc = subprocess.run([cppy, "-I", path], capture_output=True, text=True,
                              errors="surrogateescape", timeout=600)
    got = {}
    for line in proc.stdout.splitlines():
        row = json.loads(line)
        got[row[0]] = row[1:6] + [gen_syntax_errors.escape(row[6]),
                                  gen_syntax_errors.escape(row[7])]
    identical = 0
    for name in order:
        if got.get(name) == expected[name]:
            identical += 1
        elif show > 0:
            show -= 1
            print("%s\n  expected %s\n  got      %s" % (name, expected[name], got.get(name)))
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
    print("%d/%d identical" % (identical, len(order)))
    if identical < min_identical:
        sys.exit("below the committed figure %d" % min_identical)


if __name__ == "__main__":
    main()
