# dataclasses and enum.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, KW_ONLY
import enum
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    qty: int = field(default=1, repr=False)
    def total(self): return self.price * self.qty
i = Item('pen', 1.5, qty=4)
print(i, i.total(), i == Item('pen', 1.5, [], 4), asdict(i), astuple(i), replace(i, name='ink'))
print([f.name for f in fields(Item)], Item.__match_args__, Item.__dataclass_fields__['qty'].repr)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(2), Version(1, 5), Version(1, 2)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try: Version(1).major = 2
except FrozenInstanceError as e: print('FrozenInstanceError', e)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    _: KW_ONLY
    c: int = 3
    def __post_init__(self): self.b = self.a * 10
print(WithPost(1), WithPost(2, c=5))
@dataclass(slots=True)
class Slim:
    x: int
print(Slim(1), Slim.__slots__, hasattr(Slim(1), '__dict__'))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try: Item()
except TypeError as e: print(e)
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.__members__.keys(), Color.RED in Color, isinstance(Color.RED, Color))
try: Color(7)
except ValueError as e: print(e)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, int(rw), rw & Perm.W, ~Perm.R, Perm(7), list(rw))
class Shape(enum.IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.CIRCLE == 1, Shape.SQUARE + 1, sorted([Shape.SQUARE, Shape.CIRCLE]), f'{Shape.SQUARE}', str(Shape.SQUARE))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
    def describe(self): return f'{self.name}={self.value}'
print([a.describe() for a in Auto], Auto.B.value)
class S(enum.StrEnum):
    UP = enum.auto()
    DOWN = 'down!'
print(S.UP, S.DOWN, S.UP == 'up', S.UP.upper())
@enum.unique
class Ok(enum.Enum):
    X = 1
try:
    @enum.unique
    class Dup(enum.Enum):
        X = 1
        Y = 1
except ValueError as e: print(e)
class F(enum.Flag):
    A = enum.auto()
    B = enum.auto()
    C = enum.auto()
print(F.A | F.C, F(0), bool(F(0)), (F.A | F.B).name, list(F), F.A.value, F.C.value)
