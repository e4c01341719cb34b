from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from enum import Enum, auto, IntEnum, Flag
from typing import Optional
import json


class Category(Enum):
    TOOLS = auto()
    FOOD = auto()
    TOYS = auto()


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Perm(Flag):
    R = 4
    W = 2
    X = 1


@dataclass(order=True)
class Item:
    sort_index: float = field(init=False, repr=False)
    name: str
    price: float
    qty: int = 0
    category: Category = Category.TOOLS
    tags: list[str] = field(default_factory=list)
    note: Optional[str] = None

    def __post_init__(self):
        self.sort_index = self.price * self.qty

    @property
    def total(self):
        return self.price * self.qty


@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int


items = [
    Item("hammer", 12.5, 3, tags=["steel"]),
    Item("apple", 0.4, 100, Category.FOOD),
    Item("yoyo", 3.0, 7, Category.TOYS, note="red"),
]
for it in sorted(items):
    print(it, f"{it.total:.2f}")
print(asdict(items[0]))
print(astuple(items[2]))
print([f.name for f in fields(Item)])
print(replace(items[1], qty=5))
print(items[0] == Item("hammer", 12.5, 3, tags=["steel"]))
p = Point(1, 2)
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(p, hash(p) == hash(Point(1, 2)), Point.__slots__)
print(list(Category), Category.FOOD, repr(Category.FOOD), Category["TOYS"].value)
print(Priority.HIGH > Priority.LOW, Priority(2), repr(Priority.MEDIUM), int(Priority.HIGH))
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.X in rw, list(rw), ~rw)
print(f"{Priority.HIGH}", format(Category.TOOLS), str(Perm(7)))
print(json.dumps([asdict(i) for i in items], default=lambda o: o.name, indent=2, sort_keys=True))
try:
    Item()
except TypeError as e:
    print(e)
print(repr(Item.__init__.__doc__), Item.__match_args__)
match items[2]:
    case Item(name=n, category=Category.TOYS):
        print("toy", n)
