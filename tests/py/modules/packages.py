# Packages: star imports with __all__, submodule attributes, circular imports, sys.modules entries,
# importlib helpers and module reprs without paths.
import sys
from _pkg import *
print(core_value, sorted(k for k in dir() if k.startswith('core')))
import _pkg
print('sub' in dir(_pkg), '_pkg.sub' in sys.modules)
import _pkg.sub.leaf
print('sub' in dir(_pkg), _pkg.sub.leaf.describe())
print(_pkg.sub.__name__, _pkg.sub.__package__, _pkg.__package__, _pkg.core.__package__)
import _circ_a
print(_circ_a.use_b(), _circ_a._circ_b.EARLY, _circ_a._circ_b.partial_view())
print(sorted(name for name in sys.modules if name.startswith(('_pkg', '_circ'))))
import importlib
mod = importlib.import_module('.core', package='_pkg')
print(mod is _pkg.core, importlib.import_module('_pkg.sub').__name__)
try:
    importlib.import_module('.nothing', package='_pkg')
except ModuleNotFoundError as e:
    print(e)
try:
    importlib.import_module('.core')
except TypeError as e:
    print(e)
print(repr(_pkg).split(' from ')[0], type(_pkg.__path__).__name__ in ('list', '_NamespacePath'), _pkg.__spec__.submodule_search_locations is not None)
print(_pkg.core.__spec__.origin.endswith('core.py'), _pkg.__file__.endswith('__init__.py'), _pkg.__spec__.has_location)
