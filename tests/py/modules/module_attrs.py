# Module objects: __getattr__/__dir__ (PEP 562), __all__, __file__-free attributes, circular-safe patterns.
import _lazy
print(_lazy.real, _lazy.alpha, _lazy.beta, dir(_lazy), getattr(_lazy, 'gamma', 'missing'))
try:
    _lazy.gamma
except AttributeError as e:
    print(e)
from _lazy import alpha
print(alpha, _lazy.__doc__, _lazy.__name__, type(_lazy).__name__, _lazy.__spec__.name, _lazy.__loader__ is not None)
import sys, types
this = sys.modules[__name__]
print(this.__name__, isinstance(this, types.ModuleType), 'this' in vars(this))
fake = types.ModuleType('fake_mod')
exec('x = 1\ndef f():\n    return x + 1', fake.__dict__)
print(fake.f(), fake.x, sorted(k for k in vars(fake) if not k.startswith('__')))
class Sub(types.ModuleType):
    def __repr__(self): return '<custom module>'
m = Sub('custom')
print(repr(m), m.__name__, m.__doc__)
saved = sys.modules.get('_lazy')
del sys.modules['_lazy']
import _lazy as again
print(again is not saved, again.real)
print([name for name in ('os', 'sys', 'builtins') if name in sys.modules])
print(__name__, __doc__ is None, __package__ in ('', None), __spec__ is None or __spec__.name)
