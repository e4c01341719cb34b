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
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import oracle_run  # noqa: E402

DATA = os.path.join(oracle_run.REPO, "tests", "data", "pymath")


def host_output():
    if sys.maxsize != 2**63 - 1:
        sys.exit("needs a 64-bit CPython")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "host_child.py")],
                          capture_output=True, text=True, check=True)
    return proc.stdout


if __name__ == "__main__":
    oracle_run.write_or_check({
        os.path.join(DATA, "pymath_data.txt"):
            oracle_run.run_script(os.path.join(HERE, "oracle_child.py")),
        os.path.join(DATA, "gamma_data.txt"): host_output()})
