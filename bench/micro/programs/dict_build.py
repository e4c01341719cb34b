# Micro: building dicts: setdefault(...).append grouping, a dict comprehension over
# enumerate(sorted(...)), {**a, **b} merges and str(k) keys.
def run(n):
    groups = {}
    for i in range(n):
        groups.setdefault(i % 97, []).append(i)
    keys = sorted("k%d" % i for i in range(1000))
    total = 0
    for _ in range(n // 2000):
        index = {v: k for k, v in enumerate(keys)}
        merged = {**index, **{str(k): len(v) for k, v in groups.items()}}
        total += len(merged) + index["k5"]
    return total


for _ in range(3):
    result = run(300000)
print(result)
