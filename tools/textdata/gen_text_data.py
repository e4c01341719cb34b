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
import warnings
warnings.simplefilter("ignore")  # ~True's DeprecationWarning would go to stderr
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

print("#int")
def rv(v):
    if isinstance(v, bool):
        return "bool:" + repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "float:" + fh(v)
    if isinstance(v, tuple):
        return "(" + ",".join(rv(x) for x in v) + ")"
    if isinstance(v, bytes):
        return "bytes:" + v.hex()
    return "?" + type(v).__name__
def run(f):
    try:
        return rv(f())
    except Exception as e:
        return "err:" + type(e).__name__ + ":" + str(e)
iv = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -(2**30), 2**31 + 5, 2**62, -(2**63), 2**64 + 1,
      10**20, -(10**20) + 3, 3**100, -(7**60), 2**200 - 1]
iops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "//": lambda a, b: a // b, "%": lambda a, b: a % b, "/": lambda a, b: a / b,
        "divmod": divmod, "&": lambda a, b: a & b, "|": lambda a, b: a | b,
        "^": lambda a, b: a ^ b, "==": lambda a, b: a == b, "<": lambda a, b: a < b}
for a in iv:
    for b in iv:
        for name, f in iops.items():
            print("binop|%d %s %d|%s" % (a, "or" if name == "|" else name, b,
                                         run(lambda: f(a, b))))
for a in iv + [2, -2, 3, 10]:
    for e in [0, 1, 2, 3, 5, 31, 64, 100, -1, -2]:
        print("binop|%d ** %d|%s" % (a, e, run(lambda: a ** e)))
    for e, m in [(5, 7), (100, 2**61 - 1), (-1, 97), (-3, 1000003), (2, 0), (3, -7), (0, 1),
                 (10**20, 10**9 + 7), (-1, 4)]:
        print("pow3|%d %d %d|%s" % (a, e, m, run(lambda: pow(a, e, m))))
    for n in [0, 1, 5, 29, 30, 31, 63, 64, 100, -1, 2**70]:
        print("binop|%d << %d|%s" % (a, n, run(lambda: a << n)))
        print("binop|%d >> %d|%s" % (a, n, run(lambda: a >> n)))
    for name, f in [("neg", lambda: -a), ("pos", lambda: +a), ("abs", lambda: abs(a)),
                    ("invert", lambda: ~a), ("bool", lambda: bool(a)), ("float", lambda: float(a)),
                    ("bit_length", lambda: a.bit_length()), ("bit_count", lambda: a.bit_count()),
                    ("as_integer_ratio", lambda: a.as_integer_ratio()),
                    ("round-1", lambda: round(a, -1)), ("round-2", lambda: round(a, -2)),
                    ("round-5", lambda: round(a, -5)), ("round-19", lambda: round(a, -19)),
                    ("round1", lambda: round(a, 1))]:
        print("unop|%s %d|%s" % (name, a, run(f)))
    for length, order, signed in [(1, "big", False), (8, "little", True), (8, "big", False),
                                  (30, "big", True), (0, "little", False), (-1, "big", False),
                                  (2, "middle", False)]:
        print("to_bytes|%d %d %s %d|%s" % (a, length, order, signed,
                                          run(lambda: a.to_bytes(length, order, signed=signed))))
for b in [b"", b"\x00", b"\xff", b"\x01\x00", b"\x80\x00\x00\x00\x00\x00\x00\x00\x00",
          b"\xff" * 20, b"\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11"]:
    for order in ["big", "little"]:
        for signed in [0, 1]:
            print("from_bytes|%s %s %d|%s" % (b.hex() or "-", order, signed,
                                             run(lambda: int.from_bytes(b, order, signed=signed))))
texts = ["0", "-0", " 42 ", "+7", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0b101", "0o17",
         "017", "00", "0_0", "12a", "", " ", "-", "9" * 50, "\u0661\u0662\u0663", "\u00a012\u2003",
         "z", "Z", "0x", "0b2", "1e5", "3.0", "\xe9", "1 2", "0x_1f", "0_x1", "\x00"]
