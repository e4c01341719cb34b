print('init _pkg', __name__, __package__)
from .core import value as core_value
__all__ = ['core_value', 'core']
