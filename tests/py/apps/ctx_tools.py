import calendar
import contextlib
import enum
import io
import os
import pickle
import copyreg
import sys
import tempfile
from datetime import date


class Timer(contextlib.ContextDecorator):
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print(f"enter {self.label}")
        return self

    def __exit__(self, et, ev, tb):
        print(f"exit {self.label} {et.__name__ if et else None}")
        return False


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print(f"  {name} swallowed {e!r}")
    finally:
        print(f"</{name}>")


@Timer("decorated")
def work(x):
    return x * 2


print(work(21))
with tag("a") as t1, tag("b") as t2:
    print(" body", t1, t2)
with tag("c"):
    raise ValueError("inside")
with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("after suppress")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line")
    help_txt = "x"
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in "xyz"]
    stack.callback(print, "callback ran")
    print(" names", names)
    later = stack.pop_all()
print("stack popped")
later.close()


class Res:
    def close(self):
        print("Res.close")


with contextlib.closing(Res()):
    pass
with contextlib.nullcontext(5) as v:
    print("nullcontext", v)
d = tempfile.mkdtemp()
before = os.getcwd()
with contextlib.chdir(d):
    print("in tmp", os.getcwd() == os.path.realpath(d))
print(os.getcwd() == before)
os.rmdir(d)


@contextlib.asynccontextmanager
async def actx():
    yield 1


print(type(actx()).__name__)
try:
    with tag("d"):
        raise KeyError("not swallowed")
except KeyError as e:
    print("propagated", e)


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name}={self.value}"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Strict(enum.Flag, boundary=enum.STRICT):
    A = 1
    B = 2


@enum.unique
class Planet(enum.Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 4)


class Ordinal(enum.IntEnum):
    FIRST = enum.auto()
    SECOND = enum.auto()


print(list(Color), Color.CRIMSON is Color.RED, Color(1), Color("green"), Color["BLUE"].describe())
print(Color.__members__.keys(), len(Color), Color.RED in Color, repr(Color.RED), str(Color.RED), f"{Color.RED}")
print(Perm.R | Perm.W, repr(Perm(7)), Perm(6) & Perm.W, ~Perm.R, Perm(0), list(Perm(7)), Perm.R + 1, int(Perm.X | Perm.R))
print(format(Perm(5), "d"), f"{Perm.R|Perm.X}", str(Perm(3)))
try:
    Strict(4)
except ValueError as e:
    print("ValueError:", e)
try:
    Color(99)
except ValueError as e:
    print("ValueError:", e)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
print(Planet.EARTH.gravity, Planet.MERCURY.value, Ordinal.SECOND, Ordinal.SECOND + 1, sorted([Ordinal.SECOND, Ordinal.FIRST]))
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, enum.Enum("X", [("a", 5), ("b", 6)]).b)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN, pickle.loads(pickle.dumps(Perm(6))))


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Account:
    def __init__(self, owner, balance):
        self.owner, self.balance = owner, balance
        self.cache = {"tmp": 1}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance}, cache={self.cache})"


class Temp:
    def __init__(self, c):
        self.c = c

    def __reduce__(self):
        return (Temp, (self.c,))


def pickle_complex(c):
    return complex, (c.real, c.imag)


copyreg.pickle(complex, pickle_complex)
data = {"points": [Point(1, 2), Point(3, 4)], "acct": Account("ann", 10), "t": Temp(5), "set": {1, 2},
        "fs": frozenset("a"), "bytes": b"\x00\xff", "nested": [[1], (2, [3])], "c": 1 + 2j, "big": 2 ** 100,
        "float": -0.0, "none": None, "date": date(2024, 1, 2)}
data["self"] = data["nested"]
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    s = pickle.dumps(data, protocol=proto)
    back = pickle.loads(s)
    assert back["points"] == data["points"]
    print(proto, back["acct"], back["t"].c, back["self"] is back["nested"], back["c"], back["date"], back["float"])
print(pickle.dumps([1, "a", None, True], protocol=0))
print(pickle.dumps((1, 2.5, "é", b"x"), protocol=2))
print(pickle.dumps({"k": [1, 2]}, protocol=4).hex())
import pickletools
pickletools.dis(pickle.dumps([1, "ab", (None,)], protocol=3))
print(pickletools.optimize(pickle.dumps([1, 1], protocol=2)))
try:
    pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
try:
    pickle.loads(b"\x80\x05garbage")
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)
try:
    pickle.loads(b"")
except EOFError as e:
    print("EOFError:", e)

cal = calendar.TextCalendar(firstweekday=calendar.SUNDAY)
print(cal.formatmonth(2024, 2))
print(calendar.month(2025, 12, w=3, l=1))
print(calendar.isleap(2100), calendar.leapdays(2000, 2025), calendar.monthrange(2024, 2), calendar.weekday(2024, 12, 25))
print(calendar.month_name[1:4], calendar.day_abbr[0], list(calendar.Calendar().itermonthdays(2024, 1))[:10])
print(calendar.Calendar(6).monthdayscalendar(2024, 3)[0], calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.HTMLCalendar().formatmonth(2024, 1).splitlines()[:3])
print(calendar.TextCalendar().formatyear(2024, 2, 1, 1, 4).splitlines()[:8])
print(calendar.Month.MARCH, calendar.Day.FRIDAY, calendar.JANUARY)
