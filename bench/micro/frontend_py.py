"""The CPython side of frontend_bench.cpp: ast.parse and compile() over the standard library
files that this CPython can parse (3.14 syntax such as t-strings is beyond 3.11's), in CPU
time (compare with Google Benchmark's CPU column), best of --repeat passes; and the list of
those files for cppy's side. The same script runs on cppy over that list (--files), which
times cppy's ast.parse and compile() as Python code sees them:

    /usr/bin/python3.11 bench/micro/frontend_py.py build/release/lib/python3.14 \
        --list /tmp/frontend_files.txt
    CPPY_BENCH_FILES=/tmp/frontend_files.txt build/bench/bin/cppy_micro_bench \
        --benchmark_filter=Stdlib
    build/release/bin/cppy bench/micro/frontend_py.py build/release/lib/python3.14 \
        --files /tmp/frontend_files.txt
"""
import argparse
import ast
import os
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("libdir")
    ap.add_argument("--list", help="where to write the parsed files' paths")
    ap.add_argument("--files", help="time these files (a --list output) instead")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sources = []
    if args.files:
        with open(args.files) as f:
            for path in f.read().splitlines():
                with open(path, "rb") as g:
                    sources.append((path, g.read()))
    for root, dirs, names in ([] if args.files else os.walk(args.libdir)):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                data = f.read()
            try:
                compile(data, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError):
                continue
            sources.append((path, data))
    if args.list:
        with open(args.list, "w") as f:
            f.write("".join(p + "\n" for p, _ in sources))
    for label, fn in [("parse", lambda p, d: ast.parse(d, p)),
                      ("compile", lambda p, d: compile(d, p, "exec", dont_inherit=True))]:
        best = None
        for _ in range(args.repeat):
            start = time.process_time()
            for path, data in sources:
                fn(path, data)
            elapsed = time.process_time() - start
            best = elapsed if best is None or elapsed < best else best
        print("%-8s %4d files  %8.1f ms" % (label, len(sources), best * 1000))


if __name__ == "__main__":
    main()
