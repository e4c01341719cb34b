# The types module's names for the built-in types (Lib/types.py over the _types module).
import types
import _types

for name in sorted(n for n in dir(_types) if not n.startswith("_")):
    t = getattr(_types, name)
    print(name, t.__name__, t.__module__, t.__qualname__, getattr(types, name) is t)
print(_types.__doc__, _types.__name__)
print(types.GenericAlias is type(list[int]), types.UnionType is type(int | str))
print(types.MappingProxyType({"k": 1}), types.SimpleNamespace(a=1))
print(repr(types.CapsuleType)[:20], types.CapsuleType.__doc__.splitlines()[0])
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.LambdaType))
