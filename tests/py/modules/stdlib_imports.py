# Importing stdlib modules in every form; module attributes.
import math, os.path
import collections.abc as cabc
from json import dumps as to_json, loads
from itertools import *
from functools import (reduce,
                       partial)
print(math.pi, math.__name__, os.path.join('a', 'b'), os.path.basename('/x/y.txt'), os.path.splitext('f.tar.gz'))
print(to_json({'a': [1, None]}), loads('[true, 1.5]'), reduce(lambda a, b: a + b, 'abc'), partial(pow, 2)(5))
print(list(islice(count(), 3)), issubclass(list, cabc.MutableSequence), isinstance({}, cabc.Mapping))
import sys
print(type(sys.modules).__name__, 'math' in sys.modules, sys.version_info[:2])
import importlib.util
print(importlib.util.find_spec('json') is not None, importlib.util.find_spec('no_such_mod_xyz'))
string = __import__('string')
print(string.ascii_lowercase, string.digits, string.punctuation[:5])
def local_import():
    import random as rnd
    return type(rnd).__name__
print(local_import(), 'rnd' in globals())
import types
mod = types.ModuleType('virtual', 'docstring')
mod.x = 5
sys.modules['virtual'] = mod
import virtual
print(virtual.x, virtual.__doc__, repr(virtual))
exec_ns = {}
exec('import operator\nresult = operator.mul(6, 7)', exec_ns)
print(exec_ns['result'])
print(os.path.normpath('a//b/../c/.'), os.path.isabs('/a'), os.sep, os.path.commonprefix(['/ab/c', '/ab/d']))
import keyword, builtins
print(keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.iskeyword('pass'), builtins.len is len)
print(len(keyword.kwlist), keyword.softkwlist)
