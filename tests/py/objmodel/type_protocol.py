import re, warnings, abc, sys, types
def t(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = f()
        for x in w: print('W', x.category.__name__, x.message)
        print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(r)))
    except BaseException as e:
        print(type(e).__name__, e)
class A(abc.ABC):
    @abc.abstractmethod
    def b(self): pass
    @abc.abstractmethod
    def a(self): pass
t(lambda: A())
class A1(abc.ABC):
    @abc.abstractmethod
    def a(self): pass
t(lambda: A1())
t(lambda: type('X', (), {}, 1))
t(lambda: type('X'))
t(lambda: type('X', ()))
t(lambda: type(1, (), {}))
t(lambda: type('X', 1, {}))
t(lambda: type('X', (), 1))
t(lambda: type('X', (1,), {}))
t(lambda: type('X', (bool,), {}))
t(lambda: type('X', (int, str), {}))
t(lambda: type('X', (), {'__slots__': 1}))
t(lambda: type('X', (), {'__slots__': [1]}))
t(lambda: type('X', (), {'__slots__': ['a b']}))
t(lambda: type('X', (), {'__slots__': ['__dict__', '__dict__']}))
t(lambda: type('X', (), {'__slots__': ['__weakref__', '__weakref__']}))
t(lambda: type('X', (), {'__slots__': ['a'], 'a': 1}))
t(lambda: type('X', (int,), {'__slots__': ['a']}))
t(lambda: type('X', (int,), {'__slots__': ['__weakref__']}))
t(lambda: type('X', (int,), {'__slots__': ['__dict__']}))
t(lambda: type('X', (), {'__slots__': ['a', 'a']}))
t(lambda: type('X', (), {'__slots__': '__dict__'}).__dictoffset__ != 0)
class D: pass
t(lambda: type('X', (D,), {'__slots__': ['__dict__']}))
t(lambda: type('X', (), {'__qualname__': 1}))
t(lambda: type('X\0', (), {}))
t(lambda: type('X\ud800', (), {}))
def setn(c, n, v): setattr(c, n, v); return getattr(c, n)
t(lambda: setn(D, '__name__', 1))
t(lambda: setn(D, '__name__', 'a\0b'))
t(lambda: setn(D, '__name__', 'E'))
t(lambda: setn(D, '__qualname__', 1))
t(lambda: setn(D, '__qualname__', 'Q.R'))
t(lambda: setn(int, '__name__', 'x'))
t(lambda: setn(int, '__qualname__', 'x'))
t(lambda: setn(D, '__module__', 3))
t(lambda: setn(int, '__module__', 'x'))
t(lambda: delattr(D, '__name__'))
t(lambda: delattr(D, '__qualname__'))
t(lambda: delattr(D, '__module__'))
t(lambda: setn(D, '__doc__', 'x'))
t(lambda: setn(int, '__doc__', 'x'))
t(lambda: setn(D, '__bases__', ()))
t(lambda: setn(D, '__bases__', (int,)))
t(lambda: setn(D, '__bases__', 1))
t(lambda: setn(D, '__bases__', (1,)))
t(lambda: delattr(D, '__bases__'))
t(lambda: setn(int, '__bases__', (object,)))
t(lambda: setn(D, '__mro__', ()))
t(lambda: setn(D, '__abstractmethods__', {'x'}))
t(lambda: D.__abstractmethods__)
t(lambda: D())
t(lambda: delattr(D, '__abstractmethods__'))
t(lambda: delattr(D, '__abstractmethods__'))
t(lambda: type.__abstractmethods__)
class M(type):
    def mro(cls): return [cls, int, object]
t(lambda: M('Y', (), {}).__mro__)
class M2(type):
    def mro(cls): return 1
t(lambda: M2('Y', (), {}))
class M3(type):
    def mro(cls): return [1]
t(lambda: M3('Y', (), {}))
class M4(type):
    def mro(cls): return [cls, int]
t(lambda: M4('Y', (), {}).__mro__)
class M5(type):
    def mro(cls): return [int]
t(lambda: M5('Y', (), {}).__mro__)
class ME:
    def __mro_entries__(self, bases): return (int,)
class Z(ME()): pass
t(lambda: (Z.__bases__, Z.__orig_bases__))
t(lambda: type('Z2', (ME(),), {}))
class ME2:
    def __mro_entries__(self, bases): return 1
def mk():
    class Z3(ME2()): pass
