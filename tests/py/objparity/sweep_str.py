# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
sweep('str', lambda: 'abc')
