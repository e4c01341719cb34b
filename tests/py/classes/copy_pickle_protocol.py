import copy, pickle, copyreg
class P:
    def __init__(self, x): self.x = x; self.l = [x]
    def __repr__(self): return f'P({self.x!r}, {self.l!r})'
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
    def __repr__(self): return f'S(a={getattr(self, "a", None)}, b={getattr(self, "b", None)})'
class L(list): pass
class D(dict):
    def __init__(self, *a): super().__init__(*a); self.tag = 't'
class N:
    def __new__(cls, a, *, k=0):
        o = super().__new__(cls); o.a, o.k = a, k; return o
    def __getnewargs_ex__(self): return (self.a,), {'k': self.k}
    def __repr__(self): return f'N({self.a}, k={self.k})'
class G:
    def __getstate__(self): return {'g': 1}
    def __setstate__(self, st): self.__dict__.update(st, restored=True)
p = P(3)
print(copy.copy(p), copy.deepcopy(p), copy.copy(p).l is p.l, copy.deepcopy(p).l is p.l)
for proto in range(6):
    print(proto, pickle.loads(pickle.dumps(p, proto)), pickle.loads(pickle.dumps(S(), proto)) if proto >= 2 else None)
print(copy.copy(S()), copy.deepcopy(L([1, 2])), type(copy.copy(L([1]))).__name__)
d = copy.deepcopy(D({'a': 1})); print(d, d.tag, type(d).__name__)
print(copy.copy(N(5, k=2)), pickle.loads(pickle.dumps(N(6, k=3), 4)))
print(vars(copy.copy(G())), p.__reduce_ex__(2)[0].__name__, p.__reduce_ex__(2)[1][0].__name__)
print(P(1).__getstate__(), S().__getstate__(), object().__getstate__())
print(p.__reduce__()[0].__name__, p.__reduce_ex__(1)[0].__name__)
class T:
    __slots__ = ('v',)
print(copyreg._slotnames(T), T.__slotnames__)
import collections
Pt = collections.namedtuple('Pt', 'x y'); print(pickle.loads(pickle.dumps(Pt(1, 2))), copy.copy(Pt(3, 4)))
try: pickle.dumps(iter([]).__class__)
except Exception as e: print(type(e).__name__)
import fractions, datetime
print(copy.deepcopy(fractions.Fraction(1, 3)), pickle.loads(pickle.dumps(datetime.date(2020, 1, 2))))
