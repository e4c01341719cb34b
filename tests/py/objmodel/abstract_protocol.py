import re, warnings, operator
warnings.simplefilter('always')
import sys
def t(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = f()
        for x in w: print('W', x.category.__name__, x.message)
        print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(r)))
    except BaseException as e:
        print(type(e).__name__, e)
t(lambda: 1 + 'a')
t(lambda: 'a' + 1)
t(lambda: [1] * 1.5)
t(lambda: 1.5 * [1])
t(lambda: 'a' * 'b')
t(lambda: [] + ())
t(lambda: () + [])
t(lambda: 1 - [])
t(lambda: 1 @ 2)
t(lambda: divmod(1, 'a'))
t(lambda: pow(1, 2, 'a'))
t(lambda: pow(1, 'a', 3))
t(lambda: pow('a', 2))
t(lambda: 2 ** 'a')
t(lambda: -'a')
t(lambda: +[])
t(lambda: ~1.5)
t(lambda: abs('a'))
t(lambda: 1 << 'a')
t(lambda: 1 & 1.0)
t(lambda: 'a' % 1)
t(lambda: [] % 1)
t(lambda: 1 // 'a')
t(lambda: 1 / 'a')
def iop(a, b, op):
    x = a
    exec(f'x {op}= b', {}, d := {'x': a, 'b': b})
    return d['x']
for op in ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@']:
    t(lambda: iop(1, 'a', op))
t(lambda: iop([1], 1.5, '*'))
t(lambda: iop([1], (2,), '+'))
t(lambda: iop((1,), [2], '+'))
t(lambda: iop('a', 2, '*'))
t(lambda: iop([1], 'ab', '+'))
x1 = 1; t(lambda: x1[0])
xn = None; t(lambda: xn[0])
t(lambda: object()['a'])
def si(o): o[0] = 1
def di(o): del o[0]
t(lambda: si(1))
t(lambda: si(()))
t(lambda: si('a'))
t(lambda: di(()))
t(lambda: di(1))
t(lambda: di(frozenset()))
t(lambda: len(1))
t(lambda: len(iter([])))
class L:
    def __len__(self): return -1
t(lambda: len(L()))
class L2:
    def __len__(self): return 2**100
t(lambda: len(L2()))
class L3:
    def __len__(self): return 1.5
t(lambda: len(L3()))
class I:
    def __index__(self): return True
t(lambda: operator.index(I()))
class I2:
    def __index__(self): return 1.5
t(lambda: operator.index(I2()))
t(lambda: [1,2][I()])
t(lambda: operator.index(1.5))
xl = [1]; t(lambda: xl[1.5])
t(lambda: xl['a'])
xt = (1,); t(lambda: xt['a'])
xs = 'a'; t(lambda: xs['a'])
t(lambda: {}[[]])
class N:
    def __int__(self): return True
t(lambda: int(N()))
class N2:
    def __int__(self): return 1.5
t(lambda: int(N2()))
class N3:
    def __trunc__(self): return 3
t(lambda: int(N3()))
class N4:
    def __index__(self): return 7
t(lambda: int(N4()))
class N5:
    def __float__(self): return 1
t(lambda: float(N5()))
class N6:
    def __float__(self): return True
t(lambda: float(N6()))
class FS(float): pass
class N7:
    def __float__(self): return FS(2.0)
t(lambda: float(N7()))
t(lambda: int([]))
t(lambda: int(b'12'))
t(lambda: int(bytearray(b'12')))
t(lambda: int(memoryview(b'12')))
t(lambda: int(memoryview(b'123')[1:]))
t(lambda: int(' 1_0 '))
t(lambda: int('x'))
t(lambda: int(None))
t(lambda: float([]))
t(lambda: complex([]))
t(lambda: operator.length_hint([1,2]))
t(lambda: operator.length_hint(iter([1,2])))
class H:
    def __length_hint__(self): return -1
t(lambda: operator.length_hint(H()))
class H2:
    def __length_hint__(self): return 'a'
t(lambda: operator.length_hint(H2()))
class H3:
    def __length_hint__(self): return NotImplemented
t(lambda: operator.length_hint(H3(), 5))
class H4:
    def __length_hint__(self): raise TypeError('x')
t(lambda: operator.length_hint(H4(), 5))
class H5:
    def __len__(self): raise TypeError('y')
    def __length_hint__(self): return 3
t(lambda: operator.length_hint(H5(), 5))
t(lambda: operator.length_hint(H(), 'a'))
class H6:
    def __length_hint__(self): return 2**100
t(lambda: operator.length_hint(H6()))
t(lambda: list(H()))
t(lambda: iter(1))
t(lambda: next(1))
t(lambda: next([]))
class It:
    def __iter__(self): return 1
t(lambda: iter(It()))
t(lambda: 1 in 1)
t(lambda: 'a' in [1])
t(lambda: 1 in 'a')
t(lambda: isinstance(1, 1))
t(lambda: issubclass(1, int))
t(lambda: issubclass(int, 1))
t(lambda: isinstance(1, (int, 1)))
t(lambda: isinstance(1, (str, 1)))
t(lambda: issubclass(int, (str, 1)))
class Meta(type):
    def __instancecheck__(cls, o): return 'x'
class MM(metaclass=Meta): pass
t(lambda: isinstance(1, MM))
t(lambda: sorted([1, 'a']))
t(lambda: operator.concat(1, 2))
t(lambda: operator.concat([], ()))
t(lambda: operator.iconcat([], ()))
t(lambda: operator.countOf(1, 1))
t(lambda: operator.indexOf([1], 2))
t(lambda: operator.getitem([], 'a'))
t(lambda: dict.fromkeys(1))
t(lambda: {}.update(1))
t(lambda: {}.update([1]))
t(lambda: {}.update([(1,)]))
t(lambda: dict(1))
t(lambda: list(1))
t(lambda: tuple(1))
t(lambda: [*1])
t(lambda: {**1})
t(lambda: print(*1))
t(lambda: print(**1))
t(lambda: min(1))
t(lambda: sum(1))
t(lambda: memoryview(1))
t(lambda: bytes(1.5))
t(lambda: 'a'.join([1]))
class GI:
    __getitem__ = None
t(lambda: GI()[0])
class CGI:
    def __class_getitem__(cls, x): return x
t(lambda: CGI[3])
t(lambda: int[3])
class NCG: pass
t(lambda: NCG[3])
t(lambda: type[int])
t(lambda: 3 .__index__())
t(lambda: operator.index(True))
class Idx(int): pass
class IB:
    def __index__(self): return Idx(3)
t(lambda: operator.index(IB()))
t(lambda: type(operator.index(IB())))
class IIB:
    def __int__(self): return Idx(3)
t(lambda: int(IIB()))
t(lambda: type(int(IIB())))
t(lambda: range(I2()))
t(lambda: hex(I2()))
t(lambda: hex(N4()))
t(lambda: [0][N4()])
