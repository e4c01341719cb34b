# Run by gen_bigint_data.py under the reference CPython 3.14.2 (tools/oracle): prints one case
# per line, integers in hex ("-" prefix for negatives), floats as float.hex().
import math
import random
import sys

rng = random.Random(27182818)
out = []
SIZES = [1, 2, 29, 30, 31, 59, 60, 61, 63, 64, 65, 90, 120, 200, 500, 1000, 2200, 4400]


def h(v):
    return ("-" if v < 0 else "") + format(abs(v), "x")


def rand_int(maxbits=None, signed=True):
    bits = rng.choice(SIZES) if maxbits is None else rng.randint(1, maxbits)
    shape = rng.randrange(8)
    if shape == 0:
        v = (1 << bits) - 1                      # all ones: carries everywhere
    elif shape == 1:
        v = 1 << (bits - 1)                      # a power of two
    elif shape == 2:
        v = rng.randrange(4)                     # tiny, zero included
    elif shape == 3:
        v = ((1 << bits) - 1) ^ (1 << rng.randrange(bits))
    else:
        v = rng.getrandbits(bits)
    if signed and rng.random() < 0.5:
        v = -v
    return v


def emit(*fields):
    out.append(" ".join(str(f) for f in fields))


for _ in range(700):
    a, b = rand_int(), rand_int()
    emit("add", h(a), h(b), h(a + b))
    emit("sub", h(a), h(b), h(a - b))
    emit("mul", h(a), h(b), h(a * b))
    emit("and", h(a), h(b), h(a & b))
    emit("or", h(a), h(b), h(a | b))
    emit("xor", h(a), h(b), h(a ^ b))
    emit("cmp", h(a), h(b), (a > b) - (a < b))
# Karatsuba and k_lopsided_mul sizes, squares included.
for _ in range(24):
    a = rand_int(rng.choice([3000, 8000, 20000]))
    b = a if rng.random() < 0.3 else rand_int(rng.choice([3000, 8000, 20000, 45000]))
    emit("mul", h(a), h(b), h(a * b))
for _ in range(700):
    a, b = rand_int(), rand_int()
    if rng.random() < 0.5 and abs(b) > abs(a):
        a, b = b, a
    if b == 0:
        emit("div", h(a), h(b), "ZeroDivisionError")
    else:
        q, r = divmod(a, b)
        emit("div", h(a), h(b), h(q), h(r))
    try:
        emit("truediv", h(a), h(b), (a / b).hex())
    except ZeroDivisionError:
        emit("truediv", h(a), h(b), "ZeroDivisionError")
    except OverflowError:
        emit("truediv", h(a), h(b), "OverflowError")
for _ in range(400):
    # Quotients near the float range's edges and subnormals.
    a = rand_int(rng.choice([60, 600, 1200, 2200]))
    b = rand_int(rng.choice([60, 600, 1200, 2200]))
    if b == 0:
        continue
    try:
        emit("truediv", h(a), h(b), (a / b).hex())
    except OverflowError:
        emit("truediv", h(a), h(b), "OverflowError")
for _ in range(300):
    a, e = rand_int(200), rng.randint(0, 60)
    emit("pow", h(a), h(e), h(a ** e))
for _ in range(400):
    a, e, m = rand_int(rng.choice([10, 100, 700])), rand_int(rng.choice([5, 100, 500])), rand_int(rng.choice([4, 64, 300, 700]))
    try:
        emit("powmod", h(a), h(e), h(m), h(pow(a, e, m)))
    except ValueError:
        emit("powmod", h(a), h(e), h(m), "ValueError")
for _ in range(400):
    a = rand_int()
    s = rng.choice([0, 1, 29, 30, 31, 59, 60, 61, 100, 1000, rng.randint(0, 5000)])
    emit("lshift", h(a), s, h(a << s))
    emit("rshift", h(a), s, h(a >> s))
    emit("invert", h(a), h(~a))
    emit("bits", h(a), a.bit_length(), a.bit_count())
for _ in range(400):
    a = rand_int()
    emit("str", h(a), str(a) if abs(a).bit_length() < 14000 else "-")
    emit("fmt", h(a), format(a, "b"), format(a, "o"))
    try:
        emit("float", h(a), float(a).hex())
    except OverflowError:
        emit("float", h(a), "OverflowError")
