"""Permissions and states with enum: Flag, IntFlag, IntEnum, StrEnum, auto, _missing_."""
import enum
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto, unique, verify, UNIQUE, CONTINUOUS


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    ALL = R | W | X


class Mode(IntFlag):
    OWNER_R = 0o400
    OWNER_W = 0o200
    OWNER_X = 0o100
    GROUP_R = 0o040
    OTHER_R = 0o004


class Status(IntEnum):
    PENDING = 1
    ACTIVE = 2
    DONE = 3

    @property
    def finished(self):
        return self is Status.DONE


class Color(StrEnum):
    RED = auto()
    GREEN = auto()
    BLUE = "b"


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


class Level(Enum):
    LOW = 1
    MID = 5
    HIGH = 10

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            try:
                return cls[value.upper()]
            except KeyError:
                return None
        if isinstance(value, int):
            return min(cls, key=lambda m: abs(m.value - value))
        return None


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() * (count + 1)
    A = auto()
    B = auto()
    C = auto()


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(list(Perm), Perm.RW, Perm.ALL, ~Perm.R)
print(Perm.R | Perm.X, repr(Perm.R | Perm.X), Perm(0), bool(Perm(0)))
print(Perm.W in Perm.RW, Perm.X in Perm.RW, list(Perm.ALL), len(Perm.ALL))
print(Perm.RW.name, (Perm.R | Perm.X).name, Perm(7), Perm(3).value)
try:
    Perm(8)
except ValueError as exc:
    print("Perm:", exc)
m = Mode.OWNER_R | Mode.OWNER_W | Mode.GROUP_R
print(m, repr(m), int(m), oct(m), m & 0o600, m | 1, isinstance(m, int))
print(Mode(0o444 & 0o777), Mode(0o1000))
print(Status.ACTIVE, repr(Status.ACTIVE), Status(3).finished, Status.PENDING < Status.DONE)
print(Status.ACTIVE + 1, sorted([Status.DONE, 1, Status.ACTIVE]), f"{Status.DONE}",
      f"{Status.DONE:>5}|", str(Status.DONE), format(Status.DONE, "d"))
print(list(Color), Color.RED == "red", Color.BLUE.upper(), f"{Color.GREEN}", repr(Color.BLUE))
for p in Planet:
    print(p.name, p.value, f"{p.gravity:.2f}")
print(Level(5), Level("high"), Level(7), Level(-100))
try:
    Level("nope")
except ValueError as exc:
    print("Level:", exc)
try:
    Level(2.5)
except ValueError as exc:
    print("Level:", exc, "| context:", type(exc.__context__).__name__)
print([o.value for o in Ordinal])
print(list(Shape), Shape.ALIAS_FOR_SQUARE, Shape["ALIAS_FOR_SQUARE"] is Shape.SQUARE)
print(list(Shape.__members__), Shape.__members__["ALIAS_FOR_SQUARE"])
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as exc:
    print("unique:", exc)
try:
    @verify(CONTINUOUS)
    class Gap(IntEnum):
        A = 1
        C = 3
except ValueError as exc:
    print("verify:", exc)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Http = IntEnum("Http", [("OK", 200), ("NOT_FOUND", 404)])
print(Http.NOT_FOUND, Http(200).name, repr(Http.OK))
try:
    Status.DONE = 5
except AttributeError as exc:
    print("reassign:", exc)
try:
    class More(Status):
        EXTRA = 4
except TypeError as exc:
    print("extend:", exc)
print(Status.__members__.keys(), dir(Status.DONE)[:3])
print(enum.Flag.__mro__[1:], Perm.R.__class__.__name__)
import pickle
print(pickle.loads(pickle.dumps(Perm.RW)) is Perm.RW, pickle.loads(pickle.dumps(Color.RED)))


class Weekday(Flag):
    MON = 1
    TUE = 2
    WED = 4
    THU = 8
    FRI = 16
    SAT = 32
    SUN = 64
    WEEKEND = SAT | SUN


print(Weekday.WEEKEND, Weekday.MON | Weekday.WEEKEND, Weekday(127))
print(Weekday(6) ^ Weekday.WED, Weekday.MON & Weekday.TUE)


class Boundary(Flag, boundary=enum.KEEP):
    A = 1
    B = 2


print(Boundary(7), repr(Boundary(7)), Boundary(4).value)


class Strict(Flag, boundary=enum.STRICT):
    A = 1
    B = 2


try:
    Strict(5)
except ValueError as exc:
    print("strict:", exc)
print(enum.show_flag_values(5), Perm._value2member_map_.get(3))
print(Status.DONE.__reduce_ex__(4))
