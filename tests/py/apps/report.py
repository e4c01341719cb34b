import csv
import io
import json
import pprint
import string
import textwrap
from decimal import Decimal

CSV_DATA = """id,name,dept,salary,start,notes
1,Alice Smith,Engineering,120000,2019-04-01,"Leads the ""core"" team"
2,Bob Jones,Marketing,85000.50,2020-07-15,
3,Carol White,Engineering,135000,2017-01-09,"Multi-line
note here"
4,Dan Brown,Sales,70000,2021-11-30,Top seller
5,Eve Black,Engineering,99000,2022-02-01,"commas, inside"
"""

reader = csv.DictReader(io.StringIO(CSV_DATA))
rows = list(reader)
print(reader.fieldnames, reader.line_num, len(rows))
for r in rows:
    r["salary"] = Decimal(r["salary"])
    r["id"] = int(r["id"])

depts = {}
for r in rows:
    depts.setdefault(r["dept"], []).append(r)

summary = {
    d: {"count": len(v), "total": str(sum(x["salary"] for x in v)),
        "names": sorted(x["name"].split()[0] for x in v)}
    for d, v in sorted(depts.items())
}
pprint.pprint(summary)
pprint.pprint(summary, width=40, sort_dicts=False)
print(pprint.pformat(list(range(30)), width=50, compact=True))
print(pprint.pformat({"deep": {"er": {"est": [1, 2, {"x": (3, 4)}]}}}, depth=2))
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint([("tuple", 1), {"set": {3, 1, 2}}, frozenset({5}), "a long string " * 4])
print(pprint.saferepr({"self": None}), pprint.isreadable([1, 2]), pprint.isrecursive([]))
rec = [1]; rec.append(rec)
print(pprint.pformat(rec).split(' with id')[0], pprint.isrecursive(rec))


class DecimalEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


doc = {"generated": "2024-01-01", "departments": summary,
       "rows": [{k: v for k, v in r.items() if k != "notes"} for r in rows[:2]]}
s = json.dumps(doc, cls=DecimalEncoder, indent=2, sort_keys=True)
print(s)
print(json.dumps(doc["rows"], cls=DecimalEncoder, separators=(",", ":")))
print(json.dumps({"u": "héllo ☃ \U0001f600", "t": (1, 2), 3: None, 1.5: True}))
print(json.dumps({"u": "héllo"}, ensure_ascii=False), json.dumps(float("inf")))
back = json.loads(s, parse_float=Decimal, object_pairs_hook=lambda p: dict(reversed(p)))
print(list(back), back["rows"][1]["salary"], type(back["rows"][1]["salary"]).__name__)
for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', 'nul', '"\\x"', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
try:
    json.dumps({"x": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": [1, 2.5e3, -0, true]}   trailing'))
print(json.dumps([1, [2, [3]]], indent="\t"))

out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["dept", "count", "total", "avg"], quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
for d, v in summary.items():
    total = Decimal(v["total"])
    w.writerow({"dept": d, "count": v["count"], "total": float(total),
                "avg": float((total / v["count"]).quantize(Decimal("0.01")))})
print(out.getvalue(), end="")
out2 = io.StringIO(newline="")
w2 = csv.writer(out2, delimiter=";", lineterminator="\n", quotechar="'", escapechar="\\")
w2.writerows([["a;b", "it's", None, 3.0], ["x\ny", "", True, -1]])
print(repr(out2.getvalue()))
print(list(csv.reader(["a|'b|c'|d"], delimiter="|", quotechar="'")))
sniff = csv.Sniffer().sniff("a;b;c\n1;2;3\n4;5;6\n")
print(sniff.delimiter, csv.Sniffer().has_header("name,age\nbob,3\ncarl,40\n"))
try:
    list(csv.reader(['a,"b'], strict=True))
except csv.Error as e:
    print("csv.Error:", e)
print(csv.list_dialects() and sorted(csv.list_dialects()))

for r in rows:
    if r["notes"]:
        print(textwrap.fill(f"{r['name']}: {r['notes']}", width=24, initial_indent="* ",
                            subsequent_indent="    "))
para = ("The quick brown fox jumps over the lazy dog. " * 5).strip()
print(textwrap.wrap(para, 30)[:3])
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
print(textwrap.indent("one\n\ntwo\n", "> "), end="")
print(textwrap.indent("one\n\ntwo\n", "+ ", lambda l: True), end="")
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")))
tw = textwrap.TextWrapper(width=20, break_long_words=True, max_lines=3, placeholder="~")
print(tw.wrap("supercalifragilisticexpialidocious words and more words here"))
print(textwrap.fill("tabs\there\tand\tthere", 15, expand_tabs=True, tabsize=4))

tmpl = string.Template("$name works in ${dept} earning $$${salary}")
for r in rows[:3]:
    print(tmpl.substitute(r))
print(tmpl.safe_substitute(name="X"))
try:
    tmpl.substitute(name="X")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("$1bad").substitute()
except ValueError as e:
    print("ValueError", e)
print(tmpl.get_identifiers(), tmpl.is_valid())


class MyT(string.Template):
    delimiter = "%"
    idpattern = r"[a-z]+"


print(MyT("%a-%{b} 100%%").substitute(a=1, b=2))
f = string.Formatter()
print(f.format("{0:>8}|{x:^7.2f}|{y!r}", "hi", x=3.14159, y="q"), list(f.parse("a{b:c}d{}")))
print(string.capwords(" hello   wORLD  foo "), string.ascii_letters[:5], string.punctuation)
