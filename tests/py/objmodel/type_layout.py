# The layout members a class reports, in words (object is two words on every platform).
import sys
W = object.__basicsize__ // 2
def words(n):
    return n if n in (0, -1) else n // W
class F: pass
class G(F): pass
class SL:
    __slots__ = ('a', 'b')
class SD:
    __slots__ = ('a', '__dict__')
class SW:
    __slots__ = ('a', '__weakref__')
class SLF(F):
    __slots__ = ('x',)
class E:
    __slots__ = ()
class FI(int): pass
class FT(tuple): pass
class Both(E, F): pass
class Exc(Exception): pass
def fn(): pass
class FnSub: pass
for T in (object, int, list, tuple, F, G, SL, SD, SW, SLF, E, FI, FT, Both, Exc):
    print(T.__name__, hex(T.__flags__), words(T.__basicsize__), T.__itemsize__ != 0,
          words(T.__dictoffset__), words(T.__weakrefoffset__))
for o in (object(), F(), G(), SL(), SD(), SW(), SLF(), E(), Both()):
    print(type(o).__name__, words(o.__sizeof__()), words(sys.getsizeof(o)))
print(words(FI(5).__sizeof__() - FI.__itemsize__), words(int.__basicsize__))
print(words(sys.getsizeof(FI(5)) - sys.getsizeof(5)), words(sys.getsizeof(F()) - F().__sizeof__()))
print(type(type.__dict__['__basicsize__']).__name__, type(type.__dict__['__dictoffset__']).__name__)
import dataclasses
@dataclasses.dataclass(slots=True, weakref_slot=True)
class DC:
    x: int
print(DC.__dictoffset__, words(DC.__weakrefoffset__) > 0, DC.__slots__)
class A:
    def __init__(self):
        self.a = 1; self.b = 2; self.c = 3
a = A()
del a.b
a.d = 4
a.b = 5
print(vars(a), list(a.__dict__))
a2 = A(); a2.z = 0; del a2.a; a2.a = 9
print(a2.__dict__)
class B:
    pass
b = B()
for i in range(40): setattr(b, f'x{i}', i)
for i in range(0, 40, 3): delattr(b, f'x{i}')
b.x0 = 'again'
print(list(b.__dict__)[:5], list(b.__dict__)[-3:], len(b.__dict__))
c = A(); d = c.__dict__; c.e = 5; print(d, d is c.__dict__)
c.__dict__ = {'q': 1}; c.r = 2; print(vars(c))
class S:
    __slots__ = ('x', '__dict__')
s = S(); s.y = 1; s.x = 2; print(vars(s), s.x)
import copy, pickle
print(copy.copy(a).__dict__, pickle.loads(pickle.dumps(a)).__dict__)
print(a == copy.copy(a), a.__reduce_ex__(2)[2])
e = A(); e.__dict__.clear(); print(e.__dict__, hasattr(e, 'a'))
f = A(); f.__dict__['zz'] = 1; print(f.zz, list(vars(f)))
g = A(); g.__class__ = type('A2', (), {}); print(vars(g))

# The flags a subclass inherits decide pattern matching.
class L(list): pass
class D(dict): pass
class I(int): pass
class I2(I): pass
import collections.abc as cabc
class Seq(cabc.Sequence):
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i * 10
class Map(cabc.Mapping):
    def __len__(self): return 1
    def __getitem__(self, k): return 'v'
    def __iter__(self): return iter(['k'])
for T in (L, D, I, I2, Seq, Map):
    print(T.__name__, hex(T.__flags__ & ((1 << 5) | (1 << 6) | (1 << 22))))
for subject in (L([1, 2]), D(a=1), I(3), I2(4), Seq(), Map(), 'ab', b'ab'):
    match subject:
        case [x, y]: print('sequence', x, y)
        case {'a': v}: print('mapping a', v)
        case {'k': v}: print('mapping k', v)
        case I2(z): print('I2 self', z)
        case I(z): print('I self', z)
        case _: print('no match', type(subject).__name__)
