# Issue 6's import list: each module imports and a small use of it gives CPython's output.
# One section per module, in the order; a failing section prints its exception
# instead of stopping the others.

import sys

def section(name):
    def run(fn):
        try:
            fn()
        except Exception as e:
            print(name, "FAILED:", type(e).__name__, e)
    return run

@section("os")
def _():
    import os
    print("os", os.sep, os.path.join("a", "b", "c.txt"), os.path.splitext("x/y.tar.gz"))
    print(os.path.normpath("/a/./b/../c"), os.path.basename("/p/q.py"), callable(os.getcwd))

@section("sys")
def _():
    print("sys", sys.version_info[:2] >= (3, 14), type(sys.argv).__name__, sys.byteorder)

@section("io")
def _():
    import io
    s = io.StringIO()
    print("line 1", file=s)
    s.write("line 2\n")
    print("io", repr(s.getvalue()), io.BytesIO(b"abc").read(2))
    t = io.TextIOWrapper(io.BytesIO("h\u00e9\r\nx".encode()), encoding="utf-8")
    print(repr(t.read()))

@section("re")
def _():
    import re
    print("re", re.findall(r"(\w+)=(\d+)", "a=1, bb=22"), re.sub(r"\s+", "-", " a  b c "))
    m = re.match(r"(?P<year>\d{4})-(?P<mon>\d\d)", "2024-05-17")
    print(m.groupdict(), m.span(2))

@section("json")
def _():
    import json
    text = json.dumps({"b": [1, 2.5, None, True], "a": "\u00e9"}, sort_keys=True)
    print("json", text, json.loads(text)["b"], json.dumps([1, {"x": 2}], indent=2))

@section("math")
def _():
    import math
    print("math", math.sqrt(2), math.factorial(20), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3))
    print(math.floor(-2.5), math.comb(10, 3), math.log(8, 2), math.inf > 1e308)

@section("random")
def _():
    import random
    r = random.Random(12345)
    print("random", r.random(), r.randint(1, 100), r.choice("abcdef"), r.sample(range(10), 3))
    lst = list(range(8))
    r.shuffle(lst)
    print(lst, r.gauss(0, 1), r.uniform(1, 2))

@section("string")
def _():
    import string
    print("string", string.ascii_lowercase, string.Template("$who likes $what").substitute(who="tim", what="pie"))
    print(string.capwords("hello   world"), string.Formatter().format("{0:>5}|{1!r}", 3, "x"))

@section("textwrap")
def _():
    import textwrap
    print("textwrap", textwrap.wrap("The quick brown fox jumps over the lazy dog", 12))
    print(textwrap.dedent("    a\n      b\n"), end="")
    print(textwrap.shorten("Hello  world, this is long", width=15), textwrap.indent("x\ny", "> "))

@section("collections")
def _():
    import collections
    c = collections.Counter("abracadabra")
    print("collections", c.most_common(3), collections.OrderedDict(a=1, b=2))
    P = collections.namedtuple("P", "x y")
    d = collections.defaultdict(list)
    d["k"].append(1)
    dq = collections.deque([1, 2, 3], maxlen=3)
    dq.append(4)
    print(P(1, 2), P(1, 2)._asdict(), dict(d), dq, collections.ChainMap({"a": 1}, {"a": 2, "b": 3})["b"])

@section("itertools")
def _():
    import itertools
    print("itertools", list(itertools.permutations("abc", 2))[:4], list(itertools.accumulate([1, 2, 3, 4])))
    print(list(itertools.islice(itertools.count(10, 5), 3)), [(k, len(list(g))) for k, g in itertools.groupby("aabbbc")])
    print(list(itertools.product([0, 1], repeat=2)), list(itertools.batched("abcdefg", 3)))

@section("functools")
def _():
    import functools
    @functools.lru_cache(maxsize=None)
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    print("functools", fib(80), fib.cache_info(), functools.reduce(lambda a, b: a * b, range(1, 10)))
    p = functools.partial(int, base=2)
    print(p("1011"), functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))

@section("operator")
def _():
    import operator
    print("operator", operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3 + 4j), operator.add(2, 3))
    print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.methodcaller("upper")("x"))

@section("dataclasses")
def _():
    import dataclasses
    @dataclasses.dataclass(order=True)
    class Item:
        name: str
        qty: int = 0
        tags: list = dataclasses.field(default_factory=list)
    a, b = Item("a", 2), Item("b")
    print("dataclasses", a, a < b, dataclasses.asdict(a), dataclasses.replace(b, qty=5))
    print([f.name for f in dataclasses.fields(Item)])

@section("enum")
def _():
    import enum
    class Color(enum.Enum):
        RED = 1
        GREEN = 2
    class Perm(enum.IntFlag):
        R = 4
        W = 2
        X = 1
    print("enum", Color.RED, Color(2), list(Color), Perm.R | Perm.W, repr(Perm(7)), Color.RED.name)

