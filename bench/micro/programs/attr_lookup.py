# Micro: instance attribute loads and stores, class attribute loads, method calls, properties.
class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x + self.y

    @property
    def double(self):
        return self.x * self.scale


p = Point(1, 2)
total = 0
for i in range(900000):
    p.x = i
    total += p.x + p.y + p.scale
    total += p.norm1()
    total += p.double
print(total)