for t in texts:
    for base in [10, 0, 16, 36, 2, 8, 1, 37, -1]:
        print("parse|%s;%d|%s" % (cps(t), base, run(lambda: int(t, base))))
    print("parse|%s;none|%s" % (cps(t), run(lambda: int(t))))
    if all(ord(c) < 128 for c in t):
        print("parsebytes|%s;%d|%s" % (t.encode().hex() or "-", 0, run(lambda: int(t.encode(), 0))))
for x in [1.5, -2.7, float("inf"), float("nan"), 1e30, True, None, [1], 3j]:
    print("construct|%s|%s" % (repr(x), run(lambda: int(x))))
    print("construct_base|%s|%s" % (repr(x), run(lambda: int(x, 10))))
print("construct|noargs|%s" % run(lambda: int()))
print("construct|kwbase|%s" % run(lambda: int(base=10)))
print("construct|3args|%s" % run(lambda: int("1", 10, 5)))
print("construct|kwx|%s" % run(lambda: int(x="1")))
print("construct|kwbase2|%s" % run(lambda: int("11", base=2)))
print("construct|badkw|%s" % run(lambda: int("11", bse=2)))
print("construct|bool0|%s" % run(lambda: bool()))
print("construct|bool2|%s" % run(lambda: bool(1, 2)))
print("construct|boolkw|%s" % run(lambda: bool(x=1)))
print("construct|tobytes_kw|%s" % run(lambda: (5).to_bytes(length=2, byteorder="little")))
print("construct|tobytes_3pos|%s" % run(lambda: (5).to_bytes(2, "little", True)))
print("construct|tobytes_badkw|%s" % run(lambda: (5).to_bytes(2, sign=True)))
print("construct|tobytes_dup|%s" % run(lambda: (5).to_bytes(2, length=2)))
print("construct|tobytes_order_int|%s" % run(lambda: (5).to_bytes(2, 1)))
print("construct|frombytes_none|%s" % run(lambda: int.from_bytes()))
print("construct|frombytes_list|%s" % run(lambda: int.from_bytes([1, 2], "big")))
print("construct|frombytes_str|%s" % run(lambda: int.from_bytes("ab", "big")))
print("construct|frombytes_range|%s" % run(lambda: int.from_bytes([256], "big")))
print("construct|round_float|%s" % run(lambda: round(5, 1.5)))
print("construct|round_2args|%s" % run(lambda: (5).__round__(1, 2)))

print("#calls")
# Method and constructor calls with their arguments and results encoded as text (see
# tests/text/text_calls.h): s<code points,> str, i<int>, f<float.hex>, y<hex> bytes, N None,
# b0/b1 bool, T<item/item> tuple, L<item/item> list, D<key:value&...> dict; keyword
# arguments as name=value.
def enc(v):
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "b%d" % v
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + fh(v)
    if isinstance(v, complex):
        return "c" + fh(v.real) + "," + fh(v.imag)
    if isinstance(v, str):
        return "s" + ",".join("%x" % ord(c) for c in v)
    if isinstance(v, bytes):
        return "y" + v.hex()
    if isinstance(v, tuple):
        return "T" + "/".join(enc(x) for x in v)
    if isinstance(v, list):
        return "L" + "/".join(enc(x) for x in v)
    if isinstance(v, type):
        return "Y" + v.__name__
    if isinstance(v, slice):
        return "S" + "/".join(enc(x) for x in (v.start, v.stop, v.step))
    if isinstance(v, dict):
        return "D" + "&".join(enc(k) + ":" + enc(x) for k, x in v.items())
    return "?" + type(v).__name__
def call(obj, name, /, *args, **kw):
    parts = [enc(a) for a in args] + [k + "=" + enc(v) for k, v in kw.items()]
    try:
        f = obj if name == "" else getattr(obj, name)
        r = enc(f(*args, **kw))
    except Exception as e:
        r = "err:" + type(e).__name__ + ":" + str(e)
    print(enc(obj) + "|" + name + "|" + ";".join(parts) + "|" + r)
S = ["", "a", "abc", " a b  c ", "a,b,,c,", "\u2003x\u00a0y\n", "one\ntwo\r\nthree\rfour\x0bfive\x1c\u2028",
     "Hello World", "\u0661\u0662", "\u00bd", "ab\tcd\tefg\t", "\U0001f600x\U0001f600", "ǅa", "x1_y",
     "1abc", "Σσ", "-42", "+7", "\x00"]
