# Micro: str.split / join / strip / replace on a text of words.
text = " ".join("word%d" % i for i in range(2000))
lines = "\n".join("a,b,c,%d" % i for i in range(2000))
total = 0
for _ in range(500):
    words = text.split()
    total += len(words)
    total += len(",".join(words))
    for line in lines.splitlines():
        total += len(line.split(","))
    total += len(text.replace("word", "w"))
print(total)
