# int formatting with a spec (the compact-int fast path and the general one agree), int()
# with a base prefix, str.upper/lower on ASCII.
specs = ["", "d", "5d", "05d", "<6d", ">6d", "^7d", "=8d", "+d", " d", "-d", "+05d",
         " 06", "*^9", "0<5", "0^6d", "x", "X", "#x", "#X", "#010x", "o", "#o", "b", "#b",
         "#012b", "+#x", " #o", "_^+#12X", "3", "010", ",d", "_d", "_x", "_b", ",", "n",
         "c", "#<8x", "=+10d", "x>4", "\xe9^9d", "\u20ac>7x", "08_d", "1"]
values = [0, 1, -1, 7, -7, 255, -255, 12345, -12345, 2**30 - 1, -(2**30 - 1), 2**30,
          -(2**30), 2**62, -(2**63), 10**20, True, False]
for spec in specs:
    row = []
    for v in values:
        try:
            row.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(repr(spec), row)
for v in (3, -3, 10**25):
    print(f"{v:05d}|{v:x}|{v:>+8}|{v:#b}")
    try:
        print(f"{v:.2d}")
    except ValueError as e:
        print(e)
    try:
        print(f"{v:z}")
    except ValueError as e:
        print(e)

for text, base in [("0x1f", 16), ("-0X1F", 16), ("0o17", 8), ("0O17", 8), ("0b101", 2),
                   ("-0b1", 2), ("0x_1f", 16), ("0x", 16), ("0b2", 2), ("0x1f", 0),
                   ("0o8", 8), ("0x1f", 8), ("00x1", 16), ("0x123456789abc", 16),
                   ("0x123456789abcd", 16), ("1f", 16), ("0b", 2), ("-0x", 16), ("0x-1", 16),
                   (" 0x1f ", 16), ("0x1_f", 16), ("0xfffffffffff", 16), ("0b0", 2)]:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, e)

for s in ["Hello, World! 123 [az] {AZ} @`", "", "x", "MiXeD" * 20, "\x7f\x00~"]:
    print(s.upper(), s.lower(), s.upper().isascii(), s.lower() == s.upper().lower())
