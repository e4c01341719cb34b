# re: search, match, fullmatch, groups, named groups, findall, finditer, sub, split, flags, lookaround.
import re
m = re.search(r'(\d{4})-(\d{2})-(\d{2})', 'Date: 2024-03-15, next 2025-01-01')
print(m.group(), m.group(1), m.groups(), m.span(), m.start(2), m.end(3), m.string[:5], m.re.pattern)
print(re.match(r'\w+', 'hello world').group(), re.match(r'world', 'hello world'), re.fullmatch(r'\d+', '123') is not None, re.fullmatch(r'\d+', '123a'))
m = re.match(r'(?P<key>\w+)=(?P<val>[^;]*)', 'name=Ada;x=1')
print(m.group('key'), m['val'], m.groupdict(), m.lastgroup, m.lastindex)
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'x*', 'axxb'))
print([(mm.group(), mm.start()) for mm in re.finditer(r'[aeiou]', 'education')])
print(re.sub(r'\s+', ' ', 'too   many    spaces'), re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'user@host'), re.subn('a', 'b', 'banana'))
print(re.sub(r'\d', lambda mm: str(int(mm.group()) * 2), 'a1b2c9'), re.sub('(?P<w>o)', r'[\g<w>]', 'foo'), re.sub('x', 'y', 'xxx', count=2))
print(re.split(r'[,;]\s*', 'a, b;c ;d'), re.split(r'(,)', 'a,b'), re.split(r'\s', 'a b c', maxsplit=1), re.split(r'\b', 'hi there'))
print(re.findall(r'^\w', 'one\ntwo\nthree', re.M), re.findall(r'a.c', 'a\nc abc', re.S), re.findall(r'HELLO', 'hello Hello', re.I))
verbose = re.compile(r'''
    (\d{3})   # area
    [-.]?     # separator
    (\d{4})   # number
''', re.VERBOSE)
print(verbose.findall('555-1234 and 555.9876 and 5551111'), verbose.pattern.count('\n'), bool(verbose.flags & re.X))
print(re.findall(r'\w+(?=!)', 'hi! yo? hey!'), re.findall(r'(?<=\$)\d+', 'cost $30 or $45'), re.findall(r'\b(?!un)\w+', 'undo redo unit bit'))
print(re.findall(r'(a|b)+', 'abab cc ba'), re.findall(r'a{2,3}', 'aaaa a aaaaaaa'), re.findall(r'a+?', 'aaa'), re.search(r'(\w)\1', 'abccd').group())
print(re.escape('a.b*c?'), re.match(r'[^\W\d_]+', 'héllo1').group(), re.findall(r'[\u0400-\u04ff]+', 'abc привет'), re.match(rb'\x00+', b'\x00\x00x').group())
p = re.compile(r'(?i)colou?r')
print(p.findall('Color colour COLOR'), p.sub('hue', 'color me'), p.groups, re.compile(r'(a)(b)?').match('a').groups(), re.compile(r'(a)(b)?').match('a').groups('-'))
for bad in [r'(unclosed', r'*start', r'a{2,1}', r'(?P<n>a)(?P<n>b)', '\\']:
    try:
        re.compile(bad)
    except re.error as e:
        print('re.error:', e.msg, e.pos)
print(re.match(r'(\d+)\.(\d+)', '3.14').expand(r'\2.\1'), re.search('$', 'abc').span(), re.findall('', 'ab'))
print(re.sub(r'(?m)^', '> ', 'line1\nline2'), re.fullmatch(r'(?:ab)*', 'ababab').span(), re.match(r'(?a)\w+', 'héllo').group())
print(re.findall(r'\d+', '１２３ 456'), re.findall(r'(?a)\d+', '１２３ 456'), re.ASCII | re.IGNORECASE)
