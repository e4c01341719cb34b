"""An ETL job: CSV in several dialects to JSON with custom encoders and object hooks."""
import csv
import dataclasses
import datetime
import decimal
import enum
import io
import json


RAW = """id;name;joined;balance;tags
1;"Smith; John";2021-03-04;1200.50;"a,b"
2;Ana;2020-12-31;-15.00;
3;"O""Brien";2019-07-01;0.10;"x"
"""

sniffed = csv.Sniffer().sniff(RAW.splitlines()[1])
print("sniffed delimiter:", repr(sniffed.delimiter), "quotechar:", repr(sniffed.quotechar))
print("has header:", csv.Sniffer().has_header(RAW))


class Kind(enum.Enum):
    GOLD = "gold"
    BASIC = "basic"


@dataclasses.dataclass
class Customer:
    id: int
    name: str
    joined: datetime.date
    balance: decimal.Decimal
    tags: list
    kind: Kind = Kind.BASIC


rows = []
for rec in csv.DictReader(io.StringIO(RAW), delimiter=";"):
    c = Customer(int(rec["id"]), rec["name"], datetime.date.fromisoformat(rec["joined"]),
                 decimal.Decimal(rec["balance"]), [t for t in rec["tags"].split(",") if t])
    if c.balance > 1000:
        c.kind = Kind.GOLD
    rows.append(c)
print(rows[0])


class Encoder(json.JSONEncoder):
    def default(self, o):
        if dataclasses.is_dataclass(o):
            return {"__type__": type(o).__name__, **dataclasses.asdict(o)}
        if isinstance(o, (datetime.date, datetime.datetime)):
            return {"__date__": o.isoformat()}
        if isinstance(o, decimal.Decimal):
            return {"__decimal__": str(o)}
        if isinstance(o, enum.Enum):
            return o.value
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


def hook(d):
    if "__date__" in d:
        return datetime.date.fromisoformat(d["__date__"])
    if "__decimal__" in d:
        return decimal.Decimal(d["__decimal__"])
    if d.get("__type__") == "Customer":
        d = dict(d)
        del d["__type__"]
        d["kind"] = Kind(d["kind"])
        return Customer(**d)
    return d


text = json.dumps(rows, cls=Encoder, indent=2, sort_keys=True)
print(text)
back = json.loads(text, object_hook=hook)
print(back == rows, back[2])
print(json.dumps({"b": 1, "a": [1, 2, {"c": None}]}, separators=(",", ":")))
print(json.dumps({"ü": "☃", "n": float("inf")}, ensure_ascii=True))
print(json.dumps({"ü": "☃"}, ensure_ascii=False))
try:
    json.dumps({"n": float("nan")}, allow_nan=False)
except ValueError as exc:
    print("allow_nan:", exc)
try:
    json.dumps({(1, 2): 3})
except TypeError as exc:
    print("key:", exc)
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
try:
    json.dumps(object())
except TypeError as exc:
    print("default:", exc)
print(json.loads('{"a": 1.10, "b": 12345678901234567890}', parse_float=decimal.Decimal,
                 parse_int=str))
print(json.loads('[1, 2]', object_pairs_hook=list), json.loads('{"x":1,"x":2}',
                                                               object_pairs_hook=list))
print(json.loads('NaN'), json.loads('-Infinity'),
      json.loads('"\\ud83d\\ude00 \\u00e9"'), json.loads(' {"k" : [true,false,null]} '))
for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', "'single'", '[1] x', '', '{"a":\n  tru}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as exc:
        print(f"{bad!r}: {exc} | pos={exc.pos} line={exc.lineno} col={exc.colno}")
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), dec.raw_decode('[1,2]   ', 0))
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as exc:
    print("circular:", exc)
print(list(Encoder(indent=None).iterencode({"k": [1, 2]})))

# CSV writing in several dialects
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
out = io.StringIO()
w = csv.writer(out, dialect="pipes")
w.writerow(["id", "name", "balance"])
for c in rows:
    w.writerow([c.id, c.name, float(c.balance)])
print(out.getvalue(), end="")
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["name", "id", "note"], extrasaction="ignore",
                   restval="n/a", quoting=csv.QUOTE_MINIMAL)
w.writeheader()
w.writerows([{"name": c.name, "id": c.id, "junk": 1} for c in rows])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), fieldnames=["a"]).writerow({"a": 1, "b": 2})
except ValueError as exc:
    print("DictWriter:", exc)
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_ALL, escapechar="\\", doublequote=False)
w.writerow(['say "hi"', "tab\there", None, 3.0])
print(repr(out.getvalue()))
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NOTNULL)
w.writerow(["a", None, "", 1])
w = csv.writer(out, quoting=csv.QUOTE_STRINGS)
w.writerow(["a", None, "", 1, 2.5])
print(repr(out.getvalue()))
print(list(csv.reader(['a,"b\nc",d', 'e,  "f"'], skipinitialspace=True)))
print(list(csv.reader(io.StringIO('1,"2",x\n"3",4,"y"\n'), quoting=csv.QUOTE_NONNUMERIC))
          if False else "skip")
try:
    list(csv.reader(['a,"b'], strict=True))
except csv.Error as exc:
    print("csv.Error:", exc)
try:
    list(csv.reader(["a,b"], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as exc:
    print("nonnumeric:", exc)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as exc:
    print("quote none:", exc)
print(sorted(csv.list_dialects()), csv.get_dialect("excel-tab").delimiter == "\t")
r = csv.reader(io.StringIO("x,y\n1,2\n3,4\n"))
next(r)
print([row for row in r], r.line_num, r.dialect.delimiter)
print(csv.field_size_limit(), csv.QUOTE_STRINGS, csv.__version__)
