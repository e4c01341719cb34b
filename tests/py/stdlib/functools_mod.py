# functools: partial, reduce, lru_cache, cache, wraps, total_ordering, cmp_to_key, singledispatch, cached_property.
import functools
p = functools.partial(int, base=2)
print(p('1010'), p.func, p.args, p.keywords, functools.partial(p, '11')())
def power(base, exp): return base ** exp
sq = functools.partial(power, exp=2)
print(sq(9), repr(sq).startswith('functools.partial(<function power'))
print(functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3]), functools.reduce(max, [3, 9, 2], 0))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
@functools.lru_cache(maxsize=2)
def slow(n):
    print('computing', n)
    return n * n
for n in [1, 2, 1, 3, 1, 2]:
    slow(n)
print(slow.cache_info())
slow.cache_clear(); print(slow.cache_info())
@functools.total_ordering
class Ver:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(Ver(1) <= Ver(2), Ver(3) > Ver(2), Ver(2) >= Ver(2), Ver(1) != Ver(1))
print(sorted(['bb', 'a', 'ccc'], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
@functools.singledispatch
def describe(x): return 'thing'
@describe.register(int)
def _(x): return 'int'
@describe.register(float)
@describe.register(complex)
def _(x): return 'real-or-complex'
@describe.register
def _(x: list | tuple): return 'sequence'
print([describe(v) for v in [1, 1.5, 2j, [1], (1,), 'x', True]])
class Sizes:
    def __init__(self, items): self.items = items
    @functools.cached_property
    def total(self):
        print('summing')
        return sum(self.items)
s = Sizes([1, 2, 3]); print(s.total, s.total)
def deco(f):
    @functools.wraps(f)
    def inner(*a): return f(*a)
    return inner
@deco
def documented(x):
    "Documentation."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__qualname__)
class Cls:
    @functools.partialmethod
    def _(self): pass
    def set_state(self, state): self.state = state
    activate = functools.partialmethod(set_state, True)
c = Cls(); c.activate(); print(c.state)
print(functools.reduce(lambda acc, kv: acc | {kv[0]: kv[1]}, [('a', 1), ('b', 2)], {}))
@functools.cache
def count_paths(r, c):
    return 1 if r == 0 or c == 0 else count_paths(r - 1, c) + count_paths(r, c - 1)
print(count_paths(16, 16))
