import re, warnings, operator, sys, abc
def t(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = f()
        for x in w: print('W', x.category.__name__, x.message)
        print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(r)))
    except BaseException as e:
        print(type(e).__name__, e)
t(lambda: 'a' * 2**63)
t(lambda: b'a' * 2**63)
t(lambda: [1] * -2)
t(lambda: (1).__add__('a'))
t(lambda: bytes(type('B', (), {'__bytes__': lambda s: 1})()))
t(lambda: bytes(type('B', (), {'__bytes__': lambda s: bytearray(b'x')})()))
class BS(bytes): pass
t(lambda: type(bytes(type('B', (), {'__bytes__': lambda s: BS(b'x')})())))
class SS(str): pass
t(lambda: type(str(SS('a'))))
t(lambda: type(repr(SS('a'))))
class SR(str):
    def __str__(self): return 'zz'
t(lambda: str(SR('a')))
t(lambda: '%s' % SR('a'))
t(lambda: f'{SR("a")}')
t(lambda: format(SR('a')))
t(lambda: isinstance(1, ()))
t(lambda: issubclass(int, ()))
t(lambda: isinstance(1, (int, (str, float))))
class BadInst(type):
    def __instancecheck__(cls, o): raise ValueError('boom')
class BI(metaclass=BadInst): pass
t(lambda: isinstance(1, BI))
t(lambda: isinstance(BI(), BI))
class NoBases:
    __bases__ = 1
t(lambda: issubclass(NoBases(), int))
class HasBases:
    @property
    def __bases__(self): return ()
t(lambda: issubclass(HasBases(), HasBases()))
class HC:
    __class__ = int
t(lambda: isinstance(HC(), int))
t(lambda: isinstance(HC(), HC))
t(lambda: operator.getitem({}, []))
t(lambda: {}.get([]))
t(lambda: hash([]))
t(lambda: hash(slice(1)) == hash(slice(1)))
t(lambda: {[]: 1})
t(lambda: [] in {})
t(lambda: [] in set())
class EqNI:
    def __eq__(self, o): return NotImplemented
t(lambda: EqNI() == EqNI())
t(lambda: EqNI() != 1)
class Sub(int):
    def __radd__(self, o): return 'radd'
    def __eq__(self, o): return 'eq'
t(lambda: 1 + Sub(2))
t(lambda: 1 == Sub(2))
t(lambda: 1 < EqNI())
class GA:
    def __getattr__(self, n): return n * 2
t(lambda: GA().xy)
class GA2:
    def __getattribute__(self, n): raise AttributeError('no ' + n)
    def __getattr__(self, n): return 'fallback ' + n
t(lambda: GA2().q)
class GA3:
    def __getattribute__(self, n): raise KeyError(n)
    def __getattr__(self, n): return 'fallback'
t(lambda: GA3().q)
t(lambda: getattr(GA3(), 'q', 5))
t(lambda: hasattr(GA3(), 'q'))
t(lambda: object.__getattribute__(1, 1))
t(lambda: object.__setattr__(1, 'real', 1))
t(lambda: object.__setattr__(int, 'x', 1))
t(lambda: object.__delattr__(int, 'x'))
t(lambda: type.__setattr__(int, 'x', 1))
class P:
    @property
    def x(self): return 1
t(lambda: setattr(P(), 'x', 2))
t(lambda: delattr(P(), 'x'))
class P2:
    x = property(lambda s: 1, doc='d')
    def __init__(self): pass
t(lambda: P2.x.__doc__)
class SL:
    __slots__ = ('a',)
t(lambda: SL().a)
t(lambda: delattr(SL(), 'a'))
t(lambda: setattr(SL(), 'b', 1))
t(lambda: SL().b)
t(lambda: (1).__class__.__name__)
t(lambda: object.__eq__(1, 1))
t(lambda: object.__ne__(1, 2))
t(lambda: object.__lt__(1, 2))
t(lambda: object.__hash__(1) == hash(1))
t(lambda: object.__repr__(1).startswith('<int object'))
t(lambda: object.__str__([1]))
t(lambda: object.__format__(1, ''))
t(lambda: object.__dir__(1)[:3])
t(lambda: sorted(object.__dir__(type('Q', (), {'a': 1})()))[-3:])
t(lambda: object.__reduce__(object()))
t(lambda: object.__reduce_ex__(object(), 4))
t(lambda: (2**100).__bool__())
t(lambda: iter(type('I', (), {'__iter__': lambda s: 1})()))
t(lambda: next(iter(type('I', (), {'__getitem__': lambda s, i: 1/0})())))
t(lambda: list(iter(lambda: 1/0, 1)))
t(lambda: iter(1, 2))
t(lambda: callable(1))
one = 1; t(lambda: one())
sa = 'a'; t(lambda: sa())
t(lambda: (lambda: 1)(1))
t(lambda: divmod(1, 0))
t(lambda: 1 % 0)
t(lambda: 1.0 // 0)
t(lambda: 2 ** -1)
t(lambda: pow(2, -1, 3))
t(lambda: pow(2, -1, 4))
t(lambda: pow(2.0, 2, 3))
t(lambda: round('a'))
t(lambda: round(1.5, 'a'))
t(lambda: abs(type('A', (), {'__abs__': lambda s: 'abs'})()))
t(lambda: operator.matmul([], []))
t(lambda: [] @ [])
t(lambda: operator.inv('a'))
t(lambda: operator.neg(None))
t(lambda: operator.truth([]))
t(lambda: operator.is_(1, 1))
t(lambda: operator.countOf([1, 1, 2], 1))
t(lambda: operator.contains(1, 1))
t(lambda: operator.setitem((), 0, 1))
t(lambda: operator.delitem((), 0))
t(lambda: operator.delitem('a', 0))
t(lambda: operator.setitem('a', 0, 'b'))
t(lambda: operator.getitem(1, 0))

for T in (object, type, complex, bool, range, property, BaseException, super, zip, map):
    print(T.__name__, list(T.__dict__))
class Ord:
    def __repr__(self): pass
    def __hash__(self): pass
    def b(self): pass
    def __getattribute__(self, n): pass
    x = 1
print(list(Ord.__dict__))
