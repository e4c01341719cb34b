#!/usr/bin/env python3
"""Runs a shortened tests/py number_parity case under LeakSanitizer and checks its output.

Usage: short_case.py --cppy build/asan/bin/cppy [--divide 20] tests/py/numbers/CASE.py

The number_parity cases loop over tens of thousands of pseudo-random inputs and print one
SHA-256 digest per block of 2 000 results; under ASan the full loops take more than ten
minutes. Their inputs come from one sequential generator, so the first K blocks of a shorter
run are the first K lines of the reference's NAME.out. This script divides each loop count of
the case (the literal of `range(N)` or the count argument of `run_ints(name, N)`) by --divide,
rounded to whole blocks, runs the rewritten source as `cppy -` in the case's directory
(PYTHONHASHSEED=0, as tests/py/run_case.py runs a case) with ASAN_OPTIONS=detect_leaks=1, and
passes when the output is that prefix of NAME.out, stderr is empty and the exit status is 0
(LeakSanitizer makes it 23 when anything leaks). The case files themselves are not changed:
the release suite still runs them in full.
"""
import argparse
import os
import re
import subprocess
import sys

BLOCK = 2000
# `range(40_000)` in a for statement and `run_ints("int", 50_000)`.
COUNT = re.compile(r"(\brange\(|\brun_ints\(\s*\"\w+\",\s*)([0-9_]+)(\))")


def shorten(source, divide):
    def sub(m):
        n = int(m.group(2).replace("_", ""))
        short = max(BLOCK, n // divide // BLOCK * BLOCK)
        return m.group(1) + str(short) + m.group(3)

    out, count = COUNT.subn(sub, source)
    return out, count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", required=True)
    ap.add_argument("--divide", type=int, default=20)
    ap.add_argument("--timeout", type=int, default=800)
    ap.add_argument("case")
    args = ap.parse_args()
    case = os.path.abspath(args.case)
    with open(case, encoding="utf-8") as f:
        source, loops = shorten(f.read(), args.divide)
    if loops != 1:
        print("FAIL %s: expected one loop count to shorten, found %d" % (case, loops))
        return 1
    with open(case[:-3] + ".out", encoding="utf-8") as f:
        reference = f.read().splitlines(True)
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["TZ"] = "UTC"
    env["ASAN_OPTIONS"] = "detect_leaks=1"
    for var in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS",
                "NUMBER_PARITY_DUMP"):
        env.pop(var, None)
    proc = subprocess.run([os.path.abspath(args.cppy), "-"], cwd=os.path.dirname(case), env=env,
                          input=source.encode("utf-8"), capture_output=True, timeout=args.timeout)
    out = proc.stdout.decode("utf-8", "backslashreplace").splitlines(True)
    err = proc.stderr.decode("utf-8", "backslashreplace")
    ok = True
    if not out or out != reference[:len(out)] or len(out) == len(reference):
        print("FAIL %s: output is not a proper prefix of the reference's (%d of %d lines)"
              % (case, len(out), len(reference)))
        for i, line in enumerate(out):
            if i >= len(reference) or line != reference[i]:
                print("  line %d: got %r, expected %r"
                      % (i + 1, line, reference[i] if i < len(reference) else None))
                break
        ok = False
    if err or proc.returncode != 0:
        print("FAIL %s: exit status %d, stderr:\n%s" % (case, proc.returncode, err[-20000:]))
        ok = False
    if ok:
        print("PASS %s (%d of %d blocks, no leak)" % (case, len(out), len(reference)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
