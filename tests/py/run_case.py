#!/usr/bin/env python3
"""Runs one tests/py case with cppy and compares it with the oracle's NAME.out.

Usage: run_case.py --cppy PATH CASE.py   (from tests/py)

The case runs as `cppy NAME.py` in its own directory, with PYTHONHASHSEED=0 like the oracle,
and its output is rendered as tools/oracle/oracle.mjs renders CPython's. Exit status: 0 when
the output matches; 1 when it does not; 77 (ctest's skip) when the case is listed in
its directory's expected_failures.txt and fails; 1 when a listed case passes, so that its mark gets removed.
"""
import argparse
import difflib
import fnmatch
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77
# Under ctest's 60 s; a loaded machine stretches a few seconds of CPU a lot. The asan preset
# raises both (CPPY_CASE_TIMEOUT, tests/cmake/net.cmake): ASan makes a case several times slower.
TIMEOUT = int(os.environ.get("CPPY_CASE_TIMEOUT", "55"))


def render(stdout, stderr, status):
    text = stdout
    if text and not text.endswith("\n"):
        text += "\n[no newline at end of stdout]\n"
    if stderr:
        text += "--- stderr\n" + stderr
        if not stderr.endswith("\n"):
            text += "\n[no newline at end of stderr]\n"
    if status != 0:
        text += "--- exit status %d\n" % status
    return text


def expected_failure(case):
    """The reason given in the case directory's expected_failures.txt, or None.

    Each directory keeps its own list (names relative to the directory), so that engineers
    working on different directories do not edit the same file."""
    directory, _, name = case.rpartition("/")
    path = os.path.join(HERE, directory, "expected_failures.txt")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            pattern, _, reason = line.partition(" ")
            if fnmatch.fnmatchcase(name, pattern):
                return reason.strip() or "no reason given"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cppy", required=True)
    parser.add_argument("case")
    args = parser.parse_args()

    case = args.case.replace(os.sep, "/")
    case_path = os.path.join(HERE, case)
    case_dir = os.path.dirname(case_path)
    with open(case_path[:-3] + ".out", encoding="utf-8", newline="") as f:
        expected = f.read()

    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["TZ"] = "UTC"  # the reference runs in UTC; local-time results must not depend on the host
    for var in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS"):
        env.pop(var, None)
    try:
        proc = subprocess.run([args.cppy, os.path.basename(case_path)], cwd=case_dir, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        status = proc.returncode
        if status < 0:
            status = 128 - status  # killed by a signal: never a CPython result
        prefix = case_dir + "/"
        stdout = proc.stdout.decode("utf-8", "backslashreplace").replace(prefix, "")
        stderr = proc.stderr.decode("utf-8", "backslashreplace").replace(prefix, "")
        actual = render(stdout, stderr, status)
    except subprocess.TimeoutExpired:
        actual = "[timed out after %d s]\n" % TIMEOUT

    reason = expected_failure(case)
    if actual == expected:
        if reason:
            print("XPASS %s: listed in expected_failures.txt (%s) but passes; remove the mark"
                  % (case, reason))
            return 1
        print("PASS %s" % case)
        return 0
    if reason:
        print("XFAIL %s: %s" % (case, reason))
        return SKIP
    print("FAIL %s" % case)
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(True), actual.splitlines(True), "expected (CPython 3.14.2)", "cppy"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
