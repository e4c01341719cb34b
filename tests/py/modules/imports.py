# Importing helper modules and a package beside the case: import forms, caching, attributes.
import sys
import _helper
import _helper as h2
from _helper import greet, CONSTANT as C
print(_helper is h2, greet('ann'), C, _helper.bump(), h2.bump(), _helper.counter)
print(_helper.__name__, _helper.__doc__, sorted(k for k in vars(_helper) if not k.startswith('__')))
print('_helper' in sys.modules, sys.modules['_helper'] is _helper)
ns = {}
exec('from _helper import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
import _pkg
print(_pkg.core_value, _pkg.__name__, hasattr(_pkg, '__path__'), _pkg.core.where())
from _pkg.sub import leaf
print(leaf.describe(), leaf.__name__, leaf.__package__)
import _pkg.sub.leaf as same_leaf
print(same_leaf is leaf, 'importing again does not rerun')
import _helper
import importlib
reloaded = importlib.reload(_helper)
print(reloaded is _helper, _helper.counter)
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0], e.name)
try:
    from _pkg import nothing_here
except ImportError as e:
    print(str(e).split(' (')[0])
m = importlib.import_module('_pkg.core')
print(m.value, m.__spec__.name, m.__spec__.parent)
print(__name__, __spec__ is None or __spec__.name)
