#!/usr/bin/env python3
"""Generates the data of tests/unit/pymath_test.cpp:

    tests/data/pymath/pymath_data.txt  from the reference CPython 3.14.2 (tools/oracle):
                                        round, hex, fromhex, as_integer_ratio, fsum, hypot,
                                        dist, remainder, isclose
    tests/data/pymath/gamma_data.txt   from the host's 64-bit CPython (same Lanczos code as
                                        3.14, same glibc libm as cppy): gamma, lgamma

    python3 tools/pymathdata/gen_pymath_data.py [--check]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(REPO, "tests", "data", "pymath")


def oracle_output():
    proc = subprocess.run(["node", os.path.join(REPO, "tools", "oracle", "oracle.mjs"), "--run",
                           os.path.join(HERE, "oracle_child.py")],
                          capture_output=True, text=True, check=True)
    if "\n--- " in proc.stdout or proc.stdout.startswith("--- "):
        sys.exit("the oracle run failed:\n" + proc.stdout[-2000:])
    return proc.stdout


def host_output():
    if sys.maxsize != 2**63 - 1:
        sys.exit("needs a 64-bit CPython")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "host_child.py")],
                          capture_output=True, text=True, check=True)
    return proc.stdout


def main():
    outputs = {"pymath_data.txt": oracle_output(), "gamma_data.txt": host_output()}
    for name, data in outputs.items():
        path = os.path.join(DATA, name)
        if "--check" in sys.argv:
            with open(path) as f:
                if f.read() != data:
                    sys.exit("tests/data/pymath/%s differs from the generator's output" % name)
        else:
            with open(path, "w") as f:
                f.write(data)


if __name__ == "__main__":
    main()
