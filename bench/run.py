#!/usr/bin/env python3
"""Times bench/programs/*.py under cppy and the comparison interpreters.

    python3 bench/run.py [--cppy build/release/bin/cppy] [--repeat 3] [--cpu] [PROGRAM ...]

For each program and interpreter: the median wall time of --repeat runs (with --cpu: the
least user+system CPU time of the child, steadier on a loaded machine), and whether the
output equals CPython 3.11's (a benchmark result only counts when the output is right).
Interpreters: cppy, /usr/bin/python3.11 (Debian's optimized build) and pypy3 when installed.
Prints a table with cppy's time relative to CPython 3.11 (below 1.0 is faster).
"""
import argparse
import glob
import os
import resource
import shutil
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def time_run(cmd, repeat, cpu=False):
    times, output = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, capture_output=True, timeout=600)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu:
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        else:
            times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            return None, proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
        output = proc.stdout
    return (min(times) if cpu else statistics.median(times)), output


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", default=os.path.join(HERE, "..", "build", "release", "bin", "cppy"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cpu", action="store_true", help="CPU time of the child, not wall time")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(HERE, "programs", "*.py")))
    interpreters = [("cppy", args.cppy), ("cpython3.11", "/usr/bin/python3.11")]
    if shutil.which("pypy3"):
        interpreters.append(("pypy3", shutil.which("pypy3")))
    print("%-14s" % "program" + "".join("%16s" % name for name, _ in interpreters) + "   cppy/3.11")
    for program in programs:
        row, reference, results = [], None, {}
        for name, exe in interpreters:
            seconds, output = time_run([exe, program], args.repeat, args.cpu)
            results[name] = (seconds, output)
            if name == "cpython3.11":
                reference = output
        for name, _ in interpreters:
            seconds, output = results[name]
            if seconds is None:
                row.append("%16s" % "fails")
            elif output != reference:
                row.append("%16s" % "wrong output")
            else:
                row.append("%15.3fs" % seconds)
        cppy_s, cppy_out = results["cppy"]
        base_s = results["cpython3.11"][0]
        ratio = ("%.2f" % (cppy_s / base_s)) if cppy_s and cppy_out == reference and base_s else "-"
        print("%-14s" % os.path.basename(program)[:-3] + "".join(row) + "%12s" % ratio)


if __name__ == "__main__":
    main()
