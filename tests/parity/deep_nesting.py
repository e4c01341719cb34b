#!/usr/bin/env python3
"""Deeply nested source: CPython's limits, never a crash (issue 3).

    deep_nesting.py --cppy CPPY      run the check
    deep_nesting.py --regenerate     rewrite tests/data/parser/deep_nesting.expected

The moderate cases (PROGRAM with SIZES "moderate") are small enough for the reference
(tools/oracle: pyodide's WebAssembly stack overflows on much deeper input): their outcome
(exception type, message and position) is recorded from it in deep_nesting.expected and cppy
must print the same. The huge cases (100 000 brackets, expressions of about 1 MB, 300 000-deep
attribute chains...) cannot run on the reference; cppy must finish them normally with one of
the errors CPython raises at its limits (SyntaxError "too many nested parentheses",
IndentationError, MemoryError "Parser stack overflowed...", RecursionError "... during
compilation") or compile them, and each must give the same exception type and message as the
moderate case of the same shape where the reference already hits the limit. Deep expressions
compiled in a thread with a 256 KiB stack must end the same way (no C stack overflow).
"""
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTED = os.path.join(REPO, "tests", "data", "parser", "deep_nesting.expected")

PROGRAM = r'''
import sys
HUGE = sys.argv[1] == "huge"
def shapes():
    n = 100000 if HUGE else 300
    yield "paren", "(" * n + ")" * n
    yield "paren_assign", "x = " + "(" * n + ")" * n
    yield "list", "[" * n + "]" * n
    yield "dict", "x = " + "{1:" * n + "1" + "}" * n
    yield "fstring", "x = " + "f'{" * (n if HUGE else 200) + "1" + "}'" * (n if HUGE else 200)
    d = 1000 if HUGE else 150
    yield "indent", "".join(" " * i + "if 1:\n" for i in range(d)) + " " * d + "pass\n"
    if HUGE:
        # Expressions of about 1 MB.
        yield "unary", "x = " + "-" * 1000000 + "1"
        yield "not", "x = " + "not " * 250000 + "1"
        yield "power", "x = " + "2**" * 300000 + "2"
        yield "lambda", "x = " + "lambda: " * 120000 + "1"
        yield "binop", "x = " + "+".join(["1"] * 500000)
        yield "attribute", "x = a" + ".b" * 500000
        yield "call", "x = f" + "()" * 500000
        yield "subscript", "x = a" + "[0]" * 300000
        yield "tuple", "x = " + ",".join(["1"] * 500000)
        yield "boolop", "x = " + " and ".join(["a"] * 200000)
        yield "compare", "x = " + " < ".join(["a"] * 200000)
def try_compile(name, src):
    try:
        compile(src, "<deep>", "exec")
        print(name, "ok", flush=True)
    except (SyntaxError, MemoryError, RecursionError) as e:
        print(name, type(e).__name__, repr(e.args[0]), getattr(e, "lineno", None),
              getattr(e, "offset", None), flush=True)
if sys.argv[1] == "thread":
    # A thread with a small C stack: the parser's C-stack check (pegen.c's
    # _Py_ReachedRecursionLimitWithMargin) stops deep rules before the stack ends.
    import threading
    threading.stack_size(256 * 1024)
    for name, src in [("unary", "x = " + "-" * 5900 + "1"), ("not", "x = " + "not " * 5900 + "1"),
                      ("power", "x = " + "2**" * 5900 + "2"), ("lambda", "x = " + "lambda: " * 5900 + "1"),
                      ("attribute", "x = a" + ".b" * 5900), ("call", "x = f" + "()" * 5900)]:
        t = threading.Thread(target=try_compile, args=(name, src))
        t.start()
        t.join()
else:
    for name, src in shapes():
        try_compile(name, src)
'''

