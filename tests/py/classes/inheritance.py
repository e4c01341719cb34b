# Inheritance, MRO, super(), class and static methods, isinstance/issubclass.
class A:
    greeting = 'A'
    def __init__(self, x):
        self.x = x
    def who(self):
        return 'A'
    def chain(self):
        return ['A']
    @classmethod
    def make(cls, x):
        return cls(x)
    @staticmethod
    def util(v):
        return v * 2
class B(A):
    def who(self):
        return 'B>' + super().who()
    def chain(self):
        return ['B'] + super().chain()
class C(A):
    greeting = 'C'
    def chain(self):
        return ['C'] + super().chain()
class D(B, C):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def chain(self):
        return ['D'] + super().chain()
d = D(1, 2)
print([k.__name__ for k in D.__mro__], d.chain(), d.who(), d.greeting, d.x, d.y)
print(D.make.__self__ is D, type(B.make(5)).__name__, A.util(4), d.util(5), D.__bases__, D.__base__)
print(isinstance(d, A), isinstance(d, (int, C)), issubclass(D, B), issubclass(bool, int), issubclass(A, object), issubclass(D, (str, C)))
print(super(B, d).who(), super(C, d).chain(), D.mro() == list(D.__mro__))
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(e)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        print('init_subclass', cls.__name__, tag)
class Sub(Base, tag='first'): pass
class Sub2(Sub): pass
print(Sub.tag, Sub2.tag, Base.__subclasses__(), type(Sub).__name__)
class Shape:
    def area(self): raise NotImplementedError
    def describe(self): return f'{type(self).__name__} with area {self.area()}'
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print('NotImplementedError', repr(e))
import abc
class Abstract(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
try:
    Abstract()
except TypeError as e:
    print(e)
class Concrete(Abstract):
    def run(self): return 'running'
print(Concrete().run(), isinstance(Concrete(), Abstract))
class Parent:
    def __init__(self): self.log = ['Parent']
class Child(Parent):
    def __init__(self):
        super().__init__()
        self.log.append('Child')
print(Child().log, Child.__qualname__, Child.__module__, Child.__name__)
print(type(d) is D, type(type), type(object), object.__bases__, type.__mro__)
