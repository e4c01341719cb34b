# re on bytes-like subjects (bytearray, memoryview) and replacement templates given as
# bytes-like or str subclasses; the module's helpers and constants.
import re
import _sre

p = re.compile(rb'(\w+)=(\d+)')
for subject in (b'a=1 bb=22', bytearray(b'a=1 bb=22'), memoryview(b'a=1 bb=22')):
    m = p.search(subject)
    print(type(subject).__name__, m.groups(), m.span(2), p.findall(subject), p.split(subject),
          type(m.group(1)).__name__, type(m.string).__name__)
    print(p.sub(rb'\2:\1', subject), p.subn(bytearray(rb'[\1]'), subject), p.sub(b'-', subject, count=1))
    print([x.group() for x in p.finditer(subject)], p.fullmatch(subject, 0, 3).group(0), p.match(subject, 4).span())

ba = bytearray(b'xyz')
s = re.compile(rb'.').scanner(ba)
try:
    ba.append(1)
except BufferError as e:
    print('BufferError', e)
print(s.search().group(), s.search().group())
del s
ba.append(0x21)
print(re.findall(rb'\W', ba))

class S(str):
    pass

print(re.sub('(a)', S(r'<\1>'), 'banana'), re.sub('a', S('-'), 'banana'), type(re.sub('a', S('-'), 'banana')).__name__)
for bad in [lambda: re.search('a', bytearray(b'a')), lambda: re.search(b'a', memoryview(b'a').cast('B')).span(),
            lambda: re.match(b'a', 3.5), lambda: re.compile(memoryview(b'ab')), lambda: re.sub(b'a', memoryview(b'x'), b'banana')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(_sre.MAGIC, _sre.CODESIZE, _sre.getcodesize(), _sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')),
      _sre.unicode_iscased(0x3a3), _sre.unicode_iscased(0x5d0), _sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(0x3a3),
      _sre.unicode_tolower(0x130), _sre.unicode_tolower(0x1e9e), _sre.copyright)
print(re.escape('a+b (c)'), re.escape(b'a.b'), re.purge(), re.compile('x') is re.compile('x'), re.NOFLAG, re.I | re.M)
