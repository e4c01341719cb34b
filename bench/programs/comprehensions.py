# Comprehensions: list, dict and set comprehensions with conditions, nested loops and
# tuple unpacking, as data-munging code writes them.
def run(n):
    rows = [(i, i % 17, "n%d" % (i % 101)) for i in range(n)]
    ids = [r[0] for r in rows if r[1] > 3]
    by_name = {name: i for i, _, name in rows}
    keys = {k for _, k, _ in rows}
    grid = [[x * y for x in range(30)] for y in range(30)]
    flat = [v for row in grid for v in row if v % 2]
    pairs = {(a, b): a * b for a in range(60) for b in range(60) if (a + b) % 3 == 0}
    inverted = {v: k for k, v in by_name.items()}
    lengths = [len(s) for s in by_name]
    total = 0
    for _ in range(10):
        total += sum([x * 2 for x in ids[:2000]])
        total += len({x % 1000 for x in ids[:5000]})
        total += len({k: v for k, v in zip(ids[:1000], ids[1:1001])})
    return (len(ids), len(by_name), len(keys), sum(flat), len(pairs), len(inverted),
            sum(lengths), total)


for _ in range(3):
    result = run(200000)
print(result)
