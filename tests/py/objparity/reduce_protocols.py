# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import copyreg, types
# __reduce_ex__ of every protocol
class A: pass
class S(str): pass
class L(list): pass
class D(dict): pass
class T(tuple): pass
class I(int): pass
class Sl:
    __slots__ = ('a', 'b')
objs = [1, 'a', 1.5, 1j, b'a', bytearray(b'ab'), [1], (1,), {1: 2}, {1}, frozenset({1}), range(3),
        slice(1, 2), None, True, A(), S('x'), L([1]), D(a=1), T((1,)), I(5), Sl(), object(),
        types.SimpleNamespace(a=1), enumerate('ab'), iter([1, 2]), reversed([1]), zip('a', 'b'),
        map(str, 'a'), filter(None, 'a'), iter(range(3)), iter('ab'), iter((1,)), iter({1: 2}),
        iter({1: 2}.values()), iter({1: 2}.items()), property(), len, [].append, int.__add__, ...,
        NotImplemented, type, int]
for o in objs:
    for proto in (0, 1, 2, 3, 4, 5):
        print(type(o).__name__, proto, _call(o.__reduce_ex__, (proto,), {}))
    print(type(o).__name__, 'reduce', _call(o.__reduce__, (), {}))
    print(type(o).__name__, 'getstate', _call(getattr(o, '__getstate__', None) or (lambda: 'nostate'), (), {}))
s = Sl(); s.a = 1
p("s.__reduce_ex__(2)"); p("s.__getstate__()"); p("s.__reduce_ex__(1)")
a = A(); a.x = 1
p("a.__reduce_ex__(2)"); p("a.__reduce_ex__(0)"); p("a.__reduce_ex__(-1)"); p("a.__reduce_ex__('x')")
p("a.__reduce_ex__()"); p("object.__reduce_ex__(1, 2)"); p("copyreg.__reduce_ex__(a, 0)")
