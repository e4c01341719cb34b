# Built-in modules get their __spec__ and __loader__ from the import system, including the
# ones start-up imports before or while the import system is set up (sys, builtins, _io,
# _signal, _thread, _warnings...), as importlib._bootstrap._setup fixes them up.
import importlib.machinery
import sys

names = ["sys", "builtins", "_imp", "_io", "_signal", "_thread", "_warnings", "_weakref",
         "marshal", "posix", "time", "errno", "_codecs", "itertools", "_abc", "_stat"]
for name in names:
    module = __import__(name)
    spec = module.__spec__
    print(name, spec.name, spec.origin, spec.loader is importlib.machinery.BuiltinImporter,
          module.__loader__ is importlib.machinery.BuiltinImporter, name in sys.builtin_module_names)
print(sorted(n for n, m in sys.modules.items() if getattr(m, "__spec__", 0) is None))
