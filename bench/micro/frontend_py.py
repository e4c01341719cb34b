"""The CPython side of frontend_bench.cpp: ast.parse and compile() over the standard library
files that this CPython can parse (3.14 syntax such as t-strings is beyond 3.11's), in CPU
time (compare with Google Benchmark's CPU column), best of --repeat passes; and the list of
those files for cppy's side:

    /usr/bin/python3.11 bench/micro/frontend_py.py build/release/lib/python3.14 \
        --list /tmp/frontend_files.txt
    CPPY_BENCH_FILES=/tmp/frontend_files.txt build/bench/bin/cppy_micro_bench \
        --benchmark_filter=Stdlib
"""
import argparse
import ast
import os
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("libdir")
    ap.add_argument("--list", required=True, help="where to write the parsed files' paths")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sources = []
    for root, dirs, names in os.walk(args.libdir):
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
