# A small "sales report" CLI-style program: parse, aggregate, format a table.
import csv, io, statistics, itertools, operator, datetime as _dt_unused
from collections import defaultdict, namedtuple
from decimal import Decimal, ROUND_HALF_EVEN
RAW = """date,region,product,units,price
2024-01-03,North,Widget,12,2.50
2024-01-03,South,Gadget,3,10.00
2024-01-04,North,Gadget,7,9.75
2024-01-05,East,Widget,20,2.45
2024-01-05,South,Widget,5,2.55
2024-02-01,North,Gizmo,1,99.99
2024-02-02,East,Gadget,9,10.10
2024-02-03,West,Gizmo,2,95.00
"""
Sale = namedtuple("Sale", "date region product units price")
def parse(text):
    for row in csv.DictReader(io.StringIO(text)):
        yield Sale(row["date"], row["region"], row["product"], int(row["units"]), Decimal(row["price"]))
sales = list(parse(RAW))
def revenue(s): return (s.units * s.price).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
by_region = defaultdict(Decimal)
for s in sales:
    by_region[s.region] += revenue(s)
width = max(map(len, by_region)) + 2
print(f"{'Region':<{width}}{'Revenue':>12}")
print("-" * (width + 12))
for region, total in sorted(by_region.items(), key=operator.itemgetter(1), reverse=True):
    print(f"{region:<{width}}{total:>12,.2f}")
print("-" * (width + 12))
print(f"{'Total':<{width}}{sum(by_region.values()):>12,.2f}")
month = lambda s: s.date[:7]
for m, group in itertools.groupby(sorted(sales, key=month), key=month):
    g = list(group)
    units = [s.units for s in g]
    print(m, len(g), sum(units), statistics.mean(units), statistics.median(units), max(g, key=revenue).product)
pivot = defaultdict(lambda: defaultdict(int))
for s in sales:
    pivot[s.product][s.region] += s.units
regions = sorted({s.region for s in sales})
print("product".ljust(8) + "".join(r.rjust(7) for r in regions))
for prod in sorted(pivot):
    print(prod.ljust(8) + "".join(str(pivot[prod].get(r, "-")).rjust(7) for r in regions))
top = sorted(sales, key=lambda s: (-revenue(s), s.date))[:3]
for rank, s in enumerate(top, 1):
    print(f"#{rank} {s.product:<7} {s.region:<6} {revenue(s)!s:>8} {float(revenue(s)):8.1f} {revenue(s):.3e}")
print(Decimal("1234567.891").quantize(Decimal("0.01")), f"{Decimal('0.005'):.2f}", f"{Decimal('-1234.5'):+,.1f}", round(Decimal("2.5")), Decimal("3.14159").as_tuple())
print(str(Decimal("1E+3")), Decimal("100").to_eng_string(), Decimal("1.000").normalize(), Decimal(3) / 7 * 7 == 3, Decimal("7").sqrt().quantize(Decimal("1.0000")))
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["region", "revenue"])
for r, t in sorted(by_region.items()):
    w.writerow([r, t])
print(out.getvalue(), end="")
