# getattr/setattr/hasattr/delattr, isinstance/issubclass, callable, dir, vars, type, id-free checks,
# repr/ascii/str/format, hash equality, super, object, property, staticmethod, classmethod.
class Pt:
    """A point."""
    kind = 'point'
    def __init__(self, x, y): self.x, self.y = x, y
    def norm(self): return abs(self.x) + abs(self.y)
    def __repr__(self): return f'Pt({self.x}, {self.y})'
p = Pt(3, -4)
print(getattr(p, 'x'), getattr(p, 'z', 'none'), hasattr(p, 'norm'), hasattr(p, 'nope'))
setattr(p, 'z', 9); print(p.z, vars(p)); delattr(p, 'z'); print(vars(p))
try:
    getattr(p, 'missing')
except AttributeError as e:
    print(e)
print(callable(p), callable(Pt), callable(p.norm), callable(len), callable(5), callable(lambda: 0))
print([n for n in dir(p) if not n.startswith('_')], '__init__' in dir(Pt), sorted(vars(Pt).keys() & {'kind', 'norm'}))
print(type(p).__name__, type(3), type('s'), type(None), type(len).__name__, type(Pt.norm).__name__, type(p.norm).__name__)
print(isinstance(p, Pt), isinstance(3, (str, int)), isinstance(True, int), issubclass(Pt, object), isinstance(int, type))
print(repr('x\ny'), str(3.0), ascii('naïve'), ascii([1, 'ü']), repr(Pt(1, 2)), str(Pt(1, 2)), format(3.14159, '.2f'), format('x', '^5'))
print(hash(1) == hash(1.0) == hash(True), hash((1, 'a')) == hash((1, 'a')), hash(Pt) == hash(Pt), hash(frozenset([1])) == hash(frozenset([1])))
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print(e)
print(type(o).__name__, object.__name__, isinstance(o, object), dir(o) == dir(object))
print(Pt.__doc__, Pt.__name__, Pt.__module__, p.__class__.__name__, p.__dict__, sorted(Pt.__dict__)[:3])
ns = vars()
print('Pt' in ns, ns is globals())
try:
    vars(5)
except TypeError as e:
    print(e)
print(id(p) == id(p), p is p, isinstance(id(p), int))
print(globals()['Pt'] is Pt, 'p' in locals(), sorted(k for k in dir() if not k.startswith('_'))[:4])
class Wide:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(Wide()))
print(type('T', (), {'v': 1})().v, issubclass(type, object), isinstance(object, type), type(type) is type)
print(getattr(str, 'upper')('abc'), getattr([], '__len__')(), Pt.norm(p), setattr(Pt, 'kind', 'changed'), Pt.kind)
