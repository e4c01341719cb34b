# str.encode / bytes.decode / str(b, enc) beyond the built-in fast paths go through the codec
# registry (the encodings package): charmap codecs, utf-8-sig, punycode, error handlers, and
# the checks on non-text codecs.
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


show('cp1252', lambda: 'é€'.encode('cp1252'))
show('koi8', lambda: str('привет'.encode('koi8-r'), 'koi8-r'))
show('bytearray', lambda: bytearray('ü'.encode('cp850')).decode('cp850'))
show('memoryview', lambda: str(memoryview(b'\xe4'), 'iso8859-15'))
show('cp437 err', lambda: '€'.encode('cp437'))
show('cp437 xml', lambda: '€x'.encode('cp437', 'xmlcharrefreplace'))
show('cp437 bs', lambda: '€x'.encode('cp437', 'backslashreplace'))
show('decode err', lambda: b'\x81'.decode('cp1252'))
show('decode replace', lambda: b'a\x81b'.decode('cp1252', 'replace'))
show('hex', lambda: b'ab'.decode('hex'))
show('rot13 encode', lambda: 'abc'.encode('rot13'))
show('unknown', lambda: 'a'.encode('nope'))
show('unknown decode', lambda: b'a'.decode('nope'))
show('punycode', lambda: 'bücher'.encode('punycode'))
show('utf8 sig', lambda: b'\xef\xbb\xbfhi'.decode('utf-8-sig'))
show('utf8 sig enc', lambda: 'hi'.encode('utf_8_sig'))
show('mac_roman', lambda: bytes(range(200, 205)).decode('mac_roman'))
show('unicode_escape', lambda: b'\\u00e9\\n'.decode('unicode_escape'))
show('raw_unicode_escape', lambda: 'é\u1234'.encode('raw_unicode_escape'))
show('utf7', lambda: 'a+é'.encode('utf-7'))
show('surrogateescape', lambda: b'\xff'.decode('ascii', 'surrogateescape'))
show('namereplace', lambda: 'é'.encode('ascii', 'namereplace'))
show('str kw', lambda: str(b'\xe9', encoding='cp1252', errors='strict'))
import codecs
show('lookup name', lambda: codecs.lookup('CP-1252').name)
