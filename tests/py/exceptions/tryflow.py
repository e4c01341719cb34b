# try/except/else/finally control flow, return in finally, re-raise, bare except.
def flow(kind):
    log = []
    try:
        log.append('try')
        if kind == 'value':
            raise ValueError('bad value')
        if kind == 'key':
            raise KeyError('k')
        if kind == 'return':
            return log + ['returned']
    except ValueError as e:
        log.append(f'except ValueError {e}')
    except (KeyError, IndexError) as e:
        log.append(f'except {type(e).__name__} {e!r}')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
for k in ['none', 'value', 'key', 'return']:
    print(k, flow(k))
def finally_overrides():
    try:
        return 'try'
    finally:
        print('cleanup runs')
print(finally_overrides())
def swallow():
    for _ in range(1):
        try:
            raise RuntimeError('lost')
        finally:
            break
    return 'swallowed by break'
print(swallow())
def reraise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print('handling, then re-raising')
            raise
    except ArithmeticError as e:
        print('outer caught', type(e).__name__, e)
reraise()
try:
    try:
        raise TypeError('inner')
    except TypeError as e:
        name = e
    print('bound name deleted:', 'e' not in dir(), type(name).__name__)
except Exception:
    pass
try:
    [][1]
except:
    print('bare except', __import__('sys').exception().__class__.__name__)
import sys
print(sys.exception())
def nested():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise KeyError(2)
        except KeyError:
            print('inner exception', repr(sys.exception()))
        print('restored', repr(sys.exception()))
nested()
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyboardInterrupt, Exception), BaseException.__subclasses__()[:0])
e = ValueError('a', 2)
print(e.args, str(e), repr(e), repr(ValueError()), str(KeyError('x')), str(OSError(2, 'No such file')))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print('generator finally')
for v in gen_cleanup():
    break
print('after break')
