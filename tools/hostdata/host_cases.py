#!/usr/bin/env python3
"""Cases for native modules the reference (pyodide) lacks: _signal, select, fcntl,
_posixsubprocess... Their expected output comes from the host's CPython (python3, 3.11 on
Debian 12) where 3.11 behaves as 3.14, never from hand-typed text.

    host_cases.py --write            regenerate tests/host/NAME.out with the host's python3
    host_cases.py --check            fail if a committed .out differs from the host's output
    host_cases.py --cppy CPPY NAME   run tests/host/NAME.py with cppy and diff with NAME.out

An .out holds stdout, then "--- stderr" and the last line of stderr when stderr is not
empty (the traceback's final line: the frames differ between interpreters only in paths),
then "--- exit status N" when the status is not 0 (negative: killed by signal -N).
"""
import argparse
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "tests", "host")


def run(interpreter, case):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    interpreter = os.path.abspath(interpreter) if os.sep in interpreter else interpreter
    # CPPY_CASE_TIMEOUT: the asan preset's longer limit (tests/cmake/net.cmake).
    proc = subprocess.run([interpreter, case + ".py"], cwd=CASES, env=env, capture_output=True,
                          timeout=int(os.environ.get("CPPY_CASE_TIMEOUT", "120")))
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    if err:
        out += "--- stderr\n" + err[-1] + "\n"
    if proc.returncode:
        out += "--- exit status %d\n" % proc.returncode
    return out


def cases():
    return sorted(f[:-3] for f in os.listdir(CASES) if f.endswith(".py"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cppy")
    ap.add_argument("case", nargs="?")
    args = ap.parse_args()
    host = "python3"
    if args.cppy:
        expected = open(os.path.join(CASES, args.case + ".out"), encoding="utf-8").read()
        got = run(args.cppy, args.case)
        if got == expected:
            print("PASS", args.case)
            return 0
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                                   "expected (host CPython)", "cppy"))
        return 1
    status = 0
    for case in cases():
        got = run(host, case)
        path = os.path.join(CASES, case + ".out")
        if args.write:
            with open(path, "w", encoding="utf-8") as f:
                f.write(got)
        elif args.check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != got:
                print("stale:", path)
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
