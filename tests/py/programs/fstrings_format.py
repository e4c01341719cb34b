import math
from decimal import Decimal
from fractions import Fraction
import string

x = 3.14159265
n = 1234567
s = "hello"
print(f"{x:.3f}|{x:10.2e}|{x:<10.1%}|{x:+g}|{-x: .4G}")
print(f"{n:,}|{n:_}|{n:_x}|{n:#o}|{n:#b}|{n:010d}|{n:^12}|{n:*>12,}")
print(f"{s!r:>10}|{s:^11}|{s:.2}|{s!a}|{'é'!a}")
print(f"{x=}, {n = :,}, {s=!s:>8}")
print(f"{{literal}} {'nested ' + f'{n}'}")
width, prec = 12, 4
print(f"{x:{width}.{prec}f}|{x:>{width}}|")
print(f"{1e100}|{1e-7}|{1e16}|{123456789012345678.0}|{0.1+0.2}")
print(f"{float('inf')}|{-float('inf'):8}|{float('nan'):>5}|{-0.0}")
print(f"{2**100}|{-2**64:,}|{10**30:e}|{2**70:x}")
print(f"{Decimal('1.10'):.5f}|{Decimal('123.456'):,.1f}|{Fraction(3, 4)}|{Fraction(1,3):.5f}")
print(f"{complex(1, -2)}|{1j:.2f}|{complex(3.5, 0.25):>20}")
print("%s %r %d %5.2f %-5d| %x %o %e %c %%" % ("a", "b", 42, 3.14159, 7, 255, 8, 12345.678, 65))
print("%(name)s is %(age)03d" % {"name": "Bob", "age": 7})
print("%*d|%-*.*f|" % (6, 42, 10, 2, math.pi))
print("{0} {1} {0}".format("a", "b"), "{:>8}".format("r"), "{name:_^9}".format(name="mid"))
print("{0[1]} {1.real} {d[k]}".format([1, 2], 3 + 4j, d={"k": "v"}))
print("{:g} {:g} {:g} {:g}".format(1e-5, 123456789.0, 0.0001, 100000.0))
print("{:n} {:.0f} {:.0f} {:.0f}".format(1234, 0.5, 1.5, 2.5))
print(format(12345.6789, ",.2f"), format(0.000012345, ".3g"), format(1/3, ".17g"))
print(repr(1/3), repr(2/3), str(1e22), repr(1e23), 5e-324, 1.7976931348623157e308)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(12345, -2), round(3.14159, 3))
print(f"{True:d} {True} {None!r:>6} {[1, 2]!s:>8}")
t = string.Template("$who likes ${what}s")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(f"{'a' 'b'}", f"{3:{'>'}{5}}", f'{"q"}')
items = {"apple": 1.5, "banana": 0.25, "cherry": 10}
for k, v in items.items():
    print(f"{k:<10}{v:>8.2f}")
print(f"{'multi':>{width}}" f"{n:x}")
print(f"{x!r:^20}", f"{n:>+10}", f"{-n:=+10}", f"{n:=10}")
print(f"{3.0:#.0f} {3:#x} {255:#_b} {0.1:.1e} {1234.5:.0e}")
print("{:.2%}".format(0.12345), "{:,.3f}".format(-1234567.891))
print(f"{'tab':\t>6}", f"{math.nan:+}", f"{1_000_000.0:,}")
print(f"{12:c}", f"{0x1F600:c}", ascii("héllo 😀"))
val = 42
print(f"{val if val > 10 else 0}", f"{[v for v in range(3)]}", f"{ {'a': 1}['a'] }")
print(f"{'\n'.join(['x', 'y'])}")
print(f"{x:.{prec}}", f"{n:{'.2e'}}")
print(str.format_map("{a}-{b}", {"a": 1, "b": 2}))
