# PEP 649/749 on classes and modules: type.__annotations__ / __annotate__ (computed, cached,
# set, deleted) and the module-level pair.
class A:
    x: int
    y: "str" = 3
class B:
    pass
class C(A):
    pass
print(A.__annotations__, B.__annotations__, C.__annotations__)
print(sorted(k for k in vars(A) if 'annot' in k), sorted(k for k in vars(B) if 'annot' in k))
print(A.__annotate__.__name__, B.__annotate__, C.__annotate__ is None)
print(A.__annotate__(1), A.__annotate__.__qualname__)
print(sorted(k for k in vars(A) if 'annot' in k), sorted(k for k in vars(B) if 'annot' in k))
B.__annotations__ = {'z': 1}
print(B.__annotations__, sorted(k for k in vars(B) if 'annot' in k), B.__annotate__)
del B.__annotations__
print(sorted(k for k in vars(B) if 'annot' in k))
try: print(B.__annotations__)
except Exception as e: print(type(e).__name__, e)
try: int.__annotations__
except Exception as e: print(type(e).__name__, e)
try: int.__annotate__
except Exception as e: print(type(e).__name__, e)
B.__annotate__ = lambda f: {'q': f}
print(B.__annotations__, sorted(k for k in vars(B) if 'annot' in k))
try: B.__annotate__ = 5
except Exception as e: print(type(e).__name__, e)
class D:
    __annotations__ = {'m': 1}
print(D.__annotations__, D.__annotate__)
import sys
print(sys.modules[__name__].__annotations__ if hasattr(sys.modules[__name__], '__annotations__') else 'none')
z: int = 1
print(__annotations__ if '__annotations__' in dir() else 'no global')
print(__annotate__(1))
# Class namespaces and type() dicts: __annotate_func__, __annotations_cache__.
class M(type):
    def __new__(m, name, bases, d):
        print(sorted(k for k in d if 'annot' in k))
        return super().__new__(m, name, bases, d)
class A(metaclass=M):
    x: int
print(sorted(k for k in vars(A) if 'annot' in k))
A2 = type('A2', (), {'__annotate__': lambda f: {'a': 1}})
print(sorted(k for k in vars(A2) if 'annot' in k))
A3 = type('A3', (), {'__annotate_func__': 5})
print(sorted(k for k in vars(A3) if 'annot' in k))
try: print(A3.__annotate__)
except Exception as e: print(type(e).__name__, e)
try: print(A3.__annotations__)
except Exception as e: print(type(e).__name__, e)
A4 = type('A4', (), {'__annotate__': 5})
try: print(A4.__annotations__)
except Exception as e: print(type(e).__name__, e)
A5 = type('A5', (), {'__annotate__': lambda f: [1]})
try: print(A5.__annotations__)
except Exception as e: print(type(e).__name__, e)
try: del A5.__annotate__
except Exception as e: print(type(e).__name__, e)
try: del A5.__annotations__
except Exception as e: print(type(e).__name__, e)
try: int.__annotations__ = {}
except Exception as e: print(type(e).__name__, e)
try: int.__annotate__ = None
except Exception as e: print(type(e).__name__, e)
class S: 
    __annotations__ = 7
print(S.__annotations__)
