# Micro: printf-style str formatting of small keys ("k%d" % i, "%s-%d" % (s, i)) and using
# the new strings as dict keys (their hash is computed once each).
def run(n):
    counts = {}
    last = None
    for i in range(n):
        key = "k%d" % (i % 1000)
        counts[key] = counts.get(key, 0) + 1
        last = "%s-%d" % (key, i)
    return len(counts), last


for _ in range(3):
    result = run(300000)
print(result)
