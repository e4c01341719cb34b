# The young generation's count (gc.get_count()[0]) counts the objects the collector tracks:
# since 3.14.1 it grows when an object is tracked and shrinks when one is untracked or freed,
# so temporaries and untracked tuples leave it unchanged. These figures are the number of
# tracked objects each operation leaves alive, the same on every platform.
import gc

def probe(label, fn):
    gc.collect()
    gc.disable()
    c0 = gc.get_count()[0]
    r = fn()
    c1 = gc.get_count()[0]
    gc.enable()
    print(label, c1 - c0)
    return r

x = 5
class A:
    pass
class S:
    __slots__ = ('a',)
def f(*a):
    return a
def g():
    yield 1

probe('nothing', lambda: None)
probe('tuple of ints', lambda: (x, x))
probe('tuple with a list', lambda: (x, []))
probe('list', lambda: [])
probe('10 lists', lambda: [[] for i in range(10)])
probe('10 tuples of ints', lambda: [(i, i) for i in range(10)])
probe('10 tuples of strs', lambda: [(str(i), i) for i in range(10)])
probe('dict', lambda: {})
probe('dict with a list', lambda: {1: []})
probe('instance', lambda: A())
probe('slotted instance', lambda: S())
probe('10 instances', lambda: [A() for i in range(10)])
probe('args tuple', lambda: f(1, 2))
probe('zip to list', lambda: list(zip([1, 2], [3, 4])))
probe('enumerate to list', lambda: list(enumerate([5, 6])))
probe('dict items to list', lambda: list({1: 2, 3: 4}.items()))
probe('tuple(list)', lambda: tuple([1, 2, 3]))
probe('tuple(range)', lambda: tuple(range(3)))
probe('tuple slice', lambda: (1, 2, 3, 4)[1:3])
probe('set', lambda: {1, 2})
probe('frozenset', lambda: frozenset([1]))
probe('closure', lambda: (lambda: x))
probe('generator', lambda: g())
probe('str', lambda: 'a' * 100)
probe('bound method', lambda: [].append)
probe('list iterator', lambda: iter([1]))
probe('divmod', lambda: divmod(x, 3))
probe('exception', lambda: ValueError('x'))
probe('dict comprehension', lambda: {i: i for i in range(5)})
probe('sorted', lambda: sorted([3, 1]))
probe('str.split', lambda: 'a b c'.split())
probe('%-format', lambda: '%s %s' % (x, x))
