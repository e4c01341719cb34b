# Library-style code: an inventory with validation, events, serialization and a repr/str zoo.
from __future__ import annotations
import json, enum, dataclasses, typing, weakref, itertools, abc
class Status(enum.StrEnum):
    ACTIVE = enum.auto()
    RETIRED = enum.auto()
class Color(enum.Enum):
    RED = "r"; GREEN = "g"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.upper() in cls.__members__:
            return cls[value.upper()]
        return None
    def __str__(self): return self.name.title()
print(Status.ACTIVE, repr(Status.RETIRED), Status("active") is Status.ACTIVE, Status.ACTIVE == "active", list(Status))
print(Color("red"), Color("g"), repr(Color.RED))
try:
    Color("blue")
except ValueError as e:
    print(e)
class Shape(enum.IntFlag):
    NONE = 0; ROUND = 1; SHARP = 2; BIG = 4
print(Shape.ROUND | Shape.BIG, Shape(7), Shape(0), repr(Shape(5)), Shape.ROUND in Shape(3), int(Shape.BIG | Shape.SHARP), Shape(9))
@enum.unique
class Planet(enum.Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print([f"{p.name}:{p.gravity:.2f}" for p in Planet], Planet.EARTH.value)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1; B = 1
except ValueError as e:
    print(e)
print(Planet.__members__.keys(), Planet["EARTH"], Planet.EARTH in Planet, len(Planet))
@dataclasses.dataclass(kw_only=True)
class Product:
    sku: str
    name: str
    price: float
    status: Status = Status.ACTIVE
    color: Color | None = None
    _ids: typing.ClassVar[itertools.count] = itertools.count(1)
    id: int = dataclasses.field(default_factory=lambda: next(Product._ids), compare=False)
    def __post_init__(self):
        if self.price < 0:
            raise ValueError(f"negative price for {self.sku}: {self.price}")
class Listener(abc.ABC):
    @abc.abstractmethod
    def notify(self, event: str, product: Product) -> None: ...
class Printer(Listener):
    def notify(self, event, product):
        print(f"[{event}] {product.sku} {product.name!r} @ {product.price:.2f}")
class Inventory:
    def __init__(self):
        self._items: dict[str, Product] = {}
        self._listeners = weakref.WeakSet()
    def subscribe(self, l): self._listeners.add(l)
    def _emit(self, ev, p):
        for l in list(self._listeners): l.notify(ev, p)
    def add(self, p: Product):
        if p.sku in self._items:
            raise KeyError(p.sku)
        self._items[p.sku] = p
        self._emit("add", p)
    def retire(self, sku):
        p = self._items[sku]
        self._items[sku] = dataclasses.replace(p, status=Status.RETIRED)
        self._emit("retire", self._items[sku])
    def __len__(self): return len(self._items)
    def __iter__(self): return iter(self._items.values())
    def __contains__(self, sku): return sku in self._items
    def to_json(self):
        return json.dumps([dataclasses.asdict(p) for p in self], default=str, indent=1)
inv = Inventory()
pr = Printer(); inv.subscribe(pr)
for sku, name, price in [("A1", "Anvil", 99.5), ("B2", "Bolt", 0.1), ("C3", "Chain", 12)]:
    inv.add(Product(sku=sku, name=name, price=price))
inv.retire("B2")
try:
    inv.add(Product(sku="A1", name="dup", price=1))
except KeyError as e:
    print("duplicate", e)
try:
    Product(sku="X", name="bad", price=-1)
except ValueError as e:
    print(e)
try:
    Product("X", "pos", 1.0)
except TypeError as e:
    print(e)
print(len(inv), "A1" in inv, [p.status for p in inv])
print(inv.to_json())
print(Product(sku="Z", name="z", price=1, color=Color.GREEN))
del pr
import gc; gc.collect()
inv.add(Product(sku="D4", name="Drill", price=50))
print("silent add ok", len(inv._listeners))
print(typing.get_type_hints(Product)["color"], Product.__annotations__["price"])
