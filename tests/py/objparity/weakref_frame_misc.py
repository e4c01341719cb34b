# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import weakref, types, sys
class K:
    def m(self): return 1
k = K()
def cb(r): pass
sweep('weakref', lambda: weakref.ref(k), skip={('__call__', ())})
sweep('weakref_cb', lambda: weakref.ref(k, cb))
sweep('proxy', lambda: weakref.proxy(k), names=['__repr__', '__str__', '__bool__', '__eq__', '__lt__', '__bytes__', '__reversed__', '__iter__', '__len__', '__getitem__', '__hash__', '__call__'])
sweep('WeakMethod', lambda: weakref.WeakMethod(k.m), names=['__call__', '__eq__', '__ne__', '__repr__', '__callback__'])
sweep('mappingproxy2', lambda: types.MappingProxyType({'a': 1}))
def fr():
    return sys._getframe()
sweep('frame', fr, names=['f_lineno', 'f_lasti', 'f_trace', 'f_trace_lines', 'f_trace_opcodes', 'clear', '__repr__', 'f_generator', 'f_back', 'f_code'])
for src in ["weakref.ref(1)", "weakref.ref([])", "weakref.ref(k, 1)", "weakref.ref()", "weakref.ref(k, cb, 3)",
            "weakref.ref(k, callback=cb)", "weakref.ref(k) == weakref.ref(k)", "weakref.ref(k) is weakref.ref(k)",
            "weakref.ref(k, cb) is weakref.ref(k)", "weakref.ref(k)()  is k", "weakref.ref(k) < weakref.ref(k)",
            "hash(weakref.ref(k)) == hash(k)", "weakref.proxy(k) == k", "weakref.proxy(1)", "weakref.proxy(k, 1)",
            "hash(weakref.proxy(k))", "weakref.proxy(k).m()", "weakref.proxy(k).nope", "len(weakref.proxy(k))",
            "weakref.getweakrefcount(k)", "weakref.getweakrefs(1)", "type(weakref.proxy(len))", "weakref.ref(len)",
            "weakref.ref(k).__callback__", "weakref.WeakMethod(len)", "weakref.WeakMethod(k.m)() == k.m",
            "weakref.ref.__new__(weakref.ref)", "weakref.ref.__new__(int, k)", "weakref.ref[int]", "weakref.finalize(1, cb)",
            "types.MappingProxyType(1)", "types.MappingProxyType([])", "types.MappingProxyType({})['x']",
            "types.MappingProxyType({1: 2}) | {3: 4}", "{3: 4} | types.MappingProxyType({1: 2})", "types.MappingProxyType({1: 2}) == {1: 2}",
            "types.MappingProxyType({1: 2}).__setitem__", "setattr(types.MappingProxyType({}), 'x', 1)",
            "types.MappingProxyType({1: 2}).copy()", "list(reversed(types.MappingProxyType({1: 2, 3: 4})))",
            "types.MappingProxyType(mapping={})", "types.MappingProxyType({}, {})", "hash(types.MappingProxyType({}))",
            "types.SimpleNamespace(1)", "types.SimpleNamespace({'a': 1})", "types.SimpleNamespace({'a': 1}, b=2)",
            "types.SimpleNamespace([('a', 1)])", "types.SimpleNamespace({1: 2})", "types.SimpleNamespace(**{'a': 1})",
            "types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1)", "types.SimpleNamespace(a=1) < types.SimpleNamespace(a=1)",
            "hash(types.SimpleNamespace())", "types.SimpleNamespace(a=1).__reduce__()", "types.SimpleNamespace(a=1, b=[1]).__replace__(b=2)",
            "types.SimpleNamespace(a=1).__replace__(1)", "repr(types.SimpleNamespace(a='x', b=types.SimpleNamespace()))",
            "types.ModuleType()", "types.ModuleType(1)", "types.ModuleType('m', 1).__doc__", "types.ModuleType('m', doc=2).__doc__",
            "repr(types.ModuleType('m'))", "types.ModuleType('m').__dict__", "types.ModuleType('m').x", "types.ModuleType('m').__name__",
            "dir(types.ModuleType('m'))", "types.ModuleType.__new__(types.ModuleType).__dict__", "repr(types.ModuleType.__new__(types.ModuleType))",
            "types.CellType()", "types.CellType(1).cell_contents", "types.CellType().cell_contents", "types.CellType(1) == types.CellType(1)",
            "types.CellType(1) < types.CellType(2)", "types.CellType(1) < 2", "types.CellType(1, 2)", "repr(types.CellType())[:15]",
            "types.FunctionType()", "types.FunctionType(1, {})", "types.FunctionType(fr.__code__, 1)", "types.FunctionType(fr.__code__, {}, 1)",
            "types.FunctionType(fr.__code__, {}, 'n', 1)", "types.FunctionType(fr.__code__, {}, 'n', None, 1)",
            "types.FunctionType(fr.__code__, {}, 'n').__name__", "types.FunctionType(fr.__code__, {}, kwdefaults=1)",
            "types.MethodType()", "types.MethodType(1)", "types.MethodType(1, 2)", "types.MethodType(len, None)", "types.MethodType(len, 1).__self__",
            "types.MethodType(len, 1) == types.MethodType(len, 1)", "types.MethodType(len, 1).__func__", "types.MethodType(len, 1).__name__",
            "types.MethodType(1, 1).__name__", "types.MethodType(1, 1).__doc__", "types.MethodType(1, 1)()", "repr(types.MethodType(1, 1))",
            "fr.__code__.replace(co_name=1)", "fr.__code__.replace(x=1)", "fr.__code__.replace(1)", "fr.__code__.replace(co_name='z').co_name",
            "fr.__code__.replace(co_nlocals=-1)", "fr.__code__.replace(co_argcount=5)", "type(fr.__code__)()", "fr.__code__ == fr.__code__",
            "fr.__code__.co_qualname", "fr.__code__.co_varnames", "fr.__code__.co_flags", "fr.__code__.co_stacksize", "fr.__code__.co_nlocals",
            "fr.__code__.co_consts", "fr.__code__.co_names", "fr.__code__.co_firstlineno > 0", "fr.__code__._varname_from_oparg(0)",
            "fr.__code__._varname_from_oparg(99)", "fr().f_locals", "fr().f_globals is globals()",
            "fr().f_builtins is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else True", "setattr(fr(), 'f_lineno', 1)",
            "setattr(fr(), 'f_trace', 1)", "fr().f_trace_lines", "delattr(fr(), 'f_trace')", "fr().clear()", "sys._getframe().clear()",
            "sys._getframe(1000)", "sys._getframe(-1).f_code.co_name", "sys._getframe('x')"]:
    p(src)
