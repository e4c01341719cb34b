# Operator, container, comparison and hashing dunder methods.
import functools
@functools.total_ordering
class Vec:
    def __init__(self, *c): self.c = tuple(c)
    def __repr__(self): return f'Vec{self.c}'
    def __str__(self): return '<' + ', '.join(map(str, self.c)) + '>'
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.c, o.c))) if isinstance(o, Vec) else NotImplemented
    def __radd__(self, o): return self if o == 0 else NotImplemented
    def __sub__(self, o): return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return Vec(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k): return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k): return Vec(*(a // k for a in self.c))
    def __mod__(self, k): return Vec(*(a % k for a in self.c))
    def __pow__(self, k): return Vec(*(a ** k for a in self.c))
    def __neg__(self): return Vec(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return Vec(*reversed(self.c))
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __lt__(self, o): return abs(self) < abs(o)
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __iter__(self): return iter(self.c)
    def __contains__(self, v): return v in self.c
    def __bool__(self): return any(self.c)
    def __iadd__(self, o): print('iadd'); return self + o
    def __format__(self, spec): return 'Vec(' + ','.join(format(a, spec) for a in self.c) + ')'
    def __call__(self, i): return self.c[i] * 10
    def __and__(self, o): return 'and'
    def __or__(self, o): return 'or'
    def __xor__(self, o): return 'xor'
    def __lshift__(self, n): return Vec(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n): return self << -n
v, w = Vec(3, 4), Vec(1, 2)
print(v + w, v - w, v * 2, 3 * v, v @ w, v / 2, v // 2, v % 2, v ** 2, -v, +v, abs(v), ~v)
print(str(v), f'{v:.1f}', len(v), v[0], v[-1], v[::-1], list(v), 4 in v, 9 in v, bool(v), bool(Vec(0, 0)))
print(v == Vec(3, 4), v != w, v > w, v >= w, w <= v, sorted([v, w, Vec(0, 1)]), max(v, w), sum([v, w]))
print(hash(v) == hash(Vec(3, 4)), len({v, Vec(3, 4), w}), v(1), v & w, v | w, v ^ w, v << 1, v >> 1)
u = v; u += w; print(u, v, u is v)
try: v + 1
except TypeError as e: print(e)
try: 'a' - v
except TypeError as e: print(e)
class NoHash:
    def __eq__(self, o): return True
try: hash(NoHash())
except TypeError as e: print(e)
print(NoHash.__hash__)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * i
print(list(Seq()), 4 in Seq(), [x for x in Seq()], list(reversed([*Seq()])))
class Ctx:
    def __enter__(self): print('enter'); return 'resource'
    def __exit__(self, *exc): print('exit', exc[0].__name__ if exc[0] else None); return True
with Ctx() as res:
    print('inside', res)
    raise KeyError('suppressed')
print('after with')
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print('eq', self.v); return NotImplemented
    def __lt__(self, o): print('lt', self.v); return NotImplemented
    def __gt__(self, o): print('gt', self.v); return NotImplemented
a, b = Cmp(1), Cmp(2)
print(a == b)
try: a < b
except TypeError as e: print(e)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], bin(Idx()), 'abc'[:Idx()])
class Missing(dict):
    def __missing__(self, k): return k * 2
print(Missing(a=1)['a'], Missing()['zz'])
