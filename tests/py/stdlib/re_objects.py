# re: Pattern and Match objects: attributes, repr, equality and hashing, copy, templates,
# scanner, errors raised by the _sre layer.
import copy
import re

p = re.compile(r'(?P<word>\w+) (?P<num>\d+)?', re.I)
print(repr(p), p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
print(repr(re.compile('a', re.M | re.S | re.X)), repr(re.compile(b'a')), repr(re.compile(b'a', re.L)))
print(repr(re.compile('x' * 300))[:30], len(repr(re.compile('x' * 300))))
m = p.match('hello 42 rest')
print(repr(m), m.group(), m.group(1, 'num'), m['word'], m.groups(), m.groupdict(), m.span('num'))
print(m.start(), m.end(2), m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re is p)
m2 = p.match('solo ')
print(m2.groups(), m2.groups('?'), m2.groupdict('?'), m2.span(2), m2.start('num'), m2.lastgroup)
print(m.expand(r'\g<num>:\1:\g<0>'), m.expand(r'[\2]'), m2.expand(r'[\2]'))
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)
print(p == re.compile(r'(?P<word>\w+) (?P<num>\d+)?', re.I), p == re.compile(r'(?P<word>\w+) (?P<num>\d+)?'),
      hash(p) == hash(re.compile(r'(?P<word>\w+) (?P<num>\d+)?', re.I)), p != 1)
print(type(p).__name__, type(p).__module__, type(m).__name__, type(m).__module__, re.Pattern is type(p), re.Match is type(m))
print(re.Pattern[str], re.Match[bytes])
s = p.scanner('ab 1 cd 2 ef')
print(type(s).__name__, s.pattern is p, s.search().span(), s.search().span(), s.search(), s.search())
s = re.compile(r'\d').scanner('12a3')
print(s.match().group(), s.match().group(), s.match(), s.match())

# Replacement templates: groups by number and name, escapes, callables.
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'ann@host bob@site'), re.sub('(?P<x>a)', r'<\g<x>\g<1>>', 'banana'))
print(re.sub('a', r'\n\t\\', 'xax'), re.sub('a', lambda m: m.group().upper() * 2, 'banana'), re.subn('(b)?a', r'[\1]', 'bab'))
print(re.sub(b'(a)', rb'\1\1', b'cab'), re.sub('x', '', 'axbx'), re.sub('(?P<n>.)', r'\g<n>\g<n>', 'ab', count=1))
for bad in [r'\9', r'\g<nope>', r'\g<1', '\\']:
    try:
        re.sub('(a)', bad, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

# Errors from the matching layer.
for f in [lambda: p.match(1), lambda: p.match(b'x'), lambda: re.compile(b'x').search('x'), lambda: m.group(3),
          lambda: m.group('zz'), lambda: m['x'], lambda: m.start(5), lambda: p.match(), lambda: p.search('a', pos='x'),
          lambda: re.compile('a').sub(1, 'a'), lambda: p < p, lambda: re.Pattern(), lambda: re.Match()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(re.compile('a').split('banana', maxsplit=2), re.compile('(a)|(n)').split('bana'), re.compile('a').findall('banana', 2, 5))
print([m.group() for m in re.finditer(r'\d+', 'a1 b22 c333', )], list(re.compile('x').finditer('')))
