# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import builtins
# every builtin function with assorted argument shapes
funcs = sorted(n for n, v in vars(builtins).items()
               if callable(v) and not isinstance(v, type) and n not in ('input', 'breakpoint', 'help', 'exit', 'quit', 'open', 'print', 'copyright', 'credits', 'license', '__import__', '__build_class__', 'exec', 'eval', 'compile', 'globals', 'locals', 'vars', 'dir', 'id', 'hash'))
SETS = [((), {}), ((None,), {}), (('x',), {}), ((1.5,), {}), ((-1,), {}), ((True,), {}), ((0, 0), {}),
        ((1, 2, 3), {}), ((1, 2, 3, 4, 5), {}), ((), {'x': 1}), (([3, 1, 2],), {}), (([1], 2), {'key': None}),
        ((1,), {'default': 2}), ((2, 3), {'mod': 5}), ((2,), {'exp': 3}), ((2.5,), {'ndigits': None}), (('ab', 'c'), {}),
        ((b'a',), {}), ((2**100,), {}), ((range(3),), {'start': 1})]
for n in funcs:
    f = getattr(builtins, n)
    for a, k in SETS:
        print(n, _fmt(a), k or '', _call(f, a, k))
for t in sorted(n for n, v in vars(builtins).items() if isinstance(v, type) and not issubclass(v, BaseException)):
    T = getattr(builtins, t)
    for a, k in SETS:
        if t == 'range' and a == (2**100,): continue
        print(t, _fmt(a), k or '', _call(T, a, k))
