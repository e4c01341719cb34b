"""Module with a module-level __getattr__ and __dir__ (PEP 562)."""
_values = {'alpha': 1, 'beta': 2}
real = 'real attribute'
def __getattr__(name):
    if name in _values:
        return _values[name]
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
def __dir__():
    return ['real'] + sorted(_values)