for s in S:
    for m in ["isascii", "islower", "isupper", "istitle", "isspace", "isdecimal", "isdigit",
              "isnumeric", "isalpha", "isalnum", "isidentifier", "isprintable", "splitlines",
              "split", "rsplit", "expandtabs", "__len__"]:
        call(s, m)
    call(s, "splitlines", True)
    call(s, "split", ",")
    call(s, "split", None, 1)
    call(s, "rsplit", None, 1)
    call(s, "split", ",", 1)
    call(s, "rsplit", ",", 1)
    call(s, "split", "b", maxsplit=0)
    call(s, "partition", ",")
    call(s, "rpartition", ",")
    call(s, "partition", "b")
    for w in [0, 5, 9]:
        call(s, "center", w)
        call(s, "center", w, "*")
        call(s, "ljust", w, "\u20ac")
        call(s, "rjust", w)
        call(s, "zfill", w)
    call(s, "expandtabs", 4)
    call(s, "expandtabs", 0)
    call(s, "removeprefix", "a")
    call(s, "removesuffix", "c")
    call(s, "index", "b")
    call(s, "rindex", "b", 0, 3)
    call(s, "find", "b", None, -1)
    call(s, "count", "")
    call(s, "startswith", ("x", "a"))
    call(s, "endswith", ("c", "b"), 1)
    call(s, "replace", "b", "XY")
    call(s, "replace", "", "-", count=2)
    call(s, "__getitem__", 1)
    call(s, "__getitem__", -1)
    call(s, "__contains__", "b")
    call(s, "__mul__", 2)
    call(s, "__add__", "!")
    call(s, "join", ["x", "y", "z"])
    call(s, "encode")
    call(s, "__getnewargs__")
for args, kw in [((), {}), ((3,), {}), (("abc",), {}), ((b"abc",), {}), ((b"abc", "ascii"), {}),
                 ((b"a\xffb", "utf-8", "replace"), {}), ((b"a\xffb",), {"errors": "ignore"}),
                 ((b"a\xffb", "utf-8"), {}), (("abc", "utf-8"), {}), ((1, 2, 3, 4), {}),
                 ((), {"object": "x"}), ((), {"obj": "x"}), ((None,), {}), ((1.5,), {}),
                 ((b"x", "nosuch"), {}), ((b"caf\xc3\xa9", "utf-8"), {}),
                 ((b"caf\xe9", "latin-1"), {}), ((b"caf\xe9", "ascii"), {})]:
    call(str, "", *args, **kw)
for name, args in [("split", ("",)), ("split", (1,)), ("split", ("a", 1.5)), ("join", ([1],)),
                   ("join", (5,)), ("join", (["a", 2],)), ("partition", ("",)), ("partition", (3,)),
                   ("center", (5, "ab")), ("center", (5, 3)), ("center", ("5",)), ("center", ()),
                   ("zfill", (None,)), ("find", (3,)), ("find", ("a", "x")), ("index", ("zz",)),
                   ("rindex", ("zz",)), ("startswith", (3,)), ("startswith", (("a", 3),)),
                   ("strip", (3,)), ("replace", (1, "")), ("replace", ("a", "b", "c")),
                   ("count", ()), ("removeprefix", (3,)), ("expandtabs", ("x",)),
                   ("splitlines", ("x",)), ("isascii", (1,)), ("__getitem__", (10,)),
                   ("__getitem__", ("x",)), ("__getitem__", (slice(1, None, 2),)),
                   ("__getitem__", (slice(None, None, -1),)), ("__getitem__", (slice(-2, 100),)),
                   ("__getitem__", (2.0,)), ("__mul__", (-1,)), ("__contains__", (3,)),
                   ("__add__", (3,)), ("split", ()), ("rsplit", ("",)), ("encode", ("nosuch",)),
                   ("encode", ("utf-8", "strict", "x"))]:
    call("abcdef", name, *args)
for x in [0.0, -0.0, 1.5, -2.5, 3.0, 1e300, float("inf"), float("-inf"), float("nan"), 0.1, 2.675,
          -7.0, 5e-324]:
    for m in ["as_integer_ratio", "is_integer", "hex", "__round__", "__trunc__", "__floor__",
              "__ceil__", "conjugate", "__getnewargs__"]:
        call(x, m)
    for nd in [0, 1, 2, -1, None, 400, -400]:
        call(x, "__round__", nd)
    for y in [2.0, -0.5, 0.0, 3]:
        call(x, "__divmod__", y)
