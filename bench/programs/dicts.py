# Dict-heavy code: counting, grouping, lookups with str and int keys.
def run(n):
    counts = {}
    groups = {}
    for i in range(n):
        key = "k%d" % (i % 1000)
        counts[key] = counts.get(key, 0) + 1
        groups.setdefault(i % 97, []).append(i)
    index = {v: k for k, v in enumerate(sorted(counts))}
    total = 0
    for k in counts:
        total += index[k] * counts[k]
    merged = {**counts, **{str(k): len(v) for k, v in groups.items()}}
    return total, len(merged), sum(len(v) for v in groups.values())


for _ in range(3):
    result = run(400000)
print(result)
