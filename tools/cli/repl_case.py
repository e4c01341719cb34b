#!/usr/bin/env python3
"""Runs an interactive-prompt case: `INTERPRETER -q -i [ARGS] < CASE.in`, stdout and stderr
merged (the prompts go to stderr, flushed in order with stdout).

Usage:
  repl_case.py --cppy PATH CASE.in     compare cppy's session with CASE.expected
  repl_case.py --generate CASE.in ...  write CASE.expected from `python3 -q -i`
  repl_case.py --check CASE.in ...     fail unless python3 still prints CASE.expected

The reference for the prompt is CPython's basic REPL as `python3` (3.11) runs it: the
WebAssembly reference has no interactive prompt, and the cases avoid what 3.14 changed
there (tracebacks of interactive code show source lines since 3.13). ARGS come from
CASE.args, one per line, when it exists.
"""
import argparse
import os
import subprocess
import sys


def session(interpreter, case):
    args = []
    args_path = case[:-3] + ".args"
    if os.path.exists(args_path):
        with open(args_path, encoding="utf-8") as f:
            args = f.read().splitlines()
    env = dict(os.environ)
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PYTHONINSPECT"):
        env.pop(var, None)
    env["PYTHON_BASIC_REPL"] = "1"
    env["PYTHONHASHSEED"] = "0"
    with open(case, "rb") as stdin:
        proc = subprocess.run(interpreter + ["-q", "-i"] + args, stdin=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                              cwd=os.path.dirname(os.path.abspath(case)), timeout=60)
    text = proc.stdout.decode("utf-8", "backslashreplace")
    return text + "--- exit status %d\n" % proc.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cppy")
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("cases", nargs="+")
    opts = parser.parse_args()
    status = 0
    for case in opts.cases:
        expected_path = case[:-3] + ".expected"
        if opts.generate:
            with open(expected_path, "w", encoding="utf-8", newline="") as f:
                f.write(session(["python3"], case))
            continue
        with open(expected_path, encoding="utf-8", newline="") as f:
            expected = f.read()
        actual = session([os.path.abspath(opts.cppy)] if opts.cppy else ["python3"], case)
        if actual != expected:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), expected_path, "actual"))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
