"""Runs tests/data/coremods/threads.py with cppy and compares its output with threads.out (what
the host's CPython printed): real threads under the GIL.

    python3 tools/coremods/run_threads.py --cppy build/release/bin/cppy
"""
import argparse, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "data", "coremods")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", required=True)
    args = ap.parse_args()
    with open(os.path.join(DATA, "threads.out")) as f:
        expected = f.read()
    r = subprocess.run([args.cppy, os.path.join(DATA, "threads.py")], capture_output=True,
                       text=True, timeout=120)
    if r.returncode != 0 or r.stdout != expected:
        sys.stdout.write("expected:\n" + expected + "got (status %d):\n" % r.returncode + r.stdout
                         + r.stderr)
        sys.exit(1)
    print("threads.py: same output as CPython")


if __name__ == "__main__":
    main()
