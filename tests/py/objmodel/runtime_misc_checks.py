# A cell variable read before assignment in its own function is an unbound local; weak
# references to bound methods; SimpleNamespace keyword keys; cmp_to_key wrapper signature.
import functools
import inspect
import types
import weakref

def reads_too_early():
    print(y)
    def inner():
        return y
    y = 1

def free_too_early():
    def inner():
        return y
    inner()
    y = 1

for fn in (reads_too_early, free_too_early):
    try:
        fn()
    except NameError as e:
        print(type(e).__name__, e)

class C:
    def method(self):
        return "called"

c = C()
bound = c.method
r = weakref.ref(bound)
print(r() is bound)
del bound
print(r())
wm = weakref.WeakMethod(c.method)
print(wm()())
del c
print(wm())

for kwargs in ({1: 2}, {"a": 1}):
    try:
        print(types.SimpleNamespace(**kwargs))
    except TypeError as e:
        print("TypeError", e)

key = functools.cmp_to_key(lambda a, b: a - b)
print(inspect.signature(key), inspect.signature(functools.cmp_to_key))
print(sorted([3, 1, 2], key=key))
