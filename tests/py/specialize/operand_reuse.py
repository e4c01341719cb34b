# Specialised int/float operations whose result may take over an operand only the stack holds,
# and the inline name lookups of module and class bodies (LOAD_NAME / STORE_NAME).

def ints(n):
    out = []
    big = 2 ** 40
    for i in range(n):
        a = i * 1000 + 300
        b = a            # a second reference: neither a nor b may change below
        c = a + 7
        d = (a * 3 - (a >> 2)) & 0xFFFFFF
        e = (a % 7) ^ (a // 3) | 5
        f = big + i      # two digits
        g = f % 1000003
        h = f * f        # overflows a machine word
        k = -a - 1000
        m = (a - 10 ** 6) // 7
        n2 = (a - 10 ** 6) % 7
        out.append((a == b, a is b, c - a, d, e, g, h % 999, k, m, n2))
    return out

res = ints(60)
print(res[0], res[-1])
print(all(t[0] and t[1] and t[2] == 7 for t in res))

def floats(n):
    x = 0.0
    acc = 0.0
    keep = []
    for i in range(n):
        y = x
        x = x * 0.999 + 0.5
        acc += x * x - 2.0 * x + 1.0 / (x + 1.0)
        keep.append(y)
        z = x / 3.0 + i / 2.0 - 4 * x + x * 2 - 1 / (x + 1)
        acc += z
    return x, acc, keep[:3], keep[-1]

print(floats(80))

def div_zero(n):
    out = []
    for i in range(n):
        d = 2.0 if i < n - 1 else 0.0
        try:
            out.append(7.5 / d)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out

print(div_zero(40)[-3:])

def same_operand(n):
    s = 0
    for i in range(n):
        v = i + 1000
        s += v + v
        s += v * v - v
    return s

print(same_operand(70))

# Module-level names: rebinding, deletion, fall back to globals and builtins.
total = 0
for i in range(100):
    total = (total + i * 3 - (i >> 2)) & 0xFFFF
    if i % 7 == 0:
        total ^= i
    last = len  # a builtin found through the module dict miss
print(total, last is len)

del last
try:
    last
except NameError as e:
    print(e)

for j in range(50):
    len = j          # shadows the builtin in the module dict
print(len)
del len
print(len("abc"))

# A non-str key in the module dict: the inline probe steps aside.
globals()[1] = "one"
for j in range(30):
    total = total + 1
print(total, globals()[1])
del globals()[1]

class Body:
    x = 5
    for q in range(40):
        x = x + q      # class namespace: locals, then the module's globals
    y = total
    del q
print(Body.x, Body.y)

ns = {}
exec("t = 0\nfor i in range(40):\n    t = t + i\n", ns)
print(ns["t"])

class Mapping(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k)

m = Mapping()
exec("t = 0\nfor i in range(40):\n    t = t + i\nr = t", {}, m)
print(m["r"])
try:
    exec("for i in range(40):\n    undefined_name_xyz\n", {})
except NameError as e:
    print(e)
