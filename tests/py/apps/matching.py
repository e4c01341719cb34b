from dataclasses import dataclass
from enum import Enum, auto
import math


class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Circle:
    center: Point
    r: float


@dataclass
class Rect:
    corner: Point
    w: float
    h: float


class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start, self.end = start, end


@dataclass
class Polygon:
    points: list
    color: Color = Color.RED


def area(shape):
    match shape:
        case Circle(r=r) if r < 0:
            raise ValueError("negative radius")
        case Circle(_, r):
            return round(math.pi * r * r, 3)
        case Rect(w=w, h=h) if w == h:
            return f"square {w * h}"
        case Rect(Point(x=0, y=0), w, h):
            return f"origin rect {w * h}"
        case Rect(_, w, h):
            return w * h
        case Line(Point(x1, y1), Point(x2, y2)):
            return f"line len {math.hypot(x2 - x1, y2 - y1)}"
        case Polygon(points=[_, _, _] as pts, color=Color.GREEN | Color.BLUE as c):
            return f"{c.name.lower()} triangle {len(pts)}"
        case Polygon(points=[first, *rest]):
            return f"polygon from {first} +{len(rest)}"
        case _:
            return "unknown"


shapes = [Circle(Point(0, 0), 1), Rect(Point(1, 1), 2, 2), Rect(Point(0, 0), 2, 3), Rect(Point(5, 5), 1, 4),
          Line(Point(0, 0), Point(3, 4)), Polygon([1, 2, 3], Color.BLUE), Polygon([1, 2, 3]),
          Polygon([Point(0, 0), 2, 3, 4], Color.GREEN), "str", Circle(Point(0, 0), -1)]
for s in shapes:
    try:
        print(area(s))
    except ValueError as e:
        print("ValueError", e)


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"going {d}"
        case ["go", *_]:
            return "go where?"
        case ["get", obj] | ["take", obj]:
            return f"taking {obj}"
        case ["drop", *objs] if objs:
            return f"dropping {', '.join(objs)}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [single]:
            return f"unknown single {single!r}"
        case _:
            return "???"


for c in ["go north", "go up", "get lamp", "take key", "drop a b c", "drop", "quit", "", "xyzzy", "a b c"]:
    print(f"{c!r:14} -> {command(c)}")


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y), **rest}:
            return f"click at {x},{y} extra={sorted(rest)}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key", "key": k}:
            return f"special key {k!r}"
        case {"type": t}:
            return f"other event {t}"
        case [int(a), float(b)] | (float(b), int(a)):
            return f"num pair {a} {b}"
        case int() | float() as n if n > 100:
            return "big number"
        case bool(v):
            return f"bool {v}"
        case int(v):
            return f"int {v}"
        case None:
            return "none"
        case Color.RED:
            return "red!"
        case {**kw} if not kw:
            return "empty dict"
        case str() as s:
            return "str " + s
        case bytes(b):
            return f"bytes {len(b)}"
        case _:
            return f"unmatched {type(event).__name__}"


events = [{"type": "click", "pos": (1, 2), "button": 1, "mod": None}, {"type": "key", "key": "a"},
          {"type": "key", "key": "Enter"}, {"type": "scroll"}, [1, 2.0], (2.5, 3), 500, True, 7, None,
          Color.RED, Color.BLUE, {}, "hi", b"xyz", {"pos": 1}, [1, 2], 3.5]
for e in events:
    print(handle(e))


def fizz(n):
    match (n % 3, n % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return str(n)


print(" ".join(fizz(i) for i in range(1, 16)))


class Expr:
    pass


@dataclass
class Num(Expr):
    v: int


@dataclass
class Add(Expr):
    l: Expr
    r: Expr


@dataclass
class Mul(Expr):
    l: Expr
    r: Expr


def simplify(e):
    match e:
        case Add(Num(0), x) | Add(x, Num(0)):
            return simplify(x)
        case Mul(Num(1), x) | Mul(x, Num(1)):
            return simplify(x)
        case Mul(Num(0), _) | Mul(_, Num(0)):
            return Num(0)
        case Add(Num(a), Num(b)):
            return Num(a + b)
        case Add(l, r):
            return Add(simplify(l), simplify(r))
        case Mul(l, r):
            return Mul(simplify(l), simplify(r))
        case _:
            return e


print(simplify(Add(Num(0), Mul(Num(1), Add(Num(2), Num(3))))))
print(simplify(Mul(Add(Num(1), Num(0)), Mul(Num(5), Num(0)))))
try:
    match 1:
        case Line(a, b, c):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Line(1, 2):
        case Line(a, b, c):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, x=2):
            pass
except TypeError as e:
    print("TypeError:", e)
match {"a": 1, "b": 2}:
    case {"a": 1, "c": _}:
        print("has c")
    case {"a": a, "b": b} as full:
        print("a+b", a + b, full)
match "hello":
    case "hi" | "hello" as greeting:
        print("greeting", greeting)
x = 5
match 5:
    case Color.RED.value if False:
        print("no")
    case math.pi:
        print("pi")
    case _ if x == 5:
        print("guard with capture-free default")
