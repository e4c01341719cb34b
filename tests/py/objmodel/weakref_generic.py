# weakref.ref[T] (PEP 585) and the ref type's remaining attributes.
import weakref, types
print(weakref.ref[int])
print(weakref.ReferenceType[int])
a = weakref.ref[int, str]
print(a, type(a) is types.GenericAlias, a.__origin__, a.__args__)
print(weakref.ref.__class_getitem__.__doc__)
print(type(weakref.ref.__dict__['__class_getitem__']).__name__)
class R(weakref.ref): pass
print(R[int])
try:
    weakref.ProxyType[int]
except TypeError as e:
    print("TypeError", e)
print(sorted(k for k in weakref.ref.__dict__ if not k.startswith('__') or k in ('__callback__', '__class_getitem__')))
print(sorted(weakref.ProxyType.__dict__))
print(sorted(weakref.CallableProxyType.__dict__))
class C:
    def __bytes__(self): return b"by"
    def __reversed__(self): return iter([3, 2, 1])
    def __index__(self): return 7
    def __iter__(self): return iter([1, 2])
c = C()
p = weakref.proxy(c)
print(bytes(p), list(reversed(p)), list(p), [10, 20, 30, 40, 50, 60, 70, 80][p])
