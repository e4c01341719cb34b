#!/usr/bin/env python3
"""Generates tests/data/hash/hash_data.txt: hash values computed by the host CPython.

    python3 tools/hashdata/gen_hash_data.py [--check]

Needs a 64-bit CPython (3.11 or later: SipHash-1-3 and the xxHash tuple hash, as in 3.14).
Each line is `kind seed fields... expected`; numbers are written in hex or float.hex so the C++
test can rebuild the exact input. With --check, compares with the committed file instead.
"""
import os
import random
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "data", "hash", "hash_data.txt")
SEEDS = ["0", "1", "42", "12345", "4294967295"]

# Runs under each PYTHONHASHSEED; the inputs are the same for every seed (random.seed(n)).
CHILD = textwrap.dedent(r"""
    import random, sys
    from fractions import Fraction
    seed = sys.argv[1]
    rng = random.Random(2024)
    out = []
    for n in list(range(0, 33)) + [63, 64, 65, 100, 1000]:
        for _ in range(3):
            b = bytes(rng.randrange(256) for _ in range(n))
            out.append("bytes %s %s %d" % (seed, b.hex() or "-", hash(b)))
    for s in ["", "a", "abc", "hello world", "\u00e9t\u00e9", "\u20ac", "\U0001f600x"]:
        # str hashes its canonical data: 1, 2 or 4 bytes per character, little-endian.
        kind = max([1] + [1 if ord(c) < 256 else 2 if ord(c) < 65536 else 4 for c in s])
        data = b"".join(ord(c).to_bytes(kind, "little") for c in s)
        out.append("bytes %s %s %d" % (seed, data.hex() or "-", hash(s)))
    if seed == "0":
        specials = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-320, 5e-324, 1.7976931348623157e308,
                    float("inf"), float("-inf"), 2.0**61, 2.0**61 - 2**9, -(2.0**61 - 1), 1e16,
                    3.141592653589793, -2.5, 123456789.0, 2.0**-1074, 2.0**1023]
        for x in specials:
            out.append("double 0 %s %d" % (x.hex(), hash(x)))
        for _ in range(400):
            x = rng.choice([rng.random() * 10.0 ** rng.randint(-320, 308),
                            rng.uniform(-1e6, 1e6), float(rng.randint(-2**70, 2**70)),
                            random.Random(rng.random()).getrandbits(64) / 2**rng.randint(0, 1100)])
            if rng.random() < 0.5:
                x = -x
            out.append("double 0 %s %d" % (x.hex(), hash(x)))
        ints = [0, 1, -1, -2, 2**30 - 1, 2**30, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1),
                -(2**61), 2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**64)]
        for _ in range(400):
            ints.append(rng.getrandbits(rng.choice([8, 31, 62, 64, 65, 100, 300, 2000])) *
                        rng.choice([1, -1]))
        for v in ints:
            out.append("int 0 %s%x %d" % ("-" if v < 0 else "", abs(v), hash(v)))
        for _ in range(100):
            re_, im = rng.uniform(-1e9, 1e9), rng.choice([0.0, -0.0, rng.uniform(-5, 5), 1e300])
            out.append("complex 0 %s %s %d" % (re_.hex(), im.hex(), hash(complex(re_, im))))
        for _ in range(200):
            items = [rng.getrandbits(rng.choice([3, 40, 63])) - 2**30 for _ in range(rng.randint(0, 6))]
            out.append("tuple 0 %s %d" % (",".join(map(str, items)) or "-", hash(tuple(items))))
            out.append("frozenset 0 %s %d" % (",".join(map(str, set(items))) or "-",
                                             hash(frozenset(items))))
        for _ in range(200):
            p = rng.getrandbits(rng.choice([5, 64, 200])) * rng.choice([1, -1])
            q = rng.getrandbits(rng.choice([5, 64, 200])) + 1
            if rng.random() < 0.05:
                q = (2**61 - 1) * rng.randint(1, 5)
            f = Fraction(p, q)
            out.append("fraction 0 %s%x %x %d" % ("-" if f.numerator < 0 else "",
                                                  abs(f.numerator), f.denominator, hash(f)))
    print("\n".join(out))
""")


def generate():
    lines = []
    for seed in SEEDS:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", CHILD, seed], env=env, check=True,
                              capture_output=True, text=True)
        lines.append(proc.stdout)
    return "".join(lines)


def main():
    if sys.maxsize != 2**63 - 1:
        sys.exit("needs a 64-bit CPython")
    data = generate()
    if "--check" in sys.argv:
        with open(OUT) as f:
            if f.read() != data:
                sys.exit("tests/data/hash/hash_data.txt differs from the generator's output")
        return
    with open(OUT, "w") as f:
        f.write(data)


if __name__ == "__main__":
    main()
