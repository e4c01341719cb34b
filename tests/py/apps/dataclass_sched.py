import dataclasses as dc
from dataclasses import dataclass, field, InitVar, KW_ONLY
import sched, time, queue, operator, sys


@dataclass(slots=True, kw_only=True)
class Cfg:
    host: str
    port: int = 80
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Money:
    amount: int
    currency: str = "EUR"

    def __add__(self, other):
        if self.currency != other.currency:
            raise ValueError("currency mismatch")
        return Money(self.amount + other.amount, self.currency)


@dataclass
class Order:
    id: int
    _: KW_ONLY
    items: list = field(default_factory=list)
    discount: InitVar[float] = 0.0
    total: float = field(init=False, default=0.0)

    def __post_init__(self, discount):
        self.total = sum(self.items) * (1 - discount)


@dataclass(eq=False, repr=False, match_args=False)
class Plain:
    x: int


@dataclass(unsafe_hash=True)
class Hashable:
    a: int
    b: list = field(hash=False, compare=False, default=None)


print(Cfg(host="h"), Cfg.__slots__, Cfg.__match_args__ if hasattr(Cfg, "__match_args__") else None)
try:
    Cfg("h")
except TypeError as e:
    print("TypeError:", e)
c = Cfg(host="x")
try:
    c.other = 1
except AttributeError as e:
    print("AttributeError:", e)
m = Money(5) + Money(7)
print(m, m < Money(13), sorted([Money(3, "USD"), Money(3), Money(1)]), hash(m) == hash(Money(12)))
try:
    m.amount = 1
except dc.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    Money(1) + Money(1, "USD")
except ValueError as e:
    print("ValueError:", e)
o = Order(1, items=[10, 20], discount=0.5)
print(o, dc.fields(o)[-1].name, [f.name for f in dc.fields(Order)], dc.asdict(o))
print(repr(Plain(1))[:20] != "Plain(x=1)", Plain(1) == Plain(1), hasattr(Plain, "__match_args__"))
print(Hashable(1, [1]) == Hashable(1, [2]), hash(Hashable(1)) == hash(Hashable(1, [3])))
for bad in ["""
@dataclass
class B:
    a: int = 1
    b: int
""", """
@dataclass
class C:
    x: list = []
""", """
@dataclass(order=True)
class D:
    x: int
    def __lt__(self, o): return True
""", """
@dataclass(frozen=True)
class E: x: int
@dataclass
class F(E): y: int
"""]:
    try:
        exec(bad, {"dataclass": dataclass})
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
P = dc.make_dataclass("P", [("x", int), ("y", int, field(default=0))], namespace={"norm": lambda self: abs(self.x) + abs(self.y)})
print(P(3, -4), P(3, -4).norm(), dc.is_dataclass(P), dc.is_dataclass(P(1)), dc.replace(P(1), y=9))
print(dc.fields(Money)[0].name, dc.fields(Money)[0].default is dc.MISSING, type(dc.MISSING).__name__)
s = sched.scheduler(timefunc=iter(range(100)).__next__, delayfunc=lambda d: None)
log = []
s.enter(5, 1, log.append, ("five",))
s.enter(1, 2, log.append, ("one",))
s.enter(1, 1, log.append, ("one-prio",))
ev = s.enter(3, 1, log.append, ("cancelled",))
s.cancel(ev)
print(len(s.queue), s.empty())
s.run()
print(log)
q = queue.PriorityQueue()
for item in [(2, "b"), (1, "a"), (3, "c")]:
    q.put(item)
print([q.get() for _ in range(3)], q.qsize(), q.empty())
lq = queue.LifoQueue(maxsize=2)
lq.put(1); lq.put(2)
try:
    lq.put(3, block=False)
except queue.Full:
    print("queue.Full")
print(lq.get(), lq.full())
print(sys.intern("abc") is sys.intern("abc"), sys.getdefaultencoding(), sys.flags.optimize, sys.byteorder, type(sys.version_info).__name__, sys.version_info[:2])
print(sorted(sys.builtin_module_names)[:3] != [], "json" in sys.stdlib_module_names, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30), sys.hash_info.width >= 32)