# The huge shape whose error must equal the moderate shape's (type and message).
SAME_AS_MODERATE = ["paren", "paren_assign", "list", "dict", "fstring", "indent"]
# Huge shapes without a moderate counterpart: the errors CPython raises at its limits (as
# regular expressions: 3.14 bounds compilation by the C stack, _Py_CheckRecursiveCall's
# "Stack overflow (used N kB) during compilation").
LIMIT_ERRORS = {
    "MemoryError": re.escape("'Parser stack overflowed - Python source too complex to parse'"),
    "RecursionError": r"'Stack overflow \(used \d+ kB\) during compilation'",
}


def run(interpreter_cmd, size):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "deep_nesting_run.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(PROGRAM)
        # The asan preset gives the huge run longer (tests/cmake/net.cmake).
        limit = int(os.environ.get("CPPY_DEEP_NESTING_TIMEOUT", "900"))
        proc = subprocess.run(interpreter_cmd + [path, size], capture_output=True, text=True,
                              timeout=limit)
    return proc


def regenerate():
    sys.path.insert(0, os.path.join(REPO, "tools", "oracle"))
    import oracle_run
    out = oracle_run.run_source("import sys\nsys.argv = ['x', 'moderate']\n" + PROGRAM, "deep")
    with open(EXPECTED, "w", encoding="utf-8") as f:
        f.write("# written by tests/parity/deep_nesting.py --regenerate from CPython 3.14.2\n")
        f.write(out)
    print(out, end="")


def check(cppy):
    with open(EXPECTED, encoding="utf-8") as f:
        expected = [line for line in f.read().splitlines() if not line.startswith("#")]
    failures = []
    moderate = run([cppy, "-I"], "moderate")
    if moderate.returncode != 0 or moderate.stdout.splitlines() != expected:
        failures.append("moderate cases differ from the reference:\n  expected %s\n  got      %s\n%s"
                        % (expected, moderate.stdout.splitlines(), moderate.stderr[-2000:]))
    by_name = {line.split()[0]: line.split(" ", 1)[1] for line in expected}
    huge = run([cppy, "-I"], "huge")
    if huge.returncode != 0:
        failures.append("huge cases: cppy exited with status %d\n%s"
                        % (huge.returncode, huge.stderr[-2000:]))
    seen = 0
    for line in huge.stdout.splitlines():
        name, outcome = line.split(" ", 1)
        seen += 1
        if name in SAME_AS_MODERATE:
            want = " ".join(by_name[name].split()[:2])
            if " ".join(outcome.split()[:2]) != want and not outcome.startswith(want):
                failures.append("%s: %s, the reference's limit gives %s" % (name, outcome, want))
        elif outcome != "ok":
            kind, _, rest = outcome.partition(" ")
            if kind not in LIMIT_ERRORS or not re.match(LIMIT_ERRORS[kind], rest):
                failures.append("%s: unexpected %s" % (name, outcome))
        print("huge", line)
    if seen != 17:
        failures.append("huge cases: %d of 17 finished" % seen)
    thread = run([cppy, "-I"], "thread")
    lines = thread.stdout.splitlines()
    if thread.returncode != 0 or len(lines) != 6:
        failures.append("small-stack thread cases: status %d, %d of 6 finished\n%s"
                        % (thread.returncode, len(lines), thread.stderr[-2000:]))
    for line in lines:
        name, outcome = line.split(" ", 1)
        kind, _, rest = outcome.partition(" ")
        if outcome != "ok" and (kind not in LIMIT_ERRORS or not re.match(LIMIT_ERRORS[kind], rest)):
            failures.append("thread %s: unexpected %s" % (name, outcome))
        print("thread", line)
    if failures:
        sys.exit("\n".join(failures))
    print("deep nesting: %d moderate cases as the reference, %d huge cases within CPython's limits"
          % (len(expected), seen))


def main():
    if sys.argv[1:] == ["--regenerate"]:
        regenerate()
    elif len(sys.argv) == 3 and sys.argv[1] == "--cppy":
        check(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
