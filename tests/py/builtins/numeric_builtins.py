# abs, divmod, pow, round, sum, min, max, bin, oct, hex, ord, chr, bool, int, float, complex.
print(abs(-5), abs(2.5), abs(-3 + 4j), abs(True), divmod(17, 5), divmod(-17.5, 5))
print(pow(2, 8), pow(2, 8, 10), pow(2.0, -1), pow(-8, 1 / 3).real > 0, round(3.14159, 3), round(-2.5), round(7))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum((0.1,) * 3), sum(range(5), start=100), sum([]))
print(min(3, 1, 2), max('apple', 'fig', key=len), min([], default='empty'), max([4, 9], default=0), min('zyx'))
print(max([(1, 'b'), (1, 'a')]), min([3, -4, 2], key=abs), max(range(10), key=lambda v: v % 4))
print(bin(10), oct(64), hex(255), bin(-3), hex(-255), ord('A'), ord('€'), chr(97), chr(8364))
print(bool(), bool(0), bool('0'), int(), int('12'), float(), float(' 3.5 '), complex(), complex('2j'))
for bad in [lambda: min(), lambda: max([]), lambda: sum(['a', 'b'], ''), lambda: abs('x'), lambda: chr(-1), lambda: ord(''), lambda: round('1')]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(divmod(2 ** 65, 3), round(2 ** 65 / 3), sum(x * x for x in range(100)), max(1, 2.5, True), min(-0.0, 0))
class Money:
    def __init__(self, c): self.c = c
    def __abs__(self): return Money(abs(self.c))
    def __round__(self, n=None): return Money(round(self.c, n))
    def __repr__(self): return f'Money({self.c})'
    def __radd__(self, other): return Money(other + self.c)
    def __add__(self, other): return Money(self.c + (other.c if isinstance(other, Money) else other))
print(abs(Money(-3)), round(Money(2.567), 1), round(Money(2.5)), sum([Money(1), Money(2)]))
print(int.__add__(1, 2), float.__mul__(1.5, 2), (5).__rsub__(7), (3).__pow__(2, 5), (7).__floordiv__(2))
