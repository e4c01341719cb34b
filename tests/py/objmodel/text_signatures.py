# __text_signature__ and __doc__ of the builtin functions, types and methods (the internal
# docs of Objects/descrobject.c, methodobject.c, typeobject.c), and what inspect and pydoc
# make of them.
import builtins, inspect, pydoc, re, types

for f in [len, dict.get, str.upper, list.append, dict.fromkeys, str.maketrans, int.to_bytes,
          bytes.hex, sorted, print, iter, next, divmod, pow, round, max, getattr, [].append,
          {}.get, "x".join, int.from_bytes, object.__init_subclass__, float.fromhex,
          bytearray.append, range.index, tuple.count, set.add, frozenset.union]:
    try:
        sig = str(inspect.signature(f))
    except (ValueError, TypeError) as e:
        sig = "%s: %s" % (type(e).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(e)))
    print(getattr(f, "__qualname__", f), f.__text_signature__, "|", sig)
    print("   ", repr(f.__doc__))

for t in [int, str, bool, dict, range, bytearray, memoryview, property, type, object, slice]:
    print(t.__name__, repr(t.__text_signature__), repr(t.__doc__[:60]))
    try:
        print("   ", inspect.signature(t))
    except (ValueError, TypeError) as e:
        print("   ", type(e).__name__, e)

print(pydoc.render_doc(dict.get, renderer=pydoc.plaintext))
print(pydoc.render_doc(len, renderer=pydoc.plaintext))
print(pydoc.plaintext.document(str.split))
print(pydoc.plaintext.document(bytes.fromhex))

# every method of the builtin types and every builtin function (the tools/docsig probe)
def tp_name(t):
    mod = t.__module__  # from tp_name for a static type
    return t.__qualname__ if mod == "builtins" else mod + "." + t.__qualname__

def internal(name, obj):
    sig = getattr(obj, "__text_signature__", None)
    doc = obj.__doc__ if isinstance(obj.__doc__, str) else None
    return name + sig + "\n--\n\n" + (doc or "") if sig else doc

KINDS = ("method_descriptor", "classmethod_descriptor", "builtin_function_or_method")
seen = []
for mod in [builtins, types]:
    for k in sorted(vars(mod)):
        v = getattr(mod, k)
        if isinstance(v, type) and not (v.__flags__ & (1 << 9)) and v not in seen:
            seen.append(v)
count = 0
for t in seen:
    if issubclass(t, BaseException):
        continue  # the exception types' methods belong to exceptions.c
    owner = tp_name(t)
    print(owner, repr(internal(t.__name__, t)))
    for k in sorted(t.__dict__):
        v = t.__dict__[k]
        if k == "__new__":
            continue
        if type(v) is staticmethod:
            v = v.__func__
        if type(v).__name__ in KINDS:
            print("  ", k, repr(internal(k, v)))
            count += 1
for k in sorted(vars(builtins)):
    v = getattr(builtins, k)
    if type(v).__name__ == "builtin_function_or_method":
        print(v.__module__, k, repr(internal(k, v)))
        count += 1
print(count)
