# dataclasses: inheritance, field options, __post_init__ with InitVar, kw_only, match_args, compare/hash rules.
from dataclasses import dataclass, field, InitVar, fields, is_dataclass, make_dataclass, asdict
@dataclass
class Base:
    x: int
    y: int = 0
@dataclass
class Child(Base):
    z: int = 5
    label: str = field(default='c', compare=False)
print(Child(1), Child(1, 2, 3) == Child(1, 2, 3, 'other'), [f.name for f in fields(Child)], is_dataclass(Child), is_dataclass(Child(1)))
@dataclass
class WithInit:
    value: int
    scale: InitVar[int] = 1
    scaled: int = field(init=False)
    def __post_init__(self, scale):
        self.scaled = self.value * scale
print(WithInit(3, 4), WithInit(2), [f.name for f in fields(WithInit)])
@dataclass(kw_only=True)
class Opts:
    a: int
    b: str = 'b'
print(Opts(a=1))
try:
    Opts(1)
except TypeError as e:
    print(e)
@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class Hashable:
    v: int
    w: list = field(default_factory=list, hash=False, compare=False)
print(hash(Hashable(1)) == hash(Hashable(1)), Hashable(1, [1]) == Hashable(1, [2]))
@dataclass
class Unhashable:
    v: int
print(Unhashable.__hash__)
Dyn = make_dataclass('Dyn', [('p', int), ('q', str, field(default='q'))], namespace={'both': lambda self: f'{self.p}{self.q}'})
print(Dyn(1), Dyn(2, 'x').both(), Dyn.__match_args__)
@dataclass(repr=False)
class NoRepr:
    a: int
print(repr(NoRepr(1)).startswith('<__main__.NoRepr object'))
@dataclass
class Tree:
    value: int
    children: list['Tree'] = field(default_factory=list)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(asdict(t))
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print(e)
match Child(7, 8):
    case Child(x, y, z):
        print('matched', x, y, z)
@dataclass(frozen=True)
class Frozen:
    a: int
    def with_a(self, a): return type(self)(a)
f = Frozen(1)
print(f, f.with_a(2), hash(f) == hash(Frozen(1)), {f: 'ok'}[Frozen(1)])