for args in [(), ("1.5",), (" 1_0.5 ",), (b"2.5",), (b"x",), (None,), (1, 2), (10**400,), ("nan",),
             ("-inf",), ("\u0661.5",), (True,), (7,), ("0x10",), ("1e",), ([],)]:
    call(float, "", *args)
call(float, "", x=1)
call(float, "fromhex", "0x1.8p1")
call(float, "fromhex", " -0X1P-1074 ")
call(float, "fromhex", "0x1p99999")
call(float, "fromhex", "zz")
call(float, "fromhex", 3)
call(float, "from_number", "1")
call(float, "from_number", 5)
call(float, "from_number", 2.5)
call(float, "__getformat__", "double")
call(float, "__getformat__", "x")
call(float, "__getformat__", 1)
call(2.5, "__round__", 1.5)
call(2.5, "__round__", 1, 2)
for x in [0, 5, -5, 2**70, True, False]:
    for m in ["conjugate", "__trunc__", "__floor__", "__ceil__", "is_integer", "__getnewargs__",
              "__index__", "__int__", "__float__", "__neg__", "__abs__", "__invert__", "__bool__",
              "__pos__"]:
        call(x, m)
    for y in [3, -3, 0, 2.5, True]:
        for m in ["__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__floordiv__",
                  "__truediv__", "__mod__", "__divmod__", "__pow__", "__lshift__",
                  "__and__", "__or__", "__xor__", "__eq__", "__lt__", "__ge__"]:
            call(x, m, y)
        if abs(x) < 100:
            call(x, "__rpow__", y)
for a, b in [(True, True), (True, False), (False, 1), (True, 2)]:
    for m in ["__and__", "__or__", "__xor__", "__rand__"]:
        call(a, m, b)
for args in [(), (0,), (1,), ("",), ("x",), (None,), ([],), (0.0,)]:
    call(bool, "", *args)
ispecs = ["", "d", "5", "<5", "^7", "=+8", "*>9,", "08", "08,", "015_", "x", "#x", "#X", "#010b",
          "_b", "_x", "#_o", ",", "_", "+", " ", "-", "c", "#c", "+c", "n", "010n", "e", ".2f", "%",
          "10.3g", ".1", "s", ",x", "_c", ",_", "z", "q", "5.5", "0=10", "x<+#012_x", "\u20ac^9",
          "010,", "011_b", "05,d"]
for v in [0, 7, -7, 255, -255, 1234567, -987654321, 2**70, 65, 0x1f600, -1, True]:
    for sp in ispecs:
        call(v, "__format__", sp)
fspecs = ["", "f", ".2f", "10.3f", "<10", "^12.1e", "+", " ", "e", "E", "g", "G", ".0f", "#.0f",
          "%", ".1%", ",", "_", ",.2f", "015,.2f", "020_", ".3_f", ".5,f", "._f", ".10_e",
          "012.3_f", "z.1f", "z", "n", "010n", "#g", ".3", ".0", "=+12.3", "x", "d", ".3,", "_.3_f",
          "0<12", "*^15.4g", "r", ".1000f"]
for v in [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e22, 123456789012345.678, float("inf"),
          float("-inf"), float("nan"), 0.1, 2.5e-300, -0.04]:
    for sp in fspecs:
        call(v, "__format__", sp)
for sp in ["", "s", "10", "<10", ">10", "^10", "*^11", ".2", "10.2", "=10", "+", "#", "z", "d",
           "x^5", "0", "05", ".0", ",", "_s"]:
    for v in ["", "abc", "h\xe9llo", "\U0001f600\u20ac"]:
        call(v, "__format__", sp)
