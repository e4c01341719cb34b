# Object-model parity probe (issue 4): what CPython 3.14.2 prints for the same calls.
# Constructors and class attributes found missing: contextvars, templatelib, generic alias
# iterator, TracebackType(), deque iterators, builtins.__doc__.
import _contextvars, string.templatelib as tl, types, sys
def show(x):
    try: return repr(x)
    except Exception as e: return '!!%s' % e
for T, names in [(_contextvars.ContextVar, ['__class_getitem__', '__hash__']), (_contextvars.Token, ['__class_getitem__', '__hash__']),
                 (tl.Interpolation, ['__class_getitem__']), (type(iter(list[int])), ['__reduce__']), (types.TracebackType, ['__new__'])]:
    for n in names:
        v = vars(T).get(n)
        print(T.__name__, n, show(v).split(' at ')[0], getattr(v, '__text_signature__', '-'), getattr(v, '__doc__', '-'))
v = _contextvars.ContextVar('v')
t = v.set(1)
print(_contextvars.Token[int], _contextvars.ContextVar[int], tl.Interpolation[int])
it = iter(list[int])
print(it.__reduce__())
next(it); print(it.__reduce__())
try:
    print(types.TracebackType())
except Exception as e: print(type(e).__name__, e)
try:
    tb = types.TracebackType(None, sys._getframe(), 0, 1)
    print(tb.tb_lineno, tb.tb_lasti)
except Exception as e: print(type(e).__name__, e)
for args in [(1, 2, 3, 4), (None, None, 0, 0), (None, sys._getframe(), 'a', 1), (None, sys._getframe(), 1)]:
    try: print(types.TracebackType(*args))
    except Exception as e: print(type(e).__name__, e)
print(types.TracebackType.__new__.__text_signature__, types.TracebackType.__doc__)
import collections
T = type(iter(collections.deque()))
R = type(reversed(collections.deque()))
for args, kw in [((), {}), ((1,), {}), ((collections.deque([1,2,3]),), {}), ((collections.deque([1,2,3]), 1), {}), ((collections.deque(), 1, 2), {}), ((collections.deque([1]),), {'x': 1}), ((collections.deque([1]), 'a'), {}), ((collections.deque([1]), 5), {})]:
    for C in (T, R):
        try: r = list(C(*args, **kw))
        except Exception as e: r = '!! %s: %s' % (type(e).__name__, e)
        print(C.__name__, len(args), kw, r)
import builtins
print(builtins.__doc__)
