# Micro: dict lookups (subscript, get, in) with existing str and int keys.
keys = ["key%d" % i for i in range(1000)]
d = {k: i for i, k in enumerate(keys)}
e = {i: i for i in range(1000)}
total = 0
for _ in range(900):
    for k in keys:
        total += d[k]
        if k in d:
            total += d.get(k, 0)
    for i in range(1000):
        total += e[i]
print(total)