call("abc", "__format__", 5)
call(5, "__format__", None)
call(1.5, "__format__", b"x")
for fmt in ["", "plain", "{}", "{} {}", "{0}{1}{0}", "{x}", "{x!r}", "{x!s:>5}", "{x!a}", "{0[1]}",
            "{0[x]}", "{0.real}", "{{}}", "{{x}}", "}", "{", "x}y", "{0:{1}}", "{0:{1}{2}}",
            "{:{}}", "{!}", "{!r", "{0!x}", "{0:", "{0[}", "{0[1]x}", "{0.}", "{0[]}", "{} {1}",
            "{1} {}", "{5}", "{y}", "{0!r:^20}", "{0:{1:{2}}}", "{0:{1:{2:{3}}}}", "{:>{}.{}f}",
            "{0.imag.real}", "{x[0]}", "{\u0661}", "{00}", "{0[-1]}", "{!r}", "{0:}", "a{{b}}c{}",
            "{0}}", "{{{0}}}", "{0:d}", "{0:s}", "{99999999999999999999}"]:
    call(fmt, "format", "ab", 7, 2.5, "<", x="q\xe9", y=None)
    call(fmt, "format_map", {"x": "q\xe9", "y": [1, 2]})
for fmt in ["%s", "%r", "%a", "%d", "%i", "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%5d",
            "%-5d|", "%05d", "%+d", "% d", "%+05d", "%.3d", "%8.3x", "%#8.3x", "%-#8x|", "%#08x",
            "%e", "%E", "%f", "%F", "%g", "%G", "%.2f", "%10.3e", "%-10.1f|", "%+.0f", "%#.0f",
            "%010.2f", "% f", "%c", "%5c", "%-3c|", "%%", "%5%", "%.2s", "%10s", "%-10r|", "%*d",
            "%.*f", "%(x)s", "%y", "%\u20ac", "%", "%5", "%(x", "%ld", "%hd", "%Lf", "abc",
            "%s %s", "%z", "%#5.3s"]:
    for v in [42, -7, 3.75, -0.5, "h\xe9", 65, 0x20ac, True, None, (1, 2), [3], 2**70, "ab", 1e300,
              float("nan"), float("-inf")]:
        call(fmt, "__mod__", v)
    call(fmt, "__mod__", (5, 2.5))
    call(fmt, "__mod__", {"x": 1})
    call(fmt, "__mod__", ())
B = [b"", b"abc", b" a b  c ", b"a,b,,c,", b"Hello World", b"x\r\ny\nz\r", b"\x00\xff\x80", b"-42",
     b"ab\tcd", b"ABC", b"aBc1"]
for b in B:
    for m in ["isascii", "islower", "isupper", "istitle", "isspace", "isdigit", "isalpha", "isalnum",
              "lower", "upper", "swapcase", "title", "capitalize", "split", "rsplit", "splitlines",
              "strip", "lstrip", "rstrip", "hex", "decode", "__len__", "__getnewargs__", "__bytes__"]:
        call(b, m)
    call(b, "split", b",")
    call(b, "split", None, 1)
    call(b, "rsplit", b",", 1)
    call(b, "splitlines", True)
    call(b, "partition", b",")
    call(b, "rpartition", b"b")
    call(b, "find", b"b")
    call(b, "rfind", 98, 0, -1)
    call(b, "index", b"c")
    call(b, "count", b"")
    call(b, "count", 97)
    call(b, "startswith", (b"x", b"a"))
    call(b, "endswith", b"c", 1)
    call(b, "replace", b"b", b"XY")
    call(b, "replace", b"", b"-", 2)
    call(b, "center", 9, b"*")
    call(b, "ljust", 6)
    call(b, "rjust", 6, b"0")
    call(b, "zfill", 6)
    call(b, "strip", b"a")
    call(b, "removeprefix", b"a")
    call(b, "removesuffix", b"c")
    call(b, "join", [b"1", b"2"])
    call(b, "hex", ":")
    call(b, "hex", b"-", -2)
    call(b, "decode", "latin-1")
    call(b, "decode", "ascii", "replace")
    call(b, "decode", "utf-8", "surrogateescape")
    call(b, "__getitem__", 1)
    call(b, "__getitem__", slice(None, None, -1))
    call(b, "__contains__", b"b")
    call(b, "__contains__", 98)
    call(b, "__add__", b"!")
    call(b, "__mul__", 2)
    call(b, "__iter__")
