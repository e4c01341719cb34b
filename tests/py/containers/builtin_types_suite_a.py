# Behaviours found by running CPython's own unit tests for the built-in containers on cppy.
import gc

# Deleting an extended slice whose step is huge (clamped to the largest index): the cursor
# must not overflow.
a = list(range(10))
del a[9::1 << 333]
print(a)
a = list(range(10))
del a[2::1 << 100]
print(a)
a = list(range(10))
del a[::-(1 << 80)]
print(a)
gc.collect()
b = bytearray(range(10))
del b[9::1 << 333]
print(b)

# setdefault looks the key up once: one __eq__ against the colliding key, one hash each.
class Hashed:
    def __init__(self):
        self.hashes = 0
        self.eqs = 0
    def __hash__(self):
        self.hashes += 1
        return 7
    def __eq__(self, other):
        self.eqs += 1
        return self is other
h1, h2 = Hashed(), Hashed()
d = {h1: 1}
print(d.setdefault(h2, 'new'), h1.hashes, h2.hashes, h1.eqs + h2.eqs)
print(d.setdefault(h2, 'other'), len(d))
d = {'x': 1}
print(d.setdefault(3, 'int into str table'), d)

# Keyword names must be strings, in dict() and dict.update() too.
class MyDict(dict):
    pass
for kw in ({1: 2}, MyDict({(1,): 2}), {'a': 1, 2: 3}):
    for f in (dict, {}.update, MyDict, lambda **k: k):
        try:
            print(f(**kw))
        except TypeError as e:
            print('TypeError:', e)
print(dict(**{'a': 1}), dict({'b': 2}, **MyDict(c=3)))

# Keyword arguments reach a subclass's own __init__ / __new__; without one they are refused.
for base in (tuple, list, set, frozenset):
    class Plain(base):
        pass
    try:
        Plain(sequence=())
    except TypeError as e:
        print(base.__name__, 'plain: TypeError:', e)
    class WithInit(base):
        def __init__(self, arg, extra=None):
            if base in (list, set):
                super().__init__(arg)
            self.extra = extra
    u = WithInit([1, 2], extra=3)
    print(base.__name__, 'init:', type(u).__name__, sorted(u), u.extra)
    class WithNew(base):
        def __new__(cls, arg, extra=None):
            self = super().__new__(cls, arg)
            self.extra = extra
            return self
    if base in (tuple, frozenset):
        u = WithNew([1, 2], extra=4)
        print(base.__name__, 'new:', sorted(u), u.extra)
    else:
        try:
            u = WithNew([1, 2], extra=4)
            print(base.__name__, 'new:', sorted(u), u.extra)
        except TypeError as e:
            print(base.__name__, 'new: TypeError:', e)

# A set used as a key of a set lookup is looked up as a frozenset, in `in` as in the methods.
s = {frozenset('ab'), 1}
print(set('ab') in s, set('xy') in s, set('ab') not in s)
for i in range(3):
    print(set('ba') in s)
s.discard(set('ab'))
print(s)
try:
    s.remove(set('zz'))
except KeyError as e:
    print('KeyError', e)
try:
    [] in s
except TypeError as e:
    print('TypeError:', e)

# bytearray partitions: every empty part is a new bytearray.
for meth in ('partition', 'rpartition'):
    parts = getattr(bytearray(b'x'), meth)(b'y')
    print(meth, parts, parts[0] is parts[1], parts[1] is parts[2], parts[0] is parts[2])
    parts[1].extend(b'!')
    print(parts)
print(b'x'.partition(b'y'), bytearray(b'xay').partition(b'a'))

# A bytearray subclass with __slots__ pickles and copies its slots too.
import copy, pickle
class SlottedBytes(bytearray):
    __slots__ = ('x', 'y', '__dict__')
a = SlottedBytes(b'abcd')
a.x = 10
a.z = SlottedBytes(b'efgh')
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    b = pickle.loads(pickle.dumps(a, proto))
    print(proto, b, b.x, b.z, type(b.z).__name__, hasattr(b, 'y'))
for f in (copy.copy, copy.deepcopy):
    b = f(a)
    print(f.__name__, b, b.x, b.z)
print(SlottedBytes().__reduce_ex__(4), bytearray(b'q').__reduce__())

# OrderedDict.pop/popitem take the entry from the dict itself, not through a subclass's
# __getitem__ or __delitem__.
from collections import OrderedDict
class Counting(OrderedDict):
    def __init__(self):
        super().__init__()
        self.calls = []
    def __getitem__(self, key):
        self.calls.append(('get', key))
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value
    def __delitem__(self, key):
        self.calls.append(('del', key))
        super().__delitem__(key)
c = Counting()
for i in range(1, 5):
    c[i] = i * 10
print(c.popitem(last=False), c.popitem(), c.pop(2), c.pop(9, 'dflt'), list(c.items()), c.calls)
try:
    c.pop(9)
except KeyError as e:
    print('KeyError', e)
