"""Saving and restoring an application's state: pickle and copy of user classes."""
import copy
import copyreg
import io
import pickle
import pickletools
from collections import namedtuple, OrderedDict
from dataclasses import dataclass, field


class Account:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance}, history={len(self.history)})"

    def __eq__(self, other):
        return vars(self) == vars(other)


class Connection:
    """Holds an unpicklable resource; pickles only its address."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.sock = open(__file__)   # stands in for a socket

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["sock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.sock = None

    def __repr__(self):
        return f"Connection({self.host}:{self.port}, open={self.sock is not None})"


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __repr__(self):
        return f"Slotted({self.a}, {getattr(self, 'b', '<unset>')})"


class Vector:
    def __init__(self, *xs):
        self.xs = xs

    def __reduce__(self):
        return (Vector, self.xs)

    def __repr__(self):
        return f"Vector{self.xs}"


class Temperature(float):
    def __new__(cls, value, unit="C"):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj

    def __getnewargs__(self):
        return (float(self), self.unit)

    def __repr__(self):
        return f"{float(self)}°{self.unit}"


@dataclass
class Portfolio:
    name: str
    accounts: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)


Point = namedtuple("Point", "x y")


class Tracker:
    def __init__(self):
        self.items = [1, [2, 3]]
        self.log = []

    def __copy__(self):
        new = Tracker.__new__(Tracker)
        new.__dict__.update(self.__dict__)
        new.log = ["shallow-copied"]
        return new

    def __deepcopy__(self, memo):
        new = Tracker.__new__(Tracker)
        memo[id(self)] = new
        new.items = copy.deepcopy(self.items, memo)
        new.log = ["deep-copied"]
        return new


acc = Account("ann", 100)
acc.deposit(50)
shared = [acc, acc]
port = Portfolio("main", [acc, Account("bob")], {"created": (2024, 1, 1), "tags": {"x"}})
port.meta["self"] = port
state = {"portfolio": port, "shared": shared, "conn": Connection("db.local", 5432),
         "slotted": Slotted(1, [2]), "vec": Vector(1, 2, 3), "temp": Temperature(21.5, "F"),
         "pt": Point(3, 4), "od": OrderedDict(z=1, a=2), "fs": frozenset({1, 2}),
         "big": 2 ** 100, "neg": -1, "float": 1e-300, "complex": 1 + 2j, "bytes": b"\x00\xff",
         "ba": bytearray(b"ab"), "none": None, "ell": ..., "type": Account, "func": len,
         "range": range(1, 10, 3), "slice": slice(1, None, 2)}
state["conn"].sock.close()

for proto in (0, 1):
    try:
        pickle.dumps(state, protocol=proto)
    except TypeError as exc:
        print(proto, "TypeError:", exc, exc.__notes__)
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(state, protocol=proto)
    back = pickle.loads(data)
    bp = back["portfolio"]
    ok = (bp.meta["self"] is bp, back["shared"][0] is back["shared"][1],
          bp.accounts[0] == acc, back["vec"].xs, back["temp"].unit, back["slotted"].b,
          back["od"], back["type"] is Account, back["func"] is len, back["range"], back["ba"])
    print(proto, data[:2] if proto >= 2 else data[:1], ok)
print(back["conn"], back["pt"], type(back["pt"]).__name__, back["temp"], back["slice"])

# A custom reducer registered with copyreg
class Color:
    def __init__(self, r, g, b):
        self.rgb = (r, g, b)


copyreg.pickle(Color, lambda c: (Color, c.rgb))
print(pickle.loads(pickle.dumps(Color(1, 2, 3))).rgb)

# persistent ids: store references to external records by key
DB = {"user:1": {"name": "ann"}, "user:2": {"name": "bob"}}


class Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        for key, value in DB.items():
            if obj is value:
                return key
        return None


class Unpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return {"restored": pid}

    def find_class(self, module, name):
        if module == "builtins" and name in {"set", "frozenset"}:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


buf = io.BytesIO()
Pickler(buf, protocol=4).dump([DB["user:1"], {"other": DB["user:2"]}, {1, 2}])
print(Unpickler(io.BytesIO(buf.getvalue())).load())
try:
    Unpickler(io.BytesIO(pickle.dumps(Account("x")))).load()
except pickle.UnpicklingError as exc:
    print("UnpicklingError:", exc)

for bad in [lambda: 1, open(__file__), (x for x in [])]:
    try:
        pickle.dumps(bad)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        print(type(exc).__name__, str(exc).split(" at 0x")[0])
    finally:
        if hasattr(bad, "close"):
            bad.close()
for data in [b"", b"\x80\x05K", b"garbage", pickle.dumps([1, 2])[:-3]]:
    try:
        pickle.loads(data)
    except Exception as exc:
        print(type(exc).__name__, exc)

small = pickle.dumps((1, "a", [None, True]), protocol=2)
out = io.StringIO()
pickletools.dis(small, out)
print(out.getvalue())
print(pickletools.optimize(pickle.dumps(["x", "x"], 2)) == pickle.dumps(["x", "x"], 2))

# copy: shallow vs deep, custom hooks, slotted, recursive
t = Tracker()
s, d = copy.copy(t), copy.deepcopy(t)
t.items[1].append(4)
print(s.items, s.log, d.items, d.log)
sl = Slotted([1], [2])
sc, sd = copy.copy(sl), copy.deepcopy(sl)
sl.a.append(9)
print(sc, sd)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)
print(copy.replace(Point(1, 2), y=5), copy.copy(acc) == acc, copy.deepcopy(port).meta["self"].name)
e = Slotted.__new__(Slotted)
e.a = 1
print(copy.copy(e), pickle.loads(pickle.dumps(e)))
print(copy.deepcopy(Temperature(5)), copy.copy(Vector(4, 5)), copy.deepcopy({"k": (1, [2])}))
