# isinstance/getattr-heavy code: a visitor that dispatches on getattr(self, "visit_" + name),
# isinstance checks against classes and tuples (with abstract base classes), hasattr and
# setattr with computed names, type() comparisons.
from collections.abc import Mapping, Sequence


class Node:
    pass


class Num(Node):
    def __init__(self, v):
        self.v = v


class Add(Node):
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Mul(Node):
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Neg(Node):
    def __init__(self, a):
        self.a = a


class Visitor:
    def visit(self, node):
        return getattr(self, "visit_" + type(node).__name__)(node)

    def visit_Num(self, node):
        return node.v

    def visit_Add(self, node):
        return self.visit(node.a) + self.visit(node.b)

    def visit_Mul(self, node):
        return self.visit(node.a) * self.visit(node.b) % 1000003

    def visit_Neg(self, node):
        return -self.visit(node.a)


def build(depth, i):
    if depth == 0:
        return Num(i % 10)
    k = (depth + i) % 3
    if k == 0:
        return Add(build(depth - 1, i + 1), build(depth - 1, i + 2))
    if k == 1:
        return Mul(build(depth - 1, i + 3), Num(depth))
    return Neg(build(depth - 1, i))


def classify(v):
    if isinstance(v, bool):
        return 0
    if isinstance(v, int):
        return 1
    if isinstance(v, (str, bytes)):
        return 2
    if isinstance(v, Mapping):
        return 3
    if isinstance(v, Sequence):
        return 4
    return 5


class Config:
    pass


def run(n):
    tree = build(14, 0)
    total = Visitor().visit(tree)
    values = [1, True, "s", b"b", {}, [], (), 2.5, None, Config()]
    counts = [0] * 6
    for i in range(n):
        counts[classify(values[i % 10])] += 1
    cfg = Config()
    names = ["opt%d" % k for k in range(20)]
    for i in range(n):
        name = names[i % 20]
        if hasattr(cfg, name):
            setattr(cfg, name, getattr(cfg, name) + 1)
        else:
            setattr(cfg, name, 1)
    same = 0
    for v in values * (n // 100):
        if type(v) is int or type(v) == str:
            same += 1
    return total, counts, sum(getattr(cfg, k) for k in names), same


for _ in range(3):
    result = run(100000)
print(result)
