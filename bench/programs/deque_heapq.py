# Graph and queue algorithms on collections.deque and heapq: breadth-first search, Dijkstra
# shortest paths, a sliding-window maximum, k smallest with nlargest/nsmallest, a merge of
# sorted runs and a round-robin task queue.
import heapq
from collections import deque


def make_graph(n):
    graph = {i: [] for i in range(n)}
    seed = 7
    for i in range(n):
        for _ in range(4):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            j = seed % n
            graph[i].append((j, seed % 17 + 1))
    return graph


def bfs(graph, start):
    dist = {start: 0}
    q = deque([start])
    while q:
        u = q.popleft()
        for v, _ in graph[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                q.append(v)
    return dist


def dijkstra(graph, start):
    dist = {start: 0}
    heap = [(0, start)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist.get(u, 1 << 60):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, 1 << 60):
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def window_max(values, k):
    q = deque()
    out = []
    for i, v in enumerate(values):
        while q and values[q[-1]] <= v:
            q.pop()
        q.append(i)
        if q[0] <= i - k:
            q.popleft()
        if i >= k - 1:
            out.append(values[q[0]])
    return out


def round_robin(n):
    tasks = deque((t, t % 7 + 1) for t in range(100))
    steps = 0
    while tasks and steps < n:
        t, left = tasks.popleft()
        steps += 1
        if left > 1:
            tasks.append((t, left - 1))
        else:
            tasks.append((t + 100, (t * 3) % 7 + 1))
    return steps, tasks[0]


def run(n):
    graph = make_graph(n)
    b = bfs(graph, 0)
    d = dijkstra(graph, 0)
    values = [(i * 7919) % 1000 for i in range(n * 2)]
    w = window_max(values, 16)
    small = heapq.nsmallest(10, values)
    large = heapq.nlargest(10, values)
    runs = [sorted(values[i::5]) for i in range(5)]
    merged = list(heapq.merge(*runs))
    rr = round_robin(n * 2)
    return len(b), max(b.values()), sum(d.values()), sum(w), small, large, merged[1000], rr


for _ in range(3):
    result = run(20000)
print(result)