for args, kw in [((), {}), ((3,), {}), (([1, 2, 255],), {}), (([256],), {}), (("abc",), {}),
                 (("abc", "ascii"), {}), (("h\xe9", "latin-1"), {}), (("h\xe9", "ascii"), {}),
                 (("h\xe9", "ascii", "ignore"), {}), ((b"xy",), {}), ((-1,), {}), ((None,), {}),
                 ((), {"encoding": "utf-8"}), ((5, "utf-8"), {}), ((b"x",), {"errors": "strict"}),
                 ((1, 2, 3, 4), {}), ((1.5,), {}), (((1, 2),), {})]:
    call(bytes, "", *args, **kw)
for a in ["61 62", "6162", " 61 ", "6", "zz", "61 6", b"6162", 5]:
    call(bytes, "fromhex", a)
for name, args in [("find", ("a",)), ("find", (256,)), ("split", ("",)), ("split", (b"",)),
                   ("join", ([1],)), ("join", (["a"],)), ("center", (5, "a")), ("center", (5, b"ab")),
                   ("strip", ("a",)), ("startswith", ("a",)), ("startswith", (("a",),)),
                   ("replace", ("a", b"")), ("index", (b"zz",)), ("decode", ("nosuch",)),
                   ("decode", ("utf-8", "nosuch")), ("partition", (b"",)), ("hex", (1,)),
                   ("hex", ("ab",)), ("__getitem__", ("x",)), ("__getitem__", (10,))]:
    call(b"abc\xff", name, *args)
C = [0j, 1j, -1j, 1 + 2j, -1.5 - 0.25j, complex(-0.0, 0.0), complex(0.0, -0.0), 1e300 + 1e300j,
     complex(float("inf"), 1), complex(float("nan"), 0), 3 + 0j, 2j]
for z in C:
    # (no __hash__: the reference is 32-bit)
    for m in ["__repr__", "__str__", "conjugate", "__neg__", "__pos__", "__abs__",
              "__bool__", "__getnewargs__", "__complex__"]:
        call(z, m)
    for w in [0j, 1 + 1j, 2, 0.5, -3.0, 1e308j, True, "x"]:
        for m in ["__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
                  "__truediv__", "__rtruediv__", "__pow__", "__eq__", "__ne__", "__lt__"]:
            # Non-integral powers go through libm (last-bit differences between platforms).
            if m == "__pow__" and not (isinstance(w, (int, float)) and w == int(w)):
                continue
            call(z, m, w)
    for sp in ["", "g", ".2f", "10", "<20", "^25.3e", "+", "-", " .1f", "z", "#", "010", "=10",
               "n", "d", "_.3f", ",", ".2%"]:
        call(z, "__format__", sp)
for args, kw in [((), {}), ((1,), {}), ((1, 2), {}), ((1.5, -2.5), {}), (("1+2j",), {}),
                 (("  (3-4J)  ",), {}), (("j",), {}), (("-j",), {}), (("1e3",), {}), (("1_0j",), {}),
                 (("1__0j",), {}), (("nan+infj",), {}), (("1+",), {}), (("(1",), {}), (("x",), {}),
                 (("1", 2), {}), ((1, "2"), {}), ((None,), {}), ((1j, 1j), {}), ((2 + 3j, 4), {}),
                 ((), {"imag": 5}), ((), {"real": 1, "imag": 2}), ((), {"x": 1}), ((1, 2, 3), {}),
                 ((True,), {}), ((10**400,), {}), (("\u0661+\u0662j",), {})]:
    call(complex, "", *args, **kw)
call(complex, "from_number", 5)
call(complex, "from_number", "1")
call(complex, "from_number", 1 + 1j)
for a, b in [(-8.0, 0.5), (-1.0, 1.5), (-2.0, -0.5), (-0.5, 0.25)]:
    call(a, "__pow__", b)
call(0j, "__pow__", -1)
call(0j, "__pow__", 1j)
call(1e300 + 1e300j, "__pow__", 5)
call(1j, "__pow__", 2, 3)
call(2, "__truediv__", 0j)
call(1j, "__truediv__", 0)
call(1j, "__floordiv__", 1j)
call("a\udc80b", "encode")
call("a\udc80b", "encode", "utf-8", "surrogatepass")
call("a\udc80b", "encode", "utf-8", "replace")
call("aé€\U0001f600", "encode", "utf-8")
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
    files["int_cases.txt"] = "\n".join(oracle["int"]) + "\n"
    files["calls.txt"] = "\n".join(oracle["calls"]) + "\n"
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
