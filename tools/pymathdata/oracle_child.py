# Run by gen_pymath_data.py under the reference CPython 3.14.2 (tools/oracle). Floats are
# written with float.hex(), so the C++ test rebuilds them exactly.
import math
import random
import struct

rng = random.Random(1618033)
out = []


def bits_to_double(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def rand_double():
    k = rng.randrange(5)
    if k == 0:
        x = bits_to_double(rng.getrandbits(64))
        while math.isnan(x):
            x = bits_to_double(rng.getrandbits(64))
        return x
    if k == 1:
        return rng.uniform(-1000, 1000)
    if k == 2:
        return round(rng.uniform(-100, 100), rng.randint(0, 4)) + rng.choice([0, 5e-13, -5e-13])
    if k == 3:
        return rng.randint(-10**6, 10**6) / rng.choice([2, 8, 1000, 2**10]) * 10.0 ** rng.randint(-5, 5)
    return rng.random() * 10.0 ** rng.randint(-310, 308)


def fh(x):
    return x.hex()


# round(x, n)
SPECIAL = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 5e-324, 1e300, 1.7976931348623157e308,
           150.0, 250.0, 50.0, -50.0, 1234.5678, float("inf"), float("-inf"), float("nan"), 1e-320]
for x in SPECIAL:
    for n in [-400, -309, -308, -307, -300, -10, -3, -2, -1, 0, 1, 2, 3, 10, 300, 323, 324, 400]:
        try:
            out.append("round %s %d %s" % (fh(x), n, fh(round(x, n))))
        except OverflowError:
            out.append("round %s %d OverflowError" % (fh(x), n))
for _ in range(3000):
    x = rand_double()
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 15, 17, 20, -1, -2, -5, -20, -100, -300, rng.randint(-330, 330)])
    try:
        out.append("round %s %d %s" % (fh(x), n, fh(round(x, n))))
    except OverflowError:
        out.append("round %s %d OverflowError" % (fh(x), n))
for _ in range(300):
    x = rng.choice([rng.uniform(-1e6, 1e6), rng.randint(-100, 100) + 0.5, rand_double()])
    out.append("round0 %s %s" % (fh(x), fh(float(round(x))) if math.isfinite(x) else "-"))

# float.hex, float.fromhex, as_integer_ratio
for x in SPECIAL + [rand_double() for _ in range(1500)]:
    out.append("hex %s %s" % (fh(x), x.hex()))
    if math.isfinite(x):
        n, d = x.as_integer_ratio()
        out.append("ratio %s %x %x" % (fh(x), n, d) if n >= 0 else "ratio %s -%x %x" % (fh(x), -n, d))
HEXES = ["0x1p0", "0X1P0", "1p0", "0x1.8p1", "-0x1.8p1", "+0x.8p1", "0x1.", "0x.", ".8", "0x", "",
         " 0x1p0 ", "\t0x1p0\n", "0x1p", "0x1p+", "0x1p-1074", "0x1p-1075", "0x1.8p-1075",
         "0x1.0000000000001p-1075", "0x3p-1076", "0x1p1023", "0x1p1024", "0x1.fffffffffffffp1023",
         "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1.00000000000008p0",
         "0x1.00000000000018p0", "0x1.000000000000080001p0", "0x0.000000000000000000001p0",
         "inf", "-Infinity", "nan", "-nan", "infinit", "0x1p99999999999999999999",
         "0x1p-99999999999999999999", "0x0p99999999999999999999", "0x1g", "0x1p1.5", "0x1_0p0",
         "00x1p0", "0x1p0 x", "1e5", "0x10000000000000000000000000000000p0", "0x1p-1022",
         "0x0.fffffffffffffp-1022", "0x0.fffffffffffff8p-1022", "-0x0p0"]
for s in HEXES:
    try:
        out.append("fromhex %s %s" % (s.encode().hex() or "-", fh(float.fromhex(s))))
    except ValueError:
        out.append("fromhex %s ValueError" % (s.encode().hex() or "-"))
    except OverflowError:
        out.append("fromhex %s OverflowError" % (s.encode().hex() or "-"))
