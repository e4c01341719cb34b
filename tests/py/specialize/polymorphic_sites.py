# Attribute loads and method calls at sites that see instances of several classes (the
# specialised load keeps two classes, the call takes another simple function of the same
# arity): the values, the methods that run, and what happens when a third class arrives, when
# an instance gets a dict or shadows the attribute, when a class changes, and when the function
# at the site takes other arguments (defaults, keyword-only, *args, generators).


class Task:
    def __init__(self, name, queue):
        self.name = name
        self.queue = queue
        self.count = 0

    def run(self, packet):
        return ("task", self.name, packet)


class Worker(Task):
    def run(self, packet):
        self.count += 1
        return ("worker", self.name, packet, self.count)


class Idle(Task):
    def run(self, packet):
        return ("idle", self.name, packet)


class Handler(Task):
    def __init__(self, name, queue, extra):
        super().__init__(name, queue)
        self.extra = extra

    def run(self, packet, scale=2):
        return ("handler", self.name, packet * scale, self.extra)


def schedule(tasks, rounds):
    out = []
    for i in range(rounds):
        t = tasks[i % len(tasks)]
        q = t.queue
        out.append((t.name, q, t.run(i)))
    return out


w = Worker("w", [1])
d = Idle("i", None)
print(schedule([w, d], 200)[-4:])
print(w.count)

# A third class at the same sites (its attribute offsets differ: an extra attribute).
h = Handler("h", (2,), "x")
print(schedule([w, d, h], 300)[-6:])
print(w.count)

# An instance of one of the cached classes gets a dict, then shadows run and queue.
d.__dict__["other"] = 1
print(schedule([w, d], 120)[-2:])
d.queue = "shadow"
d.run = lambda packet: ("shadowed", packet)
print(schedule([w, d], 120)[-2:])
del d.run
print(schedule([w, d], 120)[-2:])

# A class changes while the sites are specialised for it: a property over the attribute, a
# new method, and attribute deletion on an instance.
k = Idle("k", 6)
print(schedule([w, Idle("j", 5)], 120)[-2:])
Idle.queue = property(lambda self: "from property")
print(schedule([w, k], 120)[-2:])
del Idle.queue
Idle.run = lambda self, packet: ("replaced", packet)
print(schedule([w, Idle("m", 7)], 120)[-2:])
j = Idle("n", 8)
del j.queue
try:
    schedule([w, j], 120)
except AttributeError as e:
    print("AttributeError:", e)

# __class__ assignment between the two cached classes.
x = Worker("x", "q")
print(schedule([x, Idle("o", 9)], 120)[-2:])
x.__class__ = Idle
print(schedule([x, Worker("p", 10)], 120)[-2:])


# Functions of other shapes at a call site specialised for a simple one.
def one(a):
    return ("one", a)


def with_default(a, b=5):
    return ("default", a, b)


def kwonly(a, *, k=3):
    return ("kwonly", a, k)


def star(*args):
    return ("star", args)


def gen(a):
    yield ("gen", a)
    yield ("gen2", a)


def needs_two(a, b):
    return ("two", a, b)


def call_all(funcs, rounds):
    out = []
    for i in range(rounds):
        f = funcs[i % len(funcs)]
        try:
            r = f(i)
        except TypeError as e:
            r = ("TypeError", str(e))
        if not isinstance(r, tuple):
            r = ("generator", list(r))
        out.append(r)
    return out


print(call_all([one], 100)[-1])
print(call_all([one, with_default, kwonly, star, gen, needs_two], 120)[-6:])


# A function whose code is replaced while a site is specialised for it.
def swap_a(a):
    return ("a", a)


def swap_b(a):
    return ("b", a)


def call_swap(rounds):
    return [swap_a(i) for i in range(rounds)][-1]


print(call_swap(100))
swap_a.__code__ = swap_b.__code__
print(call_swap(100))
swap_a.__defaults__ = (9,)
swap_a.__code__ = with_default.__code__
print(call_swap(100))
swap_a.__kwdefaults__ = {"k": 4}
swap_a.__code__ = kwonly.__code__
print(call_swap(100))


# Globals and builtins read at specialised sites while the dicts change.
LIMIT = 10


def read_globals(n):
    total = 0
    for i in range(n):
        total += LIMIT + len("ab")
    return total


print(read_globals(100))
LIMIT = 20
print(read_globals(100))
for k in range(200):
    globals()["filler_%d" % k] = k  # the globals' keys table grows and is rebuilt
print(read_globals(100))
del LIMIT
try:
    read_globals(100)
except NameError as e:
    print("NameError:", e)
LIMIT = 1
len = lambda s: 100
print(read_globals(100))
del len
print(read_globals(100))
import builtins

builtins.LIMIT = 7
del LIMIT
print(read_globals(100))
del builtins.LIMIT


# Float powers on both paths (positive finite bases; zero, negative, infinite and overflowing
# ones; no subnormal results, whose errno differs between C libraries).
def powers(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(repr(a ** b))
        except OverflowError:
            out.append("OverflowError")  # its errno text is the C library's
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
    return out


cases = [(2.0, 0.5), (10.0, -1.5), (1.0, float("inf")), (2.0, 1e10), (0.5, 1e10), (2.0, -1080.0),
         (7.0, 0.25), (0.0, -1.0), (0.0, 2.0), (-2.0, 2.0), (-8.0, 1.0 / 3), (float("inf"), 2.0),
         (float("nan"), 0.0), (1.5, 0.0), (1e300, 2.0), (3.0, 2.0)]
for _ in range(3):
    print(powers(cases * 10)[:16])
