# encode/decode with several codecs and every error handler.
s = 'naïve café ☕ 𝄞'
for enc in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le', 'latin-1', 'ascii', 'cp1252']:
    for errors in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace']:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, 'UnicodeEncodeError:', e)
data = b'ok \xff\xfe bad \xc3\xa9 end \xe2\x82'
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    try:
        r = data.decode('utf-8', errors)
        print(errors, ascii(r))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError:', e, e.start, e.end, e.reason)
rt = data.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape')
print(rt == data)
print('\udcff'.encode('utf-8', 'surrogatepass'), b'\xed\xb3\xbf'.decode('utf-8', 'surrogatepass') == '\udcff')
try:
    '\ud800'.encode('utf-8')
except UnicodeEncodeError as e:
    print(e)
print('abc'.encode('utf-16'), b'\xff\xfea\x00'.decode('utf-16'), 'x'.encode('utf-8-sig'), b'\xef\xbb\xbfx'.decode('utf-8-sig'))
print('€'.encode('cp1252'), b'\x80'.decode('cp1252'), 'Ω'.encode('iso8859-7'), b'\xd9'.decode('iso8859-7'))
print('hello'.encode('rot13') if False else __import__('codecs').encode('hello', 'rot13'))
import codecs
print(codecs.encode(b'hi', 'hex'), codecs.decode('6869', 'hex'), codecs.encode(b'x' * 3, 'base64'), codecs.lookup('UTF8').name, codecs.lookup('latin1').name)
print('\\u00e9\\n'.encode().decode('unicode_escape'), 'é\n'.encode('unicode_escape'), 'é'.encode('raw_unicode_escape'))
print('ü'.encode('idna') if False else 'bücher.de'.encode('idna'), b'xn--bcher-kva'.decode('idna'))
try:
    b'x'.decode('no-such-codec')
except LookupError as e:
    print(e)
try:
    'x'.encode('utf-8', 'no-such-handler')
except LookupError as e:
    print(e)
def handler(exc):
    return ('[%d-%d]' % (exc.start, exc.end), exc.end)
codecs.register_error('brackets', handler)
print('aéb☕c'.encode('ascii', 'brackets'))
print(len(s), len(s.encode()), len(s.encode('utf-16-le')), [hex(ord(c)) for c in s[-3:]])
