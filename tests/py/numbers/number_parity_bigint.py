# The bigint operators + - * // % ** pow(a, b, m) divmod << >> & | ^ on 40 000 random pairs.
from _number_parity import *

ops = Digest("bigint")
OPERATORS = ("+", "-", "*", "//", "%", "**", "divmod", "<<", ">>", "&", "|", "^")
for _ in range(40_000):
    a, b = random_int(), random_int()
    op = pick(OPERATORS)
    if op == "**":
        b = below(40) - 2 if below(4) else b % 100
        if below(2):
            result = attempt(pow, a, b, random_int() or 7)
        else:
            result = attempt(lambda: hex(a ** b)[-64:] if abs(a) < 1 << 200 else a.bit_length())
    elif op in ("<<", ">>"):
        b = below(300) - (3 if below(10) == 0 else 0)
        result = attempt(lambda: hex(eval("a %s b" % op))[-64:])
    elif op == "divmod":
        result = attempt(lambda: tuple(hex(v)[-64:] for v in divmod(a, b)))
    else:
        result = attempt(lambda: hex(eval("a %s b" % op))[-64:])
    ops.add(op + " " + result)
