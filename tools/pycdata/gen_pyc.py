#!/usr/bin/env python3
"""Compiled forms of the tests/py cases and marshal reference data, from CPython 3.14.2.

The reference compiles each case (tests/py/DIR/NAME.py) with its file name as the case runs it
(`NAME.py`, from the case's directory) and writes it as a hash-based .pyc (PEP 552, checked
source hash, so the file does not depend on time stamps) to tests/data/pyc/DIR/NAME.pyc. cppy
runs these with `cppy --run-pyc` (tests/cmake/vm.cmake), which measures the interpreter core
independently of cppy's own compiler.

It also writes tests/data/marshal/cases.txt: values marshalled by the reference in every
version (name, version, hex of marshal.dumps, repr), for tests/vm/marshal_test.cpp.

    gen_pyc.py           rewrite tests/data/pyc and tests/data/marshal
    gen_pyc.py --check   regenerate in memory and compare with the committed files
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(REPO, "tests", "py")
PYC_DIR = os.path.join(REPO, "tests", "data", "pyc")
MARSHAL_OUT = os.path.join(REPO, "tests", "data", "marshal", "cases.txt")
ORACLE = os.path.join(REPO, "tools", "oracle", "oracle.mjs")


def is_case(rel):
    """The rule of tests/CMakeLists.txt and the oracle."""
    if not rel.endswith(".py") or rel in ("run_case.py", "check_oracle_lock.py"):
        return False
    parts = rel.split("/")
    return not any(p.startswith("_") for p in parts) and "data" not in parts[:-1]


def find_cases():
    out = []
    for root, dirs, files in os.walk(CASES):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for f in sorted(files):
            rel = os.path.relpath(os.path.join(root, f), CASES).replace(os.sep, "/")
            if is_case(rel):
                out.append(rel)
    return out


# Runs under the reference: prints one JSON object {case: base64 of the .pyc}.
COMPILE_PROGRAM = r'''
import base64, importlib.util, json, marshal, sys
from importlib._bootstrap_external import _code_to_hash_pyc
result = {}
for rel, source in CASES:
    data = source.encode("utf-8")
    name = rel.rsplit("/", 1)[-1]
    try:
        code = compile(data, name, "exec", dont_inherit=True)
    except SyntaxError as e:
        result[rel] = None
        continue
    pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=True)
    result[rel] = base64.b64encode(bytes(pyc)).decode()
print(json.dumps(result, sort_keys=True))
'''

# Runs under the reference: one line per value and version.
MARSHAL_PROGRAM = r'''
import marshal
def f(a, b=2, *args, c, d=4, **kw):
    x = a + b
    def g():
        return x
    return g
VALUES = [
    ("none", None), ("true", True), ("false", False), ("ellipsis", ...),
    ("stopiter", StopIteration),
    ("int0", 0), ("int1", 1), ("intneg", -1), ("int31", 2**31 - 1), ("intm31", -2**31),
    ("int32", 2**31), ("intm32", -2**31 - 1), ("int64", 2**63 - 1), ("intbig", 3**200),
    ("intbigneg", -(7**123)), ("int15", 2**15), ("int30", 2**30),
    ("float", 1.5), ("floatneg", -0.0), ("floatinf", float("inf")), ("floatsmall", 1e-310),
    ("floatpi", 3.141592653589793),
    ("complex", 1.5 - 2j), ("complex0", 0j),
    ("str", "abc"), ("strempty", ""), ("strlatin", "caf\xe9"), ("strbmp", "\u20ac\u4e2d"),
    ("strastral", "\U0001f600x"), ("strlong", "x" * 300), ("strsurr", "a\udc80b"),
    ("bytes", b"ab\x00\xff"), ("bytesempty", b""),
    ("tuple", (1, "a", None)), ("tupleempty", ()), ("tuplenest", ((1, 2), (3, (4,)))),
    ("tuplebig", tuple(range(300))),
    ("list", [1, [2, 3], "x"]), ("listempty", []),
    ("dict", {"a": 1, 2: "b", None: (1,)}), ("dictempty", {}),
    ("set", {1}), ("frozenset", frozenset([5])), ("frozensetempty", frozenset()),
    ("slice", slice(1, None, "x")),
    ("shared", ("spam", "spam", ("spam",))),
    ("code", f.__code__),
    ("codemod", compile("import os\nclass C:\n    def m(self): return [i for i in range(3)]\n", "m.py", "exec")),
]
for name, value in VALUES:
    for version in range(6):
        try:
            data = marshal.dumps(value, version)
        except ValueError as e:
            print("%s|%d|error|%s" % (name, version, e))
            continue
        back = marshal.loads(data)
        r = repr(back) if name not in ("code", "codemod") else "<code %s>" % back.co_name
        print("%s|%d|%s|%s" % (name, version, data.hex(), r.encode("unicode_escape").decode("ascii")))
'''


def run_oracle(items):
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "in.json"), os.path.join(tmp, "out.json")
        with open(inp, "w", encoding="utf-8") as f:
            json.dump(items, f)
        subprocess.run(["node", ORACLE, "--batch", inp, out], check=True)
        with open(out, encoding="utf-8") as f:
            results = json.load(f)
    for r in results:
        if r["status"] != 0:
            sys.exit("the reference failed on %s:\n%s" % (r["name"], r["stderr"]))
    return {r["name"]: r["stdout"] for r in results}


def generate():
    """{relative path under tests/data: bytes}."""
    cases = find_cases()
    sources = []
    for rel in cases:
        with open(os.path.join(CASES, rel), encoding="utf-8") as f:
            sources.append((rel, f.read()))
    program = "CASES = " + repr(sources) + "\n" + COMPILE_PROGRAM
    out = run_oracle([{"name": "compile", "source": program},
                      {"name": "marshal", "source": MARSHAL_PROGRAM}])
    files = {}
    manifest = []
    for rel, b64 in sorted(json.loads(out["compile"]).items()):
        if b64 is not None:
            files["pyc/" + rel[:-3] + ".pyc"] = base64.b64decode(b64)
            source = dict(sources)[rel].encode("utf-8")
            manifest.append("%s  %s\n" % (hashlib.sha256(source).hexdigest(), rel))
    # sha256 of each case's source when its .pyc was made (the runner skips stale ones).
    files["pyc/MANIFEST"] = "".join(manifest).encode()
    files["marshal/cases.txt"] = (
        "# name|version|hex of marshal.dumps(value, version)|repr(marshal.loads(data))\n"
        "# Written by tools/pycdata/gen_pyc.py from CPython 3.14.2.\n" + out["marshal"]).encode()
    return files


# Files under tests/data/pyc that this script does not write (the runner's list of passing
# cases, kept by hand): never removed, never compared.
NOT_GENERATED = {"pyc/passing.txt"}


def existing():
    files = {}
    for base in ("pyc", "marshal"):
        root = os.path.join(REPO, "tests", "data", base)
        for dirpath, _, names in os.walk(root):
            for n in names:
                full = os.path.join(dirpath, n)
                rel = os.path.relpath(full, os.path.join(REPO, "tests", "data")).replace(os.sep, "/")
                if rel in NOT_GENERATED:
                    continue
                with open(full, "rb") as f:
                    files[rel] = f.read()
    return files


def main():
    check = "--check" in sys.argv[1:]
    files = generate()
    if check:
        # Cases added or edited after the last run are not failures here (their .pyc carries
        # the source hash, and the runner skips a stale one); a committed file that differs
        # from what the reference writes now is.
        have = existing()
        bad = sorted(k for k in have if k in files and files[k] != have[k])
        bad += sorted(k for k in have if k not in files and not k.startswith("pyc/"))
        bad = [k for k in bad if k != "pyc/MANIFEST"]
        for k in bad:
            print("differs: tests/data/" + k)
        for k in sorted(set(files) - set(have)):
            print("not generated yet (run tools/pycdata/gen_pyc.py): tests/data/" + k)
        return 1 if bad else 0
    for rel, data in existing().items():
        if rel not in files:
            os.remove(os.path.join(REPO, "tests", "data", rel))
    for rel, data in files.items():
        path = os.path.join(REPO, "tests", "data", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    print("%d files written" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
