# String building, formatting, splitting and joining.
def build(n):
    parts = []
    for i in range(n):
        parts.append("item-%d:%s" % (i, hex(i)))
    text = ",".join(parts)
    words = text.split(",")
    total = 0
    for w in words:
        name, _, value = w.partition(":")
        total += len(name) + int(value, 16)
    s = ""
    for i in range(n // 10):
        s += f"{i:05d}|"
    return total, len(s), text.upper().count("ITEM"), s[-12:]


for _ in range(5):
    result = build(200000)
print(result)
