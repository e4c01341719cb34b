# Properties, descriptors, __set_name__, __getattr__ / __getattribute__ / __setattr__.
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15: raise ValueError('too cold')
        self._c = v
    @celsius.deleter
    def celsius(self): print('deleting'); self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32, doc='F')
t = Temp(); t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.fahrenheit.__doc__, type(Temp.celsius).__name__)
try: t.celsius = -300
except ValueError as e: print(e)
try: t.fahrenheit = 5
except AttributeError as e: print(e)
del t.celsius; print(t.celsius)
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, int): raise TypeError(f'{self.name[1:]} must be int')
        setattr(obj, self.name, value)
class Rec:
    a = Typed()
    b = Typed()
r = Rec(); r.a = 5
print(r.a, r.b, type(Rec.a).__name__)
try: r.b = 'x'
except TypeError as e: print(e)
class NonData:
    def __get__(self, obj, objtype=None): return 'from descriptor'
class H:
    nd = NonData()
h = H(); print(h.nd); h.__dict__['nd'] = 'from instance'; print(h.nd)
class Dyn:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith('x'): return name.upper()
        raise AttributeError(f'no {name}')
    def __setattr__(self, name, value):
        print('setattr', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('delattr', name)
        super().__delattr__(name)
dy = Dyn()
print(dy.real, dy.xyz, getattr(dy, 'nope', 'default'), hasattr(dy, 'nope'))
del dy.real
class Logged:
    def __getattribute__(self, name):
        if name == 'secret': return 'intercepted'
        return object.__getattribute__(self, name)
lg = Logged(); lg.v = 3; print(lg.v, lg.secret)
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = Slotted()
print(s.a, hasattr(s, '__dict__'), Slotted.__slots__, type(Slotted.a).__name__)
try: s.c = 3
except AttributeError as e: print(e)
try: s.b
except AttributeError as e: print(e)
class Meth:
    def m(self): return 'm'
mm = Meth()
print(Meth.m(mm), mm.m.__self__ is mm, mm.m.__func__ is Meth.m, Meth.__dict__['m'].__get__(mm)())
import functools
class Lazy:
    calls = 0
    @functools.cached_property
    def value(self):
        Lazy.calls += 1
        return 42
lz = Lazy(); print(lz.value, lz.value, Lazy.calls, 'value' in lz.__dict__)
