# Exception groups and except*.
import traceback
def raise_group():
    raise ExceptionGroup('batch', [ValueError('v1'), TypeError('t1'), ValueError('v2'), ExceptionGroup('nested', [KeyError('k')])])
try:
    raise_group()
except* ValueError as eg:
    print('ValueErrors:', repr(eg), [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print('TypeErrors:', eg.exceptions)
except* LookupError as eg:
    print('Lookup:', eg.exceptions, eg.message)
eg = ExceptionGroup('top', [ValueError(1), KeyError(2), ValueError(3)])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(OSError))
print(type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup('b', [ValueError()])).__name__)
try:
    try:
        raise ExceptionGroup('eg', [ValueError('a'), OSError('b')])
    except* ValueError:
        print('handled ValueError part')
except ExceptionGroup as leftover:
    print('leftover', repr(leftover))
try:
    raise ValueError('naked')
except* ValueError as eg:
    print('naked wrapped:', repr(eg))
try:
    ExceptionGroup('x', [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup('x', [1])
except ValueError as e:
    print(e)
err = ExceptionGroup('many', [ValueError('one'), ExceptionGroup('inner', [TypeError('two')])])
print(''.join(traceback.format_exception(err)), end='')
def handler_raises():
    try:
        raise ExceptionGroup('g', [ValueError('x')])
    except* ValueError:
        raise KeyError('from handler')
try:
    handler_raises()
except ExceptionGroup as e:
    print('outer got', repr(e), repr(e.exceptions[0].__context__))
except KeyError as e:
    print('outer got KeyError', repr(e))
print(repr(err.derive([ValueError(9)])), len(err.exceptions), str(err))
