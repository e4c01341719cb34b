from .. import core
from ..core import where
from . import __name__ as parent_name
def describe():
    return f'leaf in {__package__}, core says {where()}, parent {parent_name}, {core.value}'
