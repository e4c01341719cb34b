"""Runs the doctests embedded in the standard library's own modules (python -m doctest style)."""
import doctest
import importlib
import io
import re
import sys

# (ftplib, poplib and smtplib are left out: their examples open network connections.)
MODULES = """_pydatetime asyncio.timeouts collections decimal difflib doctest enum fractions
hashlib heapq http.cookiejar http.cookies importlib.metadata
importlib.metadata._collections importlib.metadata._functools importlib.metadata._itertools
importlib.metadata._text importlib.resources._common importlib.resources._itertools
ipaddress json json.encoder pickle pickletools secrets shutil
statistics tempfile textwrap typing unittest.mock uuid zipfile._path zipfile._path.glob
""".split()

# Some examples list the current directory: run them in an empty one.
import os
import tempfile
os.chdir(tempfile.mkdtemp())


def clean(text):
    text = re.sub(r'File "[^"]*/(lib/python[^/"]*|python314\.zip)/', 'File "LIB/', text)
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", text)


total_attempted = total_failed = 0
for name in MODULES:
    try:
        mod = importlib.import_module(name)
    except ImportError as e:
        print(f"{name}: ImportError {e}")
        continue
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        # The examples of the Python source (C-implemented classes' docstrings have no line
        # numbers; c_docstrings.py compares those).
        tests = [t for t in doctest.DocTestFinder().find(mod) if t.lineno is not None]
        runner = doctest.DocTestRunner(verbose=False)
        for t in sorted(tests, key=lambda t: t.name):
            runner.run(t, out=out.write)
        res = runner.summarize(verbose=False)
    finally:
        sys.stdout = saved
    total_attempted += res.attempted
    total_failed += res.failed
    n_ex = sum(len(t.examples) for t in tests)
    print(f"{name}: {len(tests)} docstrings, {n_ex} examples, {res}")
    text = clean(out.getvalue())
    if res.failed:
        print(text)
print("total", total_attempted, total_failed)

# `python -m doctest -v MODULE` style: every example echoed.
for name in ["heapq", "textwrap", "json.encoder", "importlib.metadata._text"]:
    mod = importlib.import_module(name)
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        res = doctest.testmod(mod, verbose=True)
    finally:
        sys.stdout = saved
    print(f"--- doctest -v {name}: {res}")
    print(clean(out.getvalue()))
