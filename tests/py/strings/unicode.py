# Unicode: code points, normalization, case mapping, unicodedata, ord/chr.
import unicodedata
s = 'Åström 𝔘 ß ﬁ'
print(len(s), [ord(c) for c in s[:3]], chr(0x1F600), chr(233), ascii(s), repr('\u200b'))
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    n = unicodedata.normalize(form, s)
    print(form, len(n), ascii(n))
print(unicodedata.name('é'), unicodedata.lookup('SNOWMAN'), unicodedata.category('A'), unicodedata.category('٣'), unicodedata.decimal('٣'))
print(unicodedata.numeric('½'), unicodedata.bidirectional('a'), unicodedata.combining('\u0301'), unicodedata.east_asian_width('字'), unicodedata.mirrored('('))
print('ß'.upper(), 'ﬁ'.upper(), 'ΣΑΣ'.lower(), 'ǆ'.title(), 'i̇'.upper(), 'Ǳ'.swapcase(), 'ﬀ'.casefold())
print('é' == 'e\u0301', unicodedata.normalize('NFC', 'e\u0301') == 'é', 'Å'.isupper(), '𝔘'.isalpha(), '٣'.isdigit(), '²'.isdigit(), '²'.isdecimal())
print(sorted(['b', 'a', 'B', 'é', 'e', 'Z']), max('aé𝔘'), 'ab\u0300c'[::-1] == 'c\u0300ba')
print('\N{EM DASH}', '\N{LATIN SMALL LETTER SHARP S}'.upper(), len('\U0010FFFF'), 'x\U0010FFFF'.encode('utf-8'))
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    ord('ab')
except TypeError as e:
    print(e)
try:
    unicodedata.name('\x00')
except ValueError as e:
    print(e)
print(unicodedata.unidata_version, str.isprintable('\u0378'), '\u2028'.isspace(), 'a\u2028b'.splitlines())
words = 'Το Ελληνικό αλφάβητο'
print(words.upper(), words.split(), [w.capitalize() for w in words.split()], len(words.encode()))
print('東京'.center(6, '*'), '한국어'[::-1], 'ﬃ'.lower(), '\u00c5' == '\u212b', unicodedata.normalize('NFC', '\u212b') == '\u00c5')
