"""Loan schedules and exact arithmetic with decimal and fractions."""
import decimal
import fractions
import math
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

CENT = Decimal("0.01")


def amortize(principal, annual_rate, months):
    principal = Decimal(principal)
    r = Decimal(annual_rate) / 12 / 100
    payment = (principal * r / (1 - (1 + r) ** -months)).quantize(CENT, ROUND_HALF_UP)
    balance = principal
    rows = []
    for m in range(1, months + 1):
        interest = (balance * r).quantize(CENT, ROUND_HALF_UP)
        pay = payment if m < months else balance + interest
        balance = balance + interest - pay
        rows.append((m, pay, interest, balance))
    return payment, rows


payment, rows = amortize("10000", "6.5", 12)
print("payment", payment)
for m, pay, interest, bal in rows:
    print(f"{m:>2} {pay:>9} {interest:>7} {bal:>10}")
print("total interest", sum(r[2] for r in rows))

ctx = decimal.getcontext()
print(ctx.prec, ctx.rounding, Decimal(1) / Decimal(7))
with localcontext() as lc:
    lc.prec = 50
    print(Decimal(2).sqrt())
    print(Decimal(1).exp())
    print(Decimal(10).ln(), Decimal(1000).log10())
with localcontext(prec=5, rounding=decimal.ROUND_DOWN):
    print(Decimal("3.14159265") + 0, Decimal("2.71828") * 3)
print(Decimal("1.1") + Decimal("2.2"), 1.1 + 2.2, Decimal(0.1), Decimal("0.1").as_tuple())
print(Decimal("2.675").quantize(CENT), Decimal("2.665").quantize(CENT, ROUND_HALF_EVEN),
      round(Decimal("2.675"), 2), round(Decimal("7.5")), round(Decimal("8.5")))
print(Decimal("-0"), Decimal("1e3"), Decimal("1E+3").normalize(), Decimal("100").normalize(),
      Decimal("0.000001"), Decimal("0.0000001"), Decimal("123.4500").normalize())
print(Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN").is_snan(),
      Decimal("inf") > 10 ** 100, Decimal(3).compare(Decimal("3.0")))
for expr in ["Decimal(1) / 0", "Decimal(0) / 0", "Decimal('abc')", "Decimal('1.5') < 'x'",
             "Decimal('sNaN') + 1", "Decimal(2) ** Decimal('0.5')", "int(Decimal('nan'))",
             "Decimal('1e999999') * 10"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as exc:
        print(expr, "->", type(exc).__name__, [c.__name__ for c in type(exc).__mro__[1:3]])
with localcontext(traps=[]) as lc:
    lc.traps[decimal.DivisionByZero] = False
    lc.traps[decimal.InvalidOperation] = False
    print(Decimal(1) / 0, Decimal(0) / 0, lc.flags[decimal.DivisionByZero])
print(Decimal("12.345").to_integral_value(), Decimal("-12.5").to_integral_value(),
      divmod(Decimal(-7), Decimal(2)), Decimal(-7) % 2, Decimal(-7) // 2, -7 // 2)
print(Decimal("1.30").adjusted(), Decimal("1234").scaleb(-2), Decimal("3.5").fma(2, 1),
      Decimal(10).max(Decimal("10.0")), Decimal("0.1").copy_sign(-1), Decimal.from_float(0.5))
print(sum(Decimal("0.1") for _ in range(10)) == 1, sum(0.1 for _ in range(10)) == 1)
print(f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.5'):%}", f"{Decimal('1e-10'):e}",
      f"{Decimal('-0.0001'):.2f}", f"{Decimal('12'):010.3f}")
print(hash(Decimal("0.5")) == hash(0.5), Decimal("0.5") == 0.5, Decimal(1) == Fraction(1))

# fractions: harmonic numbers, continued fractions, Egyptian fractions
H = sum(Fraction(1, k) for k in range(1, 21))
print("H20 =", H, float(H), H.limit_denominator(1000))


def continued(x, n=8):
    out = []
    for _ in range(n):
        a = math.floor(x)
        out.append(a)
        x -= a
        if x == 0:
            break
        x = 1 / x
    return out


print(continued(Fraction(415, 93)), continued(Fraction(math.pi)), continued(Fraction(2) ** Fraction(1, 2) if False else Fraction("1.4142135623730951")))


def egyptian(fr):
    out = []
    while fr.numerator:
        d = -(-fr.denominator // fr.numerator)
        out.append(Fraction(1, d))
        fr -= Fraction(1, d)
    return out


print(" + ".join(map(str, egyptian(Fraction(4, 13)))))
f = Fraction(-27, 12)
print(f, f.numerator, f.denominator, abs(f), -f, f ** 2, f ** -1, f ** Fraction(1, 2) if f > 0 else "neg",
      round(f), round(f, 1), math.floor(f), math.ceil(f), int(f), f.as_integer_ratio())
print(Fraction("3.1415"), Fraction("-1/3"), Fraction(" 7e-2 "), Fraction(1.5), Fraction(Decimal("2.25")),
      Fraction(0.1).limit_denominator(100), Fraction(3, 4).is_integer(), Fraction(8, 4).is_integer())
print(Fraction(1, 3) + 1, Fraction(1, 3) * 1.5, Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5,
      Fraction(1, 3) < 0.34, 2 ** Fraction(1, 2), Fraction(5, 3) // 1, Fraction(5, 3) % Fraction(1, 2),
      divmod(Fraction(7, 2), 2))
print(f"{Fraction(22, 7):.6f}", f"{Fraction(1, 8):%}", f"{Fraction(-5, 4):>10}", f"{Fraction(3, 2):_^9}",
      format(Fraction(123456789, 1000), ",.2f"), f"{Fraction(1, 3):.3e}")
for bad in ["1/0", "abc", "1.2.3", "1/-2"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as exc:
        print(repr(bad), type(exc).__name__, exc)
try:
    Fraction(1, 0)
except ZeroDivisionError as exc:
    print(exc)
print(Fraction.from_float(0.1), Fraction.from_decimal(Decimal("0.1")), repr(Fraction(3, 9)),
      hash(Fraction(1, 2)) == hash(0.5), Fraction(6, 4).limit_denominator(1))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([Fraction(1, 2), 3, Decimal(2)] if False else [Fraction(1, 2), 3]),
      math.isclose(0.1 + 0.2, 0.3), math.comb(52, 5), math.perm(10, 3), math.gcd(84, 36, 120),
      math.lcm(4, 6, 10), math.isqrt(10 ** 20 + 1), math.dist((0, 0), (3, 4)))
