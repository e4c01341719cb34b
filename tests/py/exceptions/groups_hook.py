# Exception groups as sys.excepthook prints them: nested boxes, chained members, notes with
# several lines, more than 15 members, depth beyond 10, sys.tracebacklimit.
import sys

def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)

def fail(kind, msg):
    raise kind(msg)

def collect(*specs):
    errors = []
    for kind, msg in specs:
        try:
            fail(kind, msg)
        except Exception as e:
            errors.append(e)
    return errors

def nested():
    inner = ExceptionGroup('inner', collect((KeyError, 'k'), (IndexError, 'i')))
    try:
        raise inner
    except ExceptionGroup as g:
        inner = g
    raise ExceptionGroup('outer', [inner, *collect((ValueError, 'v'))])
show(nested)

def chained_member():
    try:
        try:
            fail(OSError, 'disk')
        except OSError as e:
            raise RuntimeError('wrapped') from e
    except RuntimeError as r:
        member = r
    raise ExceptionGroup('with chain', [member])
show(chained_member)

def notes():
    e = ValueError('bad')
    e.add_note('first line\nsecond line')
    e.add_note('third')
    g = ExceptionGroup('noted', [e, TypeError('t')])
    g.add_note('group note')
    raise g
show(notes)

def wide():
    raise ExceptionGroup('wide', [ValueError(i) for i in range(18)])
show(wide)

def deep():
    g = ValueError('leaf')
    for i in range(12):
        g = ExceptionGroup(f'level {i}', [g])
    raise g
show(deep)

def context_group():
    try:
        raise ExceptionGroup('first', [ValueError(1)])
    except ExceptionGroup:
        raise BaseExceptionGroup('second', [KeyboardInterrupt()])
show(context_group)

def no_traceback():
    raise ExceptionGroup('bare', [ValueError('x'), ExceptionGroup('sub', [TypeError('y')])])
show(no_traceback)

class Odd(Exception):
    def __str__(self):
        raise RuntimeError('no str')
def odd_member():
    raise ExceptionGroup('odd', [Odd()])
show(odd_member)

def bad_notes():
    e = ValueError('v')
    e.__notes__ = 'not a list'
    raise e
show(bad_notes)

sys.tracebacklimit = 1
def limited():
    def a(): b()
    def b(): c()
    def c(): raise ValueError('deep')
    a()
show(limited)
sys.tracebacklimit = 0
show(limited)
del sys.tracebacklimit
print('done')
