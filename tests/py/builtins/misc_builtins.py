# Remaining builtins: iter with sentinel, aiter/anext presence, breakpoint absent use, compile, exec, eval,
# globals/locals, hash, help-free, isinstance with unions, issubclass, memoryview, object, open, property,
# frozenset, bytearray, staticmethod, classmethod, super, __import__, zip, enumerate, filter, map.
import builtins
names = [n for n in dir(builtins) if not n.startswith('_') and n[0].islower()]
print(len(names) > 60, 'print' in names, 'aiter' in names, 'anext' in names)
print(isinstance(3, int | str), isinstance('s', int | None), issubclass(bool, int | float), int | str)
class Temperature:
    scale = 'C'
    @staticmethod
    def convert(c): return c * 9 / 5 + 32
    @classmethod
    def create(cls): return cls()
    @property
    def label(self): return 'temp in ' + self.scale
t = Temperature.create()
print(Temperature.convert(100), t.convert(0), t.label, type(t).__name__)
print(frozenset('aab') == frozenset('ab'), bytearray(3), bytearray('hi', 'ascii'), memoryview(b'abc')[1:].tobytes())
print(__import__('math').sqrt(16), __import__('os.path').path.basename('/a/b'), __import__('collections.abc', fromlist=['x']).__name__)
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(enumerate('xy')), list(filter(lambda v: v > 1, map(len, ['a', 'bb', 'ccc']))))
print(eval('1 + 2'), exec('v = 1') or 'exec returns None', compile('pass', 'f', 'exec').co_filename)
print(type(globals()).__name__, type(locals()).__name__, 'names' in globals())
print(hash(42) == 42, hash(-1) == -2, hash(0.5) == hash(0.5), hash(None) == hash(None))
print(max.__name__, len.__module__, builtins.abs.__qualname__, repr(len), type(print).__name__)
print(isinstance(NotImplemented, type(NotImplemented)), Ellipsis, ... is Ellipsis, bool.__mro__)
class Base:
    def hello(self): return 'base hello'
class Child(Base):
    def hello(self): return 'child + ' + super().hello()
print(Child().hello(), super(Child, Child()).hello())
print(getattr(builtins, 'True', 'no attribute True'), builtins.__name__, type(builtins.__dict__).__name__)
print(issubclass(Child, Base), issubclass(Child, (int, Base)), isinstance(Child(), Base))
print(round(2.675, 2), pow(10, -2), divmod(-7, 2), abs(-0.0), bool([]) or 'falsy list')
print(sorted(set([3, 1, 2])), sorted(frozenset([9, 8])), list(reversed(sorted('cab'))))
print(min(3, 1, key=lambda v: -v), max('aBc', key=str.lower), sum([0.5, 0.25], 0.25))
