"""Runs the re cases of tests/py (stdlib/re_*.py) with cppy through tools/sre/srcimport.py (a
stand-in importer for the standard library's source modules) and compares their output with
the reference's NAME.out. A ctest (sre.re_cases_via_srcimport) until `import re` works from
source, when the ordinary tests/py runs take over.

    python3 tools/sre/run_re_cases.py --cppy build/release/bin/cppy --lib build/release/lib/python3.14
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", required=True)
    ap.add_argument("--lib", required=True)
    args = ap.parse_args()
    args.cppy, args.lib = os.path.abspath(args.cppy), os.path.abspath(args.lib)
    cases = sorted(glob.glob(os.path.join(REPO, "tests", "py", "stdlib", "re_*.py")))
    failed = []
    for case in cases:
        with open(case[:-3] + ".out") as f:
            want = f.read()
        proc = subprocess.run([args.cppy, os.path.join(HERE, "srcimport.py"), args.lib, case],
                              capture_output=True, text=True, timeout=300,
                              cwd=os.path.dirname(case))
        got = proc.stdout
        if proc.stderr or proc.returncode:
            got += "--- stderr\n" + proc.stderr + "--- exit status %d\n" % proc.returncode
        name = os.path.relpath(case, os.path.join(REPO, "tests", "py"))
        if got != want:
            failed.append(name)
            print("FAIL %s" % name)
            print(got[-3000:])
    print("%d/%d re cases match the reference" % (len(cases) - len(failed), len(cases)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
