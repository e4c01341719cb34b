# LOAD_ATTR / STORE_ATTR specialisations and their guards: instance attributes, methods,
# class attributes, slots, modules; class changes after specialisation, shadowing,
# __class__ assignment, attribute deletion.
import math


class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Other:
    scale = "other-scale"

    def __init__(self):
        self.y = "other-y"
        self.x = "other-x"

    def norm1(self):
        return "other.norm1"


p = Point(1, 2)
log = []
for i in range(300):
    if i == 50:
        p.x = 10                       # value change (same key)
    if i == 80:
        p.__class__ = Other            # type change under LOAD_ATTR
    if i == 110:
        p.__class__ = Point
    if i == 140:
        Point.norm1 = lambda self: "patched"   # class attribute replaced
    if i == 170:
        p.norm1 = lambda: "instance shadows"   # instance shadows the method
    if i == 200:
        del p.norm1
    if i == 230:
        Point.scale = 3                # non-descriptor class attribute changes
    if i == 260:
        p.scale = "own"                # instance shadows the class attribute
    log.append((p.x, p.y, p.norm1(), p.scale))
for i in (0, 49, 50, 80, 110, 140, 170, 200, 230, 260, 299):
    print(i, log[i])


# STORE_ATTR with the hint: values replaced, then the key order changes.
q = Point(0, 0)
for i in range(200):
    q.x = i
    if i == 100:
        del q.y
        q.y = "again"
    if i == 150:
        q.__dict__.clear()
        q.x = -1
print(q.x, q.__dict__)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
vals = []
for i in range(150):
    s.a = i
    vals.append(s.a)
    if i == 100:
        del s.a
        try:
            s.a
        except AttributeError as e:
            vals.append(str(e))
        s.a = 0
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)
print(vals[0], vals[100], vals[101], vals[-1])


# Module attributes.
out = []
for i in range(150):
    if i == 70:
        math.newattr = 1
    if i == 100:
        math.sqrt = lambda v: "fake sqrt"
    out.append(math.sqrt(16.0))
del math.newattr
print(out[0], out[99], out[100], out[-1])


# Class attributes through the class.
class K:
    value = 1

    def meth():
        return "meth"


got = []
for i in range(150):
    if i == 80:
        K.value = 2
    if i == 120:
        K.meth = staticmethod(lambda: "static")
    got.append((K.value, K.meth()))
print(got[0], got[80], got[120], got[-1])


# A property defined after specialisation turns an instance attribute read into a call.
class Late:
    def __init__(self):
        self.v = "plain"


obj = Late()
seen = []
for i in range(150):
    if i == 100:
        Late.v = property(lambda self: "property")
    seen.append(obj.v)
print(seen[0], seen[99], seen[100], seen[-1])
