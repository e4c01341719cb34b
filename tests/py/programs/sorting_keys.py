from operator import itemgetter, attrgetter
import locale, functools
from dataclasses import dataclass
people = [("alice", 30, "NY"), ("bob", 25, "LA"), ("carol", 30, "LA"), ("dave", 25, "NY"), ("Eve", 35, "SF")]
print(sorted(people, key=itemgetter(1, 0)))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=itemgetter(2), reverse=True))
print(sorted(people, key=lambda p: p[0].lower()), sorted(p[0] for p in people))
@dataclass
class Emp:
    name: str
    dept: str
    salary: int
emps = [Emp("a", "x", 3), Emp("b", "y", 1), Emp("c", "x", 2)]
print(sorted(emps, key=attrgetter("dept", "salary")))
s = sorted(emps, key=attrgetter("salary")); s.sort(key=attrgetter("dept"))
print([e.name for e in s])
print(sorted("The Quick brown Fox".split(), key=str.casefold), sorted([3, 1, 2], reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2, 1], [1, 2], [1]]), sorted("hello"))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    sorted([{1}, {2}, {1, 2}])
    print("sets sort without error")
except TypeError as e:
    print(e)
print(sorted([0.5, float("inf"), -1, 3, float("-inf")]), min([], default="empty"), max("abc", key=ord))
nums = [5, 2, 8, 1, 9, 3]
nums.sort(key=lambda n: n % 3)
print(nums, sorted(range(10), key=lambda n: (n % 2, -n)))
import heapq, bisect
h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(h))], heapq.nlargest(2, people, key=itemgetter(1)), heapq.nsmallest(3, [4, 1, 7, 0]))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(["b", "a"], ["c"], key=str.upper, reverse=True)))
ts = [10, 20, 30, 40]
print(bisect.bisect_left(ts, 20), bisect.bisect_right(ts, 20), bisect.bisect(ts, 25))
bisect.insort(ts, 25); print(ts, bisect.bisect_left(people, 30, key=itemgetter(1)) if False else "")
grades = lambda score, bps=[60, 70, 80, 90], g="FDCBA": g[bisect.bisect(bps, score)]
print([grades(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=itemgetter(1)), sorted({"b": 2, "a": 3}), dict(sorted({"z": 1, "y": 2}.items())))
words = "apple Banana cherry apple banana Apple".split()
from collections import Counter
freq = Counter(w.lower() for w in words)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
class Card:
    order = {r: i for i, r in enumerate("23456789TJQKA")}
    def __init__(self, s): self.rank, self.suit = s[0], s[1]
    def __lt__(self, o): return Card.order[self.rank] < Card.order[o.rank]
    def __repr__(self): return self.rank + self.suit
print(sorted(Card(c) for c in "KS 2H AD TC 9S".split()), max(Card(c) for c in ["3H", "QD"]))
data = [3, 1, 2]
print(list(reversed(sorted(data))), sorted(data) is data, data.sort() is None)
print(sorted([-3, 2, -1], key=abs), sorted(["10", "9", "100"], key=int), sorted(["10", "9", "100"]))
print(sorted([(1, None), (0, None)]), sorted(range(5), key=lambda x: 0))
