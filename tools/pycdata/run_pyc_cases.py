#!/usr/bin/env python3
"""Runs the tests/py cases from the reference's .pyc files (tests/data/pyc) with cppy.

This measures the interpreter core (src/vm, the object model) independently of cppy's own
compiler: each case runs as `cppy NAME.pyc`-style, from the case's directory, and its output
is compared with the case's NAME.out as tests/py/run_case.py compares it.

    run_pyc_cases.py --cppy PATH [--expect FILE] [--update] [-v] [CASE ...]

--expect FILE: the cases listed in FILE (one per line) must pass; the run fails if one does
not (a regression). --update rewrites FILE with the cases that pass now. A .pyc whose
source hash no longer matches its case (edited since tools/pycdata/gen_pyc.py ran) is
skipped as stale.
"""
import argparse
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(REPO, "tests", "py")
PYC_DIR = os.path.join(REPO, "tests", "data", "pyc")
sys.path.insert(0, CASES)
from run_case import render  # noqa: E402  (the shared rendering of results)

# Generous: the suite runs on loaded 2-core machines (re_engine takes ~4 s alone). The asan
# preset raises it (CPPY_CASE_TIMEOUT, tests/cmake/net.cmake): the CJK codec tables take more
# than two minutes under ASan.
TIMEOUT = int(os.environ.get("CPPY_CASE_TIMEOUT", "60"))


def cases():
    out = []
    for root, _, files in os.walk(PYC_DIR):
        for f in sorted(files):
            if f.endswith(".pyc"):
                rel = os.path.relpath(os.path.join(root, f), PYC_DIR).replace(os.sep, "/")
                out.append(rel[:-4])
    return sorted(out)


def manifest():
    """{case: sha256 of its source when the .pyc was made} (tests/data/pyc/MANIFEST)."""
    out = {}
    path = os.path.join(PYC_DIR, "MANIFEST")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                digest, _, rel = line.strip().partition("  ")
                out[rel[:-3]] = digest
    return out


MANIFEST = manifest()


def stale(case):
    src = os.path.join(CASES, case + ".py")
    if not os.path.exists(src):
        return True
    with open(src, "rb") as f:
        source = f.read()
    return MANIFEST.get(case) != hashlib.sha256(source).hexdigest()


def run(cppy, case):
    case_dir = os.path.dirname(os.path.join(CASES, case))
    with open(os.path.join(CASES, case + ".out"), encoding="utf-8", newline="") as f:
        expected = f.read()
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    for var in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS"):
        env.pop(var, None)
    pyc = os.path.join(PYC_DIR, case + ".pyc")
    try:
        proc = subprocess.run([cppy, pyc], cwd=case_dir, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=TIMEOUT)
        status = proc.returncode
        if status < 0:
            status = 128 - status
        prefix = case_dir + "/"
        stdout = proc.stdout.decode("utf-8", "backslashreplace").replace(prefix, "")
        stderr = proc.stderr.decode("utf-8", "backslashreplace").replace(prefix, "")
        actual = render(stdout, stderr, status)
    except subprocess.TimeoutExpired:
        actual = "[timed out after %d s]\n" % TIMEOUT
    return actual == expected, expected, actual


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", required=True)
    ap.add_argument("--expect")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("case", nargs="*")
    args = ap.parse_args()
    selected = args.case or cases()
    passed, failed, skipped = [], [], []
    fresh = [c for c in selected if not stale(c)]
    skipped = [c for c in selected if stale(c)]
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda c: run(args.cppy, c), fresh))
    for case, (ok, expected, actual) in zip(fresh, results):
        (passed if ok else failed).append(case)
        if args.verbose and not ok:
            import difflib
            print("FAIL %s" % case)
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), "expected", "cppy"))
    print("%d of %d cases pass from the reference's .pyc files (%d stale skipped)"
          % (len(passed), len(passed) + len(failed), len(skipped)))
    if args.update and args.expect:
        with open(args.expect, "w", encoding="utf-8") as f:
            f.write("# Cases of tests/py that pass when run from the reference's .pyc "
                    "(tools/pycdata/run_pyc_cases.py --update).\n")
            f.writelines(c + "\n" for c in passed)
        return 0
    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            want = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        regressions = [c for c in want if c in failed]
        for c in regressions:
            print("REGRESSION %s: listed in %s but fails" % (c, os.path.relpath(args.expect, REPO)))
        return 1 if regressions else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
