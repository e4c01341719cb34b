# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
sweep('bytes', lambda: b'abc')
sweep('bytearray', lambda: bytearray(b'abc'))
sweep('memoryview', lambda: memoryview(b'abc'))
