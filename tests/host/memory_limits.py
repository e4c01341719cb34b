# Impossible sizes raise MemoryError or OverflowError (never crash), as 64-bit CPython does.
# Every size here is far beyond any address space, so no allocation can succeed.
import os
import sys

CASES = [
    "[0] * 2**62", "'x' * 2**62", "bytearray(2**62)", "b'x' * 2**62", "list(range(2**62))",
    "[0, 1] * 2**61", "(0,) * 2**62", "'xy' * 2**62", "bytes(2**62)", "[0] * 2**63",
    "'x' * 2**63", "bytearray(2**63)", "tuple(range(2**62))", "[0] * -1",
    "'x'.ljust(2**62)", "'x'.center(2**62)", "'x'.zfill(2**62)",
    "b'x'.ljust(2**62)", "b'x'.rjust(2**62)", "b'x'.center(2**62)", "b'-1'.zfill(2**62)",
    "'\\t'.expandtabs(2**62)", "'x'.rjust(2**62)",
    "'a' * 2**20 * 2**50", "[None] * sys.maxsize",
    "[None] * (sys.maxsize + 1)", "'%*d' % (2**62, 1)", "'{:{}}'.format(1, 2**62)",
    "format(1, '%d' % 2**62)", "len(range(2**64))",
    "memoryview(b'x').tobytes() * 2**62", "'ab' * 2**62",
    "(1).to_bytes(2**62, 'big')", "1 << 2**62", "'x'.encode('utf-16') * 2**62",
    "[].extend(range(2**62))", "str(b'x' * 2**50)", "bytes(range(256)) * 2**56",
    "[1, 2, 3] * (2**62 // 3)", "b'ab' * 2**62", "(1, 2) * 2**62", "list(range(10)) * 2**61",
    "'x' * (sys.maxsize // 2)", "os.urandom(2**62)", "len(os.urandom(3))",
]

for src in CASES:
    try:
        r = eval(src)
        print(src, '->', type(r).__name__, len(r) if hasattr(r, '__len__') else '')
    except (MemoryError, OverflowError) as e:
        print(src, '->', type(e).__name__, e)

l = [0]
try:
    l *= 2**62
except MemoryError as e:
    print('list *=', type(e).__name__, len(l))
s = 'x'
try:
    s *= 2**62
except MemoryError as e:
    print('str *=', type(e).__name__, s)
