#!/usr/bin/env python3
"""Fails when a tests/py case and its expected output disagree with oracle.lock.

oracle.lock records, for every case, the SHA-256 of NAME.py and of the NAME.out the oracle
wrote for it. A case edited without regenerating its output, an output edited by hand, a new
case never run through the oracle, or a lock row without its case, all fail here. Regenerate
with `node tools/oracle/oracle.mjs` (see tests/py/README.md).
"""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def is_case(rel):
    if not rel.endswith(".py") or rel in ("run_case.py", "check_oracle_lock.py"):
        return False
    return not re.search(r"(^|/)_", rel) and "/data/" not in rel


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    lock = {}
    with open(os.path.join(HERE, "oracle.lock"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([0-9a-f]{64})  ([0-9a-f]{64})  (.+)$", line.rstrip("\n"))
            if m:
                lock[m.group(3)] = (m.group(1), m.group(2))
    cases = []
    for root, dirs, files in os.walk(HERE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), HERE).replace(os.sep, "/")
            if is_case(rel):
                cases.append(rel)
    problems = []
    for rel in sorted(cases):
        out = os.path.join(HERE, rel[:-3] + ".out")
        if rel not in lock:
            problems.append("%s: not in oracle.lock (never run through the oracle)" % rel)
        elif not os.path.exists(out):
            problems.append("%s: expected output %s is missing" % (rel, rel[:-3] + ".out"))
        elif digest(os.path.join(HERE, rel)) != lock[rel][0]:
            problems.append("%s: changed since its expected output was generated" % rel)
        elif digest(out) != lock[rel][1]:
            problems.append("%s: edited by hand (not what the oracle wrote)" % (rel[:-3] + ".out"))
    for rel in sorted(set(lock) - set(cases)):
        problems.append("%s: in oracle.lock but no such case" % rel)
    for p in problems:
        print(p)
    print("%d cases checked, %d stale" % (len(cases), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
