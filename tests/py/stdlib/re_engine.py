# re: the matching engine through the public API: repeats (greedy, lazy, possessive), atomic
# groups, backreferences, conditionals, lookarounds, case-insensitive matching over the
# Unicode database, str of every width and bytes, pos/endpos, empty matches.
import re

def show(pattern, subject, flags=0):
    p = re.compile(pattern, flags)
    m = p.search(subject)
    spans = [x.span() for x in p.finditer(subject)]
    print(repr(pattern)[:40], m and (m.span(), m.groups(), m.lastindex), spans[:6], p.findall(subject)[:6])

for pat, s in [(r'a*', 'aaab'), (r'a*?b', 'aaab'), (r'a++b', 'aaab'), (r'a*+a', 'aaa'),
               (r'(?>a+)b', 'aaab'), (r'(?>a|ab)c', 'abc'), (r'(ab)*+c', 'ababc'),
               (r'(a|b)*?c', 'abbac'), (r'(a+)+b', 'aaaaaaaaaaaaaaaaaaaaaac'),
               (r'(\w+)\s\1', 'hello hello world'), (r'(?P<q>["\'])?\w+(?(q)(?P=q))', '"abc" \'d\' e'),
               (r'(?<=\d{3})x', '123x 12x'), (r'(?<!a)b', 'ab cb'), (r'\bfoo\b', 'foo food foo.'),
               (r'\B', 'ab'), (r'(?m)^\w+$', 'one\ntwo\n'), (r'(?s)a.b', 'a\nb'), (r'x*', 'axxb'),
               (r'(a?)*', 'aa'), (r'(?:a|)*b', 'aab'), (r'(a{2}){2,3}', 'aaaaaaaa'),
               (r'(?:(a)|b)+', 'abab'), (r'[^\W\d]+', 'ab1 c_d'), (r'\d+(?=px)', '10px 20em 30px')]:
    show(pat, s)

# Case-insensitive matching uses the Unicode database (including the special foldings).
for pat, s in [('k', 'K \u212a k'), ('\u03c3', '\u03a3\u03c3\u03c2'), ('[\u0391-\u03a9]+', '\u03b1\u03b2\u03b3 abc'),
               ('ss', 'SS \xdf'), ('i', 'I \u0130 \u0131'), ('caf\xe9', 'CAF\xc9'), (r'(\w)\1', 'aA bb Cc')]:
    show(pat, s, re.I)
show(r'[a-z]+', 'ABC \u212a', re.I | re.A)

# Subjects of every width and bytes.
print(re.findall(r'\w+', 'abc \u0394\u03b4 \U0001f600x \u4e2d\u6587'))
print(re.search('\U0001f600+', 'a\U0001f600\U0001f600b').span(), re.search('\u4e2d', 'xx\u4e2d').span())
print(re.findall(rb'[\x80-\xff]+', b'a\x80\x81b\xff'), re.findall(rb'(?i)caf\xe9', b'CAF\xc9 caf\xe9'))
print(re.findall(rb'\w+', b'ab cd_1'), re.split(rb'\s+', b'a b  c'))

# pos and endpos.
p = re.compile(r'\w+')
print(p.search('hello world', 3).span(), p.match('hello world', 6).group(), p.search('hello world', 0, 4).group())
print(p.fullmatch('hello', 1, 4).group(), p.findall('a b c d', 2, 5), [m.span() for m in p.finditer('ab cd ef', 1, 7)])
m = re.compile('(?P<a>x)(y)?').search('zzxq', 1, 4)
print(m.pos, m.endpos, m.regs, m.lastindex, m.lastgroup, m.groupdict(), m.groups(0), repr(m))

# Empty matches and must-advance rules.
print(re.sub('x*', '-', 'abxd'), re.split('x*', 'axbc'), re.findall(r'\b', 'a b'), re.subn('', '.', 'abc'))
print([m.span() for m in re.finditer(r'(?=a)|a', 'aa')], re.split(r'(?=b)', 'abab'))

# A long subject with a repeat of a group: no stack limit.
print(len(re.match(r'(?:ab)*c', 'ab' * 50000 + 'c').group()), re.match(r'(a|b)*', 'ab' * 20000).span())
print(re.fullmatch(r'(?:a|b)*?c', 'ab' * 20000 + 'c') is not None)
