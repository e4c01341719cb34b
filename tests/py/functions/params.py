# Parameter kinds: defaults, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{'c': 0, 'z': 1}))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def kw_names(a, /, **kw):
    return a, kw
print(kw_names(1, a=2))
def defaults_shared(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_shared(1), defaults_shared(2), defaults_shared(3, []))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, pos_only.__code__.co_posonlyargcount)
print(f.__code__.co_varnames, f.__name__, f.__qualname__)
def err(call):
    try:
        call()
    except TypeError as e:
        print(e)
err(lambda: f())
err(lambda: f(1))
err(lambda: f(1, 2, c=3, a=1))
err(lambda: pos_only(1, b=2, c=3, d=4))
err(lambda: pos_only(1, 2, 3, 4))
err(lambda: pos_only(1, 2, 3))
def g(x): return x
err(lambda: g())
err(lambda: g(1, 2))
err(lambda: g(y=1))
err(lambda: g(1, x=1))
err(lambda: g(**{'x': 1, 'y': 2}))
err(lambda: g(*5))
err(lambda: g(**[1]))
def h(a, b, c=1, *, d, e): return a
err(lambda: h(1))
err(lambda: h(1, 2, 3, 4))
err(lambda: h(1, 2))
def no_args(): return 0
err(lambda: no_args(1))
def star_only(*, k): return k
err(lambda: star_only(1))
print(star_only(k='kw'))
def many(*args, **kwargs):
    return len(args), sorted(kwargs)
print(many(), many(1, 2, x=1, y=2), many(*range(10), **dict.fromkeys('abc')))
print((lambda *a, **k: (a, k))(1, b=2), (lambda x, /, y=0, *, z=1: (x, y, z))(5, z=9))
