from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, getcontext, localcontext, InvalidOperation, DivisionByZero
import decimal
from fractions import Fraction
from dataclasses import dataclass, field
from collections import defaultdict
import math

CENT = Decimal("0.01")


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount}, balance {account.balance}")
        self.account = account
        self.amount = amount


@dataclass
class Account:
    owner: str
    balance: Decimal = Decimal("0.00")
    rate: Decimal = Decimal("0.035")
    history: list = field(default_factory=list, repr=False)

    def deposit(self, amount):
        amount = Decimal(amount).quantize(CENT, ROUND_HALF_UP)
        if amount <= 0:
            raise ValueError(f"bad amount {amount}")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        amount = Decimal(amount).quantize(CENT, ROUND_HALF_UP)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def accrue(self, days):
        interest = (self.balance * self.rate * days / 365).quantize(CENT, ROUND_HALF_EVEN)
        self.balance += interest
        self.history.append(("int", interest))
        return interest


class Bank:
    def __init__(self):
        self.accounts = {}
        self.ledger = defaultdict(Decimal)

    def open(self, owner, initial="0"):
        acct = self.accounts[owner] = Account(owner)
        if Decimal(initial):
            acct.deposit(initial)
        return acct

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        b.deposit(amount)
        self.ledger[(src, dst)] += Decimal(amount)


bank = Bank()
bank.open("alice", "1000.005")
bank.open("bob", "250.10")
bank.open("carol")
ops = [("alice", "bob", "100.456"), ("bob", "carol", "400"), ("bob", "carol", "50.5"),
       ("carol", "alice", "0.1"), ("alice", "carol", "-5")]
for src, dst, amt in ops:
    try:
        bank.transfer(src, dst, amt)
        print(f"transfer {src}->{dst} {amt}: ok")
    except InsufficientFunds as e:
        print("InsufficientFunds:", e)
    except ValueError as e:
        print("ValueError:", e)
for name, acct in bank.accounts.items():
    print(acct, [f"{k}:{v}" for k, v in acct.history])
for days in (30, 31, 365):
    print(days, [str(a.accrue(days)) for a in bank.accounts.values()])
print({k: str(v) for k, v in bank.ledger.items()})
total = sum((a.balance for a in bank.accounts.values()), Decimal(0))
print("total", total, f"{total:,.2f}", f"{total:>15}", f"{total:e}", f"{total:.3%}")

print(Decimal("1.1") + Decimal("2.2"), 1.1 + 2.2, Decimal(1.1))
print(Decimal(10) / Decimal(3), Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln(), Decimal(100).log10())
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(1) / Decimal(7))
    ctx.rounding = ROUND_DOWN
    print(Decimal(2).sqrt())
print(getcontext().prec, getcontext().rounding)
print(Decimal("123.456").quantize(Decimal("1.0")), Decimal("-0"), Decimal("1E+3").normalize(),
      Decimal("1.500").normalize(), Decimal("NaN"), Decimal("-Infinity"), Decimal("0.000001"), Decimal("1e-7"))
print(Decimal("3.14159").as_tuple(), Decimal("2.5").as_integer_ratio(), Decimal(7).is_signed(),
      Decimal("-2.5").copy_abs(), Decimal("5").compare(Decimal("3")), Decimal("1.23e5").adjusted())
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("2.675"), 2), math.floor(Decimal("-1.5")),
      int(Decimal("-7.9")), float(Decimal("0.1")), Decimal("7") % Decimal("-3"), Decimal("-7") // Decimal("2"))
for bad in [lambda: Decimal("abc"), lambda: Decimal(1) / 0, lambda: Decimal("inf") - Decimal("inf"),
            lambda: Decimal(1).quantize(Decimal("1e-30"))]:
    try:
        bad()
    except (InvalidOperation, DivisionByZero) as e:
        print(type(e).__name__, [c.__name__ for c in e.args[0]] if e.args and isinstance(e.args[0], list) else "")
ctx = decimal.Context(prec=5, traps=[])
print(ctx.divide(Decimal(1), Decimal(0)), ctx.flags[DivisionByZero], ctx.create_decimal("3.1415926"))
print(repr(Decimal("1.20")), str(Decimal("1.20") * 2), Decimal("1.20") == 1.2, Decimal("0.5") == Fraction(1, 2))
print(sorted([Decimal("1.1"), 1, Fraction(3, 2), 0.9]), hash(Decimal("1.5")) == hash(1.5), hash(Decimal(2)) == hash(2))
print(Decimal("12.345").to_integral_value(), Decimal("1e5").to_eng_string(), Decimal("123E-10").to_eng_string())
print(format(Decimal("1234567.891"), ",.1f"), format(Decimal("0.5"), "%"), format(Decimal("-3"), "+08.2f"))

# fractions
shares = [Fraction(1, 3), Fraction(1, 6), Fraction(1, 4)]
rest = 1 - sum(shares)
print(shares, rest, sum(shares) + rest == 1)
pot = 1000
split = {n: pot * s for n, s in zip(["a", "b", "c", "rest"], shares + [rest])}
print(split, {k: float(v) for k, v in split.items()})
print(Fraction("3.1415").limit_denominator(100), Fraction(math.pi).limit_denominator(1000),
      Fraction(0.1), Fraction("-7/21"), Fraction(Decimal("1.25")))
f = Fraction(22, 7)
print(f.numerator, f.denominator, float(f), round(f, 2), round(f), math.floor(f), math.ceil(-f),
      f ** 2, f ** -1, 2 ** Fraction(1, 2), f // 1, f % 1, divmod(f, Fraction(1, 2)))
print(f"{f:.5f}", f"{Fraction(1, 3):>10}", f"{Fraction(-5, 4):+.2e}", format(Fraction(2, 3), ".2%"))
print(Fraction(1, 3) < 0.34, Fraction(1, 2) == 0.5, abs(Fraction(-1, 2)), Fraction(3, 4).as_integer_ratio(),
      Fraction(5).is_integer(), Fraction.from_float(0.25), Fraction.from_decimal(Decimal("0.75")))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    Fraction("1/x")
except ValueError as e:
    print("ValueError:", e)
amort = []
bal = Fraction(10000)
r = Fraction(5, 100) / 12
n = 12
pmt = bal * r / (1 - (1 + r) ** -n)
print("payment", round(float(pmt), 2), pmt.limit_denominator(10**6))
for month in range(1, 4):
    interest = bal * r
    bal = bal + interest - pmt
    print(month, f"{float(interest):.2f}", f"{float(bal):.2f}")
print(Decimal(str(round(float(pmt), 2))).quantize(CENT), Decimal(pmt.numerator) / Decimal(pmt.denominator))
