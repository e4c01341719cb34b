from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY, FrozenInstanceError, make_dataclass, is_dataclass
import dataclasses
from typing import ClassVar

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)
    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}{self.label}"

@dataclass(slots=True)
class Point:
    x: float
    y: float = 0.0
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

@dataclass(kw_only=True)
class Config:
    name: str
    debug: bool = False
    tags: list = field(default_factory=list)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3

@dataclass
class WithInit:
    total: int = 0
    scale: InitVar[int] = 1
    count: ClassVar[int] = 0
    def __post_init__(self, scale):
        self.total *= scale
        WithInit.count += 1

@dataclass(eq=False)
class Node:
    val: int
    children: list = field(default_factory=list, repr=False)

vs = [Version(1, 2, 3), Version(1, 0), Version(0, 9, 9, "-rc1"), Version(1, 2, 3, "b")]
print(sorted(vs))
print([str(v) for v in sorted(vs)], vs[0] == vs[3], hash(vs[0]) == hash(vs[3]))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del vs[0].minor
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(replace(vs[0], patch=9))
p = Point(3, 4)
print(p, p.dist(), Point.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
c = Config(name="x", tags=["a"])
print(c, asdict(c), astuple(c))
try:
    Config("x")
except TypeError as e:
    print("TypeError:", e)
print(Mixed(1, b=5), Mixed(1, c=0))
try:
    Mixed(1, 2)
except TypeError as e:
    print("TypeError:", e)
w = WithInit(5, 3)
print(w, WithInit.count, [f.name for f in fields(w)])
n1, n2 = Node(1), Node(1)
print(n1, n1 == n2, n1 == n1)
P3 = make_dataclass("P3", [("x", int), ("y", int, field(default=0))], namespace={"norm": lambda s: abs(s.x) + abs(s.y)})
print(P3(3, -4), P3(3, -4).norm(), is_dataclass(P3), is_dataclass(P3(1)))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
for f in fields(Version):
    print(f.name, f.type, f.default is dataclasses.MISSING, f.compare, f.kw_only)
print(Version.__match_args__, Config.__match_args__, Mixed.__match_args__)
match Version(2, 1):
    case Version(2, minor):
        print("v2 minor", minor)
import inspect
print(inspect.signature(Mixed), inspect.signature(Config), inspect.signature(WithInit))
@dataclass(frozen=True, slots=True)
class FP:
    a: int
    b: tuple = ()
fp = FP(1, (2,))
print(fp, hash(fp) == hash(FP(1, (2,))))
import copy, pickle
print(copy.deepcopy(fp), pickle.loads(pickle.dumps(fp)), pickle.loads(pickle.dumps(p)))
@dataclass
class Inh(Version.__class__ and Point):
    z: float = 1.0
print(Inh(1, 2, 3))
print(dataclasses.fields(Config)[2].default_factory)