for _ in range(1500):
    # Random coefficients with many digits around the rounding point and random exponents.
    nd = rng.randint(1, 20)
    coeff = "".join(rng.choice("0123456789abcdef") for _ in range(nd))
    point = rng.randint(0, nd)
    s = rng.choice(["", "-", "+"]) + rng.choice(["0x", ""]) + coeff[:point] + "." + coeff[point:] + \
        "p" + str(rng.choice([rng.randint(-1100, 1050), rng.randint(-30, 30)]))
    try:
        out.append("fromhex %s %s" % (s.encode().hex(), fh(float.fromhex(s))))
    except ValueError:
        out.append("fromhex %s ValueError" % s.encode().hex())
    except OverflowError:
        out.append("fromhex %s OverflowError" % s.encode().hex())

# fsum
# Half-even rounding across partials (the 1e-16 makes 1 + 1e16 round up).
FSUMS = [[1e-16, 1.0, 1e16], [1e16, 1.0, 1e-16], [-1e-16, -1.0, -1e16], [1.0, 1e100, 1.0, -1e100],
         [2.0**53, 1.0, 2.0**-60], [2.0**53, -1.0, -2.0**-60], [1e308, 1e308, -1e308], [0.1] * 10]
for xs in FSUMS:
    try:
        r = fh(math.fsum(xs))
    except OverflowError:
        r = "OverflowError"
    out.append("fsum %s %s" % (",".join(fh(x) for x in xs), r))
for _ in range(1500):
    k = rng.randrange(4)
    n = rng.randint(0, 30)
    if k == 0:
        xs = [rand_double() for _ in range(n)]
    elif k == 1:
        xs = [rng.choice([1e16, 1.0, 1e-16, -1e16, 2.0**53, -1.0, 1e308, -1e308, 0.1]) for _ in range(n)]
    elif k == 2:
        base = [rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20) for _ in range(n)]
        xs = base + [-x for x in base[: n // 2]]
        rng.shuffle(xs)
    else:
        xs = [rng.choice([float("inf"), float("-inf"), float("nan"), 1.0, 1e308]) for _ in range(rng.randint(1, 4))]
    try:
        r = fh(math.fsum(xs))
    except OverflowError:
        r = "OverflowError"
    except ValueError:
        r = "ValueError"
    out.append("fsum %s %s" % (",".join(fh(x) for x in xs) or "-", r))

# hypot / dist
for _ in range(1500):
    n = rng.randint(0, 8)
    scale = 10.0 ** rng.choice([0, 0, 5, -5, 150, -150, 300, -300, -315])
    xs = [rng.uniform(-1, 1) * scale for _ in range(n)]
    if rng.random() < 0.05 and n:
        xs[rng.randrange(n)] = rng.choice([float("inf"), float("nan"), -float("inf")])
    out.append("hypot %s %s" % (",".join(fh(x) for x in xs) or "-", fh(math.hypot(*xs))))
    ys = [rng.uniform(-1, 1) * scale for _ in range(n)]
    out.append("dist %s %s %s" % (",".join(fh(x) for x in xs) or "-", ",".join(fh(y) for y in ys) or "-",
                                  fh(math.dist(xs, ys))))

# remainder, isclose
for _ in range(800):
    x, y = rand_double(), rng.choice([rand_double(), rng.uniform(-10, 10), 2.0, 0.5, 0.0, float("inf")])
    try:
        out.append("remainder %s %s %s" % (fh(x), fh(y), fh(math.remainder(x, y))))
    except ValueError:
        out.append("remainder %s %s ValueError" % (fh(x), fh(y)))
for _ in range(800):
    a = rand_double()
    b = a * (1 + rng.choice([0, 1e-10, 1e-9, 2e-9, 1e-8, -1e-9])) + rng.choice([0, 0, 1e-300, 1e-12])
    rel, ab = rng.choice([1e-9, 1e-12, 0.0, 0.1]), rng.choice([0.0, 1e-12, 1e-300])
    out.append("isclose %s %s %s %s %d" % (fh(a), fh(b), fh(rel), fh(ab), math.isclose(a, b, rel_tol=rel, abs_tol=ab)))
print("\n".join(out))
