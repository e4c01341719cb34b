# str methods.
s = '  Hello, World!  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')))
t = 'Hello, World'
print(t.upper(), t.lower(), t.swapcase(), t.title(), 'hello world'.capitalize(), 'ß'.upper(), 'ǅ'.lower())
print(t.find('o'), t.rfind('o'), t.find('z'), t.index('W'), t.count('l'), t.count(''), t.find('o', 5, 9))
try:
    t.index('z')
except ValueError as e:
    print(e)
print(t.startswith('Hell'), t.endswith(('x', 'ld')), t.startswith('World', 7), t.isalpha(), 'abc'.isalpha())
print('123'.isdigit(), '١٢'.isdecimal(), '½'.isnumeric(), '½'.isdigit(), ' \t\n'.isspace(), 'Ab Cd'.istitle())
print('abc'.islower(), 'ABC'.isupper(), 'a1'.isalnum(), 'x_1'.isidentifier(), '1x'.isidentifier(), 'abc\x00'.isprintable(), 'é'.isascii())
print('a,b,,c'.split(','), 'a b  c '.split(), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1), ''.split(','), ''.split())
print('l1\nl2\r\nl3\rl4'.splitlines(), 'x\ny\n'.splitlines(keepends=True), 'a\x0bb\x1cc'.splitlines())
print('-'.join(['a', 'b', 'c']), ''.join(map(str, range(5))), 'abc'.partition('b'), 'abc'.rpartition('z'))
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'abc'.replace('', '-'), 'aaa'.replace('a', 'b', -1))
print('x'.center(7, '*'), 'x'.ljust(4, '.'), 'x'.rjust(4), '42'.zfill(5), '-42'.zfill(5), '+x'.zfill(4))
print('a\tbc\td'.expandtabs(), 'a\tb'.expandtabs(4), repr('ab\t'.expandtabs(0)))
print('Hello'.casefold(), 'STRASSE'.casefold() == 'straße'.casefold(), 'prefix_name'.removeprefix('prefix_'), 'a.py'.removesuffix('.py'))
tbl = str.maketrans('abc', 'xyz', 'd')
print('abcdd'.translate(tbl), 'hello'.translate({ord('l'): None, ord('h'): 'J'}), str.maketrans({'a': 1}))
print('%'.join('abc'), 'abc'[::-1], 'a' * 0, 'ab' < 'b', min('bca'), sorted('hello'))
print(str(b'x'), str(b'caf\xc3\xa9', 'utf-8'), str(None), str(1.0), str([1, 'a']))
try:
    'a'.join([1, 2])
except TypeError as e:
    print(e)
try:
    'abc'.split('')
except ValueError as e:
    print(e)
try:
    'x' + 1
except TypeError as e:
    print(e)
print('abc'.encode(), 'ABC'.lower().upper().center(9, '=').count('='), 'Straße'.upper(), 'İ'.lower(), len('İ'.lower()))
