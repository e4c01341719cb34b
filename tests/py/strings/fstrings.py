# f-strings: expressions, conversions, format specs, nesting, = specifier, quotes.
name, n, pi = 'Ada', 42, 3.14159265
print(f'{name} is {n}', f"{n + 1}", f'{name!r}', f'{name!s}', f'{"é"!a}', f'{{literal}}')
print(f'{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#o}|{n:_b}|{n:c}')
print(f'{pi:.2f}|{pi:10.3f}|{pi:<10.1e}|{pi:%}|{pi:.3g}|{1e20:g}|{-pi:+.1f}|{pi:=+10.2f}')
width, prec = 12, 4
print(f'{pi:{width}.{prec}f}|', f'{name:{"*"}^{width}}', f'{n:{"x" if n else "d"}}')
print(f'{n=}', f'{pi = :.2f}', f'{name=!s}', f'{n*2 = }', f'{ name = }')
d = {'k': 'v', 'n': [1, 2]}
print(f'{d["k"]}', f"{d['n'][1]}", f'{len(d)}', f'{"nested {}".format(1)}', f'{[x * 2 for x in range(3)]}')
print(f'{f"{f"{1 + 1}"}"}', f'{"a" "b"}', f'{3:{"{"}>{5}}', f"{'\n'.join(['x', 'y'])}")
print(f'''multi
{n}
line''', f'{n!r:>6}', f'{name:.2}', f'{12345678:,}', f'{1234.5:,.2f}', f'{0.125:.1%}')
import datetime
dt = datetime.date(2024, 2, 29)
print(f'{dt:%Y/%m/%d %a}', f'{dt!r}', f'{dt}')
class C:
    def __format__(self, spec):
        return f'<C {spec!r}>'
    def __repr__(self):
        return 'C()'
print(f'{C()}', f'{C():abc}', f'{C()!r}', f'{C()!r:>8}', format(C(), 'z'))
print(f'{True:d}', f'{None!s:>5}', f'{-0.0:z.1f}', f'{b"x"!r}', f'{"lambda":>{n // 6}}', f'{(lambda: 5)()}')
x = 10
print(f'{x:{"" if x > 5 else "0"}3}', f'{x if x else 0}', f'{x:#x}', f'{x!r:}')
try:
    f'{n:q}'
except ValueError as e:
    print(e)
try:
    f'{name:d}'
except ValueError as e:
    print(e)
try:
    f'{pi:,d}'
except ValueError as e:
    print(e)
