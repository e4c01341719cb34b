# Micro: float arithmetic (a polynomial and a running mean).
x = 0.0
acc = 0.0
for i in range(1500000):
    x = x * 0.999 + 0.5
    acc += x * x - 2.0 * x + 1.0 / (x + 1.0)
print(round(acc, 3))
