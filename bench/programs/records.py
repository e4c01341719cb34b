# Small records: dicts used as records, namedtuples (attribute access, _replace, unpacking)
# and dataclasses (generated __init__, __eq__, field access, frozen instances, ordering).
from collections import namedtuple
from dataclasses import dataclass, field

Row = namedtuple("Row", "ident name score tags")


@dataclass
class Item:
    ident: int
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

    def total(self, qty):
        return self.price * qty


@dataclass(frozen=True, order=True)
class Key:
    a: int
    b: int


def run(n):
    dicts = [{"id": i, "name": "n%d" % (i % 100), "score": i % 37} for i in range(n)]
    best = 0
    for d in dicts:
        if d["score"] > best:
            best = d["score"]
        d["score2"] = d["score"] * 2
    rows = [Row(i, "r", i % 11, ()) for i in range(n)]
    s = 0
    for r in rows:
        ident, name, score, tags = r
        s += r.score + ident
    moved = [r._replace(score=0) for r in rows[:n // 10]]
    items = [Item(i, "it", price=i * 0.5) for i in range(n)]
    value = 0.0
    for it in items:
        value += it.total(2)
        it.tags.append(1)
    eq = sum(1 for a, b in zip(items, items[1:]) if a == b)
    keys = sorted(Key(i % 50, -i) for i in range(n // 4))
    hashed = len({Key(i % 50, i % 7) for i in range(n // 4)})
    return best, s, len(moved), value, eq, keys[0], hashed, repr(rows[5]), repr(items[3])


for _ in range(3):
    result = run(60000)
print(result)
