# Object-model parity probe (issue 4), helpers in _probe.py.
from _probe import *
import builtins
excs = sorted(n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException))
for n in excs:
    E = getattr(builtins, n)
    for args in [(), ('msg',), ('a', 'b'), ('a', 'b', 'c'), ('a', 'b', 'c', 'd'), ('a', 'b', 'c', 'd', 'e'), ('a', 'b', 'c', 'd', 'e', 'f'), (1.5, None, 3)]:
        try:
            e = E(*args)
        except BaseException as x:
            print(n, args, '!!', type(x).__name__, x); continue
        attrs = {a: _call(getattr, (e, a), {}) for a in dir(e) if not a.startswith('_') and a not in ('with_traceback', 'add_note', 'derive', 'split', 'subgroup')}
        print(n, args, type(e).__name__, _call(str, (e,), {}), _call(repr, (e,), {}), attrs)
        print('  reduce', _call(e.__reduce__, (), {}))

import errno, pickle
for src in ["type(OSError(errno.ENOENT, 'x'))", "type(OSError(errno.EPERM, 'x', 'f'))", "OSError(errno.ENOENT, 'x', 'f').__reduce__()[0]",
            "BlockingIOError(errno.EAGAIN, 'x', 3).characters_written", "BlockingIOError(errno.EAGAIN, 'x', 3).args[2]",
            "BlockingIOError(1, 'x', 3.5)", "BlockingIOError(1, 'x', 'f').filename", "OSError(1, 2, 3, 4, 5).__reduce__()[1]",
            "OSError(1, 2, None, 4, 5).__reduce__()[1]", "OSError('a', 'b', 'c', 'd', 'e').__reduce__()[1]",
            "str(OSError('a', 'b', 'c', 'd', 'e'))", "OSError(x=1)", "OSError.__new__(OSError, x=1)", "FileNotFoundError(2, 'nf', 'p').filename",
            "pickle.loads(pickle.dumps(OSError(2, 'nf', 'p', None, 'q'))).filename2", "AttributeError('m', name='n', obj=3).__reduce__()",
            "AttributeError('m', name='n').__getstate__()", "AttributeError().__getstate__()", "NameError('x', name='y').name",
            "NameError('x', nam='y')", "AttributeError(x=1)", "ImportError('a', name='n', path='p').__reduce__()",
            "ImportError(nme=1)", "ImportError('a', name='n', path='p', name_from='f').name_from", "ImportError().msg",
            "SyntaxError('m', ('f', 1, 2, 't', 3, 4)).end_offset", "SyntaxError('m', ('f', 1, 2, 't'))", "SyntaxError('m', 1)",
            "SyntaxError('m', ('f', 1))", "str(SyntaxError('m', ('f', 1, 2, 't')))", "str(SyntaxError('m', (None, 1, 2, 't')))",
            "str(SyntaxError('m', ('dir/f.py', 1, 2, 't')))", "str(SyntaxError(1))", "SyntaxError('m', ('f', 1, 2, 't', 3, 4), 5)",
            "UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad')", "str(UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad'))",
            "str(UnicodeDecodeError('utf-8', b'ab', 0, 2, 'bad'))", "str(UnicodeDecodeError('utf-8', b'ab', 5, 9, 'bad'))",
            "UnicodeDecodeError('utf-8', 'ab', 0, 1, 'bad')", "UnicodeDecodeError('utf-8', b'ab', 0, 1)",
            "str(UnicodeEncodeError('ascii', 'ab\u1234', 2, 3, 'bad'))", "str(UnicodeEncodeError('ascii', 'ab\xff', 2, 3, 'bad'))",
            "str(UnicodeEncodeError('ascii', 'ab\U00012345', 2, 3, 'bad'))", "str(UnicodeEncodeError('ascii', 'abc', 0, 3, 'bad'))",
            "str(UnicodeTranslateError('ab\u1234', 2, 3, 'bad'))", "UnicodeTranslateError('a', 2, 3)", "UnicodeEncodeError(1, 2, 3, 4, 5)",
            "str(UnicodeError())", "StopIteration(1, 2).value", "StopIteration().value", "SystemExit(1, 2).code", "SystemExit().code",
            "SystemExit(3).code", "KeyError('k')", "str(KeyError('k'))", "str(KeyError())", "str(KeyError(1, 2))", "str(KeyError(''))",
            "BaseException(x=1)", "Exception.__new__(Exception, x=1)", "BaseException.__new__(1)", "BaseException.__new__(int)",
            "BaseException().with_traceback(1)", "BaseException().add_note(1)", "BaseException().__notes__", "BaseException().__setstate__(1)",
            "BaseException().__setstate__({'a': 1}) or 1", "BaseException('a').__reduce_ex__(2)", "(e := BaseException())",
            "setattr(e, '__cause__', 1)", "setattr(e, '__context__', 1)", "setattr(e, '__traceback__', 1)", "setattr(e, 'args', 5) or e.args",
            "delattr(e, 'args')", "setattr(e, '__suppress_context__', 'x') or e.__suppress_context__", "delattr(e, '__traceback__')",
            "BaseExceptionGroup('m', [ValueError(1)]).__class__", "BaseExceptionGroup('m', [KeyboardInterrupt()]).__class__",
            "ExceptionGroup('m', [KeyboardInterrupt()])", "BaseExceptionGroup('m', [])", "BaseExceptionGroup('m', 1)",
            "BaseExceptionGroup(1, [ValueError()])", "BaseExceptionGroup('m', [1])", "BaseExceptionGroup('m')", "BaseExceptionGroup()",
            "BaseExceptionGroup('m', [ValueError()], 1)", "ExceptionGroup('m', (ValueError(1), TypeError(2))).exceptions",
            "repr(ExceptionGroup('m', [ValueError(1), TypeError(2)]))", "str(ExceptionGroup('m', [ValueError(1), TypeError(2)]))",
            "str(ExceptionGroup('m', [ValueError(1)]))", "(eg := ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('n', [ValueError(3)])]))",
            "eg.split(ValueError)", "eg.subgroup(TypeError)", "eg.subgroup(lambda e: False)", "eg.split(1)", "eg.subgroup((ValueError, TypeError)) is eg",
            "eg.derive([KeyError()])", "eg.message", "eg.__reduce__()", "ExceptionGroup.__class_getitem__(int)",
            "(class_eg := type('MyEG', (ExceptionGroup,), {}))", "class_eg('m', [ValueError()]).split(ValueError)",
            "ExceptionGroup('m', [ValueError()]).derive(1)", "BaseExceptionGroup.__new__(BaseExceptionGroup, 'm', [ValueError()]).__class__",
            "type('E', (BaseExceptionGroup, ValueError), {})('m', [ValueError()])", "type('E2', (BaseExceptionGroup,), {})('m', [KeyboardInterrupt()]).__class__.__name__",
            "type('E3', (ExceptionGroup,), {})('m', [KeyboardInterrupt()])", "repr(ExceptionGroup('m', [ValueError()] * 20))[:60]"]:
    p(src)
