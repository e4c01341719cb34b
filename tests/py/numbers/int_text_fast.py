# int <-> text in bases 2, 8, 16 and 36: the machine-word fast paths of hex/oct/bin,
# format() and int(str, base) against the general ones (sizes around one and two digits).
for v in [0, 1, -1, 255, -255, 2**29, 2**30-1, 2**30, -2**30, 2**62, 2**63, -2**64, 10**30]:
    print(hex(v), oct(v), bin(v), format(v, 'x'), format(v, '#X'))
class I:
    def __index__(self): return -42
print(hex(I()), bin(True))
for s, b in [("ff", 16), ("-ff", 16), ("FF", 16), ("zz", 36), ("0", 2), ("-0", 10), ("123456789012", 10),
             ("1234567890123456789", 10), ("ZZZZZZZZZZZZ", 36), ("-", 10), ("1_0", 10), (" 12 ", 10), ("0x1f", 16), ("12", 2), ("g", 16)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
