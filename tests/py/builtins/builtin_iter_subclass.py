# Subclasses of filter / map / zip get instances of their own size (attributes work) and
# free them correctly; keyword arguments are refused unless the subclass's __init__ takes them.
import gc
from itertools import chain, cycle, islice, starmap, filterfalse, takewhile, dropwhile

class F(filter):
    pass

class M(map):
    pass

class Z(zip):
    pass

objs = [F(None, [0, 1, 2]), M(str, [1, 2]), Z("ab", [1, 2])]
for o in objs:
    o.tag = type(o).__name__
    print(o.tag, list(o))
del objs
gc.collect()

for cls, args in ((filter, (None, [0, 1])), (chain, ([1], [2])), (cycle, ([1],)),
                  (islice, ([1, 2, 3], 2)), (starmap, (pow, [(2, 3)])),
                  (filterfalse, (None, [0, 1])), (takewhile, (bool, [1, 0])),
                  (dropwhile, (bool, [1, 0]))):
    class Plain(cls):
        pass
    try:
        Plain(*args, extra=1)
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
    class WithInit(cls):
        def __init__(self, *args, extra=None):
            self.extra = extra
    w = WithInit(*args, extra=7)
    print(cls.__name__, list(islice(w, 3)), w.extra)
