# Custom exception hierarchies, attributes, __str__, context managers that handle errors.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
class NotFound(AppError): pass
class Invalid(AppError):
    def __reduce__(self): return (Invalid, (self.code, self.args[0]))
for exc in [NotFound(404, 'missing page'), Invalid(422, 'bad input'), AppError(500, 'boom')]:
    try:
        raise exc
    except NotFound as e:
        print('not found handler', e, e.code)
    except AppError as e:
        print('app handler', e, repr(e), type(e).__mro__[1].__name__)
class NoArgs(Exception): pass
print(repr(NoArgs()), str(NoArgs()), str(NoArgs('a', 'b')), NoArgs('x').args)
class WithRepr(Exception):
    def __repr__(self): return 'custom-repr'
print(repr(WithRepr()), [WithRepr()])
import contextlib
@contextlib.contextmanager
def guard(name):
    print('enter', name)
    try:
        yield name.upper()
    except KeyError as e:
        print('guard handled', repr(e))
    finally:
        print('exit', name)
with guard('a') as g:
    print('body', g)
with guard('b'):
    raise KeyError('inside')
try:
    with guard('c'):
        raise ValueError('escapes')
except ValueError as e:
    print('escaped', e)
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
class Tracker:
    def __init__(self, swallow): self.swallow = swallow
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print('exit with', et.__name__ if et else None, ev)
        return self.swallow
with Tracker(True):
    raise RuntimeError('gone')
try:
    with Tracker(False), Tracker(True):
        raise RuntimeError('inner swallows')
    print('continued')
except RuntimeError:
    print('not reached')
with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.callback(print, 'callback', n)
    print('stack body')
class Err(Exception):
    def __init__(self, *a, extra=None):
        super().__init__(*a)
        self.extra = extra
e = Err('m', extra=5)
print(e.args, e.extra, isinstance(e, BaseException), Err.__bases__)
