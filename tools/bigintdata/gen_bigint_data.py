#!/usr/bin/env python3
"""Generates tests/data/bigint/bigint_data.txt by running oracle_child.py under the
reference CPython 3.14.2 (tools/oracle, pyodide).

    python3 tools/bigintdata/gen_bigint_data.py [--check]

With --check, regenerates and compares with the committed file (needs node and the oracle's
npm packages: `npm ci --prefix tools/oracle`).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(REPO, "tests", "data", "bigint", "bigint_data.txt")


def generate():
    proc = subprocess.run(["node", os.path.join(REPO, "tools", "oracle", "oracle.mjs"), "--run",
                           os.path.join(HERE, "oracle_child.py")],
                          capture_output=True, text=True, check=True)
    if "\n--- " in proc.stdout or proc.stdout.startswith("--- "):
        sys.exit("the oracle run failed:\n" + proc.stdout[-2000:])
    return proc.stdout


def main():
    data = generate()
    if "--check" in sys.argv:
        with open(OUT) as f:
            if f.read() != data:
                sys.exit("tests/data/bigint/bigint_data.txt differs from the oracle's output")
        return
    with open(OUT, "w") as f:
        f.write(data)


if __name__ == "__main__":
    main()