t(mk)
t(lambda: types.resolve_bases((ME(), 1)))
t(lambda: int | str)
t(lambda: int | 1)
t(lambda: 1 | int)
t(lambda: int | None)
t(lambda: D | 'x')
t(lambda: int.__type_params__)
t(lambda: D.__type_params__)
t(lambda: setn(D, '__type_params__', 1))
t(lambda: setn(int, '__type_params__', ()))
t(lambda: delattr(D, '__type_params__'))
t(lambda: int.__annotations__)
t(lambda: type.__annotations__)
t(lambda: D.__annotations__)
t(lambda: setn(int, '__annotations__', {}))
t(lambda: int.__annotate__)
t(lambda: D.__annotate__)
t(lambda: setn(D, '__annotate__', 1))
t(lambda: int.__dict__['__doc__'][:10])
t(lambda: type.__dict__['__annotations__'])
t(lambda: object.__subclasshook__())
t(lambda: type.__prepare__('x', ()))
t(lambda: type.__prepare__())
t(lambda: type.__instancecheck__(int, 1))
t(lambda: type.__subclasscheck__(int, bool))
t(lambda: type.__subclasses__(1))
t(lambda: type.mro(1))
t(lambda: type.__call__(int))
t(lambda: type.__new__(1))
t(lambda: type.__new__(int, 'x', (), {}))
t(lambda: type.__new__(type, 'x', (), {}))
t(lambda: type.__init__(D, 1, 2, 3, 4))
t(lambda: type.__init__(D, 1))
t(lambda: type.__init__(D, 1, 2, 3, x=1))
t(lambda: object.__new__(1))
t(lambda: object.__new__(int))
t(lambda: object.__new__(D, 1))
t(lambda: object.__init__(D(), 1))
t(lambda: D(1))
class NI:
    def __init__(self): pass
t(lambda: NI(1))
class NN:
    def __new__(cls): return object.__new__(cls)
t(lambda: NN(1))
t(lambda: object.__new__(NI, 1))
t(lambda: object.__init__(NN(), 1))
t(lambda: int.__new__(str))
t(lambda: int.__new__(bool))
t(lambda: type('X', (), {'__classcell__': 1}))
class IN:
    def __init__(self): return 1
t(lambda: IN())
t(lambda: super())
t(lambda: super(1))
t(lambda: super(int, 'a'))
t(lambda: super(D, D()).x)
t(lambda: super(D, D()).__class__)
t(lambda: repr(super(D, D())))
t(lambda: repr(super(D)))
t(lambda: super(D).__get__(D()).__self_class__)
t(lambda: D.__subclasses__())
t(lambda: type.__dict__['__dict__'].__get__(D)['__module__'])
t(lambda: D.__dict__.__class__)
t(lambda: sorted(D.__dict__))
t(lambda: sorted(object.__dict__)[:5])
t(lambda: type.__sizeof__(D) > 0)
t(lambda: sys.getsizeof(D) > 0)
t(lambda: setn(D, '__dict__', {}))
t(lambda: setn(D(), '__dict__', 1))
t(lambda: setn(D(), '__dict__', {'a': 1}))
t(lambda: delattr(D(), '__dict__'))
o = D(); del o.__dict__; t(lambda: o.__dict__)
t(lambda: D.__weakref__)
t(lambda: setn(D(), '__weakref__', 1))
class DS(dict): pass
t(lambda: setn(DS(), '__dict__', {'q': 2}))
t(lambda: type.__dict__['__name__'].__set__(int, 'x'))
t(lambda: type.__text_signature__)
t(lambda: D.__text_signature__)
t(lambda: D.__doc__)
class DD:
    'doc'
t(lambda: DD.__doc__)
t(lambda: type('X', (), {'__doc__': 1}).__doc__)
class Q:
    class R: pass
t(lambda: Q.R.__qualname__)
t(lambda: type('X', (), {'__qualname__': 'a.b'}).__qualname__)
t(lambda: type('X', (), {'__module__': 1}).__module__)
t(lambda: type('X', (), {}).__module__)
t(lambda: type('X', (), {'__firstlineno__': 1}).__firstlineno__)
t(lambda: type('X', (), {}).__static_attributes__)
t(lambda: Q.__static_attributes__)
t(lambda: Q.__firstlineno__)
t(lambda: int.__firstlineno__)
class C:
    __slots__ = ('__x', 'b', '__dict__')
    def __init__(self): self.__x = 1
    def get(self): return self.__x
c = C()
print(c.get(), sorted(k for k in C.__dict__ if not k.startswith('__')), C.__slots__)
class _P:
    __slots__ = ('__y',)
print([k for k in _P.__dict__ if 'y' in k])
class Q:
    __slots__ = ('__z__',)
print([k for k in Q.__dict__ if 'z' in k])
try:
    class R:
        __slots__ = ('__x',)
        _R__x = 1
except Exception as e: print(type(e).__name__, e)
class W:
    pass
try:
    class W2(W):
        __slots__ = ('__weakref__',)
except Exception as e: print(type(e).__name__, e)
try:
    class W3(W):
        __slots__ = ('__dict__',)
except Exception as e: print(type(e).__name__, e)
class T(tuple):
    __slots__ = ()
print(T.__dictoffset__, T.__weakrefoffset__)
try:
    class T2(tuple):
        __slots__ = ('__weakref__',)
except Exception as e: print(type(e).__name__, e)
import weakref
class FI(int): pass
try: weakref.ref(FI(1))
except Exception as e: print(type(e).__name__, e)
print(FI(3).__dict__)
