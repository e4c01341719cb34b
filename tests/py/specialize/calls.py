# CALL specialisations: Python functions (exact arguments, defaults, bound methods), builtins,
# method descriptors, len/isinstance/type/str/tuple, list.append; their guards when the
# callee changes (function __code__/__defaults__ replaced, names rebound).


def f(a, b):
    return a + b


def g(a, b=10):
    return a * b


class C:
    def m(self, x):
        return x + 1

    def n(self, *args):
        return len(args)


def call_f(x):
    return f(x, 1)


out = []
for i in range(200):
    if i == 80:
        f.__code__ = (lambda a, b: a - b).__code__
    if i == 120:
        f = lambda a, b: "rebound"
    if i == 160:
        f = C().m.__func__.__get__(C())  # a bound method taking one argument
        f = lambda a, b, c=5: a * 100 + c
    out.append(call_f(i))
print(out[0], out[79], out[80], out[120], out[160], out[-1])

res = []
for i in range(150):
    if i == 100:
        g.__defaults__ = (1000,)
    res.append(g(i))
print(res[0], res[99], res[100], res[-1])

c = C()
res = []
for i in range(150):
    if i == 100:
        C.m = lambda self, x: x * 2
    res.append((c.m(i), c.n(1, 2, i)))
print(res[0], res[99], res[100])

items = []
for i in range(150):
    items.append(len("abc" * (i % 3)))
    items.append(isinstance(i, int))
    items.append(type(i).__name__)
    items.append(str(i)[-1:])
    items.append(tuple([i])[0])
    items.append(abs(-i))
    items.append(max(i, 5))
    items.append("x".join(["a", "b"]))
    items.append("abc".upper())
    items.append(divmod(i, 7))
    items.append(sorted([3, 1, 2], reverse=True)[0])
print(len(items), items[-11:])

l = []
for i in range(150):
    l.append(i)
    if i == 100:
        l = ListSub = type("ListSub", (list,), {"append": lambda self, v: list.append(self, -v)})()
print(l[:3], len(l))

len_calls = []
for i in range(130):
    if i == 100:
        len = lambda x: "patched len"
    len_calls.append(len([1, 2]))
print(len_calls[99], len_calls[100])
del len

for i in range(100):
    try:
        isinstance(1)
    except TypeError as e:
        msg = str(e)
print(msg)
for i in range(100):
    try:
        len(5)
    except TypeError as e:
        msg = str(e)
print(msg)


def rec(n):
    return n if n < 2 else rec(n - 1) + rec(n - 2)


print(rec(20))


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


try:
    deep(5000)
except RecursionError as e:
    print("RecursionError:", e)
print(deep(500))
