# repr, str, format() with a random spec and round() of 100 000 pseudo-random floats.
from _number_parity import *

floats = Digest("float")
for _ in range(100_000):
    x = random_float()
    spec = random_spec(FLOAT_TYPES)
    floats.add(" | ".join((repr(x), str(x), spec, attempt(format, x, spec),
                           attempt(round, x, below(12) - 4))))
