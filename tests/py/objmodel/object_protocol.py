def t(f):
    try:
        r = f()
        import re
        print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(r)))
    except BaseException as e:
        print(type(e).__name__, e)

class S(str):
    def __repr__(self): return 'S<é\u20ac>'
t(lambda: ascii(S('x')))
t(lambda: ascii(['é', 'x\ud800', {'\U0001f600': b'\xff'}]))
t(lambda: ascii('\ud800\udc00'))
t(lambda: ascii(('\x7f', '\x80', '\u0100')))
class R:
    def __repr__(self): return 1
t(lambda: repr(R()))
t(lambda: ascii(R()))
t(lambda: str(R()))
class R2:
    def __str__(self): return 1
t(lambda: str(R2()))
t(lambda: format(R2()))
class R3:
    def __repr__(self): return S('abc')
t(lambda: type(repr(R3())))
t(lambda: repr(R3()))
class R4:
    def __str__(self): return S('abc')
t(lambda: type(str(R4())))
# recursion
l = [1]; l.append(l); t(lambda: repr(l))
d = {}; d[1] = d; t(lambda: repr(d))
from collections import deque, OrderedDict, defaultdict
q = deque(); q.append(q); t(lambda: repr(q))
o = OrderedDict(); o['a'] = o; t(lambda: repr(o))
dd = defaultdict(list); dd[1] = dd; t(lambda: repr(dd))
s = set(); 
import reprlib
class U2:
    @reprlib.recursive_repr()
    def __repr__(self): return f'U2({self.x!r})'
u = U2(); u.x = u; t(lambda: repr(u))
t(lambda: repr(d.keys()))
d2 = {}; d2[1] = d2.values(); t(lambda: repr(d2))
# dir
class D:
    def __dir__(self): return 3
t(lambda: dir(D()))
class D2:
    def __dir__(self): return ('b', 'a')
t(lambda: dir(D2()))
class D3:
    __dir__ = None
t(lambda: dir(D3()))
t(lambda: dir(1, 2))
import types
m = types.ModuleType('m'); m.__dict__['__dict__'] = 5
t(lambda: dir(m))
m2 = types.ModuleType('m2'); 
t(lambda: dir(m2))
class M(type):
    def __dir__(cls): return ['z']
class C(metaclass=M): pass
t(lambda: dir(C))
# format
t(lambda: format(object(), 'x'))
t(lambda: format(object(), ''))
t(lambda: object().__format__(1))
class F: pass
t(lambda: format(F(), '>10'))
t(lambda: format(F()))
t(lambda: object.__format__(F(), ''))
class F2:
    def __format__(self, spec): return 5
t(lambda: format(F2(), ''))
t(lambda: format(1, 3))
t(lambda: f'{F():x}')
# sizeof
t(lambda: object().__sizeof__() == object.__basicsize__)
t(lambda: F().__sizeof__() == F.__basicsize__)
class SL:
    __slots__ = ('a', 'b')
P = object.__basicsize__ // 2
t(lambda: SL().__sizeof__() == object.__basicsize__ + 2 * P)
import sys
class BS:
    def __sizeof__(self): return -1
t(lambda: sys.getsizeof(BS()))
class BS2:
    def __sizeof__(self): return 'x'
t(lambda: sys.getsizeof(BS2()))
class BS3:
    def __sizeof__(self): return 2**100
t(lambda: sys.getsizeof(BS3()))
t(lambda: sys.getsizeof(BS2(), 7))
# class assignment
class A: pass
class B: pass
a = A()
def ca(o, c):
    o.__class__ = c
    return type(o).__name__
t(lambda: ca(a, B))
t(lambda: ca(1, bool))
t(lambda: ca(a, int))
t(lambda: ca(a, 5))
t(lambda: ca([], tuple))
class SL2:
    __slots__ = ('a',)
class SL3:
    __slots__ = ('b',)
class SL4:
    __slots__ = ('a',)
t(lambda: ca(SL2(), SL3))
t(lambda: ca(SL2(), SL4))
t(lambda: ca(SL2(), A))
class L(list): pass
class L2(list): pass
t(lambda: ca(L(), L2))
t(lambda: ca(L(), list))
t(lambda: ca(types.ModuleType('q'), type('MT', (types.ModuleType,), {})))
def delc(o): del o.__class__
t(lambda: delc(A()))
# init_subclass
class I:
    def __init_subclass__(cls, **kw): print('isc', cls.__name__, kw)
class I2(I, x=1): pass
t(lambda: type('I3', (object,), {}, x=1))
t(lambda: types.new_class('I4', (), {'y': 2}))
class Base: pass
try:
    class X(Base, q=1): pass
except TypeError as e: print(e)
t(lambda: object.__init_subclass__(1))
# reduce_ex
t(lambda: object().__reduce_ex__(2))
t(lambda: object().__reduce_ex__(-1))
t(lambda: object().__reduce_ex__('x'))
t(lambda: A().__reduce_ex__(0))
t(lambda: A().__reduce_ex__(1))
t(lambda: A().__reduce_ex__(2)[1:])
t(lambda: (1).__reduce_ex__(0))
t(lambda: SL2().__reduce_ex__(2))
t(lambda: SL2().__reduce_ex__(1))
class NG:
    def __getstate__(self): return 5
t(lambda: NG().__reduce_ex__(2)[1:])
class NN:
    def __getnewargs__(self): return 5
t(lambda: NN().__reduce_ex__(2))
class NNE:
    def __getnewargs_ex__(self): return (1,)
t(lambda: NNE().__reduce_ex__(2))
class NNE2:
    def __getnewargs_ex__(self): return ((), 1)
t(lambda: NNE2().__reduce_ex__(2))
class NNE3:
    def __getnewargs_ex__(self): return (1, {})
t(lambda: NNE3().__reduce_ex__(2))
class NNE4:
    def __getnewargs_ex__(self): return ((1,), {'a': 1})
t(lambda: NNE4().__reduce_ex__(2)[1:])
t(lambda: NNE4().__reduce_ex__(4)[1:])
t(lambda: object().__getstate__())
t(lambda: A().__getstate__())
aa = A(); aa.x = 1
t(lambda: aa.__getstate__())
s2 = SL2(); s2.a = 3
t(lambda: s2.__getstate__())
t(lambda: (1).__getstate__())
t(lambda: [].__reduce_ex__(1))
class NoNew:
    def __reduce__(self): return 1
t(lambda: NoNew().__reduce_ex__(2))
t(lambda: object.__reduce__(1))
t(lambda: hash(type('H', (), {'__hash__': None})()))
t(lambda: bool(type('BB', (), {'__bool__': lambda s: 1})()))
t(lambda: bool(type('BB', (), {'__len__': lambda s: -1})()))
t(lambda: bool(type('BB', (), {'__len__': lambda s: 'a'})()))
t(lambda: hash(type('HH', (), {'__hash__': lambda s: 'a'})()))
t(lambda: hash(type('HH', (), {'__hash__': lambda s: 2**70})()) == hash(2**70))
t(lambda: 1 < 'a')
t(lambda: [] < ())
t(lambda: object() < object())
t(lambda: getattr(1, 2))
t(lambda: setattr(1, 'x', 2))
t(lambda: setattr(object(), 'x', 2))
t(lambda: delattr(A(), 'x'))
t(lambda: getattr(A(), 'x'))
t(lambda: setattr(int, 'x', 2))
t(lambda: delattr(int, 'x'))
t(lambda: setattr(A, 'x', 2))
t(lambda: delattr(A, 'y'))
