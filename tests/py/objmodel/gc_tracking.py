# Which new objects the cycle collector tracks, as 3.14.2 decides at creation: tuples built
# from an array of items (BUILD_TUPLE, call arguments, PyTuple_Pack, list -> tuple) are left
# untracked when no item's type is a GC type (GH-139951); tuples filled after PyTuple_New
# (slices, concatenation, PySequence_Tuple, zip/enumerate results, Py_BuildValue) are
# tracked; dicts are always tracked; struct sequences made in C are not, those made by their
# Python constructor are; the frame object of a running frame is not. Then a collection
# untracks the tuples holding only untracked objects.
import gc
gc.disable()
import collections, decimal, fractions, itertools, json, math, operator, os, re, string
import struct, sys, time

x = 5
T = (1, 2, 3, 4)
L = []
class A:
    pass

def f(*a, **k):
    return a

def fk(*a, **k):
    return k

def gen():
    yield sys._getframe()

def ended():
    return sys._getframe()

def tb_frame():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__.tb_frame

cases = [
    ('BUILD_TUPLE ints', lambda: (x, x)),
    ('BUILD_TUPLE strs', lambda: (str(x), 'y')),
    ('BUILD_TUPLE None float', lambda: (None, 1.5 * x)),
    ('BUILD_TUPLE untracked tuple', lambda: ((x, x), x)),
    ('BUILD_TUPLE list', lambda: (L, x)),
    ('BUILD_TUPLE type', lambda: (int, x)),
    ('BUILD_TUPLE class', lambda: (A, x)),
    ('BUILD_TUPLE function', lambda: (f, x)),
    ('constant tuple', lambda: eval(compile('(1, 2)', 'c', 'eval'))),
    ('constant nested tuple', lambda: eval(compile('(1, (2, 3))', 'c', 'eval'))),
    ('co_consts', lambda: compile('def f(): return 7', 'c', 'exec').co_consts[0].co_consts),
    ('args ints', lambda: f(x, x)),
    ('args list', lambda: f(L)),
    ('args star list', lambda: f(*[x, x])),
    ('args star tuple', lambda: f(*(x, x))),
    ('args with kwargs', lambda: f(x, k=x)),
    ('kwargs dict', lambda: fk(a=x)),
    ('exception args', lambda: KeyError(1, 2).args),
    ('exception args list', lambda: ValueError(L).args),
    ('tuple(list)', lambda: tuple([x, x])),
    ('tuple(list of lists)', lambda: tuple([L])),
    ('tuple(range)', lambda: tuple(range(3))),
    ('tuple(str)', lambda: tuple('abc')),
    ('tuple(set)', lambda: tuple({1, 2})),
    ('tuple(dict)', lambda: tuple({1: 2})),
    ('tuple(map)', lambda: tuple(map(int, '12'))),
    ('tuple(iter)', lambda: tuple(iter([1, 2]))),
    ('tuple(genexp)', lambda: tuple(i for i in range(3))),
    ('tuple(listcomp)', lambda: tuple([i for i in range(3)])),
    ('slice', lambda: T[1:3]),
    ('slice with step', lambda: T[::2]),
    ('concatenation', lambda: (x, x) + (x,)),
    ('repetition', lambda: (x, x) * 2),
    ('zip item', lambda: next(zip([1], [2]))),
    ('zip items in a list', lambda: list(zip([1, 2], [3, 4]))[0]),
    ('enumerate item', lambda: next(enumerate([5]))),
    ('enumerate items in a list', lambda: list(enumerate('ab'))[1]),
    ('dict.items() iteration', lambda: next(iter({1: 2}.items()))),
    ('list(dict.items())', lambda: list({1: 2, 3: 4}.items())[0]),
    ('sorted(dict.items())', lambda: sorted({1: 2}.items())[0]),
    ('Counter.most_common', lambda: collections.Counter('aab').most_common()[0]),
    ('dict.popitem', lambda: {1: 2}.popitem()),
    ('OrderedDict.popitem', lambda: collections.OrderedDict({1: 2}).popitem()),
    ('divmod int', lambda: divmod(7, 2)),
    ('divmod float', lambda: divmod(7.5, 2)),
    ('float.as_integer_ratio', lambda: (2.5).as_integer_ratio()),
    ('int.as_integer_ratio', lambda: (5).as_integer_ratio()),
    ('Fraction.as_integer_ratio', lambda: fractions.Fraction(1, 3).as_integer_ratio()),
    ('Decimal.as_integer_ratio', lambda: decimal.Decimal('1.5').as_integer_ratio()),
    ('str.partition', lambda: 'a-b'.partition('-')),
    ('bytes.rpartition', lambda: b'a-b'.rpartition(b'-')),
    ('math.frexp', lambda: math.frexp(2.5)),
    ('Match.span', lambda: re.match('(a)(b)', 'ab').span()),
    ('Match.groups', lambda: re.match('(a)(b)', 'ab').groups()),
    ('struct.unpack', lambda: struct.unpack('ii', b'\0' * 8)),
    ('itertools.product item', lambda: next(itertools.product('a', 'b'))),
    ('itertools.starmap args', lambda: list(itertools.starmap(f, [(1, 2)]))[0]),
    ('operator.itemgetter', lambda: operator.itemgetter(0, 1)('ab')),
    ('json object_pairs_hook pair', lambda: json.loads('{"a": 1}', object_pairs_hook=list)[0]),
    ('Formatter.parse item', lambda: next(iter(string.Formatter().parse('a{b}')))),
    ('os.path.split', lambda: os.path.split('/a/b')),
    ('sys.exc_info', lambda: sys.exc_info()),
    ('int.__getnewargs__', lambda: (5).__getnewargs__()),
    ('slice.indices', lambda: slice(1, 2).indices(5)),
    ('namedtuple', lambda: collections.namedtuple('P', 'a b')(1, 2)),
    ('time.gmtime', lambda: time.gmtime(0)),
    ('sys.flags', lambda: sys.flags),
    ('struct_time()', lambda: time.struct_time((1,) * 9)),
    ('stat_result() with a list', lambda: os.stat_result((L,) * 10)),
    ('dict empty', lambda: {}),
    ('dict of ints', lambda: {1: 2}),
    ('dict.fromkeys', lambda: dict.fromkeys([1, 2])),
    ('dict comprehension', lambda: {i: i for i in range(3)}),
    ('set', lambda: {1, 2}),
    ('frozenset', lambda: frozenset([1])),
    ('list', lambda: [1, 2]),
    ('instance', lambda: A()),
    ('instance __dict__', lambda: A().__dict__),
    ('range', lambda: range(3)),
    ('slice object', lambda: slice(1, 2)),
    ('bytearray', lambda: bytearray(b'a')),
    ('int', lambda: 10 ** 30),
    ('object', lambda: object()),
    ('frame of an ended call', lambda: ended()),
    ('traceback frame of an ended call', lambda: tb_frame()),
]
for label, make in cases:
    print(label, gc.is_tracked(make()))

def running():
    return gc.is_tracked(sys._getframe())
print('running frame', running(), gc.is_tracked(sys._getframe()))
g = gen()
fr = next(g)
print('suspended generator frame', gc.is_tracked(fr))
g.close()
print('closed generator frame', gc.is_tracked(fr))
def inner_tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return gc.is_tracked(e.__traceback__.tb_frame)
print('traceback frame of a running call', inner_tb())

# A collection untracks the tuples that hold only untracked objects, inside out.
t = ((x, []), (1, (2, 3)), ('a', ('b', ('c',))))
inner = t[2]
u = (x, L)
gc.collect()
print([gc.is_tracked(e) for e in t], gc.is_tracked(t), gc.is_tracked(inner[1]), gc.is_tracked(u))
gc.enable()
