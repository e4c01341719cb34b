# UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError: arguments, attributes and
# the one-character forms of str() (Objects/exceptions.c); the standard error handlers.
import codecs

try:
    b'ab\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e, e.args, e.start, e.end, e.reason, e.object, e.encoding)
try:
    'aé'.encode('ascii')
except UnicodeEncodeError as e:
    print(e, e.args, e.start, e.end, e.reason, e.object)
try:
    'aéè'.encode('latin-1').decode('ascii')
except UnicodeDecodeError as e:
    print(e)
try:
    'a\u1234\u5678'.encode('latin-1')
except UnicodeEncodeError as e:
    print(e, e.args)
for args in [('ascii', 'ab\u1234c', 2, 3, 'bad'), ('ascii', 'ab\U00012345c', 2, 3, 'bad'),
             ('ascii', 'ab\xffc', 2, 3, 'bad'), ('ascii', 'abc', 1, 3, 'bad'),
             ('ascii', 'ab', 5, 7, 'bad'), ('ascii', 'ab', 1, 1, 'bad'), ('ascii', '', 0, 1, 'r')]:
    e = UnicodeEncodeError(*args)
    print(str(e), e.start, e.end, repr(e))
for args in [('utf-8', b'ab\xffc', 2, 3, 'bad'), ('utf-8', b'abc', 1, 3, 'bad'),
             ('ascii', bytearray(b'ab'), 0, 1, 'bad'), ('ascii', memoryview(b'xy'), 1, 2, 'bad')]:
    e = UnicodeDecodeError(*args)
    print(str(e), type(e.object).__name__, e.object)
for args in [('ab\u1234c', 2, 3, 'bad'), ('ab\xffc', 2, 3, 'bad'), ('abc', 0, 2, 'bad'),
             ('a\U0010ffff', 1, 2, 'x')]:
    e = UnicodeTranslateError(*args)
    print(str(e), e.encoding)
for bad in [lambda: UnicodeEncodeError('ascii', b'x', 0, 1, 'r'),
            lambda: UnicodeEncodeError(1, 'x', 0, 1, 'r'),
            lambda: UnicodeEncodeError('ascii', 'x', 0, 1, None),
            lambda: UnicodeEncodeError('ascii', 'x', 0, 1),
            lambda: UnicodeDecodeError('ascii', 'x', 0, 1, 'r'),
            lambda: UnicodeDecodeError('ascii', 1, 0, 1, 'r'),
            lambda: UnicodeTranslateError(b'x', 0, 1, 'r'),
            lambda: UnicodeTranslateError('x', 0, 1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
e = UnicodeEncodeError('ascii', 'abc', 0, 1, 'r')
e.start = 10
print(e.start, str(e))
e.end = -5
print(e.end)
e.reason = 'new'
e.encoding = 'x'
print(str(e))
print(str(UnicodeEncodeError.__new__(UnicodeEncodeError)), repr(UnicodeDecodeError.__new__(UnicodeDecodeError)))
print(bytes.fromhex('ff').decode('utf-8', 'replace') == '\ufffd', 'é'.encode('ascii', 'xmlcharrefreplace'),
      'é\U0001f600'.encode('ascii', 'namereplace'), 'é'.encode('ascii', 'backslashreplace'),
      b'\xff'.decode('ascii', 'backslashreplace'), ascii(b'\xff'.decode('ascii', 'surrogateescape')),
      '\udcff'.encode('ascii', 'surrogateescape'), '\ud800'.encode('utf-8', 'surrogatepass'))
print(codecs.lookup_error('strict').__name__, codecs.lookup_error('ignore').__name__)
print(codecs.replace_errors(UnicodeEncodeError('ascii', 'aé', 1, 2, 'r')))
print(codecs.replace_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'r')))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError('ascii', 'aé\U0001f600', 1, 3, 'r')))
print(codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'a\xff\xfe', 1, 3, 'r')))
print(codecs.backslashreplace_errors(UnicodeTranslateError('a\xff\u1234', 1, 3, 'r')))
print(codecs.namereplace_errors(UnicodeEncodeError('ascii', 'a\xe9\x00', 1, 3, 'r')))
print(codecs.ignore_errors(UnicodeEncodeError('ascii', 'aé', 1, 2, 'r')))
try:
    codecs.strict_errors(UnicodeEncodeError('ascii', 'aé', 1, 2, 'r'))
except UnicodeEncodeError as e:
    print('strict', e)
try:
    codecs.xmlcharrefreplace_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'r'))
except TypeError as e:
    print('TypeError', e)
def handler(e):
    return ('?', e.end)
codecs.register_error('mine', handler)
print('aéb'.encode('ascii', 'mine'), b'a\xffb'.decode('ascii', 'mine'))
def handler2(e):
    return ('X', -1)
codecs.register_error('neg', handler2)
print('aéb'.encode('ascii', 'neg'))
def handler3(e):
    return 5
codecs.register_error('badret', handler3)
try:
    'aéb'.encode('ascii', 'badret')
except TypeError as e:
    print('TypeError', e)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print(e)
try:
    'é'.encode('ascii', 'nope')
except LookupError as e:
    print(e)
