# Run by gen_strconv_data.py under the reference CPython 3.14.2 (tools/oracle): prints one
# line per case. Inputs are drawn from a seeded Mersenne Twister, identical on every platform.
import math
import random
import struct

rng = random.Random(31415)
out = []


def bits_to_double(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def random_double():
    kind = rng.randrange(6)
    if kind == 0:
        x = bits_to_double(rng.getrandbits(64))
        while math.isnan(x):
            x = bits_to_double(rng.getrandbits(64))
        return x
    if kind == 1:
        return rng.random() * 10.0 ** rng.randint(-30, 30)
    if kind == 2:
        return float(rng.randint(-10**18, 10**18))
    if kind == 3:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if kind == 4:
        return rng.randint(1, 999) / rng.choice([2, 4, 8, 16, 1024, 10, 100, 1000])
    return bits_to_double(rng.getrandbits(52) | (rng.randint(0, 2046) << 52))


SPECIALS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e16 - 2, 9999999999999998.0,
            1e-4, 1e-5, 0.0001, 0.00001, 123456789012345678.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, math.pi, -math.e, 0.1, 0.3, 2.675, 1.005, 9.995, 0.05, 0.95,
            float("inf"), float("-inf"), float("nan"), 1e300, 123.456, 1e-7, 99.5, 999999.5]

# repr / str
for x in SPECIALS:
    out.append("repr %s %s" % (x.hex(), repr(x)))
for _ in range(6000):
    x = random_double()
    out.append("repr %s %s" % (x.hex(), repr(x)))

# format(x, spec): code, precision, flags (+ sign, # alt, z no negative zero)
CODES = "eEfFgG%n"  # n stands for the omitted type: '.Np' with no letter
PRECISIONS = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 18, 20, 25, 30, 50]


def spec_line(x, code, prec, flags):
    spec = flags + "." + str(prec) + ("" if code == "n" else code)
    out.append("fmt %s %s %d %s %s" % (x.hex(), code, prec, flags or "-", format(x, spec)))


for x in SPECIALS:
    for code in CODES:
        for prec in [0, 1, 2, 3, 6, 17]:
            for flags in ["", "+", "#", "z", "+z#"]:
                spec_line(x, code, prec, flags)
for _ in range(2500):
    x = random_double()
    for _ in range(5):
        spec_line(x, rng.choice(CODES), rng.choice(PRECISIONS),
                  rng.choice(["", "", "+", "#", "z", "+#", "+z"]))
# Large precisions and values: exact digits far beyond 17.
for _ in range(60):
    x = random_double()
    spec_line(x, rng.choice("fe"), rng.choice([60, 120, 400]), "")

# float(s)
PARSE = ["0", "-0", "+0", "1", "1.", ".5", "-.5", "+1.5e3", "1e", "1e+", "1e-", "e5", ".", "-",
         "+", "", " ", " 1 ", "\t1.5\n", "1 2", "1_000", "1__000", "_1", "1_", "1_.5", "1._5",
         "1.5_5", "1e1_0", "1e_5", "0x10", "inf", "-inf", "+inf", "INF", "Infinity", "-iNfInItY",
         "infinit", "infinityy", "nan", "-nan", "+NaN", "nan(1)", "nanx", "1e400", "-1e400",
         "1e-400", "-1e-400", "2.4703282292062327e-324", "2.4703282292062328e-324",
         "4.9406564584124654e-324", "1.7976931348623157e308", "1.7976931348623158e308",
         "1.7976931348623159e308", "179769313486231580793728971405301e276",
         "0.000000000000000000000000000000000000001e39", "1e99999999999999999999",
         "0e99999999999999999999", "1e-99999999999999999999", "9007199254740993",
         "9007199254740992.5", "9007199254740993.0000000000000000000001", "1.e5", "1.e", "1e5.",
         "00000001", "1\x00", "\x0b1\x0c", "1\u00a0", "١", "1e0001", "--1", "+-1", "1.5.5"]
for s in PARSE:
    try:
        x = float(s)
        result = "%s %d" % (x.hex(), int(math.copysign(1, x)))
    except ValueError:
        result = "ValueError"
    out.append("parse %s %s" % (s.encode("utf-8").hex() or "-", result))
for _ in range(3000):
    kind = rng.randrange(4)
    if kind == 0:
        s = repr(random_double())
    elif kind == 1:
        mant = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 40)))
        point = rng.randint(0, len(mant))
        s = mant[:point] + "." + mant[point:] + "e" + str(rng.randint(-340, 320))
    elif kind == 2:
        # Near halfway points between adjacent doubles.
        x = random_double()
        if math.isinf(x):
            continue
        s = "%.25e" % x
    else:
        s = rng.choice(["", "-", "+"]) + str(rng.randint(0, 10**rng.randint(1, 30)))
        if rng.random() < 0.3:
            s = "_".join(s[i:i + 3] for i in range(0, len(s), 3))
    try:
        x = float(s)
        result = "%s %d" % (x.hex(), int(math.copysign(1, x)))
    except ValueError:
        result = "ValueError"
    out.append("parse %s %s" % (s.encode("utf-8").hex() or "-", result))

# strtoul / strtol: int(s, base) gives the value where the C function reads all of s.
for _ in range(1500):
    base = rng.choice([0, 2, 8, 10, 16, 36, 7])
    v = rng.getrandbits(rng.choice([4, 20, 40, 63, 64, 65, 70]))
    if base in (0, 10):
        digits = str(v)
    else:
        digs = "0123456789abcdefghijklmnopqrstuvwxyz"
        b = base or 10
        digits = ""
        n = v
        while True:
            digits = digs[n % b] + digits
            n //= b
            if n == 0:
                break
    prefix = ""
    if base in (0, 16, 8, 2) and rng.random() < 0.5:
        prefix = {16: "0x", 8: "0o", 2: "0b"}.get(base, "")
        if base == 0:
            prefix, digits = rng.choice([("0x", format(v, "x")), ("0o", format(v, "o")),
                                         ("0b", format(v, "b")), ("", str(v))])
    sign = rng.choice(["", "", "-", "+"])
    s = sign + prefix + (digits.upper() if rng.random() < 0.3 else digits)
    out.append("strtol %d %s %d" % (base, s, int(s, base)))

# bytes.hex(sep, bytes_per_sep)
for _ in range(300):
    b = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 12)))
    n = rng.choice([1, 2, 3, 4, -1, -2, -3, 5, -5])
    sep = rng.choice([":", "-", " "])
    out.append("hex %s %d %s" % (b.hex() or "-", n, b.hex(sep, n).replace(" ", "_") or "-"))
    out.append("hexsep %s %s" % (b.hex() or "-", b.hex() or "-"))

print("\n".join(out))
