# types.FunctionType / MethodType constructors, type[...] and dict-subclass globals.
import types


def add(a, b=2, *, c=3):
    return a + b + c


g = types.FunctionType(add.__code__, {'__name__': 'other'}, 'renamed', (10,), None, {'c': 0})
print(g(1), g.__name__, g.__qualname__, g.__module__, g.__defaults__, g.__kwdefaults__)


def outer():
    x = 5

    def inner():
        return x
    return inner


inner = outer()
print(types.FunctionType(inner.__code__, globals(), closure=inner.__closure__)())
for bad in [lambda: types.FunctionType(1, {}), lambda: types.FunctionType(add.__code__, []),
            lambda: types.FunctionType(add.__code__, {}, 5),
            lambda: types.FunctionType(inner.__code__, {}),
            lambda: types.FunctionType(inner.__code__, {}, closure=()),
            lambda: types.FunctionType(inner.__code__, {}, closure=(1,)),
            lambda: types.MethodType(1, 2), lambda: types.MethodType(add, None)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
m = types.MethodType(add, 100)
print(m(), m.__self__, m.__func__ is add)
print(type[int], type[int] == type[int], type[str | None].__args__)


class Defaulting(dict):
    def __missing__(self, key):
        return f'<{key}>'


code = compile('def probe():\n    return (undefined_one, len)\n', 'probe', 'exec')
ns = Defaulting()
exec(code, ns)
print(ns['probe']())
