# enum: methods, _missing_, aliases, iteration, Flag boundaries, member attributes, pickling-free checks.
import enum
class Planet(enum.Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
    @property
    def density_rank(self): return 'dense' if self.mass / self.radius > 1e17 else 'light'
print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, Planet.MERCURY.density_rank, Planet.EARTH.density_rank)
class Status(enum.Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Status('ACTIVE'), Status('Inactive'))
try:
    Status('unknown')
except ValueError as e:
    print(e)
class Dir(enum.Enum):
    N = 0
    E = 90
    NORTH = 0
    def turn(self): return Dir((self.value + 90) % 180)
print(list(Dir), Dir.NORTH, Dir['NORTH'], Dir.N.turn(), [m for m in Dir.__members__], Dir.NORTH is Dir.N)
class Weekday(enum.IntEnum):
    MON = 1
    TUE = 2
print(Weekday.MON < Weekday.TUE, Weekday(2), Weekday.MON + 10, [int(d) for d in Weekday], Weekday.TUE.name.lower())
class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(Perm.RWX, list(Perm.RWX), Perm.R | Perm.X, Perm(6), ~Perm.W, Perm(0), bool(Perm.R & Perm.W), Perm.RWX.value)
try:
    Perm(8)
except ValueError as e:
    print(e)
class Strict(enum.Flag, boundary=enum.KEEP):
    A = 1
    B = 2
print(Strict(7), Strict(7).value)
class Ordered(enum.Enum):
    def __lt__(self, other): return self.value < other.value
    LOW = 1
    HIGH = 3
    MID = 2
print(sorted(Ordered), max(Ordered))
try:
    Status.ACTIVE = 'x'
except AttributeError as e:
    print(e)
try:
    class Extend(Status):
        EXTRA = 'x'
except TypeError as e:
    print(e)
Animal = enum.Enum('Animal', 'CAT DOG')
print(Animal.CAT, Animal.DOG.value, list(Animal), type(Animal.CAT).__name__)
print(enum.Enum.__name__, isinstance(Status.ACTIVE, enum.Enum), Status.ACTIVE in Status, 'active' in Status, hash(Status.ACTIVE) == hash(Status.ACTIVE))
print(f'{Status.ACTIVE}', f'{Weekday.MON}', format(Weekday.MON, 'd'), repr(Perm.R | Perm.W), str(Perm.R | Perm.W))
