import graphlib
import heapq
import random
import math
import sys
from collections import defaultdict, deque
from itertools import permutations

GRID = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""


def parse(s):
    rows = [r for r in s.split() if r]
    return [[int(c) if c != "." else 0 for c in r] for r in rows]


def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]


steps = 0


def solve(g):
    global steps
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cs = candidates(g, r, c)
                if best is None or len(cs) < len(best[2]):
                    best = (r, c, cs)
    if best is None:
        return True
    r, c, cs = best
    for d in cs:
        steps += 1
        g[r][c] = d
        if solve(g):
            return True
    g[r][c] = 0
    return False


g = parse(GRID)
print(solve(g), steps)
for row in g:
    print(" ".join(map(str, row)))


def queens(n):
    sols = []
    def place(row, cols, d1, d2, acc):
        if row == n:
            sols.append(acc)
            return
        for c in range(n):
            if c not in cols and row - c not in d1 and row + c not in d2:
                place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, acc + [c])
    place(0, frozenset(), frozenset(), frozenset(), [])
    return sols


for n in range(4, 9):
    s = queens(n)
    print(n, len(s), s[0])

EDGES = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15), ("C", "D", 11),
         ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1)]
graph = defaultdict(list)
for a, b, w in EDGES:
    graph[a].append((b, w))
    graph[b].append((a, w))


def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, math.inf):
            continue
        for v, w in sorted(graph[u]):
            nd = d + w
            if nd < dist.get(v, math.inf):
                dist[v], prev[v] = nd, u
                heapq.heappush(pq, (nd, v))
    return dist, prev


dist, prev = dijkstra("A")
print(sorted(dist.items()))
path, node = [], "E"
while node != "A":
    path.append(node)
    node = prev[node]
print("->".join(reversed(path + ["A"])))


def bfs_components():
    seen, comps = set(), []
    for start in sorted(graph):
        if start in seen:
            continue
        comp, q = [], deque([start])
        seen.add(start)
        while q:
            u = q.popleft()
            comp.append(u)
            for v, _ in graph[u]:
                if v not in seen:
                    seen.add(v)
                    q.append(v)
        comps.append(sorted(comp))
    return comps


print(bfs_components())
deps = {"app": {"lib", "utils"}, "lib": {"core"}, "utils": {"core", "compat"}, "core": set(), "compat": set(), "tests": {"app"}}
ts = graphlib.TopologicalSorter({k: sorted(v) for k, v in deps.items()})
order = list(ts.static_order())
print(order)
ts2 = graphlib.TopologicalSorter()
for k in sorted(deps):
    ts2.add(k, *sorted(deps[k]))
ts2.prepare()
rounds = []
while ts2.is_active():
    ready = sorted(ts2.get_ready())
    rounds.append(ready)
    ts2.done(*ready)
print(rounds)
try:
    graphlib.TopologicalSorter({"a": ["b"], "b": ["a"]}).prepare()
except graphlib.CycleError as e:
    print("CycleError:", e.args[0], e.args[1])

rng = random.Random(2024)
print(rng.random(), rng.randint(1, 100), rng.randrange(0, 100, 7), rng.uniform(1, 2))
print(rng.choice("abcdef"), rng.choices(range(10), k=5), rng.choices("abc", weights=[10, 1, 1], k=6))
deck = list(range(10))
rng.shuffle(deck)
print(deck, rng.sample(range(100), 5), rng.sample(["x", "y", "z"], counts=[1, 2, 3], k=4))
print(round(rng.gauss(0, 1), 12), round(rng.normalvariate(10, 2), 12), round(rng.expovariate(1.5), 12))
print(round(rng.triangular(0, 10, 3), 12), round(rng.betavariate(2, 3), 12), round(rng.gammavariate(2, 1), 12))
print(round(rng.lognormvariate(0, 0.5), 12), round(rng.vonmisesvariate(1, 2), 12), round(rng.paretovariate(3), 12), round(rng.weibullvariate(1, 1.5), 12))
print(rng.getrandbits(70), rng.randbytes(6).hex(), rng.binomialvariate(20, 0.3))
state = rng.getstate()
a = [rng.random() for _ in range(3)]
rng.setstate(state)
print(a == [rng.random() for _ in range(3)])
random.seed("string seed")
print(random.random(), random.randint(0, 10**20))
random.seed(b"bytes")
print(random.random())
random.seed(12345678901234567890)
print(random.random(), random.getrandbits(3))


def monte_carlo_pi(n, r):
    inside = sum(1 for _ in range(n) if r.random() ** 2 + r.random() ** 2 <= 1)
    return 4 * inside / n


print(monte_carlo_pi(20000, random.Random(7)))


def walk(steps, r):
    x = y = 0
    visited = {(0, 0)}
    for _ in range(steps):
        dx, dy = r.choice([(0, 1), (1, 0), (0, -1), (-1, 0)])
        x, y = x + dx, y + dy
        visited.add((x, y))
    return (x, y), len(visited)


print(walk(1000, random.Random(99)))
cities = [(random.Random(i).random() * 100, random.Random(i + 100).random() * 100) for i in range(7)]
best = min(permutations(range(1, 7)), key=lambda p: sum(math.dist(cities[a], cities[b]) for a, b in zip((0,) + p, p + (0,))))
print(best, round(sum(math.dist(cities[a], cities[b]) for a, b in zip((0,) + best, best + (0,))), 6))
print(sys.getrecursionlimit() > 100, math.comb(52, 5), math.perm(10, 3), math.isqrt(10**20 + 1), math.gcd(2**40, 6**20), math.lcm(4, 6, 10))
print(math.prod(range(1, 15)), math.fsum([0.1] * 10), sum([0.1] * 10), math.sumprod([1, 2, 3], [4, 5, 6]), math.cbrt(8), math.exp2(10))
