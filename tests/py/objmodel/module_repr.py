# module.__repr__ goes through importlib._bootstrap._module_repr (spec, loader, file).
import sys, types, importlib.machinery
m = types.ModuleType('m')
print(repr(m), repr(sys), repr(types.ModuleType('x', 'doc')))
m.__file__ = 'y.py'
print(repr(m))
class Loader:
    def __repr__(self):
        return '<my loader>'
m.__loader__ = Loader()
print(repr(m))
del m.__file__
print(repr(m))
m.__spec__ = importlib.machinery.ModuleSpec('m', None, origin='somewhere')
print(repr(m))
m.__spec__ = importlib.machinery.ModuleSpec('m', None, origin='somewhere')
m.__spec__.has_location = True
print(repr(m))
m.__spec__ = None
m.__loader__ = None
print(repr(m))
n = types.ModuleType('n')
del n.__name__
print(repr(n))
import builtins, marshal
print(repr(builtins), repr(marshal))
