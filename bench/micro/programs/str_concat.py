# Micro: str concatenation: += in a loop, a + b temporaries, f-strings.
total = 0
for _ in range(400):
    s = ""
    for i in range(2000):
        s += "ab"
    t = ""
    for i in range(1000):
        t = "x" + str(i) + "y"
        total += len(t)
    for i in range(1000):
        u = f"{i}-{i}"
    total += len(s) + len(u)
print(total)
