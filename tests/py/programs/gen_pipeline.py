import itertools as it
from collections import Counter, defaultdict, deque, OrderedDict, namedtuple, ChainMap
import operator
import functools

def read_lines():
    text = """alpha 3 red
beta 5 blue
gamma 2 red
delta 8 green
epsilon 1 blue
zeta 13 red"""
    for line in text.splitlines():
        yield line

def parse(lines):
    for line in lines:
        name, n, color = line.split()
        yield name, int(n), color

rows = list(parse(read_lines()))
print(rows)
by_color = defaultdict(list)
for name, n, color in rows:
    by_color[color].append(n)
print(dict(by_color))
for color, grp in it.groupby(sorted(rows, key=operator.itemgetter(2)), key=operator.itemgetter(2)):
    print(color, [g[0] for g in grp])
print(list(it.accumulate([r[1] for r in rows])))
print(list(it.accumulate([r[1] for r in rows], operator.mul, initial=1)))
print(list(it.chain.from_iterable(["ab", "cd"])))
print(list(it.islice(it.count(10, 3), 5)))
print(list(it.combinations("abcd", 2)))
print(list(it.permutations(range(3))))
print(list(it.product("ab", repeat=2)))
print(list(it.zip_longest("abc", "de", fillvalue="-")))
print(list(it.batched(range(10), 3)))
print(list(it.pairwise("hello")))
print(list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 2])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 2])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.filterfalse(str.isdigit, "a1b2")))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(it.repeat("x", 3)), list(it.cycle("ab"))[:0] if False else list(it.islice(it.cycle("ab"), 5)))
c = Counter("mississippi")
print(c, c.most_common(2), c["z"], sorted(c.elements()))
c2 = Counter(a=3, b=1)
print(c + c2, c - c2, c & c2, c | c2, c.total())
d = deque(range(5), maxlen=4)
d.rotate(2); d.appendleft(9)
print(d, d.maxlen)
od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(od, od.popitem(last=False))
P = namedtuple("P", "x y z", defaults=[0])
p = P(1, 2)
print(p, p._asdict(), p._replace(x=5), P._fields, P._field_defaults)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], cm, list(cm), cm.new_child({"c": 4}))
print(functools.reduce(operator.add, range(10)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(it.islice(fib(), 15)))
def gen_with_return():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
    return "done"
g = gen_with_return()
print(next(g), g.send("A"))
try:
    g.send("B")
except StopIteration as e:
    print("stop", e.value)
def delegator():
    r = yield from gen_with_return()
    print("delegated result", r)
g = delegator()
print(next(g)); print(g.send(1))
try:
    g.send(2)
except StopIteration:
    print("finished")
gen = (x * x for x in range(5))
print(sum(gen), list(gen))
print(sorted(rows, key=lambda r: (-r[1], r[0]))[:3])
print(max(rows, key=operator.itemgetter(1)), min(rows, key=lambda r: len(r[0])))
