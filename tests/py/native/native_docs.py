"""The docs and text signatures of native modules as the reference has them: each module's
__doc__, its functions, its types (doc, signature, and every method, slot wrapper, getset and
member of their dicts: the wrappers show which slots a type lists). tools/docsig/probe.py
gives cppy the reference's texts; the modules listed are those that match entirely."""
import importlib

MODULES = [
    '_abc',
    '_bisect',
    '_blake2',
    '_bz2',
    '_codecs',
    '_collections',
    '_csv',
    '_datetime',
    '_decimal',
    '_heapq',
    '_json',
    '_locale',
    '_lzma',
    '_opcode',
    '_pickle',
    '_queue',
    '_random',
    '_sre',
    '_stat',
    '_statistics',
    '_string',
    '_symtable',
    '_tokenize',
    '_tracemalloc',
    '_warnings',
    '_weakref',
    '_zstd',
    'array',
    'atexit',
    'binascii',
    'cmath',
    'errno',
    'faulthandler',
    'gc',
    'math',
    'mmap',
    'zlib',
]


def sig(o):
    try:
        return o.__text_signature__
    except Exception:
        return "<err>"


for name in MODULES:
    mod = importlib.import_module(name)
    print(name, "MODDOC", repr(mod.__doc__))
    for k in sorted(vars(mod)):
        v = getattr(mod, k)
        if isinstance(v, type) and v.__module__ != 'builtins' and not issubclass(v, BaseException):
            print(name, k, "TYPE", repr(v.__doc__), sig(v))
            for a, d in sorted(vars(v).items()):
                tn = type(d).__name__
                if tn in ('getset_descriptor', 'member_descriptor'):
                    print(name, k, a, tn, repr(d.__doc__))
                elif tn in ('method_descriptor', 'classmethod_descriptor', 'builtin_function_or_method', 'wrapper_descriptor'):
                    print(name, k, a, tn, repr(d.__doc__), sig(d))
        elif type(v).__name__ == 'builtin_function_or_method':
            print(name, k, "FUNC", repr(v.__doc__), sig(v))
