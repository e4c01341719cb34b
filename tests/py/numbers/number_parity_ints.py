# str, format() with a random spec, hex, float and round() of 100 000 pseudo-random ints.
from _number_parity import *

ints = Digest("int")
for _ in range(100_000):
    n = random_int()
    spec = random_spec(INT_TYPES)
    if spec.endswith("c") and 31 < n.bit_length() <= 64:
        # The reference's C long has 32 bits: its error there differs from 64-bit CPython's.
        n %= 0x120000
    ints.add(" | ".join((str(n)[-40:], spec, attempt(format, n, spec)[-80:],
                         attempt(lambda v: hex(v)[-30:], n), attempt(float, n),
                         attempt(round, n, below(8) - 6))))
