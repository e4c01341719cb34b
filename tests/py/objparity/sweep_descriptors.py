# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
class C:
    def m(self): return 1
    @property
    def prop(self): return 2
    @classmethod
    def cm(cls): return 3
    @staticmethod
    def sm(): return 4
def f(a, b=1, *c, d, **e): return a
sweep('property', lambda: C.__dict__['prop'])
sweep('classmethod', lambda: C.__dict__['cm'])
sweep('staticmethod', lambda: C.__dict__['sm'])
sweep('function', lambda: f, skip={('__call__', ())})
sweep('method', lambda: C().m)
sweep('builtin_method', lambda: [].append)
sweep('method_descriptor', lambda: list.append)
sweep('wrapper_descriptor', lambda: int.__add__)
sweep('method-wrapper', lambda: (1).__add__)
sweep('getset_descriptor', lambda: type.__dict__['__name__'])
sweep('member_descriptor', lambda: type.__dict__['__basicsize__'])
sweep('classmethod_descriptor', lambda: dict.__dict__['fromkeys'])
sweep('super', lambda: super(C, C()))
sweep('object', lambda: object())
sweep('mappingproxy', lambda: type.__dict__)
