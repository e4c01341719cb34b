# Argument passing: keyword arguments, defaults, keyword-only parameters, *args/**kwargs
# forwarding through wrappers, unpacking calls f(*t, **d), and bound method calls with them.
def point(x, y=0, z=0, *, scale=1):
    return (x + y + z) * scale


def forward(*args, **kwargs):
    return point(*args, **kwargs)


def forward2(a, *rest, **kw):
    return forward(a, *rest, **kw)


def collect(*args, **kwargs):
    return len(args) + len(kwargs)


def options(path, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
    return len(path) + buffering + (encoding is None) + (newline is None)


class Builder:
    def __init__(self):
        self.total = 0

    def add(self, value, *, weight=1, bias=0):
        self.total += value * weight + bias
        return self

    def add_all(self, *values, **kw):
        for v in values:
            self.add(v, **kw)
        return self


def run(n):
    total = 0
    t = (1, 2)
    d = {"z": 3, "scale": 2}
    b = Builder()
    for i in range(n):
        total += point(i, y=1, scale=2)
        total += point(i, 2, z=3)
        total += forward(i, 1, 2, scale=3)
        total += forward2(i, z=1)
        total += point(*t, **d)
        total += collect(i, i, a=1, b=2)
        total += options("file.txt", encoding="utf-8", buffering=8)
        b.add(i, weight=2).add(1, bias=3)
        b.add_all(1, 2, 3, weight=i % 3)
    return total, b.total


for _ in range(3):
    result = run(50000)
print(result)
