#!/usr/bin/env python3
"""Generates tests/data/pystrconv/strconv_data.txt by running oracle_child.py under the
reference CPython 3.14.2 (tools/oracle, pyodide).

    python3 tools/strconvdata/gen_strconv_data.py [--check]

With --check, regenerates and compares with the committed file (needs node and the oracle's
npm packages: `npm ci --prefix tools/oracle`).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import oracle_run  # noqa: E402

if __name__ == "__main__":
    oracle_run.write_or_check({
        os.path.join(oracle_run.REPO, "tests", "data", "pystrconv", "strconv_data.txt"):
            oracle_run.run_script(os.path.join(HERE, "oracle_child.py"))})
