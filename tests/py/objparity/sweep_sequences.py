# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
sweep('list', lambda: [3, 1, 2])
sweep('tuple', lambda: (3, 1, 2))
sweep('range', lambda: range(1, 10, 2))
sweep('slice', lambda: slice(1, 10, 2))
