# LOAD_ATTR_PROPERTY: a property getter run in a frame the load pushes, and what makes the
# specialised load fall back (the class changes, the getter's code changes, the getter raises,
# recursion, a generator getter, a traceback through the getter).
import sys
import traceback


class Box:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v * 2

    @property
    def gen(self):
        yield self._v
        yield self._v + 1

    @property
    def bad(self):
        return 1 / self._v


def read(boxes):
    return [b.v for b in boxes]


boxes = [Box(i) for i in range(6)]
for _ in range(4):
    print(read(boxes))

# The getter's code replaced: the function version changes.
Box.v.fget.__code__ = (lambda self: -self._v).__code__
print(read(boxes))

# The class attribute replaced: the type version changes.
Box.v = property(lambda self: "lambda %d" % self._v)
print(read(boxes))
Box.v = 5
print(read(boxes))

# A subclass overriding the property with a plain attribute.
class Sub(Box):
    v = "class attribute"


print(read([Box(1), Sub(2), Box(3)]))


# Generator getters.
print([list(b.gen) for b in boxes[:4]])


# A getter that raises: the traceback passes through the property frame.
def divide(boxes):
    out = []
    for b in boxes:
        try:
            out.append(b.bad)
        except ZeroDivisionError as e:
            out.append(type(e).__name__)
            tb = traceback.extract_tb(e.__traceback__)
            out.append([f.name for f in tb])
    return out


print(divide([Box(1), Box(2), Box(0), Box(4)]))


# Recursion through a property.
class Chain:
    def __init__(self, n):
        self.next = None
        for _ in range(n):
            link = Chain(0)
            link.next = self.next
            self.next = link

    @property
    def depth(self):
        return 0 if self.next is None else 1 + self.next.depth


print([Chain(k).depth for k in range(5)])
c = Chain(5000)
try:
    c.depth
except RecursionError as e:
    print("RecursionError")

# The caller's frame seen from the getter.
class Who:
    @property
    def caller(self):
        return sys._getframe(1).f_code.co_name


def ask():
    w = Who()
    return [w.caller for _ in range(3)]


print(ask())
