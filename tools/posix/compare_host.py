#!/usr/bin/env python3
"""Runs the posix cases that the reference (pyodide: no fork, exec, pipes or signals) cannot
run, under the host's python3 and under cppy, and compares what they print.

    python3 tools/posix/compare_host.py --cppy build/release/bin/cppy [CASE.py ...]

The cases are tests/data/posix/*.py. Each runs in a fresh temporary directory as its working
directory, with PYTHONHASHSEED=0; stdout, stderr and the exit status must be identical.
Exit status 0 when every case agrees, 1 otherwise (the differences are printed).
"""
import argparse
import difflib
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE.parent.parent / "tests" / "data" / "posix"


def run(interp, case):
    with tempfile.TemporaryDirectory() as cwd:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        p = subprocess.run([interp, str(case)], cwd=cwd, env=env, capture_output=True,
                           timeout=120)
    return (p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
            p.returncode)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    cases = [pathlib.Path(c) for c in args.cases] or sorted(CASES.glob("*.py"))
    failed = 0
    for case in cases:
        want = run(args.python, case)
        got = run(args.cppy, case)
        if want == got:
            print(f"ok   {case.name}")
            continue
        failed += 1
        print(f"FAIL {case.name}")
        for label, w, g in (("stdout", want[0], got[0]), ("stderr", want[1], got[1])):
            if w != g:
                sys.stdout.writelines(difflib.unified_diff(
                    w.splitlines(True), g.splitlines(True), f"{label} python3", f"{label} cppy"))
        if want[2] != got[2]:
            print(f"exit status: python3 {want[2]}, cppy {got[2]}")
    print(f"{len(cases) - failed}/{len(cases)} cases agree")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
