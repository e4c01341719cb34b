# CALL_KW and CALL_FUNCTION_EX at warmed-up sites: the specialised forms the reference writes
# (CALL_KW_PY, CALL_KW_BOUND_METHOD, CALL_KW_NON_PY), what they compute, and the misses: another
# function at the site, a function whose code changes, a bound method turning into a function,
# a builtin in place of a Python function, binding errors raised from the specialised forms,
# f(*args, **kwargs) into Python functions (keyword dicts, non-str keys, generators).
import dis


def kw_ops(f):
    return [i.opname for i in dis.get_instructions(f, adaptive=True)
            if i.opname.startswith("CALL")]


def point(x, y=0, z=0, *, scale=1):
    return (x + y + z) * scale


def collect(*args, **kwargs):
    return (len(args), sorted(kwargs.items()))


class Builder:
    def __init__(self):
        self.total = 0

    def add(self, value, *, weight=1, bias=0):
        self.total += value * weight + bias
        return self


def run_py(n):
    total = 0
    for i in range(n):
        total += point(i, y=1, scale=2)
        total += point(i, 2, z=3)
    return total


def run_collect(n):
    out = None
    for i in range(n):
        out = collect(i, i, a=1, b=i)
    return out


def run_bound(n):
    b = Builder()
    m = b.add
    for i in range(n):
        m(i, weight=2)
        b.add(1, bias=3)
    return b.total


def run_non_py(n):
    out = []
    for i in range(n):
        out.append(sorted([3, 1, i % 5], reverse=True))
        out.append(dict(a=i, b=2))
        out.append(int("11", base=2 + i % 3))
    return out[-3:]


print(run_py(100), kw_ops(run_py))
print(run_collect(100), kw_ops(run_collect))
print(run_bound(100), kw_ops(run_bound))
print(run_non_py(100), kw_ops(run_non_py))


# Another function at a CALL_KW_PY site, and the same function with new code.
def other(x, y=0, z=0, *, scale=1):
    return -(x + y + z + scale)


def site(f, n):
    return [f(i, scale=3) for i in range(n)][-2:]


print(site(point, 50), site(other, 3), site(point, 3))
point.__code__ = other.__code__
print(site(point, 3))
point.__defaults__ = (5, 5)
print(site(point, 3))


# A bound-method site that later sees a plain function, a builtin and a class.
def call_it(f, n):
    return [f(i, weight=1) for i in range(n)][-1]


b = Builder()
print(call_it(b.add, 40).total)
print(call_it(lambda v, weight: v * weight, 3))
print(call_it(lambda *a, **k: (a, k), 2))
try:
    call_it(max, 2)
except TypeError as e:
    print("TypeError:", e)


# Errors raised from the specialised forms.
def bad_calls(n):
    errs = []
    for i in range(n):
        try:
            point(i, q=1)
        except TypeError as e:
            errs.append(str(e))
        try:
            point(y=1)
        except TypeError as e:
            errs.append(str(e))
        try:
            point(1, x=2)
        except TypeError as e:
            errs.append(str(e))
    return errs[-3:]


point.__code__ = other.__code__ = (lambda x, y=0, z=0, *, scale=1: (x + y + z) * scale).__code__
point.__defaults__ = (0, 0)
print(bad_calls(60))


# f(*t, **d) into Python functions: positional and keyword unpacking, errors.
def forward(*args, **kwargs):
    return point(*args, **kwargs)


def forward2(a, *rest, **kw):
    return forward(a, *rest, **kw)


def unpack(n):
    t = (1, 2)
    d = {"z": 3, "scale": 2}
    total = 0
    for i in range(n):
        total += forward(i, 1, 2, scale=3)
        total += forward2(i, z=1)
        total += point(*t, **d)
        total += point(*[i])
    return total


print(unpack(100))
try:
    point(*(1,), **{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    point(*(1,), **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    forward(**{"scale": 1, "nope": 2})
except TypeError as e:
    print("TypeError:", e)


def gen(a, *, k):
    yield a
    yield k


print([list(gen(*(i,), **{"k": -i})) for i in range(3)])
big = {"k%d" % i: i for i in range(30)}
print(collect(*range(20), **big)[0], len(collect(**big)[1]))


class WithCall:
    def __call__(self, *a, **k):
        return ("called", a, sorted(k))


def misc(n):
    w = WithCall()
    r = None
    for i in range(n):
        r = w(i, x=1)
    return r, kw_ops(misc)


print(misc(30))
