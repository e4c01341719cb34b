# The format mini-language through format(), str.format and %-formatting.
print(format(3.5, '08.3f'), format(-3.5, '^+10.2f'), format(1234567, ',d'), format(1234567, '_x'), format(0.00001234, '.3e'))
print(format('txt', '*<8'), format('txt', '>8'), format(5, 'b'), format(5, '#010b'), format(255, 'X'), format(255, '#X'))
print(format(1e-5, 'g'), format(1e16, 'g'), format(123.456, '.2g'), format(float('inf'), 'f'), format(float('nan'), '>6'))
print(format(0.1, '.20f'), format(2.5, '.0f'), format(3.5, '.0f'), format(1/3, '.17g'), format(12, 'n'), format(1.5, 'n'))
print('{} {} {}'.format(1, 'a', [2]), '{1}{0}{1}'.format('x', 'y'), '{a}-{b}'.format(a=1, b=2), '{0[0]}{0[1]}'.format('hi'))
print('{.real}'.format(3 + 4j), '{0!r:>10}'.format('q'), '{:{w}.{p}f}'.format(2.71828, w=9, p=3), '{{}}{}'.format(0))
print('{0[key]} {1.__name__}'.format({'key': 'K'}, int), '{:%}'.format(0.25), '{:=^11}'.format(' mid '))
print('{:,}'.format(10 ** 12), '{:.3s}'.format('abcdef'), '{:>5.1s}|'.format('xyz'), '{!a}'.format('ü'))
print(str.format_map('{x}+{y}', {'x': 1, 'y': 2}))
class Miss(dict):
    def __missing__(self, key):
        return '?' + key
print('{a} {b}'.format_map(Miss(a='A')))
print('%s %r %d %i %5.2f %-5d| %05d %x %X %o %e %g %c %%' % ('s', 'r', 42, 7, 3.14159, 3, 42, 255, 255, 8, 12345.678, 0.0001, 65))
print('%(name)s is %(age)03d' % {'name': 'Bob', 'age': 7}, '%s' % (1,), '%s' % [1, 2], '%*d|%-*d|' % (5, 1, 4, 2), '%.*f' % (2, 1.2345))
print('%c%c' % ('a', 0x263A), '%+d % d' % (5, 5), '%#x %#o' % (255, 8), '%10.4s|' % 'abcdefg', '%a' % 'é')
print(b'%s and %d' % (b'bytes', 3), b'%x' % 255, b'%c' % 65, b'%r' % 'x' if False else 'skip')
for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%z', 1), ('%(k)s', 5), ('{0} {2}', None), ('{', None), ('{:d}', None)]:
    try:
        if args is None:
            fmt.format(1, 2) if fmt != '{:d}' else fmt.format('s')
        else:
            fmt % args
    except (TypeError, ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
from string import Template
t = Template('$who likes ${what}s, $$5')
print(t.substitute(who='Tim', what='kung pao'), t.safe_substitute(who='X'))
try:
    t.substitute(who='Y')
except KeyError as e:
    print('KeyError', e)
