# Formatting mixed values: f-strings with format specs and conversions, str.format with
# positional and keyword fields, %-formatting of ints, floats, strs and reprs.
def run(n):
    total = 0
    out = []
    for i in range(n):
        x = i * 0.37
        name = "item%d" % (i % 50)
        s1 = f"{name}: {i:>6} {x:.2f} {i:#x} {name!r}"
        s2 = "{} {:08.3f} {name:<10}|{n:,}".format(i, x, name=name, n=i * 1000)
        s3 = "%s=%d (%.1f%%) %r %5s %-4d|" % (name, i, x, name, i % 7, i % 100)
        s4 = f"{i}/{n} {x:e} {[i, name]} {i % 3 == 0}"
        s5 = str(i) + ":" + repr(x) + ":" + format(i, "b")
        total += len(s1) + len(s2) + len(s3) + len(s4) + len(s5)
        if i % 5000 == 0:
            out.append(s1 + s2 + s3 + s4 + s5)
    return total, out[-1]


for _ in range(3):
    result = run(30000)
print(result)
