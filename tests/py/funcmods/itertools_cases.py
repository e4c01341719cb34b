# itertools: every type, reprs, length hints, argument handling and messages.
import itertools as it

def err(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

def take(n, iterable):
    return list(it.islice(iterable, n))

c = it.count()
print(take(3, c), repr(c), repr(it.count(5)), repr(it.count(1, 2)), repr(it.count(1.5, 0.5)))
print(take(3, it.count(1.5, 0.5)), take(3, it.count(10, -3)), repr(it.count(2**70)), take(2, it.count(2**70)))
print(repr(it.count(step=1)), repr(it.count(0, 1.0)), repr(it.count(step=2)))
big = it.count(9223372036854775806)
print(take(3, big), repr(big))
print(err(lambda: it.count("a")), err(lambda: it.count(1, "b")), err(lambda: it.count(1, 2, 3)), err(lambda: it.count(x=1)))
print(take(7, it.cycle("abc")), take(2, it.cycle([])), err(lambda: it.cycle()), err(lambda: it.cycle(1)), err(lambda: it.cycle([], x=1)))
r = it.repeat("x", 3)
print(r.__length_hint__(), list(r), r.__length_hint__(), repr(r), repr(it.repeat(1)), repr(it.repeat("a", -2)))
print(list(it.repeat(1, times=2)), err(lambda: it.repeat(1).__length_hint__()), err(lambda: it.repeat()), err(lambda: it.repeat(1, "a")))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], initial=10)), list(it.accumulate([], initial=1)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate("abc")), list(it.accumulate([1, 2], func=None)))
print(err(lambda: list(it.accumulate([1, "a"]))), err(lambda: it.accumulate()))
print(list(it.chain("ab", [1, 2], ())), list(it.chain.from_iterable(["ab", "cd"])), list(it.chain()))
print(err(lambda: list(it.chain(1))), err(lambda: it.chain(x=1)), err(lambda: list(it.chain.from_iterable([1]))))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.compress(data="abc", selectors=[0, 1])), err(lambda: it.compress("a")))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 4])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(err(lambda: it.dropwhile(None)), err(lambda: it.takewhile(None, [], x=1)), err(lambda: list(it.takewhile(None, [1]))))
print(list(it.filterfalse(None, [0, 1, "", "a", None])), list(it.filterfalse(lambda x: x % 2, range(6))), list(it.filterfalse(bool, [0, 2])))
print(list(it.starmap(pow, [(2, 3), [3, 2]])), list(it.starmap(max, ["ab", "cd"])), err(lambda: list(it.starmap(pow, [1]))))
print(list(it.islice(range(10), 3)), list(it.islice(range(10), 2, 8, 2)), list(it.islice(range(10), None)), list(it.islice(range(10), 5, None)))
print(list(it.islice(range(10), None, None, 3)), list(it.islice("abc", 1, 100)), list(it.islice(range(5), 3, 1)))
print(err(lambda: it.islice(range(3), -1)), err(lambda: it.islice(range(3), 1, -2)), err(lambda: it.islice(range(3), -1, 2)))
print(err(lambda: it.islice(range(3), 0, 2, 0)), err(lambda: it.islice(range(3), "a")), err(lambda: it.islice(range(3))), err(lambda: it.islice(range(3), 1, x=1)))
print(err(lambda: it.islice(range(3), 1, 2**80)), err(lambda: it.islice(range(3), 2**80, 1)), err(lambda: it.islice(range(3), 0, 1, 2**80)))
src = iter(range(10))
sl = it.islice(src, 2, 6, 3)
print(list(sl), next(src))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")], [(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
gb = it.groupby("aabbc")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2), [(k, list(g)) for k, g in gb])
print(err(lambda: it.groupby()), [k for k, _ in it.groupby([])])
a, b = it.tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
t3 = it.tee("abc", 3)
print([list(x) for x in t3], it.tee([], 0), len(it.tee([1])))
x, y = it.tee(range(200))
print(sum(x), sum(y), type(x).__name__, type(x.__copy__()).__name__)
x, = it.tee(iter([1, 2, 3]), 1)
y = x.__copy__()
print(list(x), list(y))
print(err(lambda: it.tee([], -1)), err(lambda: it.tee()), err(lambda: it.tee(1)))
class Copyable:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
    def __copy__(self):
        return "copied"
print([type(t).__name__ for t in it.tee(Copyable(), 3)], [list(t) for t in it.tee(Copyable(), 2)])
print(list(it.zip_longest("abc", [1])), list(it.zip_longest("ab", "c", fillvalue="-")), list(it.zip_longest()))
print(err(lambda: it.zip_longest(x=1)), err(lambda: it.zip_longest(1)), err(lambda: it.zip_longest([], fillvalue=1, x=2)))
print(list(it.product("ab", [1, 2])), list(it.product([0, 1], repeat=2)), list(it.product()), list(it.product("ab", repeat=0)))
print(list(it.product("ab", [])), err(lambda: it.product(repeat=-1)), err(lambda: it.product(x=1)), err(lambda: it.product(1)))
print(list(it.permutations("abc")), list(it.permutations(range(3), 2)), list(it.permutations("ab", 3)), list(it.permutations([], 0)))
print(list(it.permutations("ab", r=None)), err(lambda: it.permutations("a", -1)), err(lambda: it.permutations("a", 1.0)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(3), 0)), list(it.combinations("ab", 3)))
print(err(lambda: it.combinations("a", -1)), err(lambda: it.combinations("a")), err(lambda: it.combinations("a", "b")))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement("", 2)), list(it.combinations_with_replacement("", 0)))
print(list(it.pairwise("abcd")), list(it.pairwise("a")), list(it.pairwise([])), err(lambda: it.pairwise()))
print(list(it.batched("abcdefg", 3)), list(it.batched([], 2)), list(it.batched("abcd", n=2, strict=True)))
print(err(lambda: list(it.batched("abc", 2, strict=True))), err(lambda: it.batched("a", 0)), err(lambda: it.batched("a")))
ids = [id(t) for t in it.product("ab", repeat=2)]
print(len(ids), ids[0] == ids[1])
kept = list(it.combinations("abc", 2))
print(kept)
def gen():
    yield 1
    raise ValueError("boom")
print(err(lambda: list(it.chain(gen()))), err(lambda: list(it.batched(gen(), 5))), err(lambda: list(it.zip_longest(gen(), "abc"))))
class Sub(it.count):
    pass
print(repr(Sub(3)), repr(type("R", (it.repeat,), {})(1, 2)))
for name in ("count", "cycle", "repeat", "chain", "islice", "groupby", "_grouper", "_tee", "_tee_dataobject", "batched", "pairwise"):
    t = getattr(it, name)
    print(name, t.__module__, t.__flags__ & (1 << 10) != 0)
print(sorted(n for n in dir(it) if not n.startswith("__")))
