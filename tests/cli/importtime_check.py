# -X importtime (Python/import.c import_find_and_load, Python/initconfig.c
# config_init_import_time), run as `cppy importtime_check.py`: starts the same interpreter
# (sys.executable) with the option and checks what it writes to stderr. The times vary, so
# the check is on the form: CPython's header and "%9ld | %10ld | %*s%s" rows, nesting shown by
# two spaces a level, cumulative >= self, the "cached" rows of -X importtime=2, and the fatal
# errors for reserved values. Exit status 1 on any mismatch.
import os
import re
import subprocess
import sys

HEADER = "import time: self [us] | cumulative | imported package"
ROW = re.compile(r"import time: +(\d+) \| +(\d+) \| ( *)(\S+)$")
failures = []


def run(args, env_extra=None):
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env)


def check(cond, what):
    if not cond:
        failures.append(what)


def rows(stderr):
    out = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and line != HEADER:
            m = ROW.match(line)
            check(m is not None or "cached" in line, f"malformed row {line!r}")
            if m:
                self_us, cum_us = int(m[1]), int(m[2])
                check(cum_us >= self_us, f"cumulative < self in {line!r}")
                check(len(line) - len(line.lstrip()) == 0, "indented line")
                check(line[12:22] == f" {m[1]:>9}", f"self column width in {line!r}")
                out.append((len(m[3]) // 2, m[4]))
    return out


# Level 1: the header once, first; json's submodules nested under it, one level deeper.
p = run(["-X", "importtime", "-c", "import json"])
lines = p.stderr.splitlines()
check(p.returncode == 0, f"-X importtime exit {p.returncode}")
check(lines and lines[0] == HEADER, "header first")
check(lines.count(HEADER) == 1, "one header")
r = rows(p.stderr)
names = [n for _, n in r]
check("json" in names and "json.decoder" in names, f"json rows in {names}")
if "json" in names and "json.decoder" in names:
    level = dict((n, lv) for lv, n in r)
    check(level["json.decoder"] > level["json"], "json.decoder nested deeper than json")
    check(names.index("json.decoder") < names.index("json"), "inner imports reported first")
check(not any("cached" in line for line in lines), "no cached rows at level 1")

# Level 2: modules already in sys.modules give "cached" rows.
p = run(["-X", "importtime=2", "-c", "import json; import json"])
cached = [line for line in p.stderr.splitlines() if "cached" in line]
check("import time: cached    | cached     | json" in cached, f"cached json row in {cached}")

# The environment variable; a non-number means 1.
p = run(["-c", "import csv"], {"PYTHONPROFILEIMPORTTIME": "x"})
check(any(n == "csv" for _, n in rows(p.stderr)), "PYTHONPROFILEIMPORTTIME=x times imports")
p = run(["-E", "-c", "import csv"], {"PYTHONPROFILEIMPORTTIME": "1"})
check(HEADER not in p.stderr, "-E ignores PYTHONPROFILEIMPORTTIME")

# Reserved values are fatal errors.
p = run(["-X", "importtime=3", "-c", "pass"])
check(p.returncode == 1, f"importtime=3 exit {p.returncode}")
check("Fatal Python error: config_init_import_time: -X importtime: numeric values other "
      "than 1 and 2 are reserved for future use." in p.stderr, f"importtime=3: {p.stderr!r}")
p = run(["-c", "pass"], {"PYTHONPROFILEIMPORTTIME": "7"})
check("PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 are reserved" in p.stderr,
      f"PYTHONPROFILEIMPORTTIME=7: {p.stderr!r}")

print("failures:", failures)
sys.exit(1 if failures else 0)
