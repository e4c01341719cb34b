# _bisect: results, comparison sequences, key=, lo/hi handling and error messages.
import _bisect

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
        return f"K({self.v})"

a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 3, 4, 8, 9):
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x))
print(_bisect.bisect_left(a, 2, 2), _bisect.bisect_right(a, 2, 0, 3))
print(_bisect.bisect_right(a, 2, hi=None), _bisect.bisect_left(a, 2, lo=4, hi=-1))
print(_bisect.bisect_right(a, 100, 0, 3), _bisect.bisect_right(a, 100, 0, -5))
ks = [K(i) for i in range(10)]
print(_bisect.bisect_right(ks, K(4)), log)
log.clear()
print(_bisect.bisect_left(ks, K(4)), log)
log.clear()
print(_bisect.bisect_left(ks, 7, key=lambda k: k.v), _bisect.bisect_right(ks, 7, key=lambda k: k.v))
words = ["a", "bb", "ccc", "dddd"]
print(_bisect.bisect(words, 2, key=len) if hasattr(_bisect, "bisect") else "no bisect")
print(_bisect.bisect_right(words, 2, key=len), _bisect.bisect_left(words, 2, key=len))
b = []
for v in (5, 1, 4, 1, 3, 9, 2):
    _bisect.insort_right(b, v)
    _bisect.insort_left(b, v)
print(b)
c = [("a", 1), ("c", 3)]
_bisect.insort_left(c, ("b", 2), key=lambda t: t[0])
_bisect.insort_right(c, ("b", 5), key=lambda t: t[0])
print(c)

class Seq:
    def __init__(self):
        self.data = [1, 3, 5]
        self.calls = []
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        self.calls.append(i)
        return self.data[i]
    def insert(self, i, v):
        self.calls.append(("insert", i, v))
        self.data.insert(i, v)
s = Seq()
_bisect.insort(s, 4) if hasattr(_bisect, "insort") else _bisect.insort_right(s, 4)
print(s.data, s.calls)
print(_bisect.bisect_left((1, 2, 3), 2), _bisect.bisect_right("abcde", "c"))
print(err(lambda: _bisect.bisect_left(a, 1, -1)))
print(err(lambda: _bisect.bisect_left(a, 1, 1.5)))
print(err(lambda: _bisect.bisect_left(a, 1, 0, "x")))
print(err(lambda: _bisect.bisect_left(a, 1, 0, 2**100)))
print(err(lambda: _bisect.bisect_left({}, 1)))
print(err(lambda: _bisect.bisect_left({1: 2}, 1, 0, 1)))
print(err(lambda: _bisect.bisect_left(5, 1)))
print(err(lambda: _bisect.bisect_left(5, 1, 0, 1)))
print(err(lambda: _bisect.bisect_left([1])))
print(err(lambda: _bisect.bisect_left()))
print(err(lambda: _bisect.bisect_left([1], 1, 0, 1, 2)))
print(err(lambda: _bisect.bisect_left([1], 1, foo=2)))
print(err(lambda: _bisect.bisect_left([1], 1, key=None, lo=0, x=1)))
print(err(lambda: _bisect.bisect_left([1, "a"], 0)))
print(err(lambda: _bisect.bisect_right([1, 2], 1, key=len)))
print(err(lambda: _bisect.insort_left((1, 2), 1)))
print(_bisect.bisect_left.__name__, _bisect.insort_right.__name__)
print(sorted(n for n in dir(_bisect) if not n.startswith("__")))
