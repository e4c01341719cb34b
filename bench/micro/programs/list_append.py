# Micro: list append and iteration.
total = 0
for _ in range(500):
    lst = []
    for i in range(5000):
        lst.append(i)
    for x in lst:
        total += x
print(total)
