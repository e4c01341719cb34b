# Coding-exercise style solutions: DP, graphs, recursion, bit tricks, string algorithms.
from functools import lru_cache
from collections import deque, defaultdict
import heapq, itertools, math, bisect
def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a, 1):
        for j, y in enumerate(b, 1):
            dp[i][j] = dp[i-1][j-1] + 1 if x == y else max(dp[i-1][j], dp[i][j-1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i-1] == b[j-1]:
            out.append(a[i-1]); i -= 1; j -= 1
        elif dp[i-1][j] >= dp[i][j-1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))
print(lcs("AGGTAB", "GXTXAYB"), lcs("abcdef", "acf"))
def edit_distance(s, t):
    prev = list(range(len(t) + 1))
    for i, c in enumerate(s, 1):
        cur = [i]
        for j, d in enumerate(t, 1):
            cur.append(min(prev[j] + 1, cur[j-1] + 1, prev[j-1] + (c != d)))
        prev = cur
    return prev[-1]
print(edit_distance("kitten", "sitting"), edit_distance("", "abc"))
def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, math.inf):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))
g = defaultdict(list)
for u, v, w in [("a", "b", 4), ("a", "c", 2), ("c", "b", 1), ("b", "d", 5), ("c", "d", 8), ("d", "e", 3)]:
    g[u].append((v, w)); g[v].append((u, w))
print(dijkstra(g, "a"))
def bfs_grid(grid, start, goal):
    R, C = len(grid), len(grid[0])
    q = deque([(start, 0)]); seen = {start}
    while q:
        (r, c), d = q.popleft()
        if (r, c) == goal:
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen.add((nr, nc)); q.append(((nr, nc), d + 1))
    return -1
maze = ["..#....", ".##.##.", "....#..", ".#.##.#", "...#..."]
print(bfs_grid(maze, (0, 0), (4, 6)), bfs_grid(maze, (0, 0), (0, 3)))
def topo(deps):
    indeg = {k: 0 for k in deps}
    for k, vs in deps.items():
        for v in vs:
            indeg.setdefault(v, 0); indeg[k] += 1
    rev = defaultdict(list)
    for k, vs in deps.items():
        for v in vs: rev[v].append(k)
    q = sorted(k for k, d in indeg.items() if d == 0); out = []
    while q:
        n = q.pop(0); out.append(n)
        for m in sorted(rev[n]):
            indeg[m] -= 1
            if indeg[m] == 0: q.append(m)
    return out
print(topo({"app": ["lib", "utils"], "lib": ["utils", "core"], "utils": ["core"], "test": ["app"]}))
import graphlib
ts = graphlib.TopologicalSorter({"app": {"lib"}, "lib": {"core"}, "core": set()})
print(list(ts.static_order()))
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print("cycle", e.args[0], sorted(e.args[1]))
@lru_cache(None)
def partitions(n, k=None):
    if k is None: k = n
    if n == 0: return 1
    return sum(partitions(n - i, i) for i in range(1, min(n, k) + 1))
print([partitions(n) for n in range(1, 16)], partitions(100))
def sieve(n):
    is_p = bytearray([1]) * (n + 1); is_p[0:2] = b"\x00\x00"
    for i in range(2, math.isqrt(n) + 1):
        if is_p[i]: is_p[i*i::i] = bytes(len(range(i*i, n + 1, i)))
    return [i for i, v in enumerate(is_p) if v]
pr = sieve(200); print(pr[-5:], len(pr), sum(sieve(10000)))
def nqueens(n):
    def solve(row, cols, d1, d2):
        if row == n: return 1
        return sum(solve(row + 1, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + n))
                   for c in range(n) if not (cols >> c & 1 or d1 >> (row + c) & 1 or d2 >> (row - c + n) & 1))
    return solve(0, 0, 0, 0)
print([nqueens(i) for i in range(1, 9)])
def kmp_table(p):
    t = [0] * len(p); k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]: k = t[k-1]
        if p[i] == p[k]: k += 1
        t[i] = k
    return t
print(kmp_table("abacabab"), [m for m in range(len("abababa")) if "abababa".startswith("aba", m)])
def rle(s): return "".join(f"{len(list(g))}{k}" for k, g in itertools.groupby(s))
print(rle("aaabccddddde"), bin(0b1011 ^ 0b0110), (37).bit_length(), [n & -n for n in (12, 10, 7)], 1 << 100 >> 98)
def lis(a):
    tails = []
    for x in a:
        i = bisect.bisect_left(tails, x)
        tails[i:i+1] = [x]
    return len(tails)
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis(list(range(50))[::-1]))
print(sorted(itertools.permutations("abc", 2))[:4], math.comb(52, 5), sum(1 for _ in itertools.combinations(range(20), 3)))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix[::-1])], [row[::-1] for row in matrix], sum(matrix, []))
spiral = []
m = [row[:] for row in matrix]
while m:
    spiral += m.pop(0)
    m = [list(r) for r in zip(*m)][::-1]
print(spiral)
