"""Formatting a report: textwrap, pprint, reprlib, string.Template and format specs."""
import pprint
import reprlib
import string
import textwrap
from decimal import Decimal
from fractions import Fraction

TEXT = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor "
        "jugs!  How vexingly quick daft zebras jump; sphinx of black quartz, judge my vow.")

print(textwrap.fill(TEXT, width=40))
print(textwrap.fill(TEXT, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(TEXT, 25, max_lines=3, placeholder=" [...]"))
print(textwrap.shorten(TEXT, 50))
print(textwrap.shorten("Hello  world!", width=11), textwrap.shorten("Hello world", 5))
print(textwrap.wrap("a-very-long-hyphenated-word-that-needs-breaking here", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious", 10, break_long_words=False))
print(textwrap.wrap("tabs\there\tand\tthere", 12, expand_tabs=True, tabsize=4))
print(repr(textwrap.dedent("""
    def f():
        return 1
      # odd
    """)))
print(textwrap.indent("one\n\ntwo\n", "> "), end="")
print(textwrap.indent("one\n\ntwo\n", "+ ", predicate=lambda l: True), end="")
w = textwrap.TextWrapper(width=20, fix_sentence_endings=True, drop_whitespace=False)
print(w.wrap("End here. Next one. And more text to wrap"))

data = {
    "servers": [{"name": f"srv{i}", "ports": list(range(8000, 8000 + i)), "tags": {"a", "b"}
                 if i % 2 else set()} for i in range(4)],
    "owner": ("ops", "team", ["alice", "bob"]),
    "limits": {"cpu": 0.75, "mem": Decimal("1.50"), "ratio": Fraction(2, 3)},
    "nested": [[[[[["deep"]]]]]],
    "long_text": "x" * 90,
}
pprint.pprint(data)
pprint.pprint(data, width=120, compact=True)
pprint.pprint(data, depth=2)
pprint.pprint(data["servers"], sort_dicts=False, underscore_numbers=True, width=50)
print(pprint.pformat(list(range(40)), compact=True, width=60))
print(pprint.pformat({"big": 12345678901234567890}, underscore_numbers=True))
print(pprint.isreadable(data), pprint.isrecursive(data), pprint.saferepr(data)[:60])
cyc = [1, 2]
cyc.append(cyc)
print(pprint.pformat(cyc).replace(str(id(cyc)), 'ID'), pprint.isrecursive(cyc))
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap
from types import SimpleNamespace
pprint.pprint([OrderedDict(a=1, b=[1] * 30), defaultdict(list, {"k": list(range(25))}),
               Counter("mississippi"), deque(range(30), maxlen=32),
               SimpleNamespace(alpha=1, beta="b" * 70), ChainMap({"a": 1}, {"b": 2})])
print(pprint.pformat(b"bytes " * 20), pprint.pformat(bytearray(b"ba" * 30), width=40), sep="\n")

r = reprlib.Repr(maxlist=4, maxstring=20, maxother=15)
print(r.repr(list(range(100))), r.repr("a" * 100), r.repr({i: str(i) for i in range(20)}))
print(reprlib.repr(set(range(50))), reprlib.repr(tuple("abcdefghij")), reprlib.repr(2 ** 300))
print(reprlib.repr([[[[[1]]]]]), reprlib.repr(frozenset("ab")), reprlib.repr(b"z" * 50))
r2 = reprlib.Repr(indent=2, maxlevel=3)
print(r2.repr([1, [2, {"k": [3, 4]}], "s"]))


class Box:
    def __init__(self):
        self.items = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Box({self.items!r})"


b = Box()
b.items.append(b)
print(b)

t = string.Template("$who likes ${what}s, costs $$$price.")
print(t.substitute(who="Tim", what="kung pao", price=3))
print(t.safe_substitute(who="Ann"))
try:
    t.substitute(who="Ann")
except KeyError as exc:
    print("KeyError", exc)
try:
    string.Template("bad $ sign").substitute()
except ValueError as exc:
    print("ValueError", exc)
print(t.get_identifiers(), t.is_valid())


class Percent(string.Template):
    delimiter = "%"
    idpattern = r"[a-z]+"


print(Percent("%name is %age").substitute(name="Zed", age=41))
print(string.capwords("hello   world  of python"), string.capwords("a-b c-d", "-"))
fmt = string.Formatter()
print(fmt.format("{0}-{name!r}-{1:>4}", "a", 7, name="n"), list(fmt.parse("x{0:>3}y{}")))

rows = [("apples", 3, 1.25), ("kiwi", 12, 0.3333), ("watermelon", 1, 4.5)]
print(f"{'item':<12}|{'qty':>5}|{'price':>8}|{'total':>9}")
print(f"{'':-<12}+{'':->5}+{'':->8}+{'':->9}")
for name, qty, price in rows:
    print(f"{name:<12}|{qty:>5d}|{price:>8.2f}|{qty * price:>9,.3f}")
for spec in ["", "10", "<10", "^10", ">10", "*^11", "+", " ", "08.3f", ",", "_", "e", ".3g",
             "%", "#x", "#o", "#b", "X", "c", "n", "=+10", ".0f", ".2%", "_b"]:
    vals = []
    for v in (255, -3.14159, 1234567.891):
        try:
            vals.append(format(v, spec))
        except (ValueError, TypeError) as exc:
            vals.append(f"!{exc}")
    print(repr(spec), vals)
print(format("text", "^10"), format("text", ".2"), f"{'x'!r:>5}", f"{3+4j:.1f}",
      f"{Decimal('1234.5678'):,.2f}", f"{Fraction(1, 3):.5f}", f"{12345:,}".replace(",", "."))
print("{:{fill}{align}{width}}".format("nest", fill="~", align="^", width=10))
print("%-6s|%6.2f|%+d|%x|%o|%e|%r|%c|%%" % ("ab", 2.5, 3, 255, 8, 12345.678, "r", 65))
print("%(a)s and %(b)05d" % {"a": "A", "b": 42})
