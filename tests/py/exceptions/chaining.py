# Exception chaining: __context__, __cause__, raise from, suppress_context, and the traceback text.
import traceback
def implicit():
    try:
        {}['missing']
    except KeyError:
        raise ValueError('while handling')
def explicit():
    try:
        int('x')
    except ValueError as e:
        raise RuntimeError('converted') from e
def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError('clean') from None
for f in [implicit, explicit, suppressed]:
    try:
        f()
    except Exception as e:
        print(f.__name__, repr(e), repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
        print(''.join(traceback.format_exception(e)), end='')
        print('---')
e = RuntimeError('outer')
e.__cause__ = KeyError('manual')
print(''.join(traceback.format_exception_only(e)), end='')
try:
    raise ValueError('with note')
except ValueError as err:
    err.add_note('first note')
    err.add_note('second note')
    print(err.__notes__)
    print(''.join(traceback.format_exception(err)), end='')
def level3(): raise IndexError('deep')
def level2(): level3()
def level1(): level2()
try:
    level1()
except IndexError as err:
    tb = traceback.extract_tb(err.__traceback__)
    print([(fs.name, fs.lineno) for fs in tb])
    print(err.with_traceback(None).__traceback__)
try:
    raise TypeError('first') from ValueError('cause')
except TypeError as err:
    print(type(err.__cause__).__name__, err.__cause__.args)
