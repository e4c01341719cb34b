#!/usr/bin/env python3
"""Runs tests/py cases with an asan build of cppy under LeakSanitizer and reports the leaks.

Usage: check_leaks.py --cppy build/asan/bin/cppy [-j 2] [--top 20] [CASE.py|DIR ...]

Each case runs as tests/py/run_case.py runs it (`cppy NAME.py` in its own directory,
PYTHONHASHSEED=0), with ASAN_OPTIONS=detect_leaks=1 and the repository's suppressions
(tools/lsan/suppressions.txt). A case is clean when LeakSanitizer reports nothing; its output
is not compared (run_case.py does that). Prints one line per leaking case, then the allocation
sites that leak most (the first frames of each "Direct leak" stack below the allocator), and
`N passed, N failed` where failed counts the cases with leaks. Exit status 1 when any leaks.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TESTS = os.path.join(ROOT, "tests", "py")
SUPPRESSIONS = os.path.join(ROOT, "tools", "lsan", "suppressions.txt")

# Frames of the allocator itself: the interesting frame is the first one below them.
ALLOC_FRAMES = re.compile(r"malloc|calloc|realloc|operator new|memalign|aligned_alloc|"
                          r"cppy::gc::\w*alloc")
FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-f]+ in (.*?)(?: (/\S+))?$")


def cases(paths):
    out = []
    for p in paths or [TESTS]:
        p = os.path.abspath(p)
        if p.endswith(".py"):
            out.append(p)
            continue
        for d, dirs, files in os.walk(p):
            dirs[:] = sorted(x for x in dirs if not x.startswith("_") and x != "data")
            for f in sorted(files):
                if f.endswith(".py") and not f.startswith("_") and \
                        f not in ("run_case.py", "check_oracle_lock.py"):
                    out.append(os.path.join(d, f))
    return out


def run(cppy, case, timeout):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["TZ"] = "UTC"
    for var in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS"):
        env.pop(var, None)
    opts = "detect_leaks=1"
    if os.path.exists(SUPPRESSIONS):
        env["LSAN_OPTIONS"] = "suppressions=%s:print_suppressions=0" % SUPPRESSIONS
    env.setdefault("PYTHONDONTWRITEBYTECODE", "1") if os.environ.get("CHECK_LEAKS_NO_PYC") else None
    env["ASAN_OPTIONS"] = opts
    try:
        proc = subprocess.run([cppy, os.path.basename(case)], cwd=os.path.dirname(case), env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        err = proc.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return case, None, []
    return case, err, leaks(err)


def leaks(err):
    """(kind, bytes, count, signature) per leak block of a LeakSanitizer report."""
    out = []
    block = None
    for line in err.splitlines():
        m = re.match(r"(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\)", line)
        if m:
            block = [m.group(1), int(m.group(2)), int(m.group(3)), []]
            out.append(block)
            continue
        if block is None:
            continue
        f = FRAME.match(line)
        if f:
            block[3].append((f.group(2), f.group(3) or ""))
        elif not line.strip():
            block = None
    return out


def signature(frames, depth):
    sig = []
    started = False
    for fn, loc in frames:
        if not started and ALLOC_FRAMES.search(fn):
            continue
        started = True
        loc = re.sub(r"^(\.\./)*", "", re.sub(r"^.*?/src/", "src/", loc))
        sig.append("%s %s" % (re.sub(r"\(.*", "", fn), loc))
        if len(sig) == depth:
            break
    return " <- ".join(sig)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cppy", required=True)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    cppy = os.path.abspath(args.cppy)
    todo = cases(args.paths)
    sites = collections.Counter()
    site_cases = collections.defaultdict(set)
    clean = dirty = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for case, err, found in pool.map(lambda c: run(cppy, c, args.timeout), todo):
            rel = os.path.relpath(case, TESTS)
            if err is None:
                print("TIMEOUT %s" % rel, flush=True)
                dirty += 1
                continue
            if "LeakSanitizer" not in err and "AddressSanitizer" in err:
                print("ASAN %s: %s" % (rel, next(l for l in err.splitlines()
                                                   if "AddressSanitizer" in l)), flush=True)
            if not found:
                clean += 1
                continue
            dirty += 1
            direct = [b for b in found if b[0] == "Direct"]
            print("LEAK %s: %d direct (%d bytes), %d indirect" % (
                rel, sum(b[2] for b in direct), sum(b[1] for b in direct),
                sum(b[2] for b in found if b[0] == "Indirect")), flush=True)
            for kind, size, count, frames in direct:
                s = signature(frames, args.depth)
                sites[s] += count
                site_cases[s].add(rel)
    if sites:
        print("\nDirect leaks by allocation site (objects, cases):")
        for s, n in sites.most_common(args.top):
            print("%6d %4d  %s" % (n, len(site_cases[s]), s))
    print("%d passed, %d failed" % (clean, dirty))
    return 1 if dirty else 0


if __name__ == "__main__":
    sys.exit(main())
