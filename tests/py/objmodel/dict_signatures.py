# __text_signature__ of dict's methods and of METH_O/METH_NOARGS class methods (signature_from_flags).
for m in ['get', 'setdefault', 'pop', 'popitem', 'update', 'fromkeys', 'copy', 'clear', 'keys',
          'items', 'values', '__sizeof__', '__getitem__', '__reversed__', '__class_getitem__',
          '__contains__']:
    f = getattr(dict, m)
    print(m, f.__text_signature__)
    print(' ', repr(f.__doc__))
for t in [list, tuple, dict, set, frozenset, type, object]:
    for m in ['__class_getitem__', '__subclasshook__', '__init_subclass__', '__sizeof__']:
        f = getattr(t, m, None)
        if f is not None:
            print(t.__name__, m, f.__text_signature__)
import inspect
print(inspect.signature(dict.get))
print(inspect.signature(dict.fromkeys))
print(inspect.signature({}.setdefault))
print(inspect.signature(list.__class_getitem__))
