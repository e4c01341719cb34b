"""Removes the expected-failure lines of cases that pass now.

Usage: python3 tools/pytests/unmark_passing.py --cppy build/release/bin/cppy [DIR ...]
Runs every listed case of the given directories (all by default) with run_case.py and drops
the line of each one that passes (an XPASS), so that ctest goes green again.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "py")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cppy", required=True)
    parser.add_argument("dirs", nargs="*")
    args = parser.parse_args()
    cppy = os.path.abspath(args.cppy)
    dirs = args.dirs or sorted(d for d in os.listdir(HERE)
                               if os.path.exists(os.path.join(HERE, d, "expected_failures.txt")))
    for d in dirs:
        path = os.path.join(HERE, d, "expected_failures.txt")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        kept = []
        for line in lines:
            name = line.split(" ", 1)[0].strip()
            if name and not line.startswith("#") and os.path.exists(os.path.join(HERE, d, name)):
                r = subprocess.run([sys.executable, os.path.join(HERE, "run_case.py"), "--cppy",
                                    cppy, d + "/" + name], capture_output=True, text=True)
                if r.returncode == 1 and "XPASS" in r.stdout + r.stderr:
                    print("passes now:", d + "/" + name)
                    continue
            kept.append(line)
        if kept != lines:
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(kept)


if __name__ == "__main__":
    main()
