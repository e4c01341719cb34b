# The messages of a module's missing attribute (_Py_module_getattro_impl): partially
# initialized modules, submodules not bound yet, and the plain forms. (The shadowing hints
# compare the origin's directory with sys.path[0], which the reference's runner does not set
# to the case's directory: they are not checked here.)
import os, sys, types
from importlib.machinery import ModuleSpec

def get(m, name):
    try:
        getattr(m, name)
    except AttributeError as e:
        return "AttributeError: %s" % str(e).replace(sys.path[0], "<dir>")

m = types.ModuleType("plain")
print(get(m, "x"))
del m.__dict__["__spec__"]
print(get(m, "x"))
m.__name__ = 3
print(get(m, "x"))
del m.__dict__["__name__"]
print(get(m, "x"))

def module(name, origin=None, initializing=None, submodules=None):
    m = types.ModuleType(name)
    spec = ModuleSpec(name, None, origin=origin)
    if origin:
        spec.has_location = True
    if initializing is not None:
        spec._initializing = initializing
    if submodules is not None:
        spec._uninitialized_submodules = submodules
    m.__spec__ = spec
    return m

print(get(module("partial", initializing=True), "x"))
print(get(module("partial", origin="/elsewhere/partial.py", initializing=True), "x"))
print(get(module("partial", initializing=False), "x"))
print(get(module("pkg", submodules=["sub"]), "sub"))
print(get(module("pkg", submodules=["sub"]), "other"))
print(get(module("pkg", initializing=True, submodules=["sub"]), "sub"))
print(get(module("random", origin="/elsewhere/random.py"), "randint"))
class BadSpec:
    @property
    def _initializing(self):
        raise RuntimeError("spec failed")
bad = types.ModuleType("bad"); bad.__spec__ = BadSpec()
try:
    bad.x
except RuntimeError as e:
    print("RuntimeError", e)
m = types.ModuleType("withgetattr"); m.__getattr__ = lambda name: name.upper()
print(m.abc, hasattr(m, "zz"))
print(hasattr(module("partial", initializing=True), "x"))
