"""Graph, scheduling and text algorithms on heapq, bisect and collections."""
import bisect
import heapq
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple

# Dijkstra over a road network
ROADS = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9)]
graph = defaultdict(list)
for a, b, w in ROADS:
    graph[a].append((b, w))
    graph[b].append((a, w))


def dijkstra(src):
    dist = {src: 0}
    prev = {}
    heap = [(0, src)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v], prev[v] = nd, u
                heapq.heappush(heap, (nd, v))
    return dist, prev


dist, prev = dijkstra("A")
for node in sorted(dist):
    path, n = [node], node
    while n in prev:
        n = prev[n]
        path.append(n)
    print(node, dist[node], "->".join(reversed(path)))

# Topological sort with Kahn's algorithm, then graphlib
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "core": [], "tests": ["app"]}
indeg = Counter({k: 0 for k in deps})
for k, vs in deps.items():
    for v in vs:
        indeg[k] += 1
rev = defaultdict(list)
for k, vs in deps.items():
    for v in vs:
        rev[v].append(k)
q = deque(sorted(k for k in deps if indeg[k] == 0))
order = []
while q:
    n = q.popleft()
    order.append(n)
    for m in sorted(rev[n]):
        indeg[m] -= 1
        if indeg[m] == 0:
            q.append(m)
print(order)
import graphlib
ts = graphlib.TopologicalSorter(deps)
print(list(ts.static_order()))
try:
    graphlib.TopologicalSorter({"a": ["b"], "b": ["a"]}).prepare()
except graphlib.CycleError as exc:
    print("cycle:", exc.args[0], exc.args[1])

# Running median with two heaps
lo, hi, medians = [], [], []
for x in [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]:
    heapq.heappush(lo, -x)
    heapq.heappush(hi, -heapq.heappop(lo))
    if len(hi) > len(lo):
        heapq.heappush(lo, -heapq.heappop(hi))
    medians.append(-lo[0] if len(lo) > len(hi) else (-lo[0] + hi[0]) / 2)
print(medians)
print(heapq.nlargest(3, ROADS, key=lambda r: r[2]), heapq.nsmallest(2, [5, 1, 4, 1]),
      list(heapq.merge([1, 4, 9], [2, 3, 10], [0])), list(heapq.merge(["b", "a"], ["c"], key=str.upper, reverse=True)))
h = [9, 4, 7, 1]
heapq.heapify(h)
print(h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 8), h)
mh = [3, 1, 4, 1, 5]
heapq.heapify_max(mh)
print(mh, heapq.heappop_max(mh), mh) if hasattr(heapq, "heapify_max") else print("no max-heap API")

# Interval scheduling and grade lookup with bisect
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
sorted_list = []
for x in [10, 3, 7, 3, 15, 1]:
    bisect.insort(sorted_list, x)
print(sorted_list, bisect.bisect_left(sorted_list, 3), bisect.bisect_right(sorted_list, 3),
      bisect.bisect_left(sorted_list, 8, lo=2, hi=4))
Event = namedtuple("Event", "start end name")
events = sorted([Event(9, 10, "standup"), Event(13, 15, "review"), Event(11, 12, "lunch")])
print(bisect.bisect(events, 12, key=lambda e: e.start), events[bisect.bisect_left(events, 11, key=lambda e: e.start)])
bisect.insort(events, Event(10, 11, "coffee"), key=lambda e: e.start)
print([e.name for e in events], events[0]._asdict(), events[0]._replace(name="x"), Event._make([1, 2, 3]))

# LRU cache by OrderedDict
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap

    def get(self, key):
        if key not in self:
            return None
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.cap:
            self.popitem(last=False)


lru = LRU(2)
lru.put("a", 1)
lru.put("b", 2)
lru.get("a")
lru.put("c", 3)
print(lru, list(lru.keys()), lru.get("b"))

# Sliding window max with deque, word frequency with Counter
def window_max(xs, k):
    dq, out = deque(), []
    for i, x in enumerate(xs):
        while dq and xs[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(xs[dq[0]])
    return out


print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
d = deque(range(10), maxlen=5)
d.rotate(2)
d.appendleft(-1)
print(d, d.maxlen, d.index(8), d.count(9), d[-1], deque(reversed(d)))
text = "the cat and the hat and the bat sat on the mat".split()
c = Counter(text)
print(c.most_common(3), c["dog"], sorted(c.elements())[:5], c.total())
c2 = Counter(a=3, b=1, c=-2)
print(c + c2 if False else (Counter("abc") + Counter("bcd")), Counter("aab") - Counter("ab"),
      Counter("aab") | Counter("bbc"), Counter("aab") & Counter("abb"), +c2, -c2)
c2.subtract({"a": 5})
print(c2, Counter("abc") <= Counter("aabbcc"), Counter(a=1) == Counter(a=1, b=0))
cm = ChainMap({"color": "red"}, {"color": "blue", "size": "L"}, {"shape": "round"})
print(cm["color"], cm["size"], len(cm), sorted(cm), cm.maps[1], cm.new_child({"x": 1}).parents.maps == cm.maps)
cm["size"] = "S"
print(cm.maps[0], dict(cm))
try:
    del cm["shape"]
except KeyError as exc:
    print("KeyError:", exc)
dd = defaultdict(lambda: defaultdict(int))
for word in text:
    dd[word[0]][word] += 1
print({k: dict(v) for k, v in sorted(dd.items())})
print(repr(defaultdict(list)), defaultdict(int, a=1) | {"b": 2})

# Edit distance and longest common subsequence
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


print([edit_distance(a, b) for a, b in [("kitten", "sitting"), ("", "abc"), ("flaw", "lawn")]])
import difflib
print(list(difflib.unified_diff(["a\n", "b\n", "c\n"], ["a\n", "B\n", "c\n", "d\n"], "old", "new")))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.SequenceMatcher(None, "abcd", "bcde").ratio())
print(list(difflib.ndiff(["one\n", "two\n"], ["one\n", "tree\n"])))
