#!/usr/bin/env python3
"""Reference data for the text objects' unit tests (tests/data/text).

The data come from CPython 3.14.2 through the oracle (repr, UTF-8 decoding), except the
64-bit hash values, which need a 64-bit CPython (the host python3, same SipHash-1-3 under
PYTHONHASHSEED=0), and PyUnicode_FromFormat, reached through ctypes on the host CPython
(only the % codes and flags whose behaviour 3.12 left unchanged: not '-', not zero padding
of negative numbers, not widths on %c).

    gen_text_data.py           rewrite the data files
    gen_text_data.py --check   regenerate in memory and compare with the committed files
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(REPO, "tests", "data", "text")
ORACLE = os.path.join(REPO, "tools", "oracle", "oracle.mjs")

# Runs under the reference. Each case prints one line; strings travel as hex code points.
ORACLE_PROGRAM = r'''
def cps(s):
    return " ".join("%x" % ord(c) for c in s)

def samples():
    for c in range(0, 0x500):
        yield chr(c)
    for c in range(0x500, 0x110000, 251):
        yield chr(c)
    for c in [0x2028, 0x2029, 0x200b, 0x200e, 0xfeff, 0xfffe, 0xffff, 0xd800, 0xdfff,
              0xe000, 0xf8ff, 0x1f600, 0x10ffff, 0xe0001, 0x3000, 0x1680, 0xad, 0x34f]:
        yield chr(c)
    for s in ["", "abc", "'", '"', "'\"", "a'b", 'a"b', "it's", '"x"', "\\", "\\'",
              "tab\there", "new\nline", "\r\n", "\x00\x7f", "caf\xe9", "\u20ac100",
              "\U0001f600 smile", "mixed '\" quotes", "\udc80abc", "x" * 40]:
        yield s

print("#repr")
for s in samples():
    print(cps(s) + "|" + cps(repr(s)))

def dec_cases():
    bs = [b"", b"abc", b"\xff", b"\xc3\xa9", b"\xc3", b"\xc3(", b"\xe2\x82\xac", b"\xe2\x82",
          b"\xe2(\xa1", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xed\xa0", b"\xf0\x9f\x98\x80",
          b"\xf0\x9f\x98", b"\xf0\x9f", b"\xf0\x8f\x80\x80", b"\xf4\x90\x80\x80", b"\xf5abc",
          b"\x80", b"\xc0\xaf", b"a\xffb\xfec", b"\xf0\x9f(\x80", b"\xf0\x9f\x98(",
          b"\xe0\xa0", b"\xe0\x9f\x80", b"abc\xe2\x82", b"\xed\xb2\x80x"]
    for b in bs:
        for errors in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace",
                       "surrogatepass"]:
            yield b, errors

print("#float")
import math
fl = [0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 2.5, 1e16, 1.2345e-7, 123456789.125, 1e300, 5e-324,
      2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), float("-inf"),
      float("nan"), 1e22, 1e-5, 0.5, 2.675, 100.0, 3.0, -7.25, 9007199254740993.0, 1e23]
def fh(x):
    return x.hex() if x == x else "nan"
for x in fl:
    print("repr|" + fh(x) + "|" + repr(x))
    print("hex|" + fh(x) + "|" + x.hex())
    try:
        print("ratio|" + fh(x) + "|%d/%d" % x.as_integer_ratio())
    except Exception as e:
        print("ratio|" + fh(x) + "|err:" + type(e).__name__ + ":" + str(e))
    try:
        print("int|" + fh(x) + "|%d" % int(x))
    except Exception as e:
        print("int|" + fh(x) + "|err:" + type(e).__name__ + ":" + str(e))
    try:
        print("roundint|" + fh(x) + "|%d" % round(x))
    except Exception as e:
        print("roundint|" + fh(x) + "|err:" + type(e).__name__ + ":" + str(e))
    for nd in [0, 1, 2, 5, -1, -2, 400, -400]:
        print("round|" + fh(x) + " %d|" % nd + fh(round(x, nd)))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
       "**": lambda a, b: a ** b}
pairs = [(1.0, 0.0), (5.5, 2.0), (-5.5, 2.0), (5.5, -2.0), (-0.0, 3.0), (7.0, float("inf")),
         (0.0, -1.0), (2.0, 0.5), (-8.0, 3.0), (10.0, 400.0), (1e308, 10.0), (0.1, 0.2),
         (float("inf"), 2.0), (float("nan"), 0.0), (-1.0, float("inf")), (0.0, 0.0),
         (-3.0, -0.5), (1e-320, 1e10), (-2.0, -3.0)]
for a, b in pairs:
    for name, f in ops.items():
        try:
            v = f(a, b)
            r = fh(v) if isinstance(v, float) else "complex"
        except Exception as e:
            r = "err:" + type(e).__name__ + ":" + str(e)
        print("binop|" + fh(a) + " " + name + " " + fh(b) + "|" + r)
def ib(i):  # ints travel as signed little-endian bytes
    return i.to_bytes((i.bit_length() + 8) // 8, "little", signed=True).hex()
ints = [0, 1, -1, 2**48 + 1, 2**53 + 1, -(2**53 + 1), 10**20, -(10**20), 2**1100, -(2**1100)]
fls = [0.0, 1.0, -1.0, 2.0**48 + 1, 2.0**53, -(2.0**53), 1e20, -1e20, 1e20 + 0.5, 1e300,
       float("inf"), float("-inf"), float("nan"), 9007199254740993.5]
for x in fls:
    for i in ints:
        bits = "".join("1" if c else "0" for c in [x < i, x <= i, x == i, x != i, x > i, x >= i])
        print("cmp|" + fh(x) + " " + ib(i) + "|" + bits)
for i in ints:
    try:
        print("fromint|" + ib(i) + "|" + fh(float(i)))
    except Exception as e:
        print("fromint|" + ib(i) + "|err:" + type(e).__name__ + ":" + str(e))
for t in ["1.5", " 2.5e3 ", "1_000.5", "inf", "-nan", "abc", "", "1__0", "\u0661\u0662.5",
          "\u00a01.0\u2003", "0x10", "1e500", "-1e-500", "\xe9"]:
    try:
        r = fh(float(t))
    except Exception as e:
        r = "err:" + type(e).__name__ + ":" + str(e)
    print("parse|" + cps(t) + "|" + r)

print("#methods")
words = ["", "Hello World", "  spaced\t\n", "ΣΑΣ ΟΔΟΣ", "straße", "ǅungla ǆ", "ﬁne İstanbul",
         "abcabcabc", "a,b,,c", "\u2003x\u00a0", "ὈΔΥΣΣΕΎΣ", "hello WORLD 123", "éÉ ǈ ß"]
for w in words:
    for op in ["lower", "upper", "casefold", "swapcase", "title", "capitalize", "strip",
               "lstrip", "rstrip"]:
        print(op + "|" + cps(w) + "|" + cps(getattr(w, op)()))
subs = ["", "a", "abc", "bc", "Σ", "x", ",", "World"]
for w in words:
    for sub in subs:
        for start, end in [(0, 100), (1, -1), (-3, 100), (5, 2)]:
            args = cps(w) + ";" + cps(sub) + ";%d;%d" % (start, end)
            print("find|" + args + "|%d" % w.find(sub, start, end))
            print("rfind|" + args + "|%d" % w.rfind(sub, start, end))
            print("count|" + args + "|%d" % w.count(sub, start, end))
            print("startswith|" + args + "|%d" % w.startswith(sub, start, end))
            print("endswith|" + args + "|%d" % w.endswith(sub, start, end))
        for repl in ["", "-", "XYZ"]:
            for count in [-1, 0, 1, 2]:
                print("replace|" + cps(w) + ";" + cps(sub) + ";" + cps(repl) + ";%d|" % count +
                      cps(w.replace(sub, repl, count)))
    print("stripchars|" + cps(w) + ";" + cps("aHd \t") + "|" + cps(w.strip("aHd \t")))

print("#decode")
for b, errors in dec_cases():
    try:
        r = "ok:" + cps(b.decode("utf-8", errors))
    except UnicodeDecodeError as e:
        r = "err:" + str(e)
    print(b.hex() + "|" + errors + "|" + r)
'''

# Host CPython (64-bit): hashes under PYTHONHASHSEED=0.
HASH_PROGRAM = r'''
def cps(s):
    return " ".join("%x" % ord(c) for c in s)
cases = ["", "a", "abc", "hello world", "caf\xe9", "\u20ac", "\u20acuro", "\U0001f600",
         "a\U0001f600b", "\xff" * 7, "x" * 100, "\udc80", "0123456789abcdef"]
for s in cases:
    print(cps(s) + "|" + str(hash(s)))
'''

# Host CPython: PyUnicode_FromFormat through ctypes. Each case: format, argument kinds.
FROMFORMAT_PROGRAM = r'''
import ctypes
f = ctypes.pythonapi.PyUnicode_FromFormat
f.restype = ctypes.py_object
def cps(s):
    return " ".join("%x" % ord(c) for c in s)
I = ctypes.c_int; L = ctypes.c_long; LL = ctypes.c_longlong; Z = ctypes.c_ssize_t
U = ctypes.c_uint; S = ctypes.c_char_p; SZ = ctypes.c_size_t
cases = [
    ("plain", []), ("%%", []), ("%d", [("i", 42)]), ("%d", [("i", -7)]), ("%i", [("i", 3)]),
    ("%5d|", [("i", 42)]), ("%05d", [("i", 42)]), ("%.3d", [("i", 5)]),
    ("%ld", [("l", -123456789012)]), ("%lld", [("ll", 2**62)]), ("%zd", [("z", -99)]),
    ("%u", [("u", 4000000000)]), ("%x", [("i", 255)]), ("%lu", [("l", 12345)]),
    ("%zu", [("sz", 77)]), ("%s", [("s", b"hello")]), ("%.3s", [("s", b"hello")]),
    ("[%10s]", [("s", b"abc")]), ("%s", [("s", "caf\xe9".encode())]),
    ("%c", [("i", 0x20ac)]), ("%c%c", [("i", 65), ("i", 0x1f600)]),
    ("a%db%sc", [("i", 1), ("s", b"x")]), ("%s", [("s", b"\xff\xfe")]),
    ("%.2s", [("s", "\xe9\xe9".encode())]),
]
conv = {"i": I, "l": L, "ll": LL, "z": Z, "u": U, "s": S, "sz": SZ}
for fmt, args in cases:
    cargs = [conv[k](v) for k, v in args]
    try:
        r = "ok:" + cps(f(fmt.encode(), *cargs))
    except Exception as e:
        r = "err:" + type(e).__name__ + ":" + str(e)
    print(fmt.encode().hex() + "|" + ";".join(k + "=" + (v.hex() if isinstance(v, bytes) else str(v)) for k, v in args) + "|" + r)
'''


def run_oracle(program):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(program)
        path = f.name
    try:
        out = subprocess.run(["node", ORACLE, "--run", path], capture_output=True, text=True,
                             check=True).stdout
    finally:
        os.unlink(path)
    return out


def run_host(program):
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True, env=env).stdout


def split_sections(text):
    sections, current = {}, None
    for line in text.splitlines():
        if line.startswith("#"):
            current = line[1:]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def generate():
    files = {}
    oracle = split_sections(run_oracle(ORACLE_PROGRAM))
    files["str_repr.txt"] = "\n".join(oracle["repr"]) + "\n"
    files["str_decode_utf8.txt"] = "\n".join(oracle["decode"]) + "\n"
    files["str_methods.txt"] = "\n".join(oracle["methods"]) + "\n"
    files["float_cases.txt"] = "\n".join(oracle["float"]) + "\n"
    files["str_hash.txt"] = run_host(HASH_PROGRAM)
    files["str_fromformat.txt"] = run_host(FROMFORMAT_PROGRAM)
    return files


def main():
    check = "--check" in sys.argv[1:]
    files = generate()
    bad = 0
    for name, text in files.items():
        path = os.path.join(OUT_DIR, name)
        if check:
            try:
                with open(path) as f:
                    old = f.read()
            except FileNotFoundError:
                old = None
            if old != text:
                print(f"{path}: differs from the generator's output", file=sys.stderr)
                bad = 1
        else:
            os.makedirs(OUT_DIR, exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
    return bad


if __name__ == "__main__":
    sys.exit(main())
