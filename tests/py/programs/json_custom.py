import json, decimal, datetime, enum, dataclasses, collections, math

class Color(enum.Enum):
    RED = "r"

@dataclasses.dataclass
class Item:
    name: str
    price: decimal.Decimal
    when: datetime.date
    tags: set

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, decimal.Decimal):
            return str(o)
        if isinstance(o, (datetime.date, datetime.datetime)):
            return o.isoformat()
        if isinstance(o, set):
            return sorted(o)
        if dataclasses.is_dataclass(o):
            return {"__type__": type(o).__name__, **dataclasses.asdict(o)}
        if isinstance(o, enum.Enum):
            return o.value
        return super().default(o)

items = [Item("pen", decimal.Decimal("1.50"), datetime.date(2024, 2, 29), {"b", "a"}),
         Item("ink", decimal.Decimal("12.0"), datetime.date(2023, 1, 1), set())]
s = json.dumps({"items": items, "color": Color.RED, "n": None, "ok": True}, cls=Enc, indent=2, sort_keys=True)
print(s)
print(json.dumps(items, cls=Enc, separators=(",", ":")))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([1, [2, {"a": complex(1, 2)}]])
except TypeError as e:
    print("TypeError:", e, e.__notes__ if hasattr(e, "__notes__") else "")
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps([math.inf, -math.inf, math.nan]))
try:
    json.dumps([math.nan], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
print(json.dumps("héllo ☃ \U0001f600 \x00 \t"), json.dumps("héllo ☃", ensure_ascii=False))
bad = ['{"a": 1,}', '[1, 2', '{"a" 1}', "{'a': 1}", '[1] x', '', '"\\x"', '{"a": tru}', '[1e]', '"abc', '\ufeff[1]', '[-]', '{"a":1, "a":2}']
for b in bad:
    try:
        print(repr(b), "->", json.loads(b))
    except json.JSONDecodeError as e:
        print(repr(b), "JSONDecodeError:", e, (e.pos, e.lineno, e.colno))
doc = '{"b": 1.10, "a": [1, 2.0, 1e400, -0.0], "c": {"d": "x"}, "big": 123456789012345678901234567890}'
print(json.loads(doc))
print(json.loads(doc, object_pairs_hook=collections.OrderedDict))
print(json.loads(doc, parse_float=decimal.Decimal, parse_int=lambda s: int(s) % 1000))
print(json.loads(doc, object_hook=lambda d: sorted(d)))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: "const:" + c))
dec = json.JSONDecoder()
print(dec.raw_decode('{"x": 1} trailing', 0))
print(json.dumps({"nested": {"deep": [1, {"deeper": [None, {}]}], "empty": []}}, indent="\t"))
print(json.dumps([1, [2, [3]]], indent=0))
class MyList(list): pass
class MyDict(dict): pass
print(json.dumps(MyList([MyDict(a=1)])), json.dumps(collections.OrderedDict([("z", 1), ("a", 2)]), sort_keys=True))
print(json.dumps(3.0), json.dumps(1e16), json.dumps(0.1 + 0.2), json.dumps(-1e-7), json.dumps(10**20))
class IntE(enum.IntEnum):
    A = 1
print(json.dumps([IntE.A, {IntE.A: 2}]))
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError:", e)
it = json.JSONEncoder(indent=1).iterencode({"a": [1, 2]})
print(list(it))
print(json.dumps("x" * 3, default=str), json.dumps(datetime.time(1, 2), default=str))
