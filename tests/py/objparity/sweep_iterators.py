# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
sweep('enumerate', lambda: enumerate('ab'))
sweep('zip', lambda: zip('ab', 'cd'))
sweep('map', lambda: map(str, 'ab'))
sweep('filter', lambda: filter(None, 'ab'))
sweep('reversed', lambda: reversed([1, 2]))
sweep('list_iterator', lambda: iter([1, 2]))
sweep('str_iterator', lambda: iter('ab'))
sweep('range_iterator', lambda: iter(range(3)))
sweep('dict_keyiterator', lambda: iter({1: 2}))
sweep('set_iterator', lambda: iter({1}))
sweep('tuple_iterator', lambda: iter((1,)))
sweep('callable_iterator', lambda: iter(int, 1))
