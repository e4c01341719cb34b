# A class whose best base has empty __slots__ while another base has a __dict__ gets a dict of
# its own (typing's _SpecialGenericAlias(_NotIterable, _BaseGenericAlias)).
class F:
    __slots__ = ('__weakref__',)
class N:
    __slots__ = ()
    __iter__ = None
class B(F):
    def __init__(self):
        self._inst = 1
    def __setattr__(self, attr, val):
        super().__setattr__(attr, val)
class C(N, B):
    pass
c = C()
print(c._inst, vars(c), C.__base__, '__dict__' in C.__dict__)
c.extra = 2
print(sorted(vars(c).items()))
import _weakref as weakref
print(weakref.ref(c)() is c)
