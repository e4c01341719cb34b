# Micro: dict insertion with int and str keys into fresh dicts (resizing included).
keys = ["key%d" % i for i in range(1000)]
total = 0
for _ in range(1500):
    d = {}
    for k in keys:
        d[k] = 1
    e = {}
    for i in range(1000):
        e[i] = i
    total += len(d) + len(e)
print(total)
