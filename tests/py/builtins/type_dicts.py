# The attribute names each built-in type defines itself (its __dict__), for an inventory of
# what cppy lacks against CPython 3.14.
names = ["bool", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float", "frozenset", "int", "list", "map", "memoryview", "object", "property", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip"]
b = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__
for n in names:
    t = b.get(n)
    if t is None:
        print(n, "MISSING")
        continue
    print(n, " ".join(sorted(t.__dict__)))
def f(): pass
class C:
    def m(self): pass
import_types = [("function", type(f)), ("method", type(C().m)), ("cell", type((lambda: f).__closure__[0]) if (lambda: f).__closure__ else None),
  ("mappingproxy", type(C.__dict__)), ("NoneType", type(None)), ("ellipsis", type(...)), ("builtin_function_or_method", type(len)),
  ("method_descriptor", type(str.join)), ("wrapper_descriptor", type(object.__init__)), ("method-wrapper", type(object().__init__)),
  ("getset_descriptor", type(type.__dict__["__name__"])), ("member_descriptor", type(type.__dict__["__basicsize__"])),
  ("classmethod_descriptor", type(dict.__dict__["fromkeys"])), ("code", type(f.__code__)), ("generator", type((x for x in ()))),
  ("module", type(__builtins__) if not isinstance(__builtins__, dict) else None), ("NotImplementedType", type(NotImplemented))]
for n, t in import_types:
    if t is None:
        print(n, "MISSING")
        continue
    print(n, " ".join(sorted(t.__dict__)))
try:
    print("GenericAlias", " ".join(sorted(type(list[int]).__dict__)))
except Exception as e:
    print("GenericAlias", "ERR", type(e).__name__, e)
try:
    print("Union", " ".join(sorted(type(int | str).__dict__)))
except Exception as e:
    print("Union", "ERR", type(e).__name__, e)
