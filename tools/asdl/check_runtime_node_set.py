#!/usr/bin/env python3
"""Runs tests/data/ast/node_set.py on cppy and compares what it prints about the classes of
its _ast module with the reference's tests/data/ast/node_set.txt (ctest ast.runtime_node_set).

    python3 tools/asdl/check_runtime_node_set.py build/release/bin/cppy
"""
import difflib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def main() -> int:
    cppy = sys.argv[1]
    data = REPO / "tests" / "data" / "ast"
    got = subprocess.run([cppy, str(data / "node_set.py")], capture_output=True, text=True,
                         timeout=120)
    want = (data / "node_set.txt").read_text()
    if got.returncode != 0 or got.stdout != want:
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True),
                                                   got.stdout.splitlines(True),
                                                   "node_set.txt", "cppy"))
        sys.stdout.write(got.stderr)
        return 1
    print("the _ast classes of cppy agree with node_set.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
