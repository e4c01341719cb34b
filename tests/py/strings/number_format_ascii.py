# Number formatting with widths, fills, signs and ',' / '_' grouping: the ASCII layouts of
# compact ints and of floats agree with the general (grouping, locale) path.
int_specs = [",", "_", ",d", "_d", "_x", "_X", "#_x", "_o", "#_b", "_b", "12,", ">12,", "<12,d",
             "^13,", "=12,", "+,", " ,", "+12,", "*>14,", "*<14_", "*^15,", "012,", "012_d",
             "=+012,", "0=12,", "#=16_x", "+#014_X", "15_o", "-,", "1,", "2_", "\xe9>10,",
             ",c", "_n", "n"]
int_values = [0, 1, -1, 9, 12, 123, -123, 999, 1000, -1000, 1234, 12345, 123456, -1234567,
              99999999, 2**30 - 1, -(2**30), 2**40 + 7, -(2**62), 10**20, -(10**20)]
for spec in int_specs:
    row = []
    for v in int_values:
        try:
            row.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(spec), row)

float_specs = ["", "f", ".2f", "8.3f", "08.3f", "+08.3f", "-08.2f", " 9.1f", "<10.2f",
               ">10.2f", "^11.2f", "=10.2f", "*^12.3f", "x<9.1f", "0=9.1f", "+=12.2f",
               ",", ",.2f", "_.3f", "14,.2f", "<14,.1f", "*^16,.2f", "+,f", "012,.2f",
               "015_.1f", "0=15,.2f", "e", ".3e", "12.2e", "012.3E", "+e", "g", ".4g",
               "12g", "010g", "%", ".1%", "10.2%", ",.1%", "F", "10F", "z.1f", "z08.1f",
               "#.0f", "#8.0f", "#g", "10", "010", "+", " 12", ".3", "15,", ".2,f", "._f",
               "n", "10n", "\u20ac>12.3f", "\xe9<10,.1f"]
float_values = [0.0, -0.0, 1.5, -1.5, 0.37, 123.456, -123.456, 1234.5678, -98765.4321,
                1234567.891, 1e16, -2.5e-7, 1e300, float("inf"), float("-inf"), float("nan"),
                20350.0, 9.99999, -0.04]
for spec in float_specs:
    row = []
    for v in float_values:
        try:
            row.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(spec), row)

for i in (0, 7, 1234, -56789, 10**9):
    x = i * 0.37
    print(f"{i:,} {i:_} {x:08.3f} {x:,.2f} {x:>+12,.1f} {i:#_x} {x:e}")
    print("{} {:08.3f} {name:<10}|{n:,}".format(i, x, name="n%d" % i, n=i * 1000))
