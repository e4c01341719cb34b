# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
sweep('int', lambda: 7, skip={('__pow__', (2**100,)), ('__rpow__', (2**100,))})
sweep('float', lambda: 2.5, skip={('__rpow__', (2**100,)), ('__pow__', (2**100,))})
sweep('bool', lambda: True, skip={('__pow__', (2**100,))})
sweep('complex', lambda: 1+2j)
