# TypeError texts for calls of functions, methods, builtins and classes with wrong arguments.
def show(f):
    try:
        f()
    except TypeError as e:
        print(e)
def func(a, b, *, c): pass
class K:
    def __init__(self, x): pass
    def meth(self, y): pass
    @staticmethod
    def st(z): pass
    @classmethod
    def cm(cls, w): pass
show(lambda: func(1))
show(lambda: func(1, 2, 3))
show(lambda: func(1, 2, d=4))
show(lambda: func(1, 2, c=3, c2=4))
show(lambda: K())
show(lambda: K(1, 2))
show(lambda: K(1).meth())
show(lambda: K(1).meth(1, 2))
show(lambda: K.meth(1))
show(lambda: K.st())
show(lambda: K.cm())
show(lambda: K(1)(2))
show(lambda: len())
show(lambda: len(1, 2))
show(lambda: len([], x=1))
show(lambda: print(foo=1))
show(lambda: sorted([], 1))
show(lambda: divmod(1))
show(lambda: getattr())
show(lambda: 'abc'.replace('a'))
show(lambda: [].sort(1))
show(lambda: dict(1, 2))
show(lambda: int(x=1))
show(lambda: object(1))
show(lambda: (lambda: 0)(1))
show(lambda: (lambda a, /: 0)(a=1))
show(lambda: func(*[1, 2, 3], c=0))
show(lambda: func(1, **{'b': 2, 'c': 3, 'a': 0}))
show(lambda: func(1, 2, **{1: 3}))
show(lambda: max(1, key=len, default=0, extra=1))
show(lambda: str(b'', 'utf-8', 'strict', 'extra'))
show(lambda: isinstance())
show(lambda: range())
show(lambda: zip(strict=True, x=1))
show(lambda: enumerate())
show(lambda: type('a', 'b'))
show(lambda: type(1, 2, 3))
show(lambda: super(1))
show(lambda: slice())
show(lambda: iter())
class NoInit: pass
show(lambda: NoInit(1))
class NewOnly:
    def __new__(cls): return super().__new__(cls)
show(lambda: NewOnly(5))
