"""An inventory model built on dataclasses: defaults, factories, ordering, frozen, slots."""
import copy
import dataclasses
from dataclasses import (FrozenInstanceError, InitVar, KW_ONLY, asdict, astuple, dataclass,
                         field, fields, replace)
from typing import ClassVar


@dataclass(order=True, frozen=True)
class Sku:
    family: str
    number: int

    def __str__(self):
        return f"{self.family}-{self.number:04d}"


@dataclass
class Item:
    sku: Sku
    name: str
    price_cents: int = 0
    tags: list[str] = field(default_factory=list)
    _: KW_ONLY
    stock: int = 0
    discontinued: bool = False
    registry: ClassVar[dict] = {}

    def __post_init__(self):
        if self.price_cents < 0:
            raise ValueError(f"negative price for {self.sku}")
        Item.registry[self.sku] = self

    @property
    def value(self):
        return self.price_cents * self.stock


@dataclass(slots=True)
class Point:
    x: float
    y: float = 0.0

    def dist2(self):
        return self.x * self.x + self.y * self.y


@dataclass(kw_only=True)
class Shipment:
    dest: str
    items: list[Item] = field(default_factory=list)
    weight_g: int = field(default=0, repr=False, compare=False)
    note: str = field(default="", metadata={"max": 40})


@dataclass
class Discounted(Item):
    percent: int = field(default=10, kw_only=True)
    secret: InitVar[str | None] = None

    def __post_init__(self, secret):
        super().__post_init__()
        self.code = (secret or "none").upper()

    @property
    def final(self):
        return self.price_cents * (100 - self.percent) // 100


@dataclass(eq=False)
class Node:
    label: str
    children: list["Node"] = field(default_factory=list)

    def walk(self, depth=0):
        yield depth, self.label
        for c in self.children:
            yield from c.walk(depth + 1)


a = Item(Sku("TOOL", 7), "hammer", 1299, ["hand"], stock=4)
b = Item(Sku("TOOL", 12), "saw", 2450, stock=1)
c = Discounted(Sku("GARD", 3), "rake", 900, percent=25, secret="spring", stock=10)
print(a)
print(b)
print(c, c.code, c.final)
print(repr(Sku("A", 1)), str(Sku("A", 1)))
print(sorted([Sku("B", 2), Sku("A", 9), Sku("B", 1)]))
print(a == Item(Sku("TOOL", 7), "hammer", 1299, ["hand"], stock=4), a == b)
print(a.value, b.value, c.value)
print([f.name for f in fields(Item)])
print([(f.name, f.kw_only) for f in fields(Discounted)])
print(asdict(a))
print(astuple(b))
print(replace(a, name="mallet", stock=0))
try:
    replace(c, secret="x")
except ValueError as exc:
    print("replace:", exc)
print(replace(c, secret="winter").code)
try:
    Item(Sku("X", 1), "bad", -5)
except ValueError as exc:
    print("post_init:", exc)
print(sorted(str(k) for k in Item.registry))

s = Sku("PIPE", 1)
try:
    s.number = 2
except FrozenInstanceError as exc:
    print("frozen:", type(exc).__name__, exc)
try:
    del s.family
except FrozenInstanceError as exc:
    print("frozen del:", exc)
print(hash(s) == hash(Sku("PIPE", 1)), {s: 1}[Sku("PIPE", 1)])

p = Point(3.0, 4.0)
print(p, p.dist2(), Point.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 1
except AttributeError as exc:
    print("slots:", exc)
print(Point.__match_args__)
match p:
    case Point(x, y) if x < y:
        print("matched below diagonal", x, y)
    case _:
        print("no match")

sh = Shipment(dest="Oslo", items=[a, b], weight_g=1200, note="fragile")
print(sh)
print(sh == Shipment(dest="Oslo", items=[a, b], weight_g=1, note="fragile"))
print(fields(Shipment)[3].metadata["max"], type(fields(Shipment)[3].metadata).__name__)
try:
    Shipment("Oslo")
except TypeError as exc:
    print("kw_only:", exc)
try:
    Item()
except TypeError as exc:
    print("missing:", exc)

tree = Node("root", [Node("a", [Node("a1"), Node("a2")]), Node("b")])
for depth, label in tree.walk():
    print("  " * depth + label)
print(tree == copy.deepcopy(tree), tree == tree)
t2 = copy.deepcopy(tree)
t2.children[0].label = "A"
print([l for _, l in tree.walk()], [l for _, l in t2.walk()])

Pair = dataclasses.make_dataclass("Pair", [("left", int), ("right", int, field(default=0))],
                                  namespace={"total": lambda self: self.left + self.right})
pr = Pair(2, 5)
print(pr, pr.total(), dataclasses.is_dataclass(pr), dataclasses.is_dataclass(Pair),
      dataclasses.is_dataclass(3))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as exc:
    print("order:", exc)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as exc:
    print("mutable:", exc)
print(Item.__init__.__doc__, Item.__doc__)
import inspect
print(inspect.signature(Discounted))
print(inspect.signature(Shipment))