@section("typing")
def _():
    import typing
    T = typing.TypeVar("T")
    class Box(typing.Generic[T]):
        pass
    print("typing", typing.List[int], typing.Optional[str], Box[int], typing.get_args(typing.Dict[str, int]))
    class TD(typing.TypedDict):
        a: int
    print(TD.__required_keys__, typing.get_type_hints(TD))

@section("abc")
def _():
    import abc
    class Base(abc.ABC):
        @abc.abstractmethod
        def f(self): ...
    class Impl(Base):
        def f(self):
            return 1
    try:
        Base()
    except TypeError as e:
        print("abc", e)
    print(Impl().f(), isinstance(Impl(), Base), Base.__abstractmethods__)

@section("types")
def _():
    import types
    ns = types.SimpleNamespace(a=1, b="x")
    print("types", ns, types.MappingProxyType({"k": 1})["k"], isinstance(len, types.BuiltinFunctionType))
    m = types.ModuleType("mod", "doc")
    print(m, m.__doc__, types.new_class("C", (object,)).__name__)

@section("copy")
def _():
    import copy
    x = [1, [2, 3], {"a": [4]}]
    y = copy.deepcopy(x)
    y[1].append(9)
    z = copy.copy(x)
    print("copy", x, y, z[1] is x[1])

@section("pprint")
def _():
    import pprint
    data = {"key%d" % i: list(range(i)) for i in range(6)}
    pprint.pprint(data, width=40)
    print(pprint.pformat([1, {"a": (2, 3)}], width=10))

@section("reprlib")
def _():
    import reprlib
    print("reprlib", reprlib.repr(list(range(100))), reprlib.repr("x" * 100))

@section("heapq")
def _():
    import heapq
    h = [5, 1, 8, 3, 2]
    heapq.heapify(h)
    print("heapq", [heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 9, 1, 7]), list(heapq.merge([1, 4], [2, 3])))

@section("bisect")
def _():
    import bisect
    a = [1, 3, 3, 7]
    bisect.insort(a, 5)
    print("bisect", bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), a)

@section("contextlib")
def _():
    import contextlib
    @contextlib.contextmanager
    def tag(name):
        print("<%s>" % name)
        yield name
        print("</%s>" % name)
    with tag("b") as n:
        print("inside", n)
    with contextlib.suppress(KeyError):
        {}["missing"]
    with contextlib.ExitStack() as stack:
        stack.callback(print, "exit callback")
    print("contextlib done")

@section("weakref")
def _():
    import weakref
    class Obj:
        pass
    o = Obj()
    r = weakref.ref(o)
    d = weakref.WeakValueDictionary()
    d["k"] = o
    print("weakref", r() is o, len(d))
    del o
    print(r(), len(d))

@section("datetime")
def _():
    import datetime
    d = datetime.date(2024, 2, 28) + datetime.timedelta(days=2)
    dt = datetime.datetime(2024, 5, 17, 13, 45, 30, tzinfo=datetime.timezone.utc)
    print("datetime", d, d.isoformat(), d.weekday(), dt.isoformat(), dt.strftime("%Y/%m/%d %H:%M"))
    print(repr(datetime.timedelta(hours=25, seconds=3)), datetime.datetime.fromisoformat("2020-01-02T03:04:05"))

@section("time")
def _():
    import time
    t = time.gmtime(86400 * 365)
    print("time", time.strftime("%Y-%m-%d %H:%M:%S", t), t.tm_yday, time.monotonic() > 0, callable(time.sleep))

@section("pathlib")
def _():
    import pathlib
    p = pathlib.PurePosixPath("/usr/lib/python3.14/os.py")
    print("pathlib", p.name, p.suffix, p.stem, p.parent, p.parts[:3], p.with_suffix(".pyc"))
    print(pathlib.PurePosixPath("a") / "b" / "c.txt", p.match("*.py"), p.relative_to("/usr"))

@section("glob")
def _():
    import glob
    print("glob", glob.escape("a[b]*"), glob.has_magic("x*"), glob.glob("/nonexistent-dir-xyz/*"))

@section("fnmatch")
def _():
    import fnmatch
    print("fnmatch", fnmatch.fnmatch("data.csv", "*.csv"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.translate("a?b*"))

@section("shutil")
def _():
    import shutil, tempfile, os
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "a.txt")
        with open(src, "w") as f:
            f.write("hello")
        shutil.copy(src, os.path.join(d, "b.txt"))
        shutil.copytree(d, os.path.join(d, "sub"))
        print("shutil", sorted(os.listdir(d)), sorted(os.listdir(os.path.join(d, "sub"))))
        shutil.rmtree(os.path.join(d, "sub"))
        print(sorted(os.listdir(d)), shutil.which("definitely-not-a-command-xyz"))

