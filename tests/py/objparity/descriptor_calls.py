# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
# descriptors with wrong instances
class C:
    __slots__ = ('x',)
    @property
    def p(self): return 1
    def m(self): return 2
c = C()
for src in ["type.__dict__['__name__'].__get__(1)", "type.__dict__['__name__'].__get__(None, int)",
            "type.__dict__['__name__'].__get__(None, None)", "type.__dict__['__name__'].__get__()",
            "type.__dict__['__name__'].__set__(1, 'x')", "type.__dict__['__name__'].__set__(int, 'x')",
            "type.__dict__['__name__'].__delete__(int)", "type.__dict__['__doc__'].__get__(1)",
            "C.__dict__['x'].__get__(1)", "C.__dict__['x'].__get__(c)", "C.__dict__['x'].__set__(1, 2)",
            "C.__dict__['x'].__delete__(c)", "C.__dict__['x'].__get__(None, C)", "C.__dict__['x'].__get__(None)",
            "C.__dict__['x'].__get__(None, None)", "C.__dict__['p'].__get__(1)", "C.__dict__['p'].__set__(c, 1)",
            "C.__dict__['p'].__delete__(c)", "C.__dict__['p'].__get__(None, C)", "C.__dict__['p'].__get__(None, None)",
            "C.__dict__['m'].__get__(None)", "C.__dict__['m'].__get__(None, None)", "C.__dict__['m'].__get__(1)",
            "list.__dict__['append'].__get__(1)", "list.__dict__['append'].__get__(None, list)",
            "list.__dict__['append'].__get__(None, None)", "list.__dict__['append'].__get__(None, int)",
            "list.append(1, 2)", "list.append()", "list.append([])", "list.append([], 1, 2)",
            "int.__dict__['__add__'].__get__('x')", "int.__dict__['__add__'].__get__(None, int)",
            "int.__dict__['__add__'].__get__(None, str)", "int.__add__(1, 'x')", "int.__add__('x', 1)",
            "int.__add__(1)", "int.__add__(1, 2, 3)", "int.__add__(True, 1)", "int.__neg__(1, 2)",
            "float.__add__(1, 2.0)", "str.__add__('a', 1)", "str.__len__(1)", "list.__init__(1)",
            "list.__init__([], 1, 2)", "list.__init__([], x=1)", "list.__init__([1, 2], 'ab')",
            "dict.__init__({}, 1)", "dict.__init__({}, [1])", "dict.__init__({}, [(1,)])", "dict.__init__(1)",
            "object.__new__(int)", "object.__new__(1)", "object.__new__()", "object.__new__(list)",
            "object.__new__(object, 1)", "object.__init__(object(), 1)", "object.__new__(type)",
            "int.__new__(str)", "int.__new__(bool, 1)", "int.__new__(int, 'x', 10)", "int.__new__(1)",
            "str.__new__(int)", "tuple.__new__(list)", "list.__new__(tuple)", "dict.__new__(list)",
            "type.__call__(int, '5')", "type.__call__(1)", "type.__call__(int)", "type.__call__()",
            "type.__new__(type)", "type.__new__(type, 'X')", "type.__new__(type, 'X', (), 1)",
            "type.__new__(type, 'X', 1, {})", "type.__new__(type, 1, (), {})", "type.__new__(int, 'X', (), {})",
            "type('X', (1,), {})", "type('X', (bool,), {})", "type('X', (int, str), {})", "type(1, 2)",
            "type(1, 2, 3, 4)", "type.__init__(int, 1, 2)", "type.__init__(int, 1, 2, 3, 4)",
            "type.mro(1)", "type.mro(int)", "type.__subclasses__(1)", "type.__instancecheck__(int, 1)",
            "type.__subclasscheck__(int, 1)", "type.__prepare__()", "type.__prepare__(1, 2, a=3)",
            "object.__eq__(1, 1)", "object.__eq__(1, 2)", "object.__ne__(1, 1)", "object.__lt__(1, 2)",
            "object.__hash__(1) == hash(1)", "object.__repr__(1)[:13]", "object.__str__(1)",
            "object.__setattr__(1, 'x', 1)", "object.__setattr__(int, 'x', 1)", "object.__delattr__(1, 'x')",
            "object.__getattribute__(1, 'real')", "object.__getattribute__(1, 1)",
            "object.__setattr__(c, 1, 1)", "object.__format__(1, '')", "object.__format__(1, 'd')",
            "object.__init_subclass__()", "object.__subclasshook__()", "object.__dir__(1)[:3]",
            "object.__class__.__get__(1)", "object.__dict__['__class__'].__set__(1, str)",
            "super(int, 1).__repr__()", "super()", "super(1)", "super(int, 'a')",
            "super(int, str)", "super(int, int).__new__", "super(int, 1).real", "super(int, 1).__class__",
            "super(int, 1).__self_class__", "super(bool, True).__thisclass__", "super(bool).__get__(True)",
            "super(int, 1, 2)", "super(x=1)", "super(int, None)", "super(object, 1).__init__()",
            "property(1).__get__(1)", "property(None, 1).__set__(1, 2)", "property().__get__(1)",
            "property().__set__(1, 2)", "property().__delete__(1)", "property(fget=1, fset=2, fdel=3, doc=4).__doc__",
            "property(x=1)", "property(1, 2, 3, 4, 5)", "property().getter(1).fget", "property().__name__",
            "property(len).__name__", "property(len).__isabstractmethod__", "classmethod(1).__get__(1)",
            "classmethod(1).__func__", "classmethod()", "classmethod(1, 2)", "classmethod(len).__get__(None, int)",
            "classmethod(len).__get__(None, None)", "staticmethod(1)()", "staticmethod(len)('ab')",
            "staticmethod()", "staticmethod(len).__get__(None)", "staticmethod(len).__name__",
            "staticmethod(len).__wrapped__", "classmethod(len).__wrapped__", "classmethod(len).__isabstractmethod__"]:
    p(src)
