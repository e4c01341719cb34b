def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def mk(cls, *a):
    try:
        return cls(*a)
    except Exception as e:
        print('ctor', type(e).__name__, e)
for s, e in [(0, 1), (-5, 1), (5, 10), (1, 0), (0, 100), (3, 2), (-1, -1), (10, 20), (2, 3), (1, 3), (0, 0)]:
    u = mk(UnicodeEncodeError, 'utf-8', 'abc', s, e, 'bad')
    print(s, e, 'E', repr(str(u)), u.start, u.end)
    u = mk(UnicodeDecodeError, 'utf-8', b'abc', s, e, 'bad')
    print(s, e, 'D', repr(str(u)), u.start, u.end)
    u = mk(UnicodeTranslateError, 'abc', s, e, 'bad')
    print(s, e, 'T', repr(str(u)), u.start, u.end)
for s, e in [(0, 1), (1, 2), (0, 0), (5, 7)]:
    u = UnicodeEncodeError('utf-8', '', s, e, 'bad'); print('empty E', repr(str(u)))
    u = UnicodeDecodeError('utf-8', b'', s, e, 'bad'); print('empty D', repr(str(u)))
    u = UnicodeTranslateError('', s, e, 'bad'); print('empty T', repr(str(u)))
u = UnicodeEncodeError('ascii', '\u20ac\U0001f600x', 0, 1, 'r'); print(str(u))
u.start = 1; print(str(u))
u.start = 2; print(str(u))
u.start = 7; print(str(u)); print(u.start)
u.end = -3; print(str(u)); print(u.end)
u = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'r'); print(str(u))
u.end = 100; print(str(u))
u.start = -100; print(str(u))
u.object = b'xyz'; print(str(u), u.object)
t(lambda: setattr(u, 'object', 'str'))
t(lambda: setattr(u, 'start', 'x'))
t(lambda: setattr(u, 'start', 2**70))
t(lambda: setattr(u, 'encoding', 5))
t(lambda: setattr(u, 'reason', 5))
u.encoding = 'x'; u.reason = 'y'; t(lambda: str(u)); u.object = b'abc'; t(lambda: str(u)); u.encoding = 5; t(lambda: str(u)); u.encoding='e'; u.reason=b'r'; t(lambda: str(u)); u.reason = 'r'
t(lambda: UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 1, 'r').object)
t(lambda: UnicodeDecodeError('utf-8', memoryview(b'ab'), 0, 1, 'r').object)
t(lambda: UnicodeDecodeError('utf-8', 'ab', 0, 1, 'r'))
t(lambda: UnicodeEncodeError('utf-8', b'ab', 0, 1, 'r'))
t(lambda: UnicodeEncodeError('utf-8', 'ab', 0, 1))
t(lambda: str(UnicodeEncodeError()))
t(lambda: repr(UnicodeEncodeError()))
t(lambda: str(UnicodeDecodeError.__new__(UnicodeDecodeError)))
t(lambda: UnicodeEncodeError.__new__(UnicodeEncodeError).start)
t(lambda: UnicodeEncodeError.__new__(UnicodeEncodeError).object)
t(lambda: UnicodeTranslateError.__new__(UnicodeTranslateError).encoding)
t(lambda: str(UnicodeError('a', 'b')))
class UE(UnicodeEncodeError):
    def __init__(self): pass
t(lambda: str(UE()))
t(lambda: UE().start)
import codecs
def handler(e):
    print('handler', type(e).__name__, e.start, e.end, repr(e.object))
    return ('?', e.end)
codecs.register_error('dec.h', handler)
t(lambda: 'a\u20acb'.encode('ascii', 'dec.h'))
t(lambda: b'a\xffb'.decode('ascii', 'dec.h'))
def handler2(e):
    e.start = 100; e.end = -5
    return ('?', 2)
codecs.register_error('dec.h2', handler2)
t(lambda: 'a\u20acb'.encode('ascii', 'dec.h2'))
t(lambda: b'a\xffb'.decode('ascii', 'dec.h2'))
def handler3(e):
    return ('?', -1)
codecs.register_error('dec.h3', handler3)
t(lambda: 'a\u20acb'.encode('ascii', 'dec.h3'))
t(lambda: b'a\xffb'.decode('ascii', 'dec.h3'))
def handler4(e):
    return ('?', 100)
codecs.register_error('dec.h4', handler4)
t(lambda: 'a\u20acb'.encode('ascii', 'dec.h4'))
t(lambda: b'a\xffb'.decode('ascii', 'dec.h4'))
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass']:
    h = codecs.lookup_error(name)
    for exc in [UnicodeEncodeError('ascii', 'a\u20ac\udc80b', 1, 3, 'r'),
                UnicodeDecodeError('utf-8', b'a\xff\x80b', 1, 3, 'r'),
                UnicodeTranslateError('a\u20acb', 1, 2, 'r'),
                UnicodeEncodeError('ascii', 'ab', 5, 1, 'r'),
                UnicodeDecodeError('utf-8', b'ab', -3, 9, 'r'),
                ValueError('x')]:
        t(lambda: h(exc))
t(lambda: codecs.lookup_error('nope'))
t(lambda: codecs.lookup_error(5))
t(lambda: codecs.register_error('x', 5))
