import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7

class Open(IntFlag):
    RDONLY = 0
    WRONLY = 1
    RDWR = 2
    CREAT = 64
    TRUNC = 512

class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = auto()

class Prio(IntEnum):
    LOW = 10
    HIGH = 20

print(list(Color), Color.CRIMSON, Color(1), Color["GREEN"], repr(Color.BLUE))
print(Color.__members__.keys())
print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), Perm(7), repr(Perm(0)), list(Perm.RWX))
print(Perm.R in Perm.RWX, ~Perm.R, repr(~Perm.RWX), bool(Perm(0)))
print(repr(Open.WRONLY | Open.CREAT), Open.WRONLY | Open.CREAT, int(Open.RDWR | Open.TRUNC))
print(repr(Open(1 | 1024)), Open(1|1024))
print(repr(Shape.CIRCLE), Shape.SQUARE, Shape.SQUARE == "square", f"{Shape.CIRCLE}")
print(Prio.LOW < Prio.HIGH, Prio.HIGH + 1, repr(Prio(20)), f"{Prio.LOW}", format(Prio.LOW, "5d"))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(CONTINUOUS)
    class Gap(IntEnum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(NAMED_FLAGS)
    class Bad(Flag):
        A = 1
        B = 2
        ABD = 11
except ValueError as e:
    print("ValueError:", e)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p, p.value, round(p.surface_gravity, 3))

class Ordered(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() * 2
    A = auto()
    B = auto()
print(list(Ordered), Ordered.A.value)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
W = IntFlag("W", [("A", 1), ("B", 2)])
print(repr(W.A | W.B), W(3).name)
print(Perm.R.name, (Perm.R | Perm.X).name, Perm(0).name)
print(len(Perm), len(Perm.RWX), Perm.RWX.value)
print(dir(Color.RED)[:8])
class Status(Enum):
    ACTIVE = 1
    @classmethod
    def _missing_(cls, value):
        if value == "on":
            return cls.ACTIVE
        return None
print(Status("on"))
try:
    Status("off")
except ValueError as e:
    print(e)
print(enum.Flag.__doc__ is not None, Color.RED.__class__.__name__)
print(hash(Color.RED) == hash("RED") , Color.RED is Color(1))
import pickle
print(pickle.loads(pickle.dumps(Perm.R | Perm.W)), pickle.loads(pickle.dumps(Shape.CIRCLE)))
class Mixed(float, Enum):
    HALF = 0.5
    QUARTER = 0.25
print(repr(Mixed.HALF), Mixed.HALF * 2, f"{Mixed.QUARTER.value:.3f}")
