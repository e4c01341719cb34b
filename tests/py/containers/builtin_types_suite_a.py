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
