"""A units-aware quantity type and a polynomial class: operator overloading done as users do it."""
import functools
import math
import numbers
import operator
from fractions import Fraction


@functools.total_ordering
class Money(numbers.Number):
    __slots__ = ("cents", "currency")

    def __init__(self, amount, currency="EUR"):
        if isinstance(amount, float):
            amount = round(amount * 100)
        elif isinstance(amount, (int, Fraction)):
            amount = round(amount * 100)
        else:
            raise TypeError(f"bad amount {amount!r}")
        object.__setattr__(self, "cents", amount) if False else None
        self.cents = amount
        self.currency = currency

    @classmethod
    def _from_cents(cls, cents, currency):
        m = cls.__new__(cls)
        m.cents, m.currency = cents, currency
        return m

    def _check(self, other):
        if isinstance(other, Money):
            if other.currency != self.currency:
                raise ValueError(f"currency mismatch: {self.currency} vs {other.currency}")
            return other.cents
        return NotImplemented

    def __add__(self, other):
        c = self._check(other)
        if c is NotImplemented:
            if other == 0:
                return self
            return NotImplemented
        return Money._from_cents(self.cents + c, self.currency)

    __radd__ = __add__

    def __sub__(self, other):
        c = self._check(other)
        return NotImplemented if c is NotImplemented else Money._from_cents(self.cents - c, self.currency)

    def __mul__(self, k):
        if isinstance(k, (int, Fraction)):
            return Money._from_cents(round(self.cents * k), self.currency)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, Money):
            return Fraction(self.cents, self._check(other))
        if isinstance(other, int):
            return Money._from_cents(round(self.cents / other), self.currency)
        return NotImplemented

    def __floordiv__(self, n):
        return [Money._from_cents(self.cents // n + (1 if i < self.cents % n else 0), self.currency) for i in range(n)]

    def __neg__(self):
        return Money._from_cents(-self.cents, self.currency)

    def __abs__(self):
        return Money._from_cents(abs(self.cents), self.currency)

    def __bool__(self):
        return self.cents != 0

    def __eq__(self, other):
        if isinstance(other, Money):
            return (self.cents, self.currency) == (other.cents, other.currency)
        return NotImplemented

    def __lt__(self, other):
        c = self._check(other)
        return NotImplemented if c is NotImplemented else self.cents < c

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __round__(self, nd=None):
        return Money._from_cents(round(self.cents, -2 if nd is None else nd - 2), self.currency)

    def __format__(self, spec):
        sym = {"EUR": "€", "USD": "$"}.get(self.currency, self.currency + " ")
        value = self.cents / 100
        if spec.endswith("s"):
            return format(str(self), spec)
        return f"{sym}{value:{spec or ',.2f'}}"

    def __repr__(self):
        return f"Money({self.cents / 100!r}, {self.currency!r})"

    def __str__(self):
        return format(self)


a, b = Money(12.5), Money(7)
print(a + b, a - b, -a, abs(-a), a * 3, 3 * a, a * Fraction(1, 3), a / b, a / 4, a // 3, sum([a, b, a]))
print(a > b, a <= b, max(a, b), sorted([a, b, Money(0.01)]), bool(Money(0)), a == Money(12.50), a != b)
print(f"{a}", f"{a:>12,.1f}", f"{a:>14s}|", format(Money(1234567.891, "USD")), round(Money(12.56)), repr(a))
print(isinstance(a, numbers.Number), isinstance(a, numbers.Real), {a: 1}[Money(12.5)])
for bad in [lambda: a + Money(1, "USD"), lambda: a + 1, lambda: a * 1.5, lambda: a < 3, lambda: Money("1")]:
    try:
        print(bad())
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)


class Poly:
    def __init__(self, *coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = tuple(c)

    def __call__(self, x):
        return functools.reduce(lambda acc, k: acc * x + k, reversed(self.c), 0)

    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly(o)
        n = max(len(self.c), len(o.c))
        pad = lambda t: t + (0,) * (n - len(t))
        return Poly(*map(operator.add, pad(self.c), pad(o.c)))

    __radd__ = __add__

    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly(o)
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, x in enumerate(self.c):
            for j, y in enumerate(o.c):
                out[i + j] += x * y
        return Poly(*out)

    __rmul__ = __mul__

    def __pow__(self, n):
        result = Poly(1)
        for _ in range(n):
            result = result * self
        return result

    def __neg__(self):
        return self * -1

    def __sub__(self, o):
        return self + (-o if isinstance(o, Poly) else -o)

    def __rsub__(self, o):
        return -self + o

    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c

    __hash__ = None

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def __iter__(self):
        return iter(self.c)

    def __contains__(self, x):
        return self(x) == 0

    def deriv(self):
        return Poly(*[i * k for i, k in enumerate(self.c)][1:] or [0])

    def __repr__(self):
        terms = []
        for i, k in reversed(list(enumerate(self.c))):
            if k == 0 and len(self.c) > 1:
                continue
            var = "" if i == 0 else "x" if i == 1 else f"x^{i}"
            coef = "" if (k == 1 and i) else "-" if (k == -1 and i) else str(k)
            terms.append(coef + var)
        return " + ".join(terms).replace("+ -", "- ")


x = Poly(0, 1)
p = (x - 1) * (x + 2) * (x - Fraction(1, 2))
print(p, p(3), p(Fraction(1, 2)), 1 in p, 2 in p, p.deriv(), len(p), p[0], list(p))
print((x + 1) ** 5, 3 - x, 2 * x + 1 == Poly(1, 2), -(x ** 2), p - p)
try:
    {p}
except TypeError as exc:
    print("TypeError:", exc)
root = 1.0
for _ in range(20):
    root -= p(root) / p.deriv()(root) if p.deriv()(root) else 0
print(round(root, 12))


class Vec:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __imatmul__(self, o):
        raise TypeError("no in-place @")

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __index__(self):
        return int(math.hypot(self.x, self.y))

    def __complex__(self):
        return complex(self.x, self.y)

    def __float__(self):
        return math.hypot(self.x, self.y)

    def __int__(self):
        return 99

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


v = Vec(3, 4)
w = v
v += Vec(1, 1)
print(v, w is v, v @ Vec(1, 0), complex(v), float(Vec(3, 4)), int(Vec(3, 4)), operator.index(Vec(3, 4)),
      [0, 1, 2, 3, 4, 5, 6][Vec(3, 4)], bin(Vec(6, 8)), range(10)[Vec(0, 2):], math.sqrt(Vec(3, 4)))
try:
    v @= v
except TypeError as exc:
    print("TypeError:", exc)
try:
    v - v
except TypeError as exc:
    print("TypeError:", exc)
try:
    v < v
except TypeError as exc:
    print("TypeError:", exc)
match v:
    case Vec(4, y):
        print("matched x=4, y =", y)
print(divmod(-7, 2), divmod(7.5, -2), (-7) % 3, -7 // 3, 2 ** -1, (-8) ** (1 / 3), pow(3, -1, 7), pow(2, 100, 97),
      round(2.5), round(-0.5), round(1.25, 1), round(12345, -2), 7 / 2, int("-0b101", 0), int("1_000"), float("1e-5"),
      (0.1).hex(), float.fromhex("0x1.8p1"), (3.0).is_integer(), (10).bit_length(), (255).to_bytes(2, "big"),
      int.from_bytes(b"\x01\x00", "little"), (-1).bit_count() if hasattr(int, "bit_count") else "-", math.trunc(-2.7),
      complex("1+2j") * 1j, abs(3 + 4j), (1 + 2j).conjugate(), 1e308 * 10, -1e308 * 10, float("nan") == float("nan"))
