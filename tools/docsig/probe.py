# Prints the internal docs ("name(signature)\n--\n\ndoc") of the builtin functions, the
# builtin types and their methods, and those of the native modules' functions, types and
# methods (NATIVE_MODULES), one per line: owner, name, doc as JSON. Run by
# tools/docsig/gen_docsig.py on the reference (CPython 3.14.2); the same script run by cppy
# shows what differs.
import builtins
import importlib
import json
import sys
import types



def tp_name(t):
    mod = t.__module__  # from tp_name for a static type
    return t.__qualname__ if mod == "builtins" else mod + "." + t.__qualname__


def internal(name, obj):
    try:
        sig = obj.__text_signature__
    except AttributeError:
        sig = None
    doc = obj.__doc__
    if not isinstance(doc, str):
        doc = None
    if sig:
        return name + sig + "\n--\n\n" + (doc or "")
    return doc


def emit(owner, name, doc):
    if doc is not None:
        print(owner + "\t" + name + "\t" + json.dumps(doc))


def types_to_scan():
    seen = []
    for mod in [builtins, types]:
        for k in sorted(vars(mod)):
            v = getattr(mod, k)
            if isinstance(v, type) and not (v.__flags__ & (1 << 9)) and v not in seen:
                seen.append(v)
    return seen


# The native modules cppy implements (src/modules) whose functions and types get the
# reference's docs: the owner of a function is the module's name, that of a type its tp_name;
# the module's own doc has the name "".
NATIVE_MODULES = [
    "_abc", "_bisect", "_blake2", "_bz2", "_codecs", "_collections", "_contextvars", "_csv",
    "_datetime", "_decimal", "_functools", "_heapq", "_json", "_locale", "_lsprof", "_lzma",
    "_opcode", "_operator", "_pickle", "_queue", "_random", "_socket", "_sqlite3", "_sre",
    "_stat", "_statistics", "_string", "_struct", "_symtable", "_tokenize", "_tracemalloc",
    "_typing", "_warnings", "_weakref", "_zoneinfo", "_zstd", "array", "atexit", "binascii",
    "cmath", "errno", "faulthandler", "gc", "itertools", "math", "mmap", "pyexpat", "select",
    "time", "unicodedata", "zlib",
]

METHOD_KINDS = ("method_descriptor", "classmethod_descriptor", "builtin_function_or_method")


def emit_type(t, owner):
    emit(owner, "", internal(t.__name__, t) if t.__doc__ is not None else None)
    for k in sorted(t.__dict__):
        if k == "__new__":  # tp_new's wrapper, not a method table entry
            continue
        v = t.__dict__[k]
        if type(v).__name__ in METHOD_KINDS:
            emit(owner, k, internal(k, v))
        elif type(v) is staticmethod and type(v.__func__).__name__ in METHOD_KINDS:
            emit(owner, k, internal(k, v.__func__))


def emit_module(name):
    mod = importlib.import_module(name)
    emit(name, "", mod.__doc__ if isinstance(mod.__doc__, str) else None)  # the module's doc
    seen = set()
    for k in sorted(vars(mod)):
        v = getattr(mod, k)
        if type(v).__name__ == "builtin_function_or_method" and v.__self__ is mod:
            emit(name, k, internal(k, v))
        elif (isinstance(v, type) and not issubclass(v, BaseException) and v not in seen
              and v.__module__ != "builtins"):
            seen.add(v)
            emit_type(v, tp_name(v))


def main():
    for t in types_to_scan():
        emit_type(t, tp_name(t))
    emit("builtins", "", builtins.__doc__)  # the module's own docstring
    for k in sorted(vars(builtins)):
        v = getattr(builtins, k)
        if type(v).__name__ == "builtin_function_or_method":
            emit(v.__module__ or "builtins", k, internal(k, v))  # open is _io's
    for name in NATIVE_MODULES:
        emit_module(name)


main()
