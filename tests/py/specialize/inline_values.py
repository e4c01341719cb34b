# Instance attributes kept inline in the object (split keys / inline values) until the dict is
# asked for: attribute order, deletion, overflow into a dict, the specialised loads and stores
# seeing instances in both states, shadowing of methods and class attributes, __class__
# assignment, pickling, and the cycle collector.
import copy
import gc
import pickle
import weakref


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def loads(objs):
    out = []
    for o in objs:
        out.append((o.x, o.y, o.kind, o.norm1()))
    return out


def stores(objs, v):
    for o in objs:
        o.x = v
        o.y = v + 1


pts = [Point(i, -i) for i in range(8)]
print(loads(pts))
stores(pts, 3)
print(loads(pts))

# A materialised dict in the middle of a specialised loop.
d = vars(pts[3])
print(d)
d["x"] = 100
print(loads(pts))
stores(pts, 5)
print([vars(p) for p in pts[2:5]])

# Shadowing a method and a class attribute after the sites specialised.
pts[6].norm1 = lambda: "shadowed"
pts[7].kind = "own kind"
print(loads(pts))
del pts[6].norm1
del pts[7].kind
print(loads(pts))

# Insertion order follows each instance, deletions included.
p = Point(1, 2)
p.z = 3
del p.x
p.w = 4
p.x = 5
print(p.__dict__, list(p.__dict__))
q = Point(1, 2)
del q.y
print(q.__dict__)
try:
    del q.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    q.y
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(q, "y", "default"), hasattr(q, "x"), hasattr(q, "y"))


# More attributes than the class's methods assign: the rest go to a dict.
class Bag:
    pass


bags = []
for i in range(6):
    b = Bag()
    for j in range(i * 12):
        setattr(b, "a%d" % j, j)
    bags.append(b)
print([len(vars(b)) for b in bags])
print(list(vars(bags[2]))[:5], getattr(bags[5], "a59"))


# Names that are built at run time, and str subclasses as names.
class S(str):
    pass


name = "".join(["dyn", "amic"])
p = Point(0, 0)
setattr(p, name, 1)
setattr(p, S("sub"), 2)
print(p.dynamic, p.sub, getattr(p, "dyn" + "amic"), sorted(vars(p)))


# Subclasses with more attributes, with __slots__, and __class__ assignment.
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Slotted(Point):
    __slots__ = ("tag",)


p3 = Point3(1, 2, 3)
print(vars(p3), p3.norm1())
s = Slotted(4, 5)
s.tag = "t"
s.extra = 6
print(s.tag, vars(s), s.norm1())
p = Point(7, 8)
p.__class__ = Point3
print(type(p).__name__, vars(p), p.norm1())
p.z = 9
print(vars(p))

# __dict__ replaced, copied, pickled.
p = Point(1, 1)
p.__dict__ = {"x": 10, "y": 20, "w": 30}
print(p.x, p.y, p.w, loads([p]))
c = copy.copy(p3)
print(vars(c), c is not p3)
dc = copy.deepcopy(Point3([1], [2], [3]))
print(vars(dc))
pk = pickle.loads(pickle.dumps(Point3(4, 5, 6)))
print(type(pk).__name__, vars(pk))


# Cycles through inline values are collected; finalizers and weak references run.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


a, b = Node("a"), Node("b")
a.other, b.other = b, a
wa = weakref.ref(a, lambda r: print("callback"))
del a, b
gc.collect()
print(wa() is None)

n = Node("n")
n.self_ref = n
print(gc.get_referents(n).count(n) >= 1)
del n
gc.collect()
print("end")