# Huge values: the divide-and-conquer conversions and the recursive division.
sys.set_int_max_str_digits(0)
for bits in (31000, 45000, 70000, 100000):
    a = (rng.getrandbits(bits) | (1 << (bits - 1))) * rng.choice([1, -1])
    emit("str", h(a), str(a))
    bbits = bits // 2 + rng.randint(-2000, 2000)
    b = (rng.getrandbits(bbits) | (1 << (bbits - 1))) * rng.choice([1, -1])
    q, r = divmod(a, b)
    emit("div", h(a), h(b), h(q), h(r))
# Rounding at the 53-bit boundary: ties, just above and below.
for _ in range(400):
    m = rng.getrandbits(53) | (1 << 53)
    shift = rng.choice([1, 2, 3, 10, 900, 969, 970, 971, 1000])
    a = (m << shift) + rng.choice([0, 1, -1, 1 << (shift - 1), (1 << (shift - 1)) - 1, (1 << (shift - 1)) + 1])
    a = a * rng.choice([1, -1])
    try:
        emit("float", h(a), float(a).hex())
    except OverflowError:
        emit("float", h(a), "OverflowError")
for _ in range(400):
    x = rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 2.0 ** rng.randint(-5, 1023),
                    -rng.random() * 2.0 ** rng.randint(0, 1023), float(rng.getrandbits(60))])
    emit("fromfloat", x.hex(), h(int(x)))
for _ in range(600):
    a = rand_int(rng.choice([8, 30, 64, 100, 300]))
    n = rng.randint(1, 45)
    signed = rng.random() < 0.6
    order = rng.choice(["little", "big"])
    try:
        emit("tobytes", h(a), n, order, int(signed), a.to_bytes(n, order, signed=signed).hex())
    except OverflowError as e:
        emit("tobytes", h(a), n, order, int(signed), "OverflowError")
for a in [0, 1, -1, 127, 128, -128, -129, 255, 256]:
    for n in [0, 1, 2]:
        for signed in [0, 1]:
            try:
                emit("tobytes", h(a), n, "big", signed, a.to_bytes(n, "big", signed=bool(signed)).hex() or "-")
            except OverflowError as e:
                emit("tobytes", h(a), n, "big", signed, "OverflowError")
for _ in range(400):
    data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 40)))
    if data and rng.random() < 0.3:
        data = bytes([rng.choice([0x80, 0xff, 0x00])]) + data
    for order in ["little", "big"]:
        for signed in [0, 1]:
            emit("frombytes", data.hex() or "-", order, signed, h(int.from_bytes(data, order, signed=bool(signed))))
for _ in range(600):
    a, b = rand_int(), rand_int()
    if rng.random() < 0.5:
        g = rand_int(300, signed=False)
        a, b = a * g, b * g
    emit("gcd", h(a), h(b), h(math.gcd(a, b)))
for _ in range(500):
    a = rand_int(signed=False)
    if rng.random() < 0.3:
        r = rand_int(signed=False)
        a = r * r + rng.choice([0, -1, 1, 2 * r]) if r else a
    emit("isqrt", h(a), h(math.isqrt(a)))
# int(s, base): the literal grammar.
LITERALS = ["0", "-0", "+7", " 12 ", "\t-3\n", "1_000", "1__000", "_1", "1_", "0x_ff", "0x__ff",
            "0xff", "0XFF", "0o17", "0b101", "0b", "0x", "0o8", "0b2", "07", "00", "0_0", "0 1",
            "1 2", "", " ", "-", "+-1", "z", "Z", "zz", "10 ", "0x1g", "9" * 50, "-" + "7" * 70,
            "1" * 641, "0" * 700, "12\x00"]
for base in [0, 2, 8, 10, 16, 36, 7]:
    for s in LITERALS:
        try:
            result = h(int(s, base))
        except ValueError:
            result = "ValueError"
        emit("parse", base, s.encode().hex() or "-", result)
for _ in range(500):
    base = rng.choice([0, 2, 3, 8, 10, 16, 36, 10, 10])
    v = rand_int()
    if base in (0, 10):
        s = str(v) if abs(v).bit_length() < 14000 else "0"
    else:
        digs = "0123456789abcdefghijklmnopqrstuvwxyz"
        n, s = abs(v), ""
        while True:
            s = digs[n % base] + s
            n //= base
            if n == 0:
                break
        s = ("-" if v < 0 else "") + s
    if rng.random() < 0.3:
        s = s.upper()
    if rng.random() < 0.2 and len(s) > 3:
        i = rng.randrange(1, len(s) - 1)
        if s[i - 1] != "-":
            s = s[:i] + "_" + s[i:]
    try:
        result = h(int(s, base))
    except ValueError:
        result = "ValueError"
    emit("parse", base, s.encode().hex() or "-", result)
print("\n".join(out))
