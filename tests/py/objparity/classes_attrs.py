# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
def run(code):
    g = {}
    try:
        exec(code, g)
        r = g.get('r', 'ok')
        print(code.replace('\n', ' | '), '->', _fmt(r))
    except BaseException as e:
        print(code.replace('\n', ' | '), '-> !!', type(e).__name__ + ':', _addr.sub('0x?', str(e))[:200])
for code in [
    "class A(int, str): pass", "class A(list, dict): pass", "class A(1): pass", "class A(bool): pass", "class A(type(None)): pass",
    "class A(int, int): pass", "class A: pass\nclass B(A, A): pass", "class X: pass\nclass Y(X): pass\nclass Z(X, Y): pass",
    "class M1(type): pass\nclass M2(type): pass\nclass A(metaclass=M1): pass\nclass B(metaclass=M2): pass\nclass C(A, B): pass",
    "class A:\n  __slots__ = ('a', 'a')", "class A:\n  __slots__ = 1", "class A:\n  __slots__ = ('__dict__', '__dict__')",
    "class A:\n  __slots__ = ('x',)\n  x = 1", "class A(int):\n  __slots__ = ('x',)", "class A(tuple):\n  __slots__ = ('x',)",
    "class A:\n  __slots__ = ('1x',)", "class A:\n  __slots__ = (1,)", "class A:\n  __slots__ = ()\nr = A().__dict__",
    "class A:\n  __slots__ = ()\nA().x = 1", "class A:\n  __slots__ = ('x',)\nr = A().x", "class A:\n  __slots__ = ('x',)\ndel A().x",
    "class A:\n  __slots__ = '__weakref__'\nclass B(A):\n  __slots__ = '__weakref__'",
    "class A:\n  __slots__ = ('a',)\nclass B:\n  __slots__ = ('b',)\nclass C(A, B): pass",
    "class A: pass\nA.__name__ = 1", "class A: pass\nA.__name__ = 'a\\x00b'", "class A: pass\nA.__qualname__ = 1",
    "class A: pass\nA.__bases__ = ()", "class A: pass\nA.__bases__ = (int,)", "class A: pass\nA.__bases__ = (1,)",
    "class A: pass\nclass B(A): pass\nA.__bases__ = (B,)", "class A: pass\ndel A.__name__", "class A: pass\nA.__module__ = 1\nr = A.__module__",
    "class A: pass\nA.__doc__ = 'x'\nr = A.__doc__", "int.__doc__ = 'x'", "int.x = 1", "del int.real", "list.append = 1",
    "(1).x = 1", "(1).real = 2", "del (1).real", "[].x = 1", "object().x = 1", "setattr(1, 1, 1)", "getattr(1, 1)", "delattr(1, 1)",
    "getattr(1, 'x', 2, 3)", "r = getattr(1, 'x', 2)", "r = hasattr(1, 'real')", "hasattr(1, 1)", "class A: pass\nr = getattr(A(), 'x\\ud800', 1)",
    "class A: pass\na = A()\na.__class__ = int", "class A: pass\na = A()\na.__class__ = 1", "class A: pass\nclass B: pass\na = A()\na.__class__ = B\nr = type(a).__name__",
    "class A:\n  __slots__ = ('x',)\nclass B: pass\nA().__class__ = B", "(1).__class__ = bool", "class A(int): pass\nA(1).__class__ = int",
    "class A: pass\nA.__dict__['x'] = 1", "class A: pass\nr = type(A.__dict__)", "class A: pass\nA.__dict__ = {}",
    "class A: pass\na = A()\na.__dict__ = 1", "class A: pass\na = A()\na.__dict__ = {'x': 1}\nr = a.x", "class A: pass\na = A()\ndel a.__dict__\nr = a.__dict__",
    "class A:\n  def __init__(self): return 1\nA()", "class A:\n  def __new__(cls): return 1\nr = A()", "class A:\n  def __new__(cls): return 1\n  def __init__(self): raise Exception\nr = A()",
    "class A:\n  __hash__ = None\nhash(A())", "class A:\n  def __eq__(s, o): return True\nhash(A())", "class A:\n  def __hash__(s): return 'x'\nhash(A())",
    "class A:\n  def __hash__(s): return 2**100\nr = hash(A()) == hash(2**100)", "class A:\n  def __hash__(s): return -1\nr = hash(A())",
    "class A:\n  def __len__(s): return -1\nlen(A())", "class A:\n  def __len__(s): return 2**100\nlen(A())", "class A:\n  def __len__(s): return 'x'\nlen(A())",
    "class A:\n  def __len__(s): return 1.5\nlen(A())", "class A:\n  def __bool__(s): return 1\nbool(A())", "class A:\n  def __len__(s): return 1\nr = bool(A())",
    "class A:\n  def __index__(s): return True\nr = [0, 1][A()]", "class A:\n  def __iter__(s): return 1\niter(A())", "class A:\n  __iter__ = None\niter(A())",
    "class A:\n  def __getitem__(s, i):\n    if i > 2: raise IndexError\n    return i\nr = list(A())", "class A:\n  def __next__(s): return 1\niter(A())",
    "class A:\n  def __repr__(s): return 1\nrepr(A())", "class A:\n  def __str__(s): return 1\nstr(A())", "class A:\n  def __format__(s, f): return 1\nformat(A())",
    "class A:\n  def __bytes__(s): return 'x'\nbytes(A())", "class A:\n  def __complex__(s): return 1\ncomplex(A())", "class A:\n  def __float__(s): return 1\nfloat(A())",
    "class A:\n  def __int__(s): return 1.5\nint(A())", "class A:\n  def __index__(s): return 1.5\nimport operator; operator.index(A())",
    "class A:\n  def __contains__(s, x): return []\nr = 1 in A()", "class A:\n  def __eq__(s, o): return NotImplemented\nr = A() == A()",
    "class A:\n  def __lt__(s, o): return NotImplemented\nA() < A()", "class A:\n  def __call__(s): return 1\nr = A()()", "A = type('A', (), {'__call__': 1})\nA()()",
    "class A:\n  def __getattr__(s, n): return n\nr = A().xyz", "class A:\n  def __getattribute__(s, n): raise AttributeError(n)\n  def __getattr__(s, n): return 'ga-' + n\nr = A().q",
    "class A:\n  @property\n  def p(s): raise AttributeError('inner')\n  def __getattr__(s, n): return 'fallback-' + n\nr = A().p",
    "class A:\n  @property\n  def p(s): return 1\nA().p = 2", "class A:\n  @property\n  def p(s): return 1\ndel A().p",
    "class A:\n  p = property(lambda s: 1, lambda s, v: None)\ndel A().p", "class A:\n  def f(self): pass\nA.f(1, 2)",
    "class A:\n  def f(self): pass\nA().f(1)", "class A:\n  def f(self, *, k): pass\nA().f()", "class A:\n  def f(self, a, /): pass\nA().f(a=1)",
    "class A:\n  def __init_subclass__(cls, **kw): super().__init_subclass__(**kw)\nclass B(A, x=1): pass",
    "class A:\n  def __set_name__(s, o, n): raise ValueError('sn')\nclass B:\n  a = A()",
    "class A:\n  def __class_getitem__(cls, i): return ('cg', i)\nr = A[1]", "class A:\n  __class_getitem__ = 1\nA[1]", "class A: pass\nA[1]",
    "class A: pass\nr = A.__mro__", "class A: pass\nr = A.mro()", "class A: pass\nr = (A.__name__, A.__qualname__, A.__module__)",
    "class A:\n  class B: pass\nr = A.B.__qualname__", "def f():\n  class A: pass\n  return A\nr = f().__qualname__",
    "class A: pass\nr = sorted(k for k in A.__dict__)", "class A:\n  x: int = 1\nr = A.__annotations__", "class A: pass\nr = A.__annotations__",
    "class A: pass\nr = type(A).__name__", "r = type.__dict__['__name__'].__get__(int)", "r = type.__dict__['__qualname__'].__get__(int)",
    "r = int.__flags__ & (1 << 9)", "r = type(int.__dict__)", "r = int.__base__", "r = bool.__bases__", "r = object.__base__",
    "r = type.__base__", "r = int.__basicsize__ > 0", "r = int.__dictoffset__", "r = int.__weakrefoffset__", "class A: pass\nr = A.__weakrefoffset__ > 0",
    "r = int.__text_signature__", "r = len.__text_signature__", "r = list.__init__.__text_signature__", "r = object.__init__.__text_signature__",
    "r = int.__add__.__text_signature__", "r = dict.fromkeys.__text_signature__", "r = type.__call__.__qualname__", "r = int.__add__.__qualname__",
    "r = [].append.__qualname__", "r = [].append.__self__", "r = len.__self__", "r = int.__add__.__objclass__", "r = (1).__add__.__self__",
    "r = repr(object.__init__)", "r = repr(int.__dict__['real'])", "r = repr(type.__dict__['__dict__'])", "r = repr(dict.__dict__['fromkeys'])",
    "r = repr(int.__add__)", "r = repr(len)", "r = repr([].append)[:35]", "r = repr((1).__add__)[:40]", "r = repr(object.__new__)",
    "r = repr(int.__new__)", "r = repr(type.__call__)", "r = object.__new__.__self__", "r = dict.fromkeys.__self__",
]:
    run(code)
