# Shared by the number_parity_*.py cases (issue 4's number parity at scale): pseudo-random
# floats, ints and format specs of the mini-language from splitmix64 in plain int arithmetic
# (no dependence on the random module), so both interpreters see the same inputs.  Results are
# printed as one SHA-256 digest per block of 2 000; with NUMBER_PARITY_DUMP=1 every result line
# is printed instead (to find a difference against the reference).
import hashlib
import os
import struct

DUMP = os.environ.get("NUMBER_PARITY_DUMP") == "1"
MASK = (1 << 64) - 1
state = 0x9E3779B97F4A7C15


def reseed(value):
    global state
    state = value


def rand64():
    global state
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def below(n):
    return rand64() % n


def pick(seq):
    return seq[below(len(seq))]


def random_float():
    kind = below(8)
    if kind < 3:  # any bit pattern: subnormals, huge, inf and nan included
        return struct.unpack("<d", rand64().to_bytes(8, "little"))[0]
    if kind < 6:  # short decimals, where repr's shortest-digit choice shows
        digits = below(10 ** (1 + below(17)))
        value = digits * 10.0 ** (below(60) - 30)
        return -value if below(2) else value
    if kind == 6:  # integers and halves, where rounding ties show
        return (below(1 << 54) - (1 << 53)) / pick((1, 2, 4, 8, 10, 1000))
    return pick((0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 1e16, 1e-5, 1e-4, 123456789.0, 9.995,
                 0.1, 0.3, 5e-324, 1.7976931348623157e308))


def random_int():
    kind = below(6)
    if kind < 2:
        n = below(1 << 64) - (1 << 63)
    elif kind < 4:
        bits = 1 + below(4000)
        n = 0
        while bits > 0:
            n = (n << 64) | rand64()
            bits -= 64
        n >>= below(64)
    elif kind == 4:
        n = below(2000) - 1000
    else:
        n = pick((0, 1, -1, 255, 256, 1 << 31, -(1 << 63), 10 ** 18, 0x110000, 0x10FFFF))
    return -n if below(2) else n


FILLS = ("", "", "", "*", "0", " ", "x")
ALIGNS = ("", "", "<", ">", "^", "=")
SIGNS = ("", "", "+", "-", " ")


def random_spec(types):
    spec = ""
    align = pick(ALIGNS)
    if align:
        spec += pick(FILLS) + align
    spec += pick(SIGNS)
    if below(8) == 0:
        spec += "z"
    if below(5) == 0:
        spec += "#"
    if below(6) == 0:
        spec += "0"
    if below(2):
        spec += str(below(30))
    if below(4) == 0:
        spec += pick((",", "_"))
    if below(2):
        spec += "." + str(below(25))
        if below(8) == 0:
            spec += pick((",", "_"))
    return spec + pick(types)


FLOAT_TYPES = ("", "e", "E", "f", "F", "g", "G", "n", "%", "", "g", "r", "d")
INT_TYPES = ("", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "", "d",
             "s")


def attempt(fn, *args):
    try:
        return repr(fn(*args))
    except Exception as exc:  # the message is part of what must match
        return type(exc).__name__ + ": " + str(exc)


class Digest:
    def __init__(self, name):
        self.name = name
        self.count = 0
        self.block = 0
        self.sha = hashlib.sha256()

    def add(self, text):
        if DUMP:
            print(self.name, self.count, text)
        self.sha.update(text.encode("utf-8", "surrogatepass") + b"\n")
        self.count += 1
        if self.count % 2000 == 0:
            self.flush()

    def flush(self):
        if not DUMP:
            print(self.name, self.block, self.sha.hexdigest()[:16])
        self.block += 1
        self.sha = hashlib.sha256()


def run_ints(name, count):
    """str, format() with a random spec, hex, float and round() of count pseudo-random ints."""
    ints = Digest(name)
    for _ in range(count):
        n = random_int()
        spec = random_spec(INT_TYPES)
        if spec.endswith("c") and 31 < n.bit_length() <= 64:
            # The reference's C long has 32 bits: its error there differs from 64-bit CPython's.
            n %= 0x120000
        ints.add(" | ".join((str(n)[-40:], spec, attempt(format, n, spec)[-80:],
                             attempt(lambda v: hex(v)[-30:], n), attempt(float, n),
                             attempt(round, n, below(8) - 6))))
