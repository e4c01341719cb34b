# pickle.dumps of a wide corpus at every protocol: the bytes (hex) and the round trip.
import array, pickle, _pickle, collections, copyreg, datetime, enum, fractions, functools

print(pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler)
print(pickle.dumps is _pickle.dumps, pickle.loads is _pickle.loads)
print(pickle.PicklingError is _pickle.PicklingError, pickle.DEFAULT_PROTOCOL)


class Plain:
    def __init__(self, a=1):
        self.a = a
        self.b = [a, 'x']
    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__


class Slotted:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
        self.y = (2, 3)
    def __eq__(self, other):
        return type(other) is type(self) and (other.x, other.y) == (self.x, self.y)


class WithState:
    def __init__(self):
        self.v = 5
    def __getstate__(self):
        return {'v': self.v * 2}
    def __setstate__(self, state):
        self.v = state['v'] // 2
    def __eq__(self, other):
        return type(other) is type(self) and other.v == self.v


class ByName:
    def __reduce__(self):
        return 'BY_NAME'


BY_NAME = ByName()


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.args = args
        self.kwargs = kwargs
        return self
    def __getnewargs_ex__(self):
        return self.args, self.kwargs
    def __eq__(self, other):
        return type(other) is type(self) and (other.args, other.kwargs) == (self.args, self.kwargs)


class ListSub(list):
    pass


class DictSub(dict):
    pass


class Outer:
    class Inner:
        pass


class Color(enum.Enum):
    RED = 1
    GREEN = 2


Point = collections.namedtuple('Point', 'x y')


def func():
    pass


shared = [1, 2]
rec_list = [1]
rec_list.append(rec_list)
rec_dict = {}
rec_dict['self'] = rec_dict
holder = []
rec_tuple = (holder, 1)
holder.append(rec_tuple)

corpus = [
    None, True, False,
    0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**63, -2**63,
    2**64, -2**64, 2**1000, -(2**1000) + 1, -128, -129, -32768,
    0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, float('inf'), float('-inf'), 0.1, 123456789.0,
    '', 'abc', 'caf\xe9', '\u20ac', '\U0001f600', 'a\nb\\c\r\x00\x1a', '\ud800x', 'x' * 300,
    b'', b'abc', bytes(range(256)), b'y' * 300,
    bytearray(), bytearray(b'abc'), bytearray(300),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), ((1, 2), [3]),
    [], [1], [1, 'a', 2.0], list(range(2500)),
    {}, {'a': 1}, {'a': 1, 'b': [2], 3: (4,)}, {i: i for i in range(1100)},
    set(), {1, 2, 3}, frozenset(), frozenset({4, 5}), set(range(1200)),
    [shared, shared, (shared,)],
    rec_list, rec_dict, rec_tuple,
    1 + 2j, range(3, 10, 2), slice(1, 5), Ellipsis, NotImplemented,
    type(None), type(Ellipsis), type(NotImplemented),
    int, object, Plain, Outer.Inner, func, len, functools.reduce, str.upper,
    Plain(), Plain(7), Slotted(), WithState(), BY_NAME, NewArgsEx(1, 2, k=3),
    ListSub([1, 2]), DictSub(a=1), Color.RED, Point(1, 2),
    collections.OrderedDict([('x', 1), ('y', 2)]), collections.deque([1, 2]),
    collections.Counter('aab'), collections.defaultdict(list, {1: [2]}),
    fractions.Fraction(3, 4), datetime.date(2024, 2, 29),
    datetime.datetime(2001, 2, 3, 4, 5, 6, 7), datetime.timedelta(days=1, seconds=2),
    [1, [2, [3, [4, [5]]]]], {'k': {'k': {'k': None}}},
    array.array('i', [1, 2, 3]), array.array('d', [0.5]),
    [array.array('b', [1]), array.array('B', [2])],
]


recursive = {corpus.index(x) for x in corpus if x is rec_list or x is rec_dict or x is rec_tuple}


def same(a, b):
    if a is b:
        return True
    return a == b or repr(a) == repr(b)


for i, obj in enumerate(corpus):
    for proto in range(6):
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(i, proto, 'dumps', type(e).__name__, e)
            continue
        h = data.hex()
        if len(h) > 400:
            h = h[:200] + '...' + h[-100:] + ' len=%d' % len(data)
        back = pickle.loads(data)
        print(i, proto, h, same(back, obj) if i not in recursive else back is not obj)

print(pickle.loads(pickle.dumps(rec_list))[1][1][0], pickle.loads(pickle.dumps(rec_dict))['self'].keys())
t = pickle.loads(pickle.dumps(rec_tuple, 2))
print(t[0][0] is t)

# dump / load through files.
import io
for proto in range(6):
    f = io.BytesIO()
    pickle.dump([1, 'two', b'3', (4.0,)], f, proto)
    pickle.dump({'second': None}, f, proto)
    f.seek(0)
    print(proto, pickle.load(f), pickle.load(f), f.read())

# A big object crosses frames (protocol 4+: 64 KiB frame target) through a file.
big = [b'z' * 70000, 'w' * 70000, list(range(20000))]
for proto in (4, 5):
    f = io.BytesIO()
    pickle.dump(big, f, proto)
    data = f.getvalue()
    print(proto, len(data), data[:40].hex(), pickle.dumps(big, proto) == data,
          pickle.loads(data) == big)