@section("tempfile")
def _():
    import tempfile
    with tempfile.TemporaryFile("w+") as f:
        f.write("data")
        f.seek(0)
        print("tempfile", f.read())
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=True) as f:
        print(f.name.endswith(".txt"))

@section("argparse")
def _():
    import argparse
    p = argparse.ArgumentParser(prog="prog", description="demo")
    p.add_argument("files", nargs="+")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--level", type=int, default=3, choices=[1, 2, 3])
    print("argparse", p.parse_args(["a", "b", "-v", "--level", "2"]))
    print(p.format_usage(), end="")

@section("logging")
def _():
    import logging
    log = logging.getLogger("smoke")
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    log.addHandler(h)
    log.setLevel(logging.INFO)
    log.debug("hidden")
    log.info("shown %d", 42)
    log.warning("warned")
    log.removeHandler(h)

@section("warnings")
def _():
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warnings.warn("careful", UserWarning)
        warnings.warn("old", DeprecationWarning)
    print("warnings", [(x.category.__name__, str(x.message)) for x in w])

@section("traceback")
def _():
    import traceback
    try:
        {}["nokey"]
    except KeyError as e:
        lines = traceback.format_exception_only(e)
        print("traceback", lines, len(traceback.extract_tb(e.__traceback__)))

@section("inspect")
def _():
    import inspect
    def f(a, b=2, *args, c, **kw):
        "doc"
    print("inspect", inspect.signature(f), inspect.isfunction(f), inspect.getdoc(f))
    print(list(inspect.signature(f).parameters), inspect.getmodulename("/x/y/mod.py"))

@section("dis")
def _():
    import dis
    def add(a, b):
        return a + b
    ops = [i.opname for i in dis.get_instructions(add)]
    print("dis", ops)

@section("ast")
def _():
    import ast
    tree = ast.parse("x = 1 + 2*y")
    print("ast", ast.dump(tree))
    print(ast.unparse(tree), ast.literal_eval("[1, (2, 'a'), {3: None}]"))

@section("tokenize")
def _():
    import tokenize, io
    toks = tokenize.generate_tokens(io.StringIO("a = f(1)\n").readline)
    print("tokenize", [(tokenize.tok_name[t.type], t.string) for t in toks])

@section("struct")
def _():
    import struct
    b = struct.pack("<hIq?", -2, 7, 1 << 40, True)
    print("struct", b, struct.unpack("<hIq?", b), struct.calcsize("@iqc"))

@section("base64")
def _():
    import base64
    print("base64", base64.b64encode(b"hello world"), base64.b64decode("aGk="), base64.urlsafe_b64encode(b"\xff\xfe"), base64.b32encode(b"ab"), base64.b16decode("4142"))

@section("binascii")
def _():
    import binascii
    print("binascii", binascii.hexlify(b"\x01\xab"), binascii.crc32(b"hello"), binascii.unhexlify("7a7a"))

@section("fractions")
def _():
    import fractions
    F = fractions.Fraction
    print("fractions", F(3, 4) + F(1, 6), F("0.125"), F(1.5), F(7, 3).limit_denominator(2), float(F(1, 3)))

@section("statistics")
def _():
    import statistics
    data = [2, 4, 4, 4, 5, 5, 7, 9]
    print("statistics", statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
    print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.fmean([1, 2, 3, 4]))

@section("csv")
def _():
    import csv, io
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["a", "b,c", 'd"e'])
    w.writerow([1, 2.5, None])
    print("csv", repr(out.getvalue()))
    print(list(csv.reader(io.StringIO(out.getvalue()))))
    print(list(csv.DictReader(io.StringIO("x,y\n1,2\n"))))

@section("unittest")
def _():
    import unittest, io
    class T(unittest.TestCase):
        def test_ok(self):
            self.assertEqual(1 + 1, 2)
        def test_fail(self):
            self.assertIn(3, [1, 2])
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
    result = unittest.TestResult()
    suite.run(result)
    print("unittest", result.testsRun, len(result.failures), result.failures[0][1].splitlines()[-1])

@section("threading")
def _():
    import threading
    lock = threading.Lock()
    with lock:
        print("threading", lock.locked())
    ev = threading.Event()
    ev.set()
    print(ev.is_set(), threading.current_thread().name, threading.active_count() >= 1)

@section("queue")
def _():
    import queue
    q = queue.Queue()
    for i in range(3):
        q.put(i)
    pq = queue.PriorityQueue()
    for x in (5, 1, 3):
        pq.put(x)
    lq = queue.LifoQueue()
    lq.put("a")
    lq.put("b")
    print("queue", [q.get() for _ in range(3)], [pq.get() for _ in range(3)], lq.get(), q.empty())
