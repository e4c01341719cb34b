# String interning-free identity checks, multiplication, joins, comparisons, and iteration.
s = 'abc'
print(s * 3, 3 * s, s * 0, s * -1, ''.join(reversed(s)), list(s), tuple(s), set('aa') == {'a'}, dict.fromkeys(s, 0))
print('a' < 'b' < 'c', 'abc' < 'abd', 'ab' < 'abc', 'B' < 'a', 'é' > 'z', sorted(['b', 'A', 'a', 'B']), 'abc' == 'ab' + 'c')
print(len(''), len('a\u0301'), 'x'.join('123'), ', '.join(str(i) for i in range(4)), '\n'.join(['l1', 'l2']))
print(str(), str(123), str(-1.5), str(True), str([1, '2']), str((1,)), str({'a': 'b'}), str(b'x'), str(bytearray(b'y')))
print('abc'.__contains__('b'), 'b' in 'abc', '' in 'abc', 'abc'.__len__(), 'abc'.__getitem__(1), 'a'.__add__('b'), 'a'.__mul__(3))
text = 'The rain in Spain stays mainly in the plain'
print(text.count('ain'), text.find('ain'), text.rfind('ain'), text.index('Spain'), text.split(' ', 3), text.rsplit(' ', 2))
print([w for w in text.split() if w.endswith('ain')], text.title(), text.swapcase()[:10], text.lower().count('the'))
print(' '.join(w[::-1] for w in text.split()), max(text.split(), key=len), sorted(set(text.lower()) - set(' ')))
print('%-10s|%10s|' % ('left', 'right'), '{:<10}|{:>10}|{:^10}|'.format('l', 'r', 'c'), f'{"x":_^9}')
print('a\tb\\n', r'a\tb\n', 'multi\
line', 'con' 'cat', ('paren'
'thesized'))
it = iter('xyz')
print(next(it), list(it), [c.upper() for c in 'hey'], [ord(c) - ord('a') for c in 'abc'], ''.join(chr(ord('a') + i) for i in range(5)))
print(str.lower('ABC'), str.__name__, type('').__name__, isinstance('', str), issubclass(str, object), 'abc'.__class__)
class MyStr(str):
    def shout(self): return self.upper() + '!'
m = MyStr('hi')
print(m.shout(), m + ' there', type(m + 'x').__name__, isinstance(m, str), repr(m), m == 'hi', len(m))
print('x'.center(6).replace(' ', '.'), 'abc'.zfill(6), 'title case words'.title().split(), 'a-b_c d'.replace('-', ' ').replace('_', ' ').split())
