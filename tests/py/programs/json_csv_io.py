import json, csv, io
from decimal import Decimal
from collections import OrderedDict
data = {"users": [{"id": 1, "name": "Ann", "score": 9.5, "tags": ["a", "b"], "active": True, "manager": None},
                  {"id": 2, "name": "Bö\u00df", "score": 7.25, "tags": [], "active": False, "manager": 1}],
        "meta": {"count": 2, "ratio": 1e-7, "big": 2**70, "inf": float("inf")}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)[:300])
print(json.dumps(data["users"][0], separators=(",", ":")), json.dumps("tab\t\"q\" \u2603 \U0001f600"))
back = json.loads(s)
print(back == data, back["meta"]["inf"], type(back["meta"]["big"]))
print(json.loads('{"a": 1.0, "b": 1e400, "c": -0.0, "d": [1, 2, {"e": null}]}'))
print(json.loads('[1.5, 2]', parse_float=Decimal), json.loads('{"b":1,"a":2}', object_pairs_hook=OrderedDict))
for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', "", '"\\x"', "NaN1", '{"a":1}{']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({"s": {3, 1}, "c": 1 + 2j}, cls=Enc))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print(e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps([1, [2, [3]]], indent="\t"))
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["name", "quote", "num"])
w.writerows([["Ann", 'say "hi"', 1], ["Bob, Jr.", "multi\nline", 2.5], ["", None, -3]])
print(repr(buf.getvalue()))
buf.seek(0)
rows = list(csv.reader(buf))
print(rows)
buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=["a", "b"], quoting=csv.QUOTE_NONNUMERIC)
dw.writeheader(); dw.writerow({"a": 1, "b": "x"}); dw.writerow({"a": 2.5})
print(buf.getvalue())
for row in csv.DictReader(io.StringIO("x;y\n1;2\n3;4\n"), delimiter=";"):
    print(row)
print(csv.Sniffer().sniff("a|b|c\n1|2|3\n").delimiter, csv.list_dialects()[:3])
try:
    csv.DictWriter(io.StringIO(), ["a"]).writerow({"zz": 1})
except ValueError as e:
    print(e)
b = io.BytesIO()
b.write(b"hello\nworld\n"); b.seek(0)
print(b.readline(), b.read(3), b.tell(), b.getvalue())
t = io.TextIOWrapper(io.BytesIO("line1\r\nline2\nüñí\n".encode("utf-8")), encoding="utf-8")
print(t.readlines())
sio = io.StringIO("a\nb\nc")
for i, line in enumerate(sio, 1):
    print(i, repr(line))
sio = io.StringIO(); print("to buffer", 42, sep="|", end="!", file=sio); print(sio.getvalue())
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(e)
f = io.StringIO("x"); f.close()
try:
    f.read()
except ValueError as e:
    print(e)
