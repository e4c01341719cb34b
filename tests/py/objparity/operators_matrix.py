# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import operator
vals = [1, 1.5, 1j, 'a', b'a', bytearray(b'a'), [1], (1,), {1: 2}, {1}, frozenset({1}), None, range(2),
        slice(1), object(), type, len, ..., NotImplemented, memoryview(b'a'), {}.keys(), iter([])]
ops = [('<', operator.lt), ('<=', operator.le), ('+', operator.add), ('-', operator.sub), ('*', operator.mul),
       ('@', operator.matmul), ('/', operator.truediv), ('//', operator.floordiv), ('%', operator.mod),
       ('**', operator.pow), ('<<', operator.lshift), ('&', operator.and_), ('|', operator.or_), ('^', operator.xor)]
for a in vals:
    for b in vals:
        for name, op in ops:
            try:
                r = op(a, b)
                if name in ('<', '<='): continue  # only print the failures of orderings
                out = type(r).__name__
            except Exception as e:
                out = '%s: %s' % (type(e).__name__, _addr.sub('0x?', str(e)))
            print(type(a).__name__, name, type(b).__name__, out)
for a in vals:
    for name, f in [('-', operator.neg), ('+', operator.pos), ('~', operator.invert), ('abs', abs), ('hash', hash),
                    ('len', len), ('iter', iter), ('int', int), ('float', float), ('complex', complex), ('index', operator.index),
                    ('round', round), ('next', next), ('bool', bool), ('reversed', reversed), ('hex', hex), ('chr', chr), ('ord', ord)]:
        try:
            r = f(a)
            out = type(r).__name__
        except Exception as e:
            out = '%s: %s' % (type(e).__name__, _addr.sub('0x?', str(e)))
        print(name, type(a).__name__, out)
