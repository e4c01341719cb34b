# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
sweep('dict', lambda: {'a': 1, 'b': 2})
sweep('keys', lambda: {1: 'a', 2: 'b'}.keys())
sweep('values', lambda: {'a': 1, 'b': 2}.values())
sweep('items', lambda: {1: 2, 3: 4}.items())
sweep('set', lambda: {1, 2, 3})
sweep('frozenset', lambda: frozenset({1, 2, 3}))
