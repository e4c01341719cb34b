# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import operator, math
def f(*a): return a
# __class_getitem__, __init_subclass__, recursive repr, subclass overrides
for src in ["list[int]", "list[int, str]", "list[()]", "dict[int]", "tuple[()]", "tuple[int, ...]",
            "type[int]", "int[str]", "object[int]", "list.__class_getitem__(int)", "list.__class_getitem__()",
            "list[int][str]", "list[int] == list[int]", "list[int] | None", "list[int].__origin__",
            "list[int].__args__", "list[int].__parameters__", "list[int]()", "list[int]('ab')",
            "isinstance([], list[int])", "issubclass(list, list[int])", "repr(list[list[int]])",
            "enumerate[int]", "zip[int]", "map[int]", "frozenset[int]", "range[int]", "slice[int]",
            "memoryview[int]", "type(None)[int]", "property[int]", "int | 'x'", "int | 1", "1 | int",
            "(int | str).__args__", "int | int", "int | None", "None | int", "int | str | int",
            "(int | str)[int]", "(int | str) == (str | int)", "hash(int | str) == hash(str | int)",
            "isinstance(1, int | str)", "isinstance(1, list[int] | str)", "issubclass(int, int | str)",
            "(int | list[int]).__parameters__", "type(int | str)", "type(int | str)()", "repr(int | None)",
            "repr(None | int | str)"]:
    p(src)
class Base:
    def __init_subclass__(cls, /, flag=None, **kw):
        print('init_subclass', cls.__name__, flag, kw)
        super().__init_subclass__(**kw)
class K1(Base, flag=1): pass
try:
    class K2(Base, flag=1, other=2): pass
except TypeError as e: print('TypeError', e)
try:
    class K3(other=2): pass
except TypeError as e: print('TypeError', e)
try:
    class K4(object, metaclass=type, x=1): pass
except TypeError as e: print('TypeError', e)
p("object.__init_subclass__(x=1)")
p("type.__init_subclass__()")
a = [1]; a.append(a)
d = {}; d[1] = d
s = []; t = (s,); s.append(t)
class RL(list): pass
r = RL(); r.append(r)
dd = {}; dd['v'] = dd.values(); dd['k'] = dd.keys(); dd['i'] = dd.items()
from collections import OrderedDict, deque, defaultdict
od = OrderedDict(); od[1] = od
dq = deque(); dq.append(dq)
df = defaultdict(list); df[1] = df
import types
ns = types.SimpleNamespace(); ns.me = ns
for src in ["repr(a)", "repr(d)", "repr(t)", "repr(s)", "repr(r)", "repr(dd)", "repr(od)", "repr(dq)",
            "repr(df)", "repr(ns)", "str(a)", "a == a", "d == d", "a < a"]:
    p(src)
# subclasses overriding protocols
class MyStr(str):
    def __eq__(self, o): return True
    def __hash__(self): return 1
    def __len__(self): return 99
    def __iter__(self): return iter('zz')
class MyInt(int):
    def __index__(self): return 3
    def __int__(self): return 4
    def __eq__(self, o): return True
    def __hash__(self): return 7
class MyList(list):
    def __iter__(self): return iter([9, 9])
    def __len__(self): return 5
    def __eq__(self, o): return True
class MyDict(dict):
    def __iter__(self): return iter(['z'])
    def keys(self): return ['k']
    def __getitem__(self, k): return 'got-' + str(k)
    def __len__(self): return 42
class MyTuple(tuple):
    def __iter__(self): return iter([7])
    def __len__(self): return 3
class MyBytes(bytes):
    def __iter__(self): return iter([1])
    def __len__(self): return 8
ms, mi, ml, md, mt, mb = MyStr('ab'), MyInt(10), MyList([1, 2]), MyDict(a=1), MyTuple((1, 2)), MyBytes(b'xy')
for src in ["list(ms)", "len(ms)", "''.join(ms)", "'-'.join([ms, ms])", "ms in {'ab': 1}", "{ms: 1}",
            "set(ms)", "tuple(ms)", "ms == 'q'", "'q' == ms", "'q' != ms", "str(ms)", "ms + 'c'", "ms * 2",
            "'ab'.startswith(ms)", "'xabx'.split(ms)", "'%s' % ms", "f'{ms}'", "sorted(ms)", "dict.fromkeys(ms)",
            "[1, 2, 3, 4][mi]", "[0] * mi", "'x' * mi", "range(mi)", "hex(mi)", "int(mi)", "float(mi)",
            "mi == 1", "1 == mi", "{mi: 1}", "mi + 1", "str(mi)", "repr(mi)", "bytes(mi)", "bytearray(mi)",
            "'%d' % mi", "'%x' % mi", "format(mi, 'x')", "(5).to_bytes(mi, 'big')", "chr(65 + mi)", "mi.__index__()",
            "operator.index(mi)", "math.factorial(mi)", "list(ml)", "len(ml)", "tuple(ml)", "ml == 1", "[1, 2] == ml",
            "sorted(ml)", "sum(ml)", "list(reversed(ml))", "[*ml]", "ml + [3]", "ml[:]", "repr(ml)", "str(ml)",
            "set(ml)", "dict.fromkeys(ml)", "list(md)", "dict(md)", "{**md}", "md.copy()", "dict(md).keys()",
            "len(md)", "repr(md)", "md['q']", "(d2 := {})", "d2.update(md) or d2", "list(mt)", "tuple(mt)", "len(mt)",
            "mt + (3,)", "mt[0]", "repr(mt)", "f(*mt)", "list(mb)", "bytes(mb)", "len(mb)", "bytearray(mb)",
            "b''.join([mb])", "mb + b'z'", "list(iter(mb))", "max(ml)", "min(mt)", "any(ms)", "zip(ms, ml).__next__()",
            "enumerate(ml).__next__()", "frozenset(mt)", "str(mt)", "mi.bit_length()", "MyInt.from_bytes(b'\\x01')",
            "type(MyInt.from_bytes(b'\\x01'))", "type(ms.upper())", "type(ms[:])", "type(ml[:])", "type(mt[:])",
            "type(mb[:])", "type(md.copy())", "type(+mi)", "type(abs(mi))", "type(mi * 1)", "type(str(ms))",
            "type(MyStr.__new__(MyStr, 'x'))"]:
    p(src)
