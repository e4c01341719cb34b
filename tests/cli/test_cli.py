#!/usr/bin/env python3
"""The edges of the `cppy` command line, checked against CPython 3.14's behaviour.

The oracle cannot run a command line (pyodide has no processes), so the expected texts here
are those CPython 3.14's Python/getopt.c and Python/initconfig.c print.
"""
import os
import subprocess
import sys
import tempfile

CPPY = os.path.abspath(sys.argv[1])
failures = []


def run(*args, cwd=None):
    p = subprocess.run([CPPY, *args], capture_output=True, text=True, cwd=cwd,
                       stdin=subprocess.DEVNULL, timeout=30)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name)
    if not condition:
        failures.append(name)
        if detail:
            print("     " + detail.replace("\n", "\n     "))


usage = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n" % CPPY
try_help = "Try `python -h' for more information.\n"

status, out, err = run("--version")
check("--version names the CPython version", status == 0 and out.startswith("Python 3.14.2 "), out)
check("--version names cppy", "cppy" in out, out)
status, out2, err = run("-V")
check("-V equals --version", status == 0 and out2 == out, out2)
status, out, err = run("-VV")
check("-VV prints build details", status == 0 and out.startswith("Python 3.14.2 (main, ")
      and "[cppy " in out, out)

for flag in ("-h", "--help", "-?"):
    status, out, err = run(flag)
    check(flag + " prints the usage", status == 0 and out.startswith(usage) and "-c cmd" in out
          and err == "", out[:200])
status, out, err = run("--help-env")
check("--help-env", status == 0 and "PYTHONHASHSEED" in out)
status, out, err = run("--help-all")
check("--help-all", status == 0 and out.startswith(usage) and "PYTHONHASHSEED" in out)

status, out, err = run("-z")
check("unknown option -z", status == 2 and out == ""
      and err == "Unknown option: -z\n" + usage + try_help, err)
status, out, err = run("--frobnicate")
check("unknown long option", status == 2 and err == "unknown option --frobnicate\n" + usage + try_help, err)
status, out, err = run("-J")
check("-J is reserved", status == 2 and err.startswith("-J is reserved for Jython\n"), err)
status, out, err = run("-c")
check("-c without argument", status == 2
      and err == "Argument expected for the -c option\n" + usage + try_help, err)
status, out, err = run("-m")
check("-m without argument", status == 2 and err.startswith("Argument expected for the -m option\n"), err)
status, out, err = run("--check-hash-based-pycs", "sometimes")
check("--check-hash-based-pycs with a bad value", status == 2
      and err.startswith("--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n"), err)

with tempfile.TemporaryDirectory() as tmp:
    status, out, err = run("no_such_script.py", cwd=tmp)
    expected = "%s: can't open file '%s': [Errno 2] No such file or directory\n" % (
        CPPY, os.path.join(os.path.realpath(tmp), "no_such_script.py"))
    check("missing script", status == 2 and err == expected, err)

print("cli: %d failed" % len(failures))
sys.exit(1 if failures else 0)
