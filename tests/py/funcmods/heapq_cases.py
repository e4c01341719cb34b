# _heapq: heap shapes, comparison sequences, max-heap variants and error messages.
import _heapq

def err(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

log = []

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f"K{self.v}"

data = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0]
h = []
for v in data:
    _heapq.heappush(h, v)
    print(h)
print([_heapq.heappop(h) for _ in range(len(data))])
h = list(data)
_heapq.heapify(h)
print(h)
print(_heapq.heapreplace(h, 11), h)
print(_heapq.heappushpop(h, -1), _heapq.heappushpop(h, 12), h)
print(_heapq.heappushpop([], 3))
m = list(data)
_heapq.heapify_max(m)
print(m)
print(_heapq.heappop_max(m), m)
_heapq.heappush_max(m, 20)
print(m)
print(_heapq.heapreplace_max(m, -5), m)
print(_heapq.heappushpop_max(m, 30), _heapq.heappushpop_max(m, 0), m)
ks = [K(v) for v in data]
_heapq.heapify(ks)
print(ks, len(log))
print(log)
log.clear()
print(_heapq.heappop(ks), log)
log.clear()
_heapq.heappush(ks, K(-3))
print(ks, log)
log.clear()
big = [(i * 7919) % 10007 for i in range(6000)]
_heapq.heapify(big)
print(big[:20], big[-5:])
ok = all(big[(i - 1) // 2] <= big[i] for i in range(1, len(big)))
print(ok)
bigm = [(i * 7919) % 10007 for i in range(6000)]
_heapq.heapify_max(bigm)
print(bigm[:20], all(bigm[(i - 1) // 2] >= bigm[i] for i in range(1, len(bigm))))
kb = [K((i * 37) % 101) for i in range(3000)]
_heapq.heapify(kb)
print(len(log), log[:10], log[-5:])
log.clear()

class Evil:
    def __init__(self, heap):
        self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return True
e = []
e.extend([Evil(e), Evil(e)])
print(err(lambda: _heapq.heappush(e, Evil(e))))
print(err(lambda: _heapq.heappop([])))
print(err(lambda: _heapq.heapreplace([], 1)))
print(err(lambda: _heapq.heappop_max([])))
print(err(lambda: _heapq.heappush((), 1)))
print(err(lambda: _heapq.heappush([])))
print(err(lambda: _heapq.heappush([], 1, 2)))
print(err(lambda: _heapq.heapify(None)))
print(err(lambda: _heapq.heappop(5)))
print(err(lambda: _heapq.heapify_max({})))
print(err(lambda: _heapq.heappushpop_max("ab", 1)))
print(err(lambda: _heapq.heapify([1, "a", 2])))
print(err(lambda: _heapq.heappush([1], "a")))
print(err(lambda: _heapq.heappush(h, item=3)))
class L(list): pass
l = L([3, 1, 2])
_heapq.heapify(l)
print(l, type(l).__name__)
print(_heapq.heappush.__name__, _heapq.heapify_max.__name__)
print(sorted(n for n in dir(_heapq) if not n.startswith("__")))
