# Class instantiation with __init__ and keyword arguments, super() calls in __init__ and in
# overridden methods, properties and method-heavy object-oriented code (a small shape and
# account model).
class Shape:
    def __init__(self, name, x=0, y=0):
        self.name = name
        self.x = x
        self.y = y

    def area(self):
        return 0

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

    def describe(self):
        return self.name


class Rect(Shape):
    def __init__(self, w, h, x=0, y=0):
        super().__init__("rect", x=x, y=y)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def describe(self):
        return super().describe() + "!"


class Square(Rect):
    def __init__(self, side, **kw):
        super().__init__(side, side, **kw)

    def area(self):
        return super().area() + 1


class Circle(Shape):
    def __init__(self, r, x=0, y=0):
        super().__init__("circle", x, y)
        self.r = r

    @property
    def diameter(self):
        return 2 * self.r

    def area(self):
        return 3 * self.r * self.r


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)


class Account:
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True


def run(n):
    total = 0
    names = 0
    for i in range(n):
        r = Rect(i % 7, i % 5, x=i, y=1)
        s = Square(i % 9, x=1, y=i)
        c = Circle(r=i % 4)
        total += r.area() + s.area() + c.area() + c.diameter
        r.move(1, 2).move(3, 4)
        total += r.x + r.y
        names += len(s.describe()) + len(c.describe())
    p = Point(0, 0)
    step = Point(1, 2)
    for i in range(n):
        p = p.add(step)
    accounts = [Account("o%d" % i, balance=i) for i in range(100)]
    for i in range(n):
        a = accounts[i % 100]
        a.deposit(i % 13)
        a.withdraw(i % 11)
    return total, names, p.x, p.y, sum(a.balance for a in accounts), Account.count


for _ in range(3):
    result = run(60000)
print(result)
