#!/usr/bin/env python3
"""Checks docs/filemap.md and prints its counts.

  filemap.py [--check]   fail if a row has an unknown status or a CPython file is listed twice;
                         print "Rows: N; ported ..., partial ..., missing ..., dropped ...".
The counts are not stored in the file (every engineer's rebase conflicted on that line).
"""
import collections
import os
import re
import sys

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "filemap.md")
ROW = re.compile(r"^\| \[(.)\] \| (.+?) \| (.+?) \| (.*) \|$")


def main():
    with open(PATH, encoding="utf-8") as f:
        lines = f.read().split("\n")
    counts = collections.Counter()
    seen = collections.Counter()
    problems = []
    for line in lines:
        m = ROW.match(line)
        if not m:
            continue
        status, cfile = m.group(1), m.group(2)
        if status not in "x~ -":
            problems.append("unknown status [%s] for %s" % (status, cfile))
        counts[status] += 1
        seen[cfile] += 1
    problems += ["%s is listed %d times" % (f, n) for f, n in seen.items() if n > 1]
    summary = ("Rows: %d; ported %d, partial %d, missing %d, dropped %d." %
               (sum(counts.values()), counts["x"], counts["~"], counts[" "], counts["-"]))
    for p in problems:
        print(p)
    print(summary)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
