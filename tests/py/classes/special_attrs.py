# Class-level special behaviour: __class_getitem__, __init_subclass__ chains, __set_name__ order,
# __getattr__ on modules-like classes, __eq__/__hash__ interplay, __bool__/__len__, __contains__ fallbacks.
class Registry:
    plugins = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins.append(cls.__name__)
class A(Registry): pass
class B(A): pass
print(Registry.plugins)
class Field:
    def __init__(self): self.name = None
    def __set_name__(self, owner, name):
        print('set_name', name)
        self.name = name
class Form:
    first = Field()
    second = Field()
    third = Field()
print(Form.first.name, Form.third.name)
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly.__hash__ is None, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly(1) in [EqOnly(1)])
class HashEq(EqOnly):
    __hash__ = lambda self: hash(self.v)
print(len({HashEq(1), HashEq(1), HashEq(2)}))
class Iterable:
    def __iter__(self): return iter([1, 2, 3])
print(2 in Iterable(), 5 in Iterable(), list(Iterable()), sum(Iterable()), sorted(Iterable(), reverse=True))
class ReprStr:
    def __repr__(self): return 'R'
print(str(ReprStr()), f'{ReprStr()}', [ReprStr()], '%s %r' % (ReprStr(), ReprStr()))
class StrOnly:
    def __str__(self): return 'S'
print(str(StrOnly()), repr(StrOnly()).startswith('<__main__.StrOnly object at '))
class Attrs:
    x = 1
    def __init__(self): self.y = 2
a = Attrs()
print(a.__dict__, 'x' in Attrs.__dict__, Attrs.__name__, Attrs.__qualname__, Attrs.__module__, type(Attrs.__dict__).__name__)
try:
    Attrs.__dict__['z'] = 1
except TypeError as e:
    print(e)
Attrs.z = 3; print(a.z)
del Attrs.x
print(hasattr(a, 'x'))
class WithDoc:
    'the doc'
print(WithDoc.__doc__, Attrs.__doc__)
class Init:
    def __new__(cls, *a):
        print('__new__', a)
        return super().__new__(cls)
    def __init__(self, *a): print('__init__', a)
Init(1, 2)
class Other:
    def __new__(cls): return 42
print(Other())
class Callable:
    def __call__(self, *a, **k): return a, k
print(Callable()(1, x=2), callable(Callable()), callable(Callable))
class Length:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
print(len(Length()), list(reversed(Length())), bool(Length()), Length()[1])
print(type(a).__mro__, Attrs.__bases__, object.__subclasshook__() if False else 'hook', isinstance(a, Attrs))
